"""Reads of reference data. Reference data is public, but reads still go through restrict()."""

from __future__ import annotations

from django.db.models import Count, Q

from careerlens.reference.models import Catchment, ReferenceSource


def catchments(user=None):
    return Catchment.objects.restrict(user, "view").select_related("economic_region")


def catchments_with_counts(user=None):
    return catchments(user).annotate(
        providers=Count("organisations", filter=Q(organisations__kind="provider")),
        sites=Count("organisations", filter=Q(organisations__kind="site")),
        offices=Count("organisations", filter=Q(organisations__kind__in=["ow_office", "odsp_office"])),
    )


def sources(user=None):
    return ReferenceSource.objects.restrict(user, "view")

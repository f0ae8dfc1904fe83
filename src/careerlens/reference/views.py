"""Public reference pages: occupation search, catchments, and the data sources with their licences."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.reference import selectors
from careerlens.reference.models import Catchment


@require_GET
def occupation_search(request):
    return render(request, "reference/occupation_search.html", {"query": request.GET.get("q", "")})


@require_GET
def catchment_list(request):
    return render(request, "reference/catchment_list.html", {"catchments": selectors.catchments(request.user)})


@require_GET
def catchment_detail(request, code: str):
    catchment = get_restricted_or_404(
        Catchment.objects.select_related("economic_region"), request.user, Action.VIEW, code=code
    )
    return render(request, "reference/catchment_detail.html", {"catchment": catchment})


@require_GET
def source_list(request):
    return render(request, "reference/source_list.html", {"sources": selectors.sources(request.user)})

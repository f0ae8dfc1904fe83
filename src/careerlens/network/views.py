"""Practitioner pages: the provider's practitioners with their competency areas, and a profile form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from careerlens.accounts.models import User
from careerlens.accounts.roles import Role
from careerlens.clients.models import provider_of
from careerlens.clients.views import attach
from careerlens.network import services
from careerlens.network.forms import ProfileForm
from careerlens.network.models import PractitionerProfile

VIEWERS = (Role.PRACTITIONER, Role.PROVIDER_MANAGER, Role.ADMINISTRATOR)


def _practitioners(user):
    people = User.objects.filter(role=Role.PRACTITIONER)
    if user.role == Role.ADMINISTRATOR or user.is_superuser:
        return people
    provider = provider_of(user)
    if provider is None:
        return people.none()
    return people.filter(Q(organisation=provider) | Q(organisation__parent=provider))


@login_required
@require_GET
def practitioner_list(request):
    if request.user.role not in VIEWERS and not request.user.is_superuser:
        raise Http404
    people = (
        _practitioners(request.user)
        .select_related("practitioner_profile", "organisation__parent")
        .annotate(caseload=Count("assignments", filter=Q(assignments__ended_at__isnull=True)))
        .order_by("last_name", "first_name")
    )
    rows = [(person, getattr(person, "practitioner_profile", None)) for person in people]
    context = {"rows": rows, "may_edit": {p.pk for p, _ in rows if services.may_edit(request.user, p)}}
    return render(request, "network/practitioner_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request, pk: int):
    practitioner = get_object_or_404(_practitioners(request.user), pk=pk)
    if not services.may_edit(request.user, practitioner):
        raise Http404
    profile = PractitionerProfile.objects.filter(user=practitioner).first()
    initial = (
        {
            "competency_areas": profile.competency_areas,
            "ccdp_certified": profile.ccdp_certified,
            "certified_on": profile.certified_on,
            "languages": profile.languages,
            "accepting_clients": profile.accepting_clients,
        }
        if profile
        else {"languages": ["en"], "accepting_clients": True}
    )
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_profile(request.user, practitioner, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, _("The profile was saved."))
            return redirect("network:practitioners")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "practitioner": practitioner}
    return render(request, "network/profile_form.html", context, status=status)

"""Sign-in, password change and the organisation directory (restricted to each user's scope)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from careerlens.accounts import selectors
from careerlens.accounts.forms import OrganisationFilterForm, SignInForm
from careerlens.accounts.models import Organisation
from careerlens.accounts.scoping import Action, get_restricted_or_404


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("web:start")

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


@login_required
@require_GET
def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    organisations = selectors.visible_organisations(
        request.user, kind=filters.get("kind") or None, catchment=filters.get("catchment") or None
    )
    page = Paginator(organisations, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/organisation_list.html", {"form": form, "page": page})


@login_required
@require_GET
def organisation_detail(request, code: str):
    organisation = get_restricted_or_404(
        Organisation.objects.select_related("catchment", "parent"), request.user, Action.VIEW, code=code
    )
    children = selectors.visible_organisations(request.user).filter(parent=organisation)
    return render(
        request, "accounts/organisation_detail.html", {"organisation": organisation, "children": children}
    )

"""The practitioner profile form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from careerlens.clients.forms import StyledForm
from careerlens.network.framework import area_choices

LANGUAGE_CHOICES = (("en", _("English")), ("fr", _("French")))


class ProfileForm(StyledForm):
    competency_areas = forms.MultipleChoiceField(
        label=_("CDP competency areas"), required=False, widget=forms.CheckboxSelectMultiple, choices=()
    )
    ccdp_certified = forms.BooleanField(
        label=_("Certified Career Development Practitioner (CCDP)"), required=False
    )
    certified_on = forms.DateField(label=_("Certified on"), required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages of service"), choices=LANGUAGE_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    accepting_clients = forms.BooleanField(label=_("Accepting new clients"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competency_areas"].choices = area_choices()

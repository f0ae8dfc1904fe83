"""Forms of the public reference pages."""

from __future__ import annotations

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from careerlens.reference.search import SearchQueryError, clean_query


class OccupationSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Job title or NOC code, in English or French"),
        help_text=_("For example: welder, soudeuse, early childhood educator, 72106."),
        required=False,
        strip=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget = forms.TextInput(
            attrs={
                "type": "search",
                "class": "ontario-input",
                "autocomplete": "off",
                "spellcheck": "false",
                "aria-describedby": "id_q_help",
                # Live results with htmx; without JavaScript the form submits as usual.
                "hx-get": reverse("reference:occupations"),
                "hx-trigger": "input changed delay:400ms, search",
                "hx-target": "#occupation-results",
                "hx-push-url": "true",
            }
        )

    def clean_q(self):
        try:
            return clean_query(self.cleaned_data.get("q"))
        except SearchQueryError as error:
            raise forms.ValidationError(str(error), code="query") from None

    def full_clean(self):
        super().full_clean()
        if self.is_bound and "q" in self.errors:
            self.fields["q"].widget.attrs.update(
                {"aria-invalid": "true", "aria-describedby": "id_q_help id_q_error"}
            )

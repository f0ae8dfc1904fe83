"""Forms of the segmentation pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from careerlens.casework.choices import Stream
from careerlens.casework.forms import OccupationField
from careerlens.clients.forms import StyledForm
from careerlens.segmentation.choices import ModelKind


class TrainForm(StyledForm):
    kind = forms.ChoiceField(label=_("Model"), choices=ModelKind.choices)


class DecisionForm(StyledForm):
    final_stream = forms.ChoiceField(label=_("Stream"), choices=Stream.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when you change the proposed stream: what the model could not see."),
    )


class EnrolmentForm(StyledForm):
    occupation = OccupationField(label=_("Current occupation (NOC 2021)"))
    tenure_years = forms.DecimalField(
        label=_("Years in the current job"), min_value=0, max_value=70, decimal_places=1
    )
    years_since_training = forms.DecimalField(
        label=_("Years since the last training or upgrade"), min_value=0, max_value=70, decimal_places=1
    )
    consent_to_contact = forms.BooleanField(
        label=_("The person consents to be contacted by the SSM's outreach when their risk rises"),
        required=False,
    )

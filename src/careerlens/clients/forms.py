"""Forms of the client pages. Values are checked again by the services and the models."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from careerlens.accounts import selectors as accounts
from careerlens.accounts.roles import OrganisationKind, Role
from careerlens.accounts.scoping import Action
from careerlens.clients.choices import ConsentTopic, ReferralStatus
from careerlens.clients.models import AssistanceSpell, Client, ProgramMembership
from careerlens.reference.models import Catchment


class StyledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.Select | forms.SelectMultiple):
                widget.attrs.setdefault("class", "cl-select")
            elif isinstance(widget, forms.Textarea):
                widget.attrs.setdefault("class", "ontario-textarea")
            elif isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "ontario-checkboxes__input")
            else:
                widget.attrs.setdefault("class", "ontario-input")
            if isinstance(field, forms.DateField):
                # A date input takes and shows ISO dates (2026-11-25) whatever the page's language.
                widget.input_type = "date"
                widget.format = "%Y-%m-%d"


class StyledModelForm(StyledForm, forms.ModelForm):
    pass


class ClientSearchForm(StyledForm):
    q = forms.CharField(label=_("Name or postal code"), required=False, max_length=100)


class IntakeForm(StyledModelForm):
    decision = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Client
        fields = [
            "first_name",
            "last_name",
            "date_of_birth",
            "postal_code",
            "catchment",
            "email",
            "phone",
            "language",
            "francophone",
            "indigenous",
            "newcomer",
            "arrival_year",
            "disability",
            "racialized",
            "gender",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["catchment"].queryset = Catchment.objects.all()
        for name in ("francophone", "indigenous", "newcomer", "disability", "racialized", "gender"):
            self.fields[name].choices = [("", _("Not asked")), *list(self.fields[name].choices)[1:]]
        self.fields["date_of_birth"].widget.input_type = "date"


class MembershipForm(StyledModelForm):
    class Meta:
        model = ProgramMembership
        fields = ["program", "start_date", "end_date"]


class SpellForm(StyledModelForm):
    class Meta:
        model = AssistanceSpell
        fields = ["program", "start_date", "end_date"]


class ConsentForm(StyledForm):
    organisation = forms.ModelChoiceField(label=_("Shared with"), queryset=None, to_field_name="code")
    topic = forms.ChoiceField(label=_("What is shared"), choices=ConsentTopic.choices)
    until = forms.DateField(label=_("Until"), required=False, help_text=_("Leave empty for no end date."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = [OrganisationKind.PROVIDER, OrganisationKind.OW_OFFICE, OrganisationKind.ODSP_OFFICE]
        self.fields["organisation"].queryset = accounts.visible_organisations(user).filter(kind__in=kinds)


class ReferralForm(StyledForm):
    provider = forms.ModelChoiceField(label=_("Provider"), queryset=None, to_field_name="code")
    note = forms.CharField(
        label=_("Note for the provider"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    share_status = forms.BooleanField(
        label=_("The client agrees that our office may see the status of this referral"), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = accounts.providers_for(user)
        if user.role != Role.CASEWORKER:
            del self.fields["share_status"]


class TransitionForm(StyledForm):
    to_status = forms.ChoiceField(label=_("New status"), choices=ReferralStatus.choices)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=1000,
        help_text=_("Needed to decline, or to close before the intake is done."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MergeForm(StyledForm):
    keep = forms.ModelChoiceField(label=_("Keep this record"), queryset=None)

    def __init__(self, *args, user, duplicate, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = (
            Client.objects.restrict(user, Action.CHANGE)
            .filter(merged_into__isnull=True)
            .exclude(pk=duplicate.pk)
        )

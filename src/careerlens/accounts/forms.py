from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from careerlens.accounts.roles import OrganisationKind
from careerlens.reference.models import Catchment


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "The username and password do not match an active account. Both are case-sensitive. "
            "After repeated failures the account is locked for a while."
        ),
        "inactive": _("This account is inactive."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ontario-input")
        self.fields["username"].widget.attrs["autocomplete"] = "username"


class OrganisationFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *OrganisationKind.choices]
    )
    catchment = forms.ModelChoiceField(
        label=_("Catchment"),
        required=False,
        queryset=Catchment.objects.all(),
        empty_label=_("All catchments"),
        to_field_name="code",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "cl-select")

    def clean_catchment(self):
        catchment = self.cleaned_data.get("catchment")
        return catchment.code if catchment else ""

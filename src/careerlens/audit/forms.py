from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from careerlens.audit.models import AuditAction
from careerlens.audit.registry import audited_models


def record_type_choices():
    choices = [("", _("All record types"))]
    for model in audited_models():
        content_type = ContentType.objects.get_for_model(model)
        choices.append(
            (f"{content_type.app_label}.{content_type.model}", model._meta.verbose_name.capitalize())
        )
    return choices


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Actor"), required=False, max_length=150)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("All actions")), *AuditAction.choices]
    )
    record_type = forms.ChoiceField(label=_("Record type"), required=False, choices=record_type_choices)
    object_id = forms.CharField(label=_("Record id"), required=False, max_length=64)
    request_id = forms.CharField(label=_("Request id"), required=False, max_length=64)
    since = forms.DateField(label=_("From (YYYY-MM-DD)"), required=False)
    until = forms.DateField(label=_("To (YYYY-MM-DD)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            css = "cl-select" if isinstance(field, forms.ChoiceField) else "ontario-input"
            field.widget.attrs.setdefault("class", css)
            if name in ("since", "until"):
                field.widget.input_type = "date"

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date is before the start date."))
        return cleaned

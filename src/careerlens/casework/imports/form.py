"""The upload form of the import page: the kind of file, the file, and optionally the sheet, the source
system and a dry run."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from careerlens.casework.imports.columns import DEFAULT_SYSTEM, MAX_FILE_BYTES

KIND_CHOICES = [
    ("clients", _("Clients and their program memberships")),
    ("jobs", _("Jobs")),
    ("outcomes", _("Checkpoint outcomes")),
]


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=KIND_CHOICES, widget=forms.RadioSelect)
    file = forms.FileField(label=_("File"), widget=forms.FileInput(attrs={"accept": ".csv,.xlsx"}))
    sheet = forms.CharField(
        label=_("Sheet"), required=False, max_length=100, help_text=_("XLSX only; empty for the first sheet.")
    )
    system = forms.CharField(
        label=_("Case management system"),
        initial=DEFAULT_SYSTEM,
        max_length=40,
        help_text=_("A short name for the system the ids come from, such as cms."),
    )
    dry_run = forms.BooleanField(label=_("Check only: write nothing"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("CSV (UTF-8, comma or semicolon) or XLSX, at most %(size)s MB.") % {
            "size": MAX_FILE_BYTES // (1024 * 1024)
        }

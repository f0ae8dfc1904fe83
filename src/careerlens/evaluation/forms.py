"""Forms of the evaluation pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from careerlens.analytics.evaluation.province import GROUPINGS, INTERVENTIONS, OUTCOMES
from careerlens.clients.forms import StyledForm

TREATMENTS = {
    "job_search": _("Job search"),
    "career_counselling": _("Career counselling"),
    "skills_training": _("Skills training"),
    "work_placement": _("Work placement"),
    "basic_skills": _("Basic skills and language"),
}
OUTCOME_NAMES = {
    "job_12m": _("A job within 12 months of intake"),
    "outcome_12m": _("A funded outcome at the 12-month checkpoint"),
    "earnings_12m": _("Weekly earnings at the 12-month checkpoint (0 without a job)"),
    "ow_return_12m": _("Back on Ontario Works within 12 months"),
    "career_index_exit": _("Career measures at exit"),
}
GROUP_NAMES = {
    "stream": _("Stream"),
    "program": _("Program"),
    "age_band": _("Age band (55+ included)"),
    "priority_group": _("Priority group (youth or women with high needs)"),
    "francophone": _("Francophone or not"),
    "indigenous": _("Indigenous or not"),
    "newcomer": _("Newcomer or not"),
    "disability": _("Person with a disability or not"),
    "racialized": _("Racialized or not"),
}


class SnapshotForm(StyledForm):
    treatment = forms.ChoiceField(label=_("Service"), choices=[(k, TREATMENTS[k]) for k in INTERVENTIONS])
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[(k, OUTCOME_NAMES[k]) for k in OUTCOMES])
    by = forms.ChoiceField(
        label=_("Effects by subgroup"),
        required=False,
        choices=[("", _("None")), *((k, GROUP_NAMES[k]) for k in GROUPINGS)],
    )


class UploadForm(StyledForm):
    data = forms.FileField(label=_("Table (CSV or Parquet)"))
    treatment = forms.CharField(label=_("Treatment column (yes/no)"), max_length=100)
    outcome = forms.CharField(label=_("Outcome column"), max_length=100)
    covariates = forms.CharField(
        label=_("Covariate columns"), max_length=2000, help_text=_("Separated by commas.")
    )
    by = forms.CharField(label=_("Subgroup column (optional)"), required=False, max_length=100)
    pre_outcome = forms.CharField(
        label=_("Outcome before the service (optional)"),
        required=False,
        max_length=100,
        help_text=_("Gives a difference-in-differences estimate too."),
    )

    def clean_covariates(self):
        names = [name.strip() for name in self.cleaned_data["covariates"].split(",") if name.strip()]
        if not names:
            raise forms.ValidationError(_("Name at least one covariate column."))
        return names

"""The explorer's form: where the person works now (or worked last), an optional goal, and options."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from careerlens.pathways import selectors

TEER_STEPS = [
    ("", _("Any step the data allows")),
    ("0", _("No step up: the same or less education and training")),
    ("1", _("At most one TEER level up")),
    ("2", _("At most two TEER levels up")),
]
TRAINING_WEEKS = [
    ("", _("Any length")),
    ("4", _("Up to 4 weeks")),
    ("13", _("Up to 3 months (13 weeks)")),
    ("26", _("Up to 6 months (26 weeks)")),
    ("52", _("Up to 1 year (52 weeks)")),
    ("104", _("Up to 2 years (104 weeks)")),
]


class ExplorerForm(forms.Form):
    origin = forms.CharField(
        label=_("Your occupation now, or your last one"),
        help_text=_("A job title in English or French, or a NOC code. For example: welder, 72106."),
        max_length=100,
        strip=True,
    )
    goal = forms.CharField(
        label=_("An occupation you would like to reach (optional)"),
        help_text=_("Leave empty to see the occupations your skills lead to; fill it to see paths there."),
        max_length=100,
        required=False,
        strip=True,
    )
    max_teer_step = forms.TypedChoiceField(
        label=_("Largest step up in education and training (TEER)"),
        choices=TEER_STEPS,
        coerce=int,
        empty_value=None,
        required=False,
    )
    max_training_weeks = forms.TypedChoiceField(
        label=_("Longest training you can take on"),
        help_text=_("Occupations whose estimated training is longer are not counted as within reach."),
        choices=TRAINING_WEEKS,
        coerce=int,
        empty_value=None,
        required=False,
    )
    feasibility_only = forms.BooleanField(
        label=_("Skills only: leave out the labour-market outlook and automation"),
        required=False,
    )
    interests = forms.CharField(
        label=_("Your interests as a Holland code (optional)"),
        help_text=_("Up to three letters of RIASEC, strongest first, such as SEC; from an assessment."),
        max_length=3,
        required=False,
        strip=True,
    )
    target = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_interests(self):
        letters = self.cleaned_data["interests"].upper()
        if any(letter not in "RIASEC" for letter in letters) or len(set(letters)) != len(letters):
            raise forms.ValidationError(_("Use up to three different letters of R, I, A, S, E and C."))
        return letters

    def __init__(self, *args, user=None, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.language = language
        for name in ("origin", "goal"):
            self.fields[name].widget.attrs.update(
                {"class": "ontario-input", "autocomplete": "off", "aria-describedby": f"id_{name}_help"}
            )
        self.fields["max_teer_step"].widget.attrs["class"] = "ontario-input ontario-dropdown"
        self.fields["max_training_weeks"].widget.attrs.update(
            {"class": "ontario-input ontario-dropdown", "aria-describedby": "id_max_training_weeks_help"}
        )
        self.fields["feasibility_only"].widget.attrs["class"] = "cl-checkbox"

    def _occupation(self, name: str) -> tuple[str | None, list]:
        text = self.cleaned_data.get(name)
        if not text:
            return None, []
        try:
            return selectors.find_occupation(self.user, text, field=name, language=self.language)
        except selectors.PathwayQueryError as error:
            self.add_error(name, str(error))
            return None, []

    def clean(self):
        cleaned = super().clean()
        cleaned["origin_code"], cleaned["alternatives"] = self._occupation("origin")
        cleaned["goal_code"], _others = self._occupation("goal")
        if cleaned["origin_code"] and cleaned["origin_code"] == cleaned["goal_code"]:
            self.add_error("goal", _("The goal is the origin occupation: choose another goal."))
        return cleaned

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                described = (
                    f"id_{name}_help id_{name}_error" if self.fields[name].help_text else f"id_{name}_error"
                )
                self.fields[name].widget.attrs.update({"aria-invalid": "true", "aria-describedby": described})

"""One form per step of the check-up, each built with the answers already given (back and forward keep
them), and the forms of the next steps: saving with an account, sharing, check-ins, deleting."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from careerlens.casework.instrument import instrument
from careerlens.clients.forms import StyledForm
from careerlens.clients.models import POSTAL_CODE, normalise_postal_code
from careerlens.pathways.selectors import PathwayQueryError, find_occupation
from careerlens.portal import catalogue
from careerlens.portal.reminders import REMIND_EVERY
from careerlens.portal.skills import main_skills
from careerlens.reference.models import Catchment

SITUATIONS = [
    ("employed", _("Employed")),
    ("notice", _("Laid off, or received a layoff notice")),
    ("unemployed", _("Unemployed")),
    ("assistance", _("On Ontario Works or ODSP")),
    ("student", _("A student")),
    ("returning", _("Returning to work after time away")),
    ("retiring", _("Retiring, or retired")),
]
WANTS = [
    ("stability", _("Steady work I can count on")),
    ("pay", _("Better pay")),
    ("growth", _("Room to grow and learn")),
    ("meaning", _("Work that matters to me")),
    ("flexibility", _("Flexible hours or place of work")),
    ("fewer_hours", _("Fewer hours, or a gradual retirement")),
    ("change", _("A different kind of work")),
]
TEER_STEPS = [
    ("0", _("No new diploma or certificate")),
    ("1", _("A short program or certificate")),
    ("2", _("A longer program, such as college")),
    ("any", _("Any training it takes")),
]
SKILL_LEVELS = [
    ("0", _("0 · I have not used it")),
    ("1", _("1 · Beginner")),
    ("2", _("2 · Some experience")),
    ("3", _("3 · Capable")),
    ("4", _("4 · Very capable")),
    ("5", _("5 · Expert")),
]


RADIO = {"class": "ontario-radios__input"}


def posted(request):
    """The posted data, bound even when empty (unticked boxes post nothing), or ``None`` for a GET."""
    return request.POST if request.method == "POST" else None


def _number(value) -> float | None:
    return None if value is None else float(value)


class StepForm(StyledForm):
    """The house form styles, with the Ontario Design System's classes on radio buttons and check boxes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.RadioSelect):
                field.widget.attrs.update(RADIO)
            elif isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.widget.attrs["class"] = "ontario-checkboxes__input"


class SituationForm(StepForm):
    situation = forms.ChoiceField(
        label=_("What is your situation now?"), choices=SITUATIONS, widget=forms.RadioSelect
    )
    age = forms.IntegerField(label=_("Your age"), min_value=14, max_value=90)

    def stored(self) -> dict:
        return {"situation": self.cleaned_data["situation"], "age": self.cleaned_data["age"]}


class OccupationForm(StepForm):
    occupation = forms.CharField(
        label=_("Your occupation now, or your last one"),
        help_text=_("A job title in English or French, or a NOC code. For example: welder, 72106."),
        max_length=100,
    )
    years = forms.DecimalField(
        label=_("Years in this occupation"), min_value=0, max_value=60, decimal_places=1, max_digits=3
    )
    training = forms.DecimalField(
        label=_("Years since your last training or upgrade"),
        min_value=0,
        max_value=60,
        decimal_places=1,
        max_digits=3,
    )

    def __init__(self, *args, user=None, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.language = user, language
        self.fields["occupation"].widget.attrs.update(
            {"autocomplete": "off", "aria-describedby": "id_occupation_help"}
        )
        for name in ("years", "training"):
            self.fields[name].widget.attrs["inputmode"] = "decimal"

    def clean_occupation(self):
        text = self.cleaned_data["occupation"]
        try:
            self.noc, _others = find_occupation(self.user, text, field="occupation", language=self.language)
        except PathwayQueryError as error:
            raise forms.ValidationError(str(error)) from None
        return text

    def stored(self) -> dict:
        data = self.cleaned_data
        return {
            "text": data["occupation"],
            "noc": self.noc,
            "years": _number(data["years"]),
            "training": _number(data["training"]),
        }


class WantsForm(StepForm):
    wants = forms.MultipleChoiceField(
        label=_("What do you want from work? Choose any."),
        choices=WANTS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    max_teer_step = forms.ChoiceField(
        label=_("How much new training would you take on for a new occupation?"),
        choices=TEER_STEPS,
        widget=forms.RadioSelect,
    )

    def stored(self) -> dict:
        return {"wants": self.cleaned_data["wants"], "max_teer_step": self.cleaned_data["max_teer_step"]}


class ItemsForm(StepForm):
    """The RIASEC profiler or the adaptability self-check: the common assessment's own items, 1 to 5."""

    def __init__(self, *args, module: str, **kwargs):
        super().__init__(*args, **kwargs)
        found = instrument()
        levels = [(str(v), f"{v} · {found.scale_label(v)}") for v in range(1, 6)]
        for question in found.module(module).questions:
            self.fields[question.id] = forms.ChoiceField(
                label=question.text, choices=levels, widget=forms.RadioSelect(attrs=RADIO)
            )

    def stored(self) -> dict:
        return {name: int(value) for name, value in self.cleaned_data.items()}


class SkillsForm(StepForm):
    """Self-ratings of the main skills of the person's occupation (OaSIS names, English only)."""

    def __init__(self, *args, noc: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.noc = noc
        for skill in main_skills(noc):
            field = forms.ChoiceField(
                label=skill.name, choices=SKILL_LEVELS, widget=forms.RadioSelect(attrs=RADIO), required=False
            )
            field.help_text = _("Leave blank to use the level typical of your occupation (%(level)s).") % {
                "level": f"{skill.typical:g}"
            }
            field.name_language = "en"
            self.fields[skill.id] = field

    def stored(self) -> dict:
        ratings = {name: int(value) for name, value in self.cleaned_data.items() if value not in ("", None)}
        return {"_origin": self.noc, **ratings}


class PlaceForm(StepForm):
    postal_code = forms.CharField(
        label=_("Your postal code"),
        help_text=_("The first three characters are enough, such as K1A or L5B."),
        max_length=7,
    )
    catchment = forms.ChoiceField(
        label=_("Your region (if we cannot find it from your postal code)"), required=False
    )

    def __init__(self, *args, language="en", **kwargs):
        super().__init__(*args, **kwargs)
        name = "name_fr" if language == "fr" else "name_en"
        rows = Catchment.objects.order_by(name).values_list("code", name)
        self.fields["catchment"].choices = [("", _("Find it from my postal code")), *rows]
        self.fields["postal_code"].widget.attrs.update(
            {"autocomplete": "postal-code", "aria-describedby": "id_postal_code_help"}
        )

    def clean_postal_code(self):
        fsa = catalogue.fsa_of(self.cleaned_data["postal_code"])
        if not catalogue.FSA.match(fsa):
            raise forms.ValidationError(_("Enter an Ontario postal code, such as K1A or L5B 3C2."))
        return fsa

    def clean(self):
        cleaned = super().clean()
        fsa, chosen = cleaned.get("postal_code"), cleaned.get("catchment")
        found = catalogue.catchment_for(fsa) if fsa else None
        if fsa and not chosen and found is None:
            self.add_error(
                "catchment",
                _("We do not know which region %(fsa)s is in. Choose your region.") % {"fsa": fsa},
            )
        return cleaned

    def stored(self) -> dict:
        fsa, chosen = self.cleaned_data["postal_code"], self.cleaned_data["catchment"]
        found = catalogue.catchment_for(fsa)
        if chosen:
            return {"fsa": fsa, "catchment": chosen, "chosen": True}
        return {"fsa": fsa, "catchment": found[0], "chosen": False}


class SaveForm(StepForm):
    """A new client account, and what a client record needs (name, date of birth, full postal code)."""

    username = forms.CharField(label=_("Choose a user name"), max_length=150)
    password = forms.CharField(label=_("Choose a password"), widget=forms.PasswordInput, strip=False)
    password_again = forms.CharField(label=_("The password again"), widget=forms.PasswordInput, strip=False)
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    # Typed, not a date picker: a picker's field order follows the browser's locale, which the label cannot
    # say, and a date of birth is easier to type than to pick (one format in both languages).
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        help_text=_("Year, month and day, such as 1968-04-09."),
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Enter your date of birth as year, month and day, such as 1968-04-09.")},
    )
    postal_code = forms.CharField(label=_("Full postal code"), max_length=7)
    email = forms.EmailField(label=_("Email (optional)"), required=False)

    def __init__(self, *args, account: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        born = self.fields["date_of_birth"].widget
        born.input_type = "text"
        born.attrs.update({"autocomplete": "bday", "aria-describedby": "id_date_of_birth_help"})
        if not account:  # a signed-in client without a client record: the record only
            for name in ("username", "password", "password_again", "email"):
                del self.fields[name]
            return
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        for name in ("password", "password_again"):
            self.fields[name].widget.attrs["autocomplete"] = "new-password"
        self.fields["postal_code"].widget.attrs["autocomplete"] = "postal-code"

    def clean_username(self):
        name = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=name).exists():
            raise forms.ValidationError(_("This user name is taken: choose another."))
        return name

    def clean_postal_code(self):
        value = normalise_postal_code(self.cleaned_data["postal_code"])
        if not POSTAL_CODE.match(value):
            raise forms.ValidationError(_("Enter a Canadian postal code, such as M5V 3L9."))
        return value

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if "password" not in self.fields:
            return cleaned
        if password and password != cleaned.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        elif password:
            user = get_user_model()(
                username=cleaned.get("username", ""), first_name=cleaned.get("first_name", "")
            )
            try:
                validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class ShareForm(StepForm):
    provider = forms.ChoiceField(label=_("The provider you want to share with"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("A message for the practitioner (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree to share with this provider my check-up summary: my situation, occupation, interests, "
            "readiness for change, skills and the pathways found."
        )
    )

    def __init__(self, *args, providers=(), language="en", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].choices = [
            (p.code, p.name_fr if language == "fr" else p.name_en) for p in providers
        ]


class CheckInsForm(StepForm):
    reminder = forms.TypedChoiceField(
        label=_("Remind me by email to take the check-up again"),
        choices=[*((str(days), label) for days, label in REMIND_EVERY.items()), ("", _("No reminder"))],
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        required=False,
    )
    email = forms.EmailField(label=_("Your email, for the reminder"), required=False)
    outreach = forms.BooleanField(
        label=_(
            "If my risk of a career interruption rises, the service system manager of my region may "
            "contact me"
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reminder") and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", _("Give your email, so that we can send the reminder."))
        return cleaned


class DeleteForm(StepForm):
    account = forms.BooleanField(label=_("Also close my account"), required=False)
    confirm = forms.BooleanField(label=_("Yes, delete everything I saved from the check-up"))

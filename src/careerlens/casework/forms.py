"""Forms of the casework pages. Values are checked again by the services and the models."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from careerlens.accounts.models import Organisation, User
from careerlens.accounts.roles import OrganisationKind, Role
from careerlens.casework import catalogue
from careerlens.casework.choices import Evidence, ExitReason, ItemStatus, Stream
from careerlens.casework.instrument import instrument
from careerlens.clients.forms import StyledForm
from careerlens.clients.models import provider_of
from careerlens.reference.occupations import Occupation

STATUS_FILTER = (
    ("all", _("Everyone assigned now")),
    ("open", _("Open episodes")),
    ("closed", _("Closed episodes (job follow-up)")),
)
YES_NO = ((True, _("Yes")), (False, _("No")))


def practitioners_of(provider):
    """The active practitioners of a provider and of its sites."""
    return User.objects.filter(
        Q(organisation=provider) | Q(organisation__parent=provider), role=Role.PRACTITIONER, is_active=True
    ).order_by("last_name", "first_name")


class OccupationField(forms.CharField):
    """A NOC 2021 unit group typed as its five-digit code."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Five digits, for example 72106. Find codes under Occupations."))
        super().__init__(max_length=5, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        found = Occupation.objects.filter(code=value.strip()).first()
        if found is None:
            raise forms.ValidationError(_("No NOC 2021 unit group has the code %(code)s.") % {"code": value})
        return found


class PractitionerField(forms.ModelChoiceField):
    """A practitioner shown by full name."""

    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class CaseloadFilterForm(StyledForm):
    stream = forms.ChoiceField(
        label=_("Stream"), required=False, choices=[("", _("All streams")), *Stream.choices]
    )
    status = forms.ChoiceField(label=_("Episode"), required=False, choices=STATUS_FILTER)
    due = forms.BooleanField(label=_("Only clients with follow-ups due"), required=False)
    practitioner = forms.ModelChoiceField(
        label=_("Practitioner"), required=False, queryset=User.objects.none()
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.role == Role.PROVIDER_MANAGER:
            provider = provider_of(user)
            self.fields["practitioner"].queryset = practitioners_of(provider)
        else:
            del self.fields["practitioner"]


class EpisodeForm(StyledForm):
    opened_on = forms.DateField(label=_("Intake date"))
    stream = forms.ChoiceField(
        label=_("Stream"), required=False, choices=[("", _("Not set yet")), *Stream.choices]
    )


class CloseEpisodeForm(StyledForm):
    closed_on = forms.DateField(label=_("Exit date"))
    exit_reason = forms.ChoiceField(label=_("Exit reason"), choices=ExitReason.choices)


class PlanForm(StyledForm):
    career_goal = OccupationField(label=_("Career goal (NOC 2021)"), required=False)
    goal = forms.CharField(
        label=_("Goals, in the client's words"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class PlanItemForm(StyledForm):
    intervention = forms.ChoiceField(label=_("Intervention"), choices=())
    goal = forms.CharField(label=_("What it is for"), required=False, max_length=300)
    planned_start = forms.DateField(label=_("Planned start"), required=False)
    planned_end = forms.DateField(label=_("Planned end"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["intervention"].choices = [("", "—"), *catalogue.choices()]


class ItemStatusForm(StyledForm):
    status = forms.ChoiceField(label=_("Status"), choices=ItemStatus.choices)


class JobForm(StyledForm):
    employer = forms.CharField(label=_("Employer"), max_length=200)
    occupation = OccupationField(label=_("Occupation (NOC 2021)"))
    hours_per_week = forms.DecimalField(label=_("Hours a week"), max_digits=5, decimal_places=2)
    hourly_wage = forms.DecimalField(label=_("Hourly wage ($)"), max_digits=8, decimal_places=2)
    start_date = forms.DateField(label=_("Start date"))
    end_date = forms.DateField(label=_("End date"), required=False)
    subsidised = forms.BooleanField(label=_("Subsidised placement"), required=False)
    subsidy_end_date = forms.DateField(label=_("Subsidy ends"), required=False)


class CheckpointForm(StyledForm):
    employed = forms.TypedChoiceField(
        label=_("Still working?"),
        choices=YES_NO,
        coerce=lambda v: v in (True, "True"),
        widget=forms.RadioSelect,
    )
    hours_per_week = forms.DecimalField(
        label=_("Hours a week"), max_digits=5, decimal_places=2, required=False
    )
    hourly_wage = forms.DecimalField(
        label=_("Hourly wage ($)"), max_digits=8, decimal_places=2, required=False
    )
    evidence = forms.ChoiceField(label=_("Evidence"), choices=Evidence.choices)


class NoteForm(StyledForm):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class TaskForm(StyledForm):
    title = forms.CharField(label=_("Task"), max_length=200)
    due_on = forms.DateField(label=_("Due"))


class AssignForm(StyledForm):
    practitioner = PractitionerField(label=_("Practitioner"), queryset=User.objects.none())
    reason = forms.CharField(label=_("Reason (needed for a transfer)"), required=False, max_length=500)

    def __init__(self, *args, provider=None, **kwargs):
        super().__init__(*args, **kwargs)
        if provider is not None:
            self.fields["practitioner"].queryset = practitioners_of(provider)


class TransferForm(StyledForm):
    provider = forms.ModelChoiceField(label=_("Transfer to provider"), queryset=Organisation.objects.none())
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        providers = Organisation.objects.filter(kind=OrganisationKind.PROVIDER, is_active=True)
        if current is not None:
            providers = providers.exclude(pk=current.pk)
        self.fields["provider"].queryset = providers.order_by("name_en")


def module_form(module, answers: dict, data=None):
    """A form for one module of the assessment: every field optional here (save part-way and resume);
    completion checks the required ones."""
    form = forms.Form(data=data, initial={q.id: answers.get(q.id) for q in module.questions})
    for question in module.questions:
        if question.type == "choice":
            field = forms.ChoiceField(choices=question.choices(), widget=forms.RadioSelect, required=False)
        elif question.type == "scale":
            choices = [(str(v), f"{v} · {instrument().scale_label(v)}") for v in range(1, 6)]
            if question.raw.get("min", 1) == 1 and question.raw.get("max", 5) == 5:
                field = forms.ChoiceField(choices=choices, widget=forms.RadioSelect, required=False)
            else:
                field = forms.IntegerField(required=False)
        else:
            attrs = {"class": "ontario-input"}
            if question.type in ("number", "money"):
                attrs["inputmode"] = "decimal"
            field = forms.CharField(required=False, widget=forms.TextInput(attrs=attrs))
            if question.allows_prefer_not:
                field.help_text = _("Leave empty if the client prefers not to answer.")
        field.label = question.text
        field.required_by_instrument = question.required
        form.fields[question.id] = field
    return form

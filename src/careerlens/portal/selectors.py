"""Reads for the check-up's results: the career health summary, the occupation's signals and risk, the
personalised pathways, the programs the person may be eligible for and the providers of their catchment."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from careerlens.accounts.models import Organisation
from careerlens.accounts.roles import OrganisationKind
from careerlens.analytics.segmentation.early_warning import score as risk_score
from careerlens.casework.instrument import ADAPTABILITY, scores
from careerlens.pathways.selectors import occupation_titles
from careerlens.portal import catalogue, skills
from careerlens.portal.forms import SITUATIONS, WANTS
from careerlens.reference.models import Catchment

LATE_CAREER_FROM = 50
ADAPTABILITY_NAMES = {
    "concern": gettext_lazy("thinking ahead about your working life"),
    "control": gettext_lazy("taking charge of your career decisions"),
    "curiosity": gettext_lazy("exploring new options"),
    "confidence": gettext_lazy("confidence you can make a change"),
}


def _label(choices, value: str) -> str:
    return str(dict(choices).get(value, value))


def providers(catchment: str, language: str) -> list[Organisation]:
    """The active employment service providers of the catchment (public information), by name."""
    order = "name_fr" if language == "fr" else "name_en"
    found = Organisation.objects.filter(kind=OrganisationKind.PROVIDER, catchment_id=catchment)
    found = found.filter(is_active=True)
    return list(found.order_by(order))


def _age_reason(program: catalogue.Program) -> str:
    low, high = program.ages
    if low is not None and high is not None:
        rule = _("Its rules name ages %(low)s to %(high)s.") % {"low": low, "high": high}
    elif low is not None:
        rule = _("Its rules name a minimum age of %(low)s.") % {"low": low}
    else:
        rule = _("Its rules name a maximum age of %(high)s.") % {"high": high}
    ask = _("Ask a provider whether it, or an exception to its age rule, applies to you.")
    return f"{rule} {ask}"


def programs(situation: str, age: int, language: str) -> dict[str, list[dict]]:
    """Programs the person may be eligible for now, those that would open if their situation changed, and
    those whose age rule does not fit, with the reason (age is never a reason to show fewer: an age rule
    only decides where a program is listed)."""
    now, later, check = [], [], []
    for program in catalogue.programs():
        item = {
            "id": program.id,
            "name": program.text("name", language),
            "summary": program.text("summary", language),
            "sources": program.sources,
            "verified": program.verified,
            "to_verify": program.text("to_verify", language),
        }
        if not program.fits_age(age):
            check.append({**item, "reason": _age_reason(program)})
        elif program.fits_situation(situation):
            now.append(item)
        else:
            later.append(item)
    return {"now": now, "later": later, "check": check}


def eligible_training(pathways: list[dict], situation: str, age: int) -> list[dict]:
    """The pathways with, as the training that closes their gaps, only the programs the person may be
    eligible for now by the rules of ``portal/data/programs.json`` (the others are listed, with why, under
    the programs)."""
    return [
        {**p, "programs": [m for m in p["programs"] if catalogue.eligible_now(m["id"], situation, age)]}
        for p in pathways
    ]


def _adaptability_sentence(values: dict) -> str:
    rated = {k: v for k, v in values.items() if v is not None}
    if not rated:
        return ""
    strongest = max(rated, key=lambda k: (rated[k], k))
    weakest = min(rated, key=lambda k: (rated[k], k))
    return _("Your strongest side for a change: %(strong)s. The one to build: %(weak)s.") % {
        "strong": ADAPTABILITY_NAMES[strongest],
        "weak": ADAPTABILITY_NAMES[weakest],
    }


def results(user, answers: dict, language: str) -> dict:
    """Everything the results page and the printable summary show, from a complete set of answers."""
    situation, work, wants = answers["situation"], answers["occupation"], answers["wants"]
    place = answers["place"]
    noc, age = work["noc"], situation["age"]
    items = {**answers["interests"], **answers["adaptability"]}
    found = scores(items)
    holland = found["holland_code"]
    who = skills.person(noc, answers.get("skills", {}), holland, wants.get("max_teer_step"))
    risk = risk_score(noc, age, work["years"], work["training"])
    catchment = Catchment.objects.filter(code=place["catchment"]).first()
    title = occupation_titles(user, [noc], language).get(noc, noc)
    return {
        "situation": _label(SITUATIONS, situation["situation"]),
        "age": age,
        "late_career": age >= LATE_CAREER_FROM,
        "occupation": {"code": noc, "title": title, "years": work["years"]},
        "wants": [_label(WANTS, w) for w in wants.get("wants", [])],
        "holland_code": holland,
        "adaptability": {d: found["adaptability"][d] for d in ADAPTABILITY},
        "adaptability_overall": found["adaptability_overall"],
        "adaptability_sentence": _adaptability_sentence(found["adaptability"]),
        "risk": {
            "level": risk["level"],
            "label": risk["label"][language],
            "reasons": [reason["text"][language] for reason in risk["reasons"]],
        },
        "signals": skills.signals(noc, language),
        "pathways": eligible_training(skills.pathways(user, who, language), situation["situation"], age),
        "programs": programs(situation["situation"], age, language),
        "catchment": catchment,
        "catchment_chosen": place["chosen"],
        "fsa": place["fsa"],
        "providers": providers(place["catchment"], language),
    }


def earlier(checkup, language: str) -> dict:
    """What a saved check-up said, to compare with the results of taking it again: its date, occupation
    and risk of a career interruption."""
    work, age = checkup.answers["occupation"], checkup.answers["situation"]["age"]
    risk = risk_score(work["noc"], age, work["years"], work["training"])
    return {
        "saved_at": checkup.saved_at,
        "occupation": work["noc"],
        "risk": {"level": risk["level"], "label": risk["label"][language]},
    }


def summary_note(found: dict) -> str:
    """The text a self-referral carries: what the person agreed to share, in the active language."""
    lines = [
        _("Career check-up summary shared by the person."),
        _("Situation: %(value)s") % {"value": found["situation"]},
        _("Occupation: %(title)s (%(code)s), %(years)s years") % found["occupation"],
        _("Interests (Holland code): %(value)s") % {"value": found["holland_code"]},
        _("Readiness for change (1 to 5): %(value)s") % {"value": found["adaptability_overall"]},
        _("Risk of a career interruption: %(value)s") % {"value": found["risk"]["label"]},
        _("Pathways: %(value)s")
        % {"value": "; ".join(f"{p['title']} ({p['target']})" for p in found["pathways"])},
    ]
    return "\n".join(lines)

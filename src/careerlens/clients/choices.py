"""The fixed lists of the clients app: programs, self-identification answers, consent topics, statuses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    EN = "en", _("English")
    FR = "fr", _("French")


class Answer(models.TextChoices):
    """A voluntary self-identification answer. Empty means the question was not asked."""

    YES = "yes", _("Yes")
    NO = "no", _("No")
    PREFER_NOT = "prefer_not", _("Prefer not to answer")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")
    ANOTHER = "another", _("Another gender")
    PREFER_NOT = "prefer_not", _("Prefer not to answer")


class Program(models.TextChoices):
    EO = "eo", _("Employment Ontario")
    OW = "ow", _("Ontario Works")
    ODSP = "odsp", _("Ontario Disability Support Program")
    EI = "ei", _("Employment Insurance")


class AssistanceProgram(models.TextChoices):
    OW = "ow", _("Ontario Works")
    ODSP = "odsp", _("Ontario Disability Support Program")


class ConsentTopic(models.TextChoices):
    REFERRAL_STATUS = "referral_status", _("Referral status")
    PLAN_SUMMARY = "plan_summary", _("Action plan summary")
    ASSESSMENT = "assessment", _("Assessment")


class ReferralSource(models.TextChoices):
    CASEWORKER = "caseworker", _("Social assistance caseworker")
    CLIENT = "client", _("The client")
    PROVIDER = "provider", _("Another provider")
    CHECKUP = "checkup", _("Career check-up")


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    INTAKE_BOOKED = "intake_booked", _("Intake booked")
    INTAKE_DONE = "intake_done", _("Intake done")
    CLOSED = "closed", _("Closed")


# The state machine: each status and the statuses it may move to.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    ReferralStatus.SENT: (ReferralStatus.ACCEPTED, ReferralStatus.DECLINED),
    ReferralStatus.ACCEPTED: (ReferralStatus.INTAKE_BOOKED, ReferralStatus.CLOSED),
    ReferralStatus.DECLINED: (),
    ReferralStatus.INTAKE_BOOKED: (ReferralStatus.INTAKE_DONE, ReferralStatus.CLOSED),
    ReferralStatus.INTAKE_DONE: (ReferralStatus.CLOSED,),
    ReferralStatus.CLOSED: (),
}
# Moves that need a reason: declining, and closing before the intake is done.
NEEDS_REASON = {
    (ReferralStatus.SENT, ReferralStatus.DECLINED),
    (ReferralStatus.ACCEPTED, ReferralStatus.CLOSED),
    (ReferralStatus.INTAKE_BOOKED, ReferralStatus.CLOSED),
}
# Statuses in which a referral is still waiting for the provider to act.
WAITING = (ReferralStatus.SENT, ReferralStatus.ACCEPTED)

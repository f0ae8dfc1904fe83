"""The person (client record), program memberships, social-assistance spells, consents and referrals.

Each model answers ``scope(user, action)`` (docs/roles.md); read and change them through
``Model.objects.restrict(user, action)``. Every change is audited.
"""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careerlens.accounts.models import Organisation, User
from careerlens.accounts.roles import OrganisationKind, Role
from careerlens.accounts.scoping import Action, RestrictedQuerySet, is_active_user
from careerlens.audit.registry import audited
from careerlens.clients.choices import (
    Answer,
    AssistanceProgram,
    ConsentTopic,
    Gender,
    Language,
    Program,
    ReferralSource,
    ReferralStatus,
)

POSTAL_CODE = re.compile(r"^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$")
PROVIDER_STAFF = (Role.PRACTITIONER, Role.PROVIDER_MANAGER)


def normalise_postal_code(value: str) -> str:
    """``m5v3l9`` → ``M5V 3L9`` (other text is returned upper-cased, for the validator to refuse)."""
    compact = re.sub(r"\s+", "", value or "").upper()
    return f"{compact[:3]} {compact[3:]}" if len(compact) == 6 else compact


def provider_of(user):
    """The provider a practitioner or provider manager works for (a site's parent), or None. Reads the
    user's organisation with its parent in one query, once a request (the user object keeps it)."""
    if user.organisation_id is None:
        return None
    if not User.organisation.is_cached(user):
        user.organisation = Organisation.objects.select_related("parent").get(pk=user.organisation_id)
    organisation = user.organisation
    return organisation.parent if organisation.kind == OrganisationKind.SITE else organisation


def changes_what_it_sees(user) -> bool:
    """True when the user may change every client they may see: client_rule() gives administrators and
    provider staff the same rule for CHANGE as for VIEW (a test holds the two equal for every persona)."""
    return is_active_user(user) and (is_admin(user) or user.role in PROVIDER_STAFF)


def is_admin(user) -> bool:
    return user.role == Role.ADMINISTRATOR or user.is_superuser


@audited(exclude=("updated_at",))
class Client(models.Model):
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    date_of_birth = models.DateField(_("date of birth"))
    postal_code = models.CharField(_("postal code"), max_length=7, help_text=_("For example M5V 3L9."))
    catchment = models.ForeignKey(
        "reference.Catchment", verbose_name=_("catchment"), on_delete=models.PROTECT, related_name="+"
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    language = models.CharField(
        _("language of service"), max_length=2, choices=Language.choices, default=Language.EN
    )
    francophone = models.CharField(_("Francophone"), max_length=12, choices=Answer.choices, blank=True)
    indigenous = models.CharField(_("Indigenous"), max_length=12, choices=Answer.choices, blank=True)
    newcomer = models.CharField(_("newcomer to Canada"), max_length=12, choices=Answer.choices, blank=True)
    arrival_year = models.PositiveSmallIntegerField(_("year of arrival in Canada"), null=True, blank=True)
    disability = models.CharField(
        _("person with a disability"), max_length=12, choices=Answer.choices, blank=True
    )
    racialized = models.CharField(_("racialized"), max_length=12, choices=Answer.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=12, choices=Gender.choices, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("client account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="client_record",
    )
    registered_by = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registered_clients",
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_records",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "pk"]
        verbose_name = _("client")
        verbose_name_plural = _("clients")

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    def clean(self):
        errors = {}
        self.postal_code = normalise_postal_code(self.postal_code)
        if self.postal_code and not POSTAL_CODE.match(self.postal_code):
            errors["postal_code"] = _("Enter a Canadian postal code, such as M5V 3L9.")
        today = timezone.localdate()
        if self.date_of_birth and not (datetime.date(1900, 1, 1) <= self.date_of_birth <= today):
            errors["date_of_birth"] = _("The date of birth must be between 1900 and today.")
        if self.arrival_year is not None:
            if self.newcomer != Answer.YES:
                errors["arrival_year"] = _("A year of arrival is recorded only for a newcomer.")
            elif not 1900 <= self.arrival_year <= today.year:
                errors["arrival_year"] = _("The year of arrival must be between 1900 and this year.")
        if self.user_id and self.user.role != Role.CLIENT:
            errors["user"] = _("Only an account with the client role can be linked to a client record.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def scope(cls, user, action: str):
        return client_rule(user, action)


def client_rule(user, action: str, path: str = ""):
    """The clients a user may see (VIEW) or change (CHANGE), as a rule on the client reached through
    ``path`` ("" for the client itself, "client" or "job__client" for a record that belongs to one):
    ``True`` (every client), ``False`` (none) or a ``Q``. One rule, stated once, for the client and for
    every record reached through it (written on the path, not as a subquery of clients, so that the
    database reads the record's own index)."""
    if not is_active_user(user):
        return False
    if is_admin(user):
        return True
    if action not in (Action.VIEW, Action.CHANGE):
        return False
    prefix = f"{path}__" if path else ""
    key = path or "pk"
    if user.role == Role.CLIENT:
        return Q(**{f"{prefix}user_id": user.pk}) if action == Action.VIEW else False
    if user.role in PROVIDER_STAFF and (provider := provider_of(user)) is not None:
        referred = Referral.objects.filter(provider_id=provider.pk).values("client_id")
        return Q(**{f"{prefix}registered_by_id": provider.pk}) | Q(**{f"{key}__in": referred})
    if user.role == Role.CASEWORKER and user.organisation_id:
        referred = Referral.objects.filter(from_organisation_id=user.organisation_id).values("client_id")
        return Q(**{f"{prefix}registered_by_id": user.organisation_id}) | Q(**{f"{key}__in": referred})
    return False  # SSM managers and analysts: aggregates only, never a client's detail


def through_client(user, action: str):
    """The rule of a record that belongs to a client: the client's own rule, for the same action."""
    return client_rule(user, action, "client")


class DatedPeriod(models.Model):
    """A period of a client's life with a start and an optional end (a membership, a spell)."""

    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    scope = staticmethod(through_client)

    class Meta:
        abstract = True
        ordering = ["-start_date", "pk"]

    def __str__(self):
        return f"{self.get_program_display()} {self.start_date:%Y-%m-%d}"

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end is before the start.")})


@audited()
class ProgramMembership(DatedPeriod):
    client = models.ForeignKey(
        Client, verbose_name=_("client"), on_delete=models.CASCADE, related_name="memberships"
    )
    program = models.CharField(_("program"), max_length=4, choices=Program.choices)

    class Meta(DatedPeriod.Meta):
        verbose_name = _("program membership")
        verbose_name_plural = _("program memberships")


@audited()
class AssistanceSpell(DatedPeriod):
    client = models.ForeignKey(
        Client, verbose_name=_("client"), on_delete=models.CASCADE, related_name="spells"
    )
    program = models.CharField(_("program"), max_length=4, choices=AssistanceProgram.choices)

    class Meta(DatedPeriod.Meta):
        verbose_name = _("social assistance spell")
        verbose_name_plural = _("social assistance spells")


class ConsentQuerySet(RestrictedQuerySet):
    def in_force(self, on: datetime.date | None = None):
        """Consents not withdrawn and not expired on ``on`` (today): the one test of a consent."""
        on = on or timezone.localdate()
        return self.filter(withdrawn_at__isnull=True).filter(Q(until__isnull=True) | Q(until__gte=on))


@audited()
class Consent(models.Model):
    client = models.ForeignKey(
        Client, verbose_name=_("client"), on_delete=models.CASCADE, related_name="consents"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("shared with"), on_delete=models.PROTECT, related_name="+"
    )
    topic = models.CharField(_("what is shared"), max_length=20, choices=ConsentTopic.choices)
    until = models.DateField(_("until"), null=True, blank=True, help_text=_("Leave empty for no end date."))
    granted_at = models.DateTimeField(_("granted"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-granted_at", "pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.get_topic_display()} → {self.organisation}"

    @property
    def is_in_force(self) -> bool:
        return self.withdrawn_at is None and (self.until is None or self.until >= timezone.localdate())

    @classmethod
    def scope(cls, user, action: str):
        if is_active_user(user) and user.role == Role.CLIENT and action in (Action.VIEW, Action.CHANGE):
            return Q(client__user_id=user.pk)  # clients grant and withdraw their own consents
        return through_client(user, action)


def consent_exists(organisation_ref, topic: str, client_ref=None) -> Exists:
    """A subquery: a consent in force for the client (``client_ref``) to share ``topic`` with the
    organisation."""
    return Exists(
        Consent.objects.in_force().filter(
            client_id=client_ref if client_ref is not None else OuterRef("client_id"),
            organisation_id=organisation_ref,
            topic=topic,
        )
    )


@audited(exclude=("status_changed_at",))
class Referral(models.Model):
    client = models.ForeignKey(
        Client, verbose_name=_("client"), on_delete=models.PROTECT, related_name="referrals"
    )
    source = models.CharField(_("referred by"), max_length=12, choices=ReferralSource.choices)
    from_organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("referring organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referrals_sent",
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("referring person"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    provider = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("provider"),
        on_delete=models.PROTECT,
        related_name="referrals_received",
        limit_choices_to={"kind": OrganisationKind.PROVIDER},
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        # The provider staff's scope reads a provider's referred clients from the index alone.
        indexes = [models.Index(fields=["provider", "client"], name="referral_provider_client")]

    def __str__(self):
        return f"{self.client} → {self.provider}"

    @classmethod
    def scope(cls, user, action: str):
        if not is_active_user(user):
            return False
        if is_admin(user):
            return True
        if user.role in PROVIDER_STAFF and action in (Action.VIEW, Action.CHANGE):
            provider = provider_of(user)
            return Q(provider_id=provider.pk) if provider else False
        if action != Action.VIEW:
            return False
        if user.role == Role.CLIENT:
            return Q(client__user_id=user.pk)
        if user.role == Role.CASEWORKER and user.organisation_id:
            # The status only while the client's consent to share it with the office is in force.
            consented = consent_exists(user.organisation_id, ConsentTopic.REFERRAL_STATUS)
            return Q(from_organisation_id=user.organisation_id) & Q(consented)
        return False


@audited()
class ReferralTransition(models.Model):
    """One move of a referral's status (the first, from nothing to "sent", is its creation)."""

    referral = models.ForeignKey(
        Referral, verbose_name=_("referral"), on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(_("from"), max_length=16, choices=ReferralStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=16, choices=ReferralStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    reason = models.TextField(_("reason"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("referral status change")
        verbose_name_plural = _("referral status changes")

    def __str__(self):
        return f"{self.from_status or '—'} → {self.to_status}"

    @classmethod
    def scope(cls, user, action: str):
        if action != Action.VIEW:
            return is_admin(user) if is_active_user(user) else False
        rule = Referral.scope(user, action)
        if rule is True or rule is False:
            return rule
        return Q(referral__in=Referral.objects.filter(rule).values("pk"))

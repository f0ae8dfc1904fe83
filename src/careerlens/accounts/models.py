"""Organisations (ministry, SSMs, providers, sites, social-assistance offices), users and API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from careerlens.accounts.roles import PARENT_KIND, ROLE_ORGANISATION_KINDS, OrganisationKind, Role
from careerlens.accounts.scoping import Action, RestrictedQuerySet, is_active_user
from careerlens.audit.registry import audited


@audited(exclude=("updated_at",))  # the entry's own time says when
class Organisation(models.Model):
    code = models.SlugField(_("code"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    catchment = models.ForeignKey(
        "reference.Catchment",
        verbose_name=_("catchment"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=7, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    serves_in_french = models.BooleanField(_("serves in French"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name_en"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.name_fr if (get_language() or "en").startswith("fr") and self.name_fr else self.name_en

    def clean(self):
        if self.kind not in PARENT_KIND:
            return  # the field's own validation names the bad kind
        expected = PARENT_KIND[self.kind]
        parent = self.parent if self.parent_id else None
        if expected is None:
            if parent is not None:
                raise ValidationError({"parent": _("A ministry has no parent organisation.")})
            return
        if parent is None or parent.kind != expected:
            raise ValidationError(
                {
                    "parent": _(
                        "The parent of an organisation of kind “%(kind)s” must be of kind “%(parent)s”."
                    )
                    % {"kind": OrganisationKind(self.kind).label, "parent": OrganisationKind(expected).label}
                }
            )
        if self.catchment_id is None:
            raise ValidationError(
                {"catchment": _("Every organisation except the ministry serves a catchment.")}
            )
        if parent.catchment_id and parent.catchment_id != self.catchment_id:
            raise ValidationError(
                {
                    "catchment": _("The catchment must be the same as that of its parent, %(parent)s.")
                    % {"parent": parent.name}
                }
            )
        if self.kind == OrganisationKind.SSM:
            others = Organisation.objects.filter(kind=OrganisationKind.SSM, catchment_id=self.catchment_id)
            if others.exclude(pk=self.pk).exists():
                message = _(
                    "This catchment already has a service system manager; there is one per catchment."
                )
                raise ValidationError({"catchment": message})

    @classmethod
    def scope(cls, user, action: str):
        if not is_active_user(user):
            return False
        if user.role == Role.ADMINISTRATOR or user.is_superuser:
            return True
        if action != Action.VIEW:
            return False
        if user.role == Role.ANALYST:
            return True
        org = user.organisation
        if user.role == Role.CLIENT:
            if user.home_catchment_id is None:
                return False
            return Q(
                catchment_id=user.home_catchment_id,
                kind__in=[OrganisationKind.PROVIDER, OrganisationKind.SITE],
            )
        if org is None:
            return False
        if user.role in (Role.SSM_MANAGER, Role.CASEWORKER):
            return Q(catchment_id=org.catchment_id)
        if user.role == Role.PROVIDER_MANAGER:
            return Q(pk=org.pk) | Q(parent_id=org.pk) | Q(pk=org.parent_id)
        if user.role == Role.PRACTITIONER:
            provider = org.parent if org.kind == OrganisationKind.SITE else org
            return Q(pk__in=[provider.pk, provider.parent_id]) | Q(parent_id=provider.pk)
        return False


class CareerlensUserManager(UserManager.from_queryset(RestrictedQuerySet)):
    pass


@audited(exclude=("password", "last_login"), masked=("password",))
class User(AbstractUser):
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    home_catchment = models.ForeignKey(
        "reference.Catchment",
        verbose_name=_("home catchment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For clients: the catchment where they live."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=[("en", _("English")), ("fr", _("French"))],
        default="en",
    )

    objects = CareerlensUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    def clean(self):
        super().clean()
        if self.role == Role.CLIENT:
            if self.organisation_id:
                raise ValidationError({"organisation": _("A client account belongs to no organisation.")})
            return
        allowed = ROLE_ORGANISATION_KINDS.get(self.role, set())
        if not allowed:
            return
        organisation = self.organisation if self.organisation_id else None
        if organisation is None or organisation.kind not in allowed:
            kinds = ", ".join(f"“{OrganisationKind(kind).label}”" for kind in sorted(allowed))
            message = _("An account with the role “%(role)s” belongs to an organisation of kind %(kinds)s.")
            raise ValidationError({"organisation": message % {"role": Role(self.role).label, "kinds": kinds}})

    def save(self, *args, **kwargs):
        # The role decides access to the administration site: administrators have it, other roles do not.
        # An account with no role (for example one made by createsuperuser) keeps what it was given.
        if self.role == Role.ADMINISTRATOR:
            self.is_staff = self.is_superuser = True
        elif self.role:
            self.is_staff = self.is_superuser = False
        super().save(*args, **kwargs)

    @property
    def catchment(self):
        if self.organisation_id:
            return self.organisation.catchment
        return self.home_catchment

    @classmethod
    def scope(cls, user, action: str):
        if not is_active_user(user):
            return False
        if user.role == Role.ADMINISTRATOR or user.is_superuser:
            return True
        own = Q(pk=user.pk)
        if action != Action.VIEW:
            return own
        org = user.organisation
        if user.role == Role.PROVIDER_MANAGER and org is not None:
            return own | Q(organisation_id=org.pk) | Q(organisation__parent_id=org.pk)
        if user.role == Role.SSM_MANAGER and org is not None:
            return own | (Q(organisation__catchment_id=org.catchment_id) & ~Q(role=Role.CLIENT))
        return own


@audited(exclude=("key_hash", "last_used_at"))
class ApiToken(models.Model):
    """A bearer token for systems that call the API; only a hash of the key is kept (and never audited)."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked = models.BooleanField(_("revoked"), default=False)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    @classmethod
    def issue(cls, user: User, name: str, expires_at=None) -> tuple[ApiToken, str]:
        """A new token and its key; the key is shown once and never stored."""
        key = "cl_" + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, prefix=key[:10], key_hash=cls.hash_key(key), expires_at=expires_at
        )
        return token, key

    def is_usable(self) -> bool:
        if self.revoked or not self.user.is_active:
            return False
        return self.expires_at is None or self.expires_at > timezone.now()

    @classmethod
    def scope(cls, user, action: str):
        if not is_active_user(user):
            return False
        if user.role == Role.ADMINISTRATOR or user.is_superuser:
            return True
        return Q(user_id=user.pk)

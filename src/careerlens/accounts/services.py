"""Writes to accounts: API tokens and the signed-in person's own profile. Every change is audited."""

from __future__ import annotations

import datetime

from django.utils import timezone

from careerlens.accounts.models import ApiToken, User
from careerlens.accounts.scoping import Action, get_restricted_or_404

PROFILE_FIELDS = ("first_name", "last_name", "preferred_language")


def issue_token(user: User, name: str, days: int | None = None) -> tuple[ApiToken, str]:
    """A new API token for ``user`` and its key. The key is returned once; only its hash is kept."""
    if not user.is_active:
        raise ValueError(f"The account {user.username!r} is inactive; it cannot be given a token.")
    if not name.strip():
        raise ValueError("A token needs a name that says which system uses it.")
    if days is not None and days < 1:
        raise ValueError("A token must last at least one day.")
    expires_at = timezone.now() + datetime.timedelta(days=days) if days else None
    return ApiToken.issue(user, name.strip(), expires_at=expires_at)


def revoke_token(actor, token_id: int) -> ApiToken:
    """Revoke one of the tokens ``actor`` may change (their own, or any for an administrator)."""
    token = get_restricted_or_404(ApiToken, actor, Action.CHANGE, pk=token_id)
    token.revoked = True
    token.save(update_fields=["revoked"])
    return token


def update_profile(actor, **changes) -> User:
    """Change the signed-in person's own names or preferred language (the audit records the change)."""
    user = get_restricted_or_404(User, actor, Action.CHANGE, pk=actor.pk)
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"These fields cannot be changed here: {', '.join(sorted(unknown))}.")
    changed = [name for name, value in changes.items() if value is not None and getattr(user, name) != value]
    for name in changed:
        setattr(user, name, changes[name])
    if changed:
        others = [field.name for field in User._meta.fields if field.name not in changed]
        user.clean_fields(exclude=others)
        user.save(update_fields=changed)
    return user

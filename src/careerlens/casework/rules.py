"""Who may see and change casework records (docs/roles.md): the staff of the providers that serve the client
and administrators, through the client's own rule; the client sees their own plan, assessments, jobs and
checkpoints; OW/ODSP caseworkers see only a plan summary, and only with the client's consent."""

from __future__ import annotations

from django.db.models import Q

from careerlens.accounts.roles import Role
from careerlens.accounts.scoping import Action, is_active_user
from careerlens.clients.models import PROVIDER_STAFF, client_rule, is_admin


def casework_rule(user, action: str, client_path: str = "client", client_sees: bool = True):
    """The rule of a casework record reached from its client through ``client_path``."""
    if not is_active_user(user):
        return False
    if is_admin(user):
        return True
    if user.role == Role.CLIENT:
        return Q(**{f"{client_path}__user_id": user.pk}) if client_sees and action == Action.VIEW else False
    if user.role in PROVIDER_STAFF:
        return client_rule(user, action, client_path)
    return False

"""Each role lands on its own start page: which template, filled with what (all reads restricted)."""

from __future__ import annotations

from careerlens.accounts import selectors as accounts
from careerlens.accounts.roles import Role
from careerlens.audit import selectors as audit
from careerlens.clients import selectors as clients
from careerlens.reference import selectors as reference


def for_user(user) -> tuple[str, dict]:
    role = user.role or ("administrator" if user.is_superuser else "")
    builder = _BUILDERS.get(role, _no_role)
    template, context = builder(user)
    context.setdefault("role_label", Role(role).label if role in Role.values else "")
    return template, context


def _client(user):
    return "web/start/client.html", {
        "catchment": user.home_catchment,
        "providers": accounts.providers_for(user),
        "record": clients.visible_clients(user).first(),
    }


def _practitioner(user):
    return "web/start/practitioner.html", {
        "organisation": user.organisation,
        "network": accounts.visible_organisations(user),
    }


def _provider_manager(user):
    return "web/start/provider_manager.html", {
        "organisation": user.organisation,
        "sites": accounts.visible_organisations(user).filter(parent=user.organisation),
        "staff": accounts.visible_staff(user),
    }


def _ssm_manager(user):
    return "web/start/ssm_manager.html", {
        "organisation": user.organisation,
        "catchment": user.catchment,
        "providers": accounts.providers_with_sites(user),
        "offices": accounts.social_assistance_offices(user),
    }


def _caseworker(user):
    return "web/start/caseworker.html", {
        "organisation": user.organisation,
        "catchment": user.catchment,
        "providers": accounts.providers_with_sites(user),
    }


def _analyst(user):
    return "web/start/analyst.html", {
        "catchments": reference.catchments_with_counts(),
        "sources": reference.sources(),
    }


def _administrator(user):
    return "web/start/administrator.html", {
        "recent": audit.recent_entries(user, limit=10),
        "account_counts": accounts.account_counts(user),
        "sources": reference.sources(),
    }


def _no_role(user):
    return "web/start/no_role.html", {}


_BUILDERS = {
    Role.CLIENT: _client,
    Role.PRACTITIONER: _practitioner,
    Role.PROVIDER_MANAGER: _provider_manager,
    Role.SSM_MANAGER: _ssm_manager,
    Role.CASEWORKER: _caseworker,
    Role.ANALYST: _analyst,
    Role.ADMINISTRATOR: _administrator,
}

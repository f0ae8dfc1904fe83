"""One demo account per role, all sharing one demo password that `make demo` prints."""

from __future__ import annotations

from dataclasses import dataclass

DEMO_PASSWORD = "careerlens-demo-2026"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    first_name: str
    last_name: str
    organisation: str = ""  # organisation code; blank for a client
    home_catchment: str = ""
    preferred_language: str = "en"
    is_staff: bool = False


ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(
        "client", "client", "Denise", "Tremblay", home_catchment="hamilton-niagara", preferred_language="fr"
    ),
    DemoAccount("practitioner", "practitioner", "Priya", "Raman", "hamilton-niagara-p1-hamilton"),
    DemoAccount("provider-manager", "provider_manager", "Marcus", "Lee", "hamilton-niagara-p1"),
    DemoAccount("ssm-manager", "ssm_manager", "Sofia", "Moretti", "hamilton-niagara-ssm"),
    DemoAccount("caseworker", "caseworker", "Jean", "Okafor", "hamilton-niagara-ow"),
    DemoAccount("analyst", "analyst", "Amélie", "Gagnon", "ministry", preferred_language="fr"),
    DemoAccount("admin", "administrator", "Alex", "Singh", "ministry", is_staff=True),
)

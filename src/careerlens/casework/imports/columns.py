"""The documented columns of each kind of file (docs/import.md), and the limits on a file."""

from __future__ import annotations

from dataclasses import dataclass

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
DEFAULT_SYSTEM = "cms"


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    format: str
    example: str


CLIENT_KEY = Column("client_id", True, "text, at most 100 characters", "C-10482")
NAMES = (
    Column("first_name", True, "text, at most 100 characters", "Amira"),
    Column("last_name", True, "text, at most 100 characters", "Haddad"),
    Column("date_of_birth", True, "date YYYY-MM-DD", "1990-04-12"),
)
NAME_COLUMNS = "first_name/last_name/date_of_birth"  # how the report names the three columns together
JOB_KEY = Column("job_id", True, "text, at most 100 characters", "J-2231")
HOURS = Column("hours_per_week", True, "number, more than 0 and at most 100", "37.5")
WAGE = Column("hourly_wage", True, "dollars, more than 0 and at most 1000", "24.50")

CLIENTS = (
    CLIENT_KEY,
    *NAMES,
    Column("postal_code", True, "Canadian postal code", "L6Y 1N2"),
    Column("catchment", True, "catchment code", "peel"),
    Column("language", False, "en or fr (default en)", "fr"),
    Column("email", False, "email address", "amira@example.org"),
    Column("phone", False, "text, at most 30 characters", "905-555-0142"),
    Column("program", False, "eo, ow, odsp or ei", "ow"),
    Column("program_start", False, "date YYYY-MM-DD (needed with program)", "2024-01-08"),
    Column("program_end", False, "date YYYY-MM-DD", "2024-12-31"),
)

JOBS = (
    JOB_KEY,
    Column("client_id", False, "a client_id imported before (or give the three name columns)", "C-10482"),
    *(Column(column.name, False, column.format, column.example) for column in NAMES),
    Column("employer", True, "text, at most 200 characters", "Acme Fabrication"),
    Column("noc2021", False, "NOC 2021 unit group, 5 digits (or give noc2016)", "72106"),
    Column("noc2016", False, "NOC 2016 unit group, 4 digits", "7237"),
    HOURS,
    WAGE,
    Column("start_date", True, "date YYYY-MM-DD, at most 90 days from today", "2026-03-02"),
    Column("end_date", False, "date YYYY-MM-DD", "2026-09-30"),
    Column("subsidised", False, "yes or no (default no)", "yes"),
    Column("subsidy_end_date", False, "date YYYY-MM-DD (needed when subsidised)", "2026-05-29"),
)

OUTCOMES = (
    JOB_KEY,
    Column("months", True, "1, 3, 6 or 12", "3"),
    Column("employed", True, "yes or no", "yes"),
    Column("hours_per_week", False, "number, more than 0 and at most 100 (needed when employed)", "37.5"),
    Column("hourly_wage", False, "dollars, more than 0 and at most 1000 (needed when employed)", "24.50"),
    Column("evidence", True, "pay_stub, employer_letter, self_report or none", "pay_stub"),
)

KINDS: dict[str, tuple[Column, ...]] = {"clients": CLIENTS, "jobs": JOBS, "outcomes": OUTCOMES}

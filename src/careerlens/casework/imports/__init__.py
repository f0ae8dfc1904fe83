"""The case import (docs/import.md): clients, jobs and checkpoint outcomes from CSV or XLSX exports of another
case management system, checked row by row and field by field, then written all together or not at all."""

from careerlens.casework.imports.columns import DEFAULT_SYSTEM, KINDS, MAX_FILE_BYTES, MAX_ROWS
from careerlens.casework.imports.report import Entry, Report
from careerlens.casework.imports.runner import NotAllowed, run_import
from careerlens.casework.imports.scope import may_import

__all__ = [
    "DEFAULT_SYSTEM",
    "KINDS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "Entry",
    "NotAllowed",
    "Report",
    "may_import",
    "run_import",
]

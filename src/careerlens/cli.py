"""The ``careerlens`` command: Django's management commands with careerlens's settings.

Commands may be typed with hyphens (``careerlens load-reference``); they map to the management
command of the same name with underscores.
"""

from __future__ import annotations

import os
import sys


def command_line(argv: list[str]) -> list[str]:
    """The argument list Django sees: the program named careerlens, the command with underscores."""
    argv = ["careerlens", *argv[1:]]
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    return argv


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerlens.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(command_line(list(sys.argv if argv is None else argv)))


if __name__ == "__main__":
    main()

"""The ``careerlens`` command: Django's management commands with careerlens's settings.

Commands may be typed with hyphens (``careerlens load-reference``); they map to the management
command of the same name with underscores.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerlens.config.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    argv[0] = "careerlens"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()

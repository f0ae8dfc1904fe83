"""careerlens occupations search TEXT [--limit N] [--lang en|fr] [--format table|csv|json]"""

from __future__ import annotations

import csv
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from careerlens.reference.search import DEFAULT_LIMIT, MAX_LIMIT, SearchQueryError, search_occupations

FIELDS = ("code", "teer", "title", "matched_title", "matched_language", "score")


class Command(BaseCommand):
    help = "Work with NOC 2021 occupations. `occupations search TEXT` finds occupations by job title or code."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
        search = commands.add_parser(
            "search",
            help="Search occupations by job title (English or French, typos forgiven) or NOC code.",
            description="Search occupations by job title (English or French, typos forgiven) or NOC code.",
        )
        search.add_argument("text", nargs="+", help="The job title or NOC code (several words allowed).")
        search.add_argument(
            "--limit", type=int, default=DEFAULT_LIMIT, help=f"At most this many results (1–{MAX_LIMIT})."
        )
        search.add_argument("--lang", choices=("en", "fr"), default="en", help="Language of the titles.")
        search.add_argument("--format", choices=("table", "csv", "json"), default="table", dest="output")

    def handle(self, *args, action: str, **options):
        if action == "search":
            self.search(" ".join(options["text"]), options["limit"], options["lang"], options["output"])

    def search(self, text: str, limit: int, language: str, output: str) -> None:
        with translation.override(language):
            try:
                matches = search_occupations(text, limit=limit, language=language)
            except SearchQueryError as error:
                raise CommandError(str(error)) from None
            rows = [
                {
                    "code": match.code,
                    "teer": match.teer,
                    "title": match.title,
                    "matched_title": match.matched_title,
                    "matched_language": match.matched_language,
                    "score": match.score,
                }
                for match in matches
            ]
            headings = (_("code"), _("TEER"), _("title"), _("matching title"))
            nothing = _("No occupation matches “%(query)s”.") % {"query": text}
        if output == "json":
            self.stdout.write(
                json.dumps({"query": text, "language": language, "results": rows}, ensure_ascii=False)
            )
        elif output == "csv":
            writer = csv.DictWriter(self.stdout, fieldnames=FIELDS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        elif not rows:
            self.stderr.write(nothing)
        else:
            width = max(len(row["title"]) for row in rows)
            self.stdout.write(f"{headings[0]:5}  {headings[1]:4}  {headings[2]:{width}}  {headings[3]}")
            for row in rows:
                self.stdout.write(
                    f"{row['code']:5}  {row['teer']:<4}  {row['title']:{width}}  {row['matched_title']}"
                )

"""careerlens demo: prepare the demonstration database and serve the app on 127.0.0.1.

Migrates, loads the reference data, creates the demo network, one account per role and a simulated
province of --clients people (docs/synth.md; all idempotent: a second run reuses what exists), prints
the address and the demo sign-ins, then serves.
"""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from careerlens.demo import province, services
from careerlens.demo.accounts import ACCOUNTS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Set up the demonstration province and serve careerlens."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="Set up only; do not start the server.")
        parser.add_argument(
            "--clients",
            type=int,
            default=province.DEFAULT_CLIENTS,
            help=f"simulated clients to load (default {province.DEFAULT_CLIENTS}; 0 for none)",
        )
        parser.add_argument(
            "--seed", type=int, default=province.SEED, help=f"simulation seed (default {province.SEED})"
        )

    def handle(self, *args, host, port, no_serve, clients, seed, **options):
        if not 0 <= clients <= province.MAX_CLIENTS:
            raise CommandError(f"--clients must be 0 to {province.MAX_CLIENTS:,} (got {clients:,}).")
        if seed < 0:
            raise CommandError(f"--seed must be zero or more (got {seed}).")
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_reference", stdout=self.stdout)
        created = services.set_up(clients, seed)
        self.stdout.write(
            f"Demo network: {created['organisations']} organisations and {created['accounts']} accounts "
            "created (existing ones kept)."
        )
        self.stdout.write(province.describe(created["province"]))
        self.stdout.write(created["segmentation"])
        url = f"http://{host}:{port}/"
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"careerlens is at {url}"))
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
        for account in ACCOUNTS:
            self.stdout.write(f"  {account.username:<18} {account.role}")
        self.stdout.write(f"Administration: {url}en/admin/ (sign in as admin)")
        if not no_serve:
            call_command("runserver", f"{host}:{port}", use_reloader=False, use_threading=True)

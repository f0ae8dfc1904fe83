"""``careerlens issue-token USERNAME --name NAME [--days N]``: a new API token, its key printed once."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from careerlens.accounts.models import User
from careerlens.accounts.services import issue_token
from careerlens.audit.context import acting_as


class Command(BaseCommand):
    help = "Issue an API token for an account and print its key once (only a hash of it is kept)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="the account the token acts as")
        parser.add_argument("--name", required=True, help="which system uses the token, e.g. 'HR export'")
        parser.add_argument(
            "--days", type=int, default=None, help="days until the token expires (default: never)"
        )

    def handle(self, *args, username: str, name: str, days: int | None, **options):
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"There is no account with the username {username!r}.") from None
        with acting_as(None, source="command"):
            try:
                token, key = issue_token(user, name, days)
            except ValueError as error:
                raise CommandError(str(error)) from None
        expiry = f"expires {token.expires_at:%Y-%m-%d %H:%M %Z}" if token.expires_at else "never expires"
        self.stderr.write(f"Token {token.name!r} for {user.username} ({expiry}). The key is shown only once:")
        self.stdout.write(key)

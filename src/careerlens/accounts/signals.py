"""Logins, logouts and failed logins go to the audit trail."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from careerlens.audit.services import record_event


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    record_event("login", actor=user, target=user)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        record_event("logout", actor=user, target=user)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    record_event("login_failed", detail={"username": credentials.get("username", "")})

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "careerlens.accounts"
    label = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self):
        from careerlens.accounts import signals  # noqa: F401

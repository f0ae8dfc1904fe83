from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PathwaysConfig(AppConfig):
    name = "careerlens.pathways"
    label = "pathways"
    verbose_name = _("Career pathways")

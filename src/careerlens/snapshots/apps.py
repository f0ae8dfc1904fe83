from django.apps import AppConfig


class SnapshotsConfig(AppConfig):
    name = "careerlens.snapshots"
    verbose_name = "Analytics snapshots"

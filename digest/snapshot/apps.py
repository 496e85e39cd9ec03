from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SnapshotConfig(AppConfig):
    name = "digest.snapshot"
    label = "snapshot"
    verbose_name = _("Static snapshot")

    def ready(self):
        from .tasks import connect_signals

        connect_signals()

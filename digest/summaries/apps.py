from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SummariesConfig(AppConfig):
    name = "digest.summaries"
    label = "summaries"
    verbose_name = _("Summaries")

    def ready(self):
        from . import publishing
        from .facet_index import connect_signals

        connect_signals()
        publishing.connect_signals()

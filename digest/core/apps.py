from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "digest.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from . import frontend_cache, sites

        sites.connect_signals()
        frontend_cache.connect_signals()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "digest.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import learning  # noqa: F401 (connects the publish signal)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "digest.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from digest.summaries.models import SummaryPage

        from . import learning  # noqa: F401 (connects the publish signal)
        from .folding import folded

        # Summaries are indexed with word families folded as queries fold them; done from
        # here so that the content model does not import the search built on it.
        SummaryPage.search_fields = folded(SummaryPage.search_fields)

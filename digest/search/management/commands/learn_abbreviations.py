"""Learn the abbreviations every published summary defines (publishing one learns its own)."""

from django.core.management.base import BaseCommand

from digest.search.learning import learn
from digest.summaries.models import SummaryPage


class Command(BaseCommand):
    help = (
        "Learn abbreviation pairs such as 'borderline personality disorder (BPD)' from the archive."
    )

    def handle(self, *args, **options):
        summaries = SummaryPage.objects.live().prefetch_related("references").iterator(500)
        created = learn(summaries)
        self.stdout.write(f"{created} new abbreviation pair(s) learned.")

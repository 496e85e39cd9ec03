"""Start today's alerts (run it daily from cron, or more often: one run a day is kept)."""

from django.core.management.base import BaseCommand

from digest.newsletter.tasks import start_alerts


class Command(BaseCommand):
    help = (
        "E-mail each subscriber who asked for alerts the summaries published on their topics "
        "since the last run. At most once a day: a second run the same day does nothing."
    )

    def handle(self, *args, **options):
        day = start_alerts()
        if day is None:
            self.stdout.write("Today's alerts have already been started; nothing to do.")
        else:
            since = f"{day.since:%Y-%m-%d %H:%M}"
            message = f"Alerts for {day.day} queued (summaries published since {since})."
            self.stdout.write(self.style.SUCCESS(message))

"""`./manage.py send_issue 2026-01`: send an issue to every confirmed subscriber, once."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from digest.issues.models import IssuePage
from digest.newsletter.delivery import SendRefused
from digest.newsletter.models import Subscriber
from digest.newsletter.tasks import start_send


class Command(BaseCommand):
    help = "Queue an issue (YYYY-MM) for delivery to every confirmed subscriber; only once."

    def add_arguments(self, parser):
        parser.add_argument("month", help="the issue's month, YYYY-MM")

    def handle(self, month, **options):
        try:
            first = datetime.datetime.strptime(month, "%Y-%m").date()
        except ValueError as exc:
            raise CommandError(f"{month!r}: give the issue's month as YYYY-MM.") from exc
        issue = IssuePage.objects.filter(month=first).first()
        if issue is None:
            raise CommandError(f"No issue for {month}.")
        try:
            start_send(issue)
        except SendRefused as exc:
            raise CommandError(str(exc)) from exc
        recipients = Subscriber.objects.confirmed().count()
        self.stdout.write(
            f"Issue {month} queued for {recipients} confirmed subscribers; "
            "a db_worker delivers it (progress in the admin, Newsletter > Issue sends)."
        )

"""Load the demo issues and summaries (run by `make run`); running it again changes nothing."""

from django.core.management.base import BaseCommand

from digest.core.demo.loader import load_demo


class Command(BaseCommand):
    help = "Create the demo issues and summaries of real psychotherapy research, once."

    def handle(self, *args, **options):
        report = load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {report.issues_created} issue(s), "
                f"{report.summaries_created} summary(ies) and "
                f"{report.packs_created} teaching pack(s) created, "
                f"{report.already_present} already present."
            )
        )

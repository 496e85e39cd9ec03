"""`./manage.py import_subscribers members.csv`: add an existing member list (email,language)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from digest.newsletter.importing import import_file


class Command(BaseCommand):
    help = "Import subscribers from a CSV file with columns email,language, as confirmed."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--consent-source",
            help="where these people's consent comes from (kept as their consent record); "
            'default "CSV import of FILE"',
        )

    def handle(self, file, consent_source=None, **options):
        if not file.is_file():
            raise CommandError(f"{file}: no such file.")
        source = consent_source or f"CSV import of {file.name}"
        with file.open("rb") as handle:
            report = import_file(handle, source)
        for problem in report.problems:
            self.stderr.write(problem)
        self.stdout.write(report.summary())

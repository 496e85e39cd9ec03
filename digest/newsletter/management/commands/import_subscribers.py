"""`./manage.py import_subscribers members.csv`: add an existing member list
(email,language[,topics]), all of it or, if any row has a problem, none of it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from digest.newsletter.importing import import_file


class Command(BaseCommand):
    help = (
        "Import subscribers from a CSV file with columns email,language[,topics] (topic slugs "
        "separated by ';'), as confirmed. Every row is checked first; if any has a problem, "
        "each is printed with its line number, nothing is imported and the exit status is 1."
    )

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
        if not report.imported:
            raise CommandError(report.summary())
        self.stdout.write(report.summary())

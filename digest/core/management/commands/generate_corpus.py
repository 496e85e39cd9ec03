"""Generate a synthetic, deterministic corpus of published summaries for benchmarks."""

import datetime
import time

from django.core.management.base import BaseCommand, CommandError

from digest.core.corpus import generate_corpus


def month_argument(value):
    try:
        return datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError as error:
        raise CommandError(f"--until must look like 2026-11, not {value!r}") from error


class Command(BaseCommand):
    help = (
        "Create N synthetic summaries in monthly issues back to 2013 (same seed, same content). "
        "The pages bypass revisions and the search index: run `manage.py update_index` to search "
        "them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--summaries", type=int, required=True, help="How many summaries.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--until",
            type=month_argument,
            help="Newest issue month, YYYY-MM (default: this month).",
        )

    def handle(self, *args, summaries, seed, until, **options):
        if summaries < 1:
            raise CommandError("--summaries must be at least 1.")
        started = time.perf_counter()

        def progress(done, total):
            self.stdout.write(f"  {done:,} / {total:,} summaries")

        report = generate_corpus(summaries, seed, until=until, progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Corpus: {report.summaries_created:,} summaries in "
                f"{report.issues_created:,} new issue(s), seed {seed}, "
                f"{time.perf_counter() - started:.1f}s. Run `manage.py update_index` to make "
                "them searchable."
            )
        )

"""`manage.py export_static DIR`: a complete, browsable, searchable copy of the public site."""

import os
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from digest.snapshot.exporting import Snapshot


class Command(BaseCommand):
    help = (
        "Write every public page as static files into DIR (links relative, search by "
        "Pagefind). A second run writes only what changed."
    )
    # A rerun after one publish should cost little more than Python's start: the system
    # checks are `manage.py check`'s job, not a cron export's.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument(
            "--live-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="Where links the snapshot cannot hold lead (default: BASE_URL).",
        )
        parser.add_argument(
            "--forms",
            choices=["live", "hide"],
            default="live",
            help="Forms (subscribe, filters) post to the live site, or are removed.",
        )
        parser.add_argument(
            "--languages",
            default=settings.LANGUAGE_CODE,
            help="Interface languages to export, comma-separated (e.g. en,fr).",
        )
        parser.add_argument("--full", action="store_true", help="Render every page again.")
        parser.add_argument("--no-search", action="store_true", help="Skip the Pagefind index.")
        parser.add_argument(
            "--jobs",
            type=int,
            default=os.cpu_count() or 1,
            help="Processes rendering pages (default: one per core).",
        )

    def run_from_argv(self, argv):
        # From the shell only (call_command() never comes here): once the files and the
        # manifest are written, leave without tearing down every module one object at a
        # time, which is a third of a second of CPU after Django and Wagtail are loaded.
        from django.db import connections

        super().run_from_argv(argv)
        connections.close_all()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)

    def handle(self, directory, live_url, forms, languages, full, no_search, jobs, **options):
        known = {code for code, _name in settings.LANGUAGES}
        chosen = [code.strip() for code in languages.split(",") if code.strip()]
        if not chosen or set(chosen) - known:
            raise CommandError(f"--languages takes some of: {', '.join(sorted(known))}")
        if jobs < 1:
            raise CommandError("--jobs takes a number of processes, 1 or more.")
        if settings.LANGUAGE_CODE not in chosen:
            chosen.insert(0, settings.LANGUAGE_CODE)
        snapshot = Snapshot(
            directory,
            live_url=live_url,
            forms=forms,
            languages=chosen,
            search=not no_search,
            jobs=jobs,
        )
        outcome = snapshot.export(full=full)
        for address, status in outcome.failed:
            self.stderr.write(f"{address} answered {status}: left out")
        self.stdout.write(
            f"{'Full' if outcome.full else 'Incremental'} export to {directory}: "
            f"{outcome.rendered} rendered, {outcome.patched} patched, {outcome.written} written, "
            f"{outcome.removed} removed, in {outcome.seconds:.1f}s"
        )

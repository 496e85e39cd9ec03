"""`manage.py import_archive FILE`: load an exported archive into an empty site."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from digest.legacy.archive import ArchiveError, import_archive


class Command(BaseCommand):
    help = _(
        "Load a file written by export_archive. The site must have no issues yet, unless "
        "--replace is given, which deletes the existing issues and summaries first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("archive file ('-' for standard input)"))
        parser.add_argument(
            "--replace",
            action="store_true",
            help=_("delete the site's issues and summaries, then load the archive"),
        )

    def handle(self, *args, file, replace=False, **options):
        try:
            if file == "-":
                data = json.load(sys.stdin)
            else:
                with open(file, encoding="utf-8") as handle:
                    data = json.load(handle)
        except OSError as error:
            raise CommandError(
                _("Cannot read %(path)s: %(error)s") % {"path": file, "error": error.strerror}
            ) from error
        except (ValueError, UnicodeDecodeError) as error:
            raise CommandError(
                _("%(path)s is not JSON: %(error)s") % {"path": file, "error": error}
            ) from error
        try:
            counts = import_archive(data, replace=replace)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(_("Loaded %(issues)d issues and %(summaries)d summaries.") % counts)
        )

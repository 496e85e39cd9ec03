"""`manage.py export_archive [-o FILE]`: the whole archive as one versioned JSON file."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from digest.legacy.archive import ENCODER, export_archive


class Command(BaseCommand):
    help = _(
        "Write every issue, summary, reference, topic and research type (not subscribers) to "
        "one JSON file that import_archive loads into an empty site."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help=_("file to write (default: standard output)"))

    def handle(self, *args, output=None, **options):
        archive = export_archive()
        text = json.dumps(archive, cls=ENCODER, ensure_ascii=False, indent=1)
        if not output or output == "-":
            sys.stdout.write(text + "\n")
            return
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
        except OSError as error:
            raise CommandError(
                _("Cannot write %(path)s: %(error)s") % {"path": output, "error": error.strerror}
            ) from error
        self.stderr.write(
            _("%(issues)d issues and %(summaries)d summaries written to %(path)s.")
            % {
                "issues": len(archive["issues"]),
                "summaries": sum(len(issue["summaries"]) for issue in archive["issues"]),
                "path": output,
            }
        )

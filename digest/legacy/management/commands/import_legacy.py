"""`manage.py import_legacy PATH…`: bring saved pages of the old blog into the site."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from digest.legacy.importer import import_legacy, page_files


class Command(BaseCommand):
    help = _(
        "Import pages of the old blog, saved as HTML by a browser or as text (first line: the "
        "page's address). Folders are read for .html, .htm and .txt files. Running it again "
        "over the same pages changes nothing. Exits non-zero when a file cannot be read, is "
        "not a saved page, holds nothing recognisable, or has no address."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help=_("saved pages, or folders of them"))

    def handle(self, *args, paths, **options):
        missing = [path for path in paths if not Path(path).exists()]
        if missing:
            message = _("No such file or folder: %(paths)s") % {"paths": ", ".join(missing)}
            raise CommandError(message)
        if not page_files(paths):
            raise CommandError(_("No saved pages found in: %(paths)s") % {"paths": " ".join(paths)})
        if not Site.objects.filter(is_default_site=True).exists():
            raise CommandError(_("There is no default site to import into; run migrate first."))
        report = import_legacy(paths)
        for line in report.lines():
            self.stdout.write(line)
        if report.warnings:
            # Garbage is never "complete": the run says which files need a person and fails.
            raise CommandError(
                _("%(n)d file(s) need attention: see the warnings above.")
                % {"n": len({path for path, _why in report.warnings})}
            )
        if report.incomplete or report.unparsed:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "Import finished. Review the drafts listed above in the page tree; the "
                        "text not understood is kept in the admin's import log."
                    )
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS(_("Import complete.")))

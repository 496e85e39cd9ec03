"""Admin: the staff-only parse endpoint and the small script that calls it from the editor."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_parse_url():
    return [path("references/parse/", views.parse_for_admin, name="references_parse")]


@hooks.register("insert_editor_js")
def paste_script():
    return format_html(
        # Fields to check are outlined; the colour is the admin's own warning colour.
        "<style>.reference-check{{outline:3px solid var(--w-color-warning-100,#faa500);"
        "outline-offset:2px}}</style>"
        '<script src="{}" data-parse-url="{}" data-working="{}" data-filled="{}" '
        'data-unplaced="{}" data-failed="{}" data-style="{}" data-check="{}" '
        'data-crossref="{}" data-read="{}" data-theirs="{}" data-use="{}" defer></script>',
        static("references/paste.js"),
        reverse("references_parse"),
        _("Reading the reference…"),
        _("Fields read from the pasted reference: %(n)s. Please check them."),
        _("Could not place:"),
        _("The reference could not be read; fill the fields by hand. Your text is kept."),
        _("Recognised as %(style)s."),
        _("Please check this field: the reader was not sure of it."),
        _("Crossref's record for this DOI differs:"),
        _("read:"),
        _("Crossref:"),
        _("Use Crossref's"),
    )

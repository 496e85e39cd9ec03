"""Admin: the small script that keeps a new page's autosave quiet until it can succeed."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_editor_js")
def autosave_script():
    return format_html('<script src="{}" defer></script>', static("issues/autosave.js"))

"""Language helpers shared by every app's views and templates."""

from django.conf import settings
from django.utils import translation


def localize_path(path: str, language: str | None = None) -> str:
    """`path` (an address without language prefix) as seen in the current or given language."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE or not path.startswith("/"):
        return path
    return f"/{language}{path}"

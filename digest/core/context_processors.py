"""Values every template needs: the site's name and the same page in each language."""

import re

from django.conf import settings
from django.utils import translation
from django.utils.encoding import escape_uri_path

# Browsers read "//host", "/\host" and "/<tab>/host" (tabs and newlines are dropped) as another
# site; a request path may begin with any of them, and the 404 page echoes it into links.
LEADING_SLASHES = re.compile(r"^[/\\\s\x00-\x1f]+")


def local_path(path: str) -> str:
    """`path` as a link that can only lead to this site: percent-encoded, one leading slash."""
    return "/" + escape_uri_path(LEADING_SLASHES.sub("", path))


def site(request):
    path = request.path
    current = translation.get_language() or settings.LANGUAGE_CODE
    default = settings.LANGUAGE_CODE
    # Strip the current language prefix to find the page's language-neutral path.
    prefix = f"/{current}/"
    neutral = "/" + path[len(prefix) :] if current != default and path.startswith(prefix) else path
    neutral = local_path(neutral)
    query = request.META.get("QUERY_STRING", "")
    alternates = []
    for code, name in settings.LANGUAGES:
        url = neutral if code == default else f"/{code}{neutral}"
        if query:
            url = f"{url}?{query}"
        alternates.append({"code": code, "name": name, "url": url, "current": code == current})
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "BASE_URL": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        "language_alternates": alternates,
        "canonical_path": neutral if current == default else f"/{current}{neutral}",
    }

"""The site's one stylesheet: found by the static-files machinery and carrying its print rules.

These run without a browser; `test_browser.py` checks the same things as chromium renders them.
"""

import re

import pytest
from django.contrib.staticfiles import finders

from digest.core.tests.factories import make_summary


def stylesheet() -> str:
    path = finders.find("css/digest.css")
    assert path is not None, "digest/static/css/digest.css is not served"
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def print_rules() -> str:
    """The body of the stylesheet's `@media print { … }` block (braces balanced by hand)."""
    css = stylesheet()
    start = css.index("{", css.index("@media print")) + 1
    depth, position = 1, start
    while depth:
        depth += {"{": 1, "}": -1}.get(css[position], 0)
        position += 1
    return css[start : position - 1]


def hidden_in_print() -> set[str]:
    selectors = set()
    for rule in re.finditer(r"([^{}]+)\{[^{}]*display:\s*none", print_rules()):
        selectors.update(part.strip() for part in rule.group(1).split(","))
    return selectors


def test_the_stylesheet_is_found_by_staticfiles():
    assert finders.find("css/digest.css") is not None


def test_no_external_fonts_or_assets():
    css = stylesheet()
    assert "@import" not in css and "@font-face" not in css
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)


def test_print_hides_site_chrome_and_filters():
    hidden = hidden_in_print()
    for selector in (".site-header", ".site-footer", ".skip-link", ".facets", ".print-hide"):
        assert selector in hidden
    assert ".implications-digest" not in hidden and ".digest-entry" not in hidden


@pytest.mark.django_db
def test_topic_page_marks_what_a_printed_handout_leaves_out(client):
    make_summary(title="Repairing ruptures", topics=["alliance"])
    html = client.get("/topics/alliance/").content.decode()
    assert 'class="topic-page"' in html
    # The list of summaries is left out of print; the digest and the page's address stay.
    assert re.search(r'<section class="[^"]*\bprint-hide\b[^"]*"[^>]*>\s*<h2[^>]*summaries', html)
    assert '<section class="implications-digest"' in html
    assert 'class="print-only print-source"' in html and "/topics/alliance/" in html

"""The reader's site in Debian's chromium, as issue 15 asks: a filter applied by keyboard alone
with its count announced, axe-core with its best-practice rules on every page at phone and
desktop widths in both languages, no word broken inside, the evidence map on one printed page,
and screenshots of it all (in $SCREENSHOT_DIR, else a temporary directory) for people to look at.
"""

import os
import re
import tempfile
from pathlib import Path

import pytest

from digest.core.demo.loader import load_demo
from digest.summaries.models import SummaryPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {"390": PHONE, "1280": DESKTOP}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture
def site():
    """The demo content (issues, summaries with references and evidence cards, the About
    page, the byline): what a reader of a new installation sees."""
    load_demo()
    summary = SummaryPage.objects.live().filter(references__doi__gt="").newest_first().first()
    topic = summary.topics.order_by("sort_order").first()
    return {
        "home": "/",
        "issue": summary.get_parent().url,
        "summary": summary.url,
        "archive": f"/archive/?topic={topic.slug}",
        "search": "/search/?q=alliance",
        "topic": f"/topics/{topic.slug}/",
        "handout": f"/topics/{topic.slug}/implications/",
        "evidence map": "/evidence-map/",
        "about": "/about/",
    }


def screenshot_dir():
    path = Path(os.environ.get("SCREENSHOT_DIR") or Path(tempfile.gettempdir()) / "digest-shots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    return results.violations_count, results.generate_report()


def test_a_filter_applies_by_keyboard_alone_and_its_count_is_announced(open_page, site):
    page = open_page(viewport=DESKTOP)
    page.goto("/archive/")
    total = page.locator(".archive-summary .result-count").inner_text()
    # No separate button: with JavaScript the Apply buttons give way to instant filters.
    assert not any(button.is_visible() for button in page.locator(".facets__apply").all())
    box = page.locator("#type-meta-analysis")
    for _ in range(200):  # Tab, as a keyboard user does, until the box has focus
        page.keyboard.press("Tab")
        if box.evaluate("el => el === document.activeElement"):
            break
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"/archive/\?type=meta-analysis$"))
    announce = page.locator("[data-filter-announce]")
    page.wait_for_function(
        "() => document.querySelector('[data-filter-announce]').textContent.trim() !== ''"
    )
    count = page.locator(".archive-summary .result-count").inner_text()
    assert count != total and re.fullmatch(r"\d+ summar(y|ies)", count)
    assert announce.inner_text() == count
    assert announce.get_attribute("aria-live") == "polite"
    # Focus stays where it was, on the ticked box; the list shows only meta-analyses.
    assert page.evaluate("() => document.activeElement.id") == "type-meta-analysis"
    assert box.is_checked()
    assert page.locator("text=Remove filter: Meta-analysis").is_visible()
    # Space again removes it, and the address follows.
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"/archive/$"))
    page.wait_for_function(
        f"() => document.querySelector('[data-filter-announce]').textContent.trim() === {total!r}"
    )


def test_on_a_phone_the_filters_are_folded_and_the_results_come_first(open_page, site):
    page = open_page(viewport=PHONE)
    page.goto(site["archive"])
    disclosure = page.locator(".facets-disclosure")
    assert disclosure.get_attribute("open") is None
    assert page.locator(".facets-disclosure__summary").inner_text().startswith("Filter: 1 topic")
    first_result = page.locator(".summary-item").first.bounding_box()
    assert first_result["y"] < 600, "the first result is below the fold"
    page.locator(".facets-disclosure__summary").click()
    assert page.locator("#type-meta-analysis").is_visible()
    # No box scrolls inside the page: the topic list is as tall as its content.
    nested = page.evaluate(
        """() => [...document.querySelectorAll('.facets *')].filter(el =>
            ['auto', 'scroll'].includes(getComputedStyle(el).overflowY)
            && el.scrollHeight > el.clientHeight).length"""
    )
    assert nested == 0


@pytest.mark.parametrize("language", ["", "/fr"])
def test_axe_with_best_practice_rules_finds_nothing_on_any_page(open_page, site, language):
    failures = []
    for width, viewport in WIDTHS.items():
        page = open_page(viewport=viewport)
        for name, path in site.items():
            response = page.goto(language + path)
            assert response.status == 200, path
            count, report = axe_violations(page)
            if count:
                failures.append(f"{name} at {width}px ({language or '/'}):\n{report}")
    assert not failures, "\n".join(failures)


def test_no_word_breaks_inside_itself_at_any_width(open_page, site):
    """Each word (letters between spaces, slashes and hyphens) sits on one line; an export
    name such as CSL-JSON is never split either."""
    for width in (320, 390, 768, 1280):
        page = open_page(viewport={"width": width, "height": 900})
        for path in ("/topics/", "/archive/", site["summary"], "/fr/topics/", "/evidence-map/"):
            page.goto(path)
            broken = page.evaluate(
                """() => {
                    const broken = [];
                    const selector = '.term-list a, .facets label, .cite-export a, h1, h2, '
                        + '.summary-item__title, .tags a, .evidence-map th';
                    for (const el of document.querySelectorAll(selector)) {
                        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                        for (let node; (node = walker.nextNode());) {
                            const whole = el.matches('.cite-export a');
                            const pattern = whole ? /\\S+/g : /[^\\s/\\-–]+/g;
                            for (const m of node.data.matchAll(pattern)) {
                                const range = document.createRange();
                                range.setStart(node, m.index);
                                range.setEnd(node, m.index + m[0].length);
                                const tops = new Set([...range.getClientRects()]
                                    .filter(r => r.width > 0).map(r => Math.round(r.top)));
                                if (tops.size > 1) broken.push(m[0]);
                            }
                        }
                    }
                    return broken;
                }"""
            )
            assert not broken, f"{path} at {width}px breaks inside {broken}"


def test_the_evidence_map_prints_on_one_page(open_page, site):
    page = open_page(viewport=DESKTOP)
    for language in ("", "/fr"):
        page.goto(f"{language}/evidence-map/")
        assert page.locator("table.evidence-map th[scope=col]").count() == 12
        assert page.locator("table.evidence-map th[scope=row]").count() == 37
        page.emulate_media(media="print")
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
        (screenshot_dir() / f"{language.strip('/') or 'en'}-evidence-map.pdf").write_bytes(pdf)
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
        assert pages == 1, f"{language}/evidence-map/ prints on {pages} pages"
        page.emulate_media(media="screen")


def test_screenshots_of_every_page_at_both_widths_in_both_languages(open_page, site):
    """Written for people to look at (they are the issue's evidence): the archive filtered on
    a phone with its filters folded, the handout as printed, and every other page."""
    out = screenshot_dir()
    shots = ["home", "issue", "summary", "archive", "search", "topic", "handout", "evidence map"]
    written = []
    for language in ("en", "fr"):
        prefix = "/fr" if language == "fr" else ""
        for width, viewport in WIDTHS.items():
            page = open_page(viewport=viewport)
            for name in shots:
                page.goto(prefix + site[name])
                if name == "handout":
                    page.emulate_media(media="print")
                file = out / f"{language}-{width}-{name.replace(' ', '-')}.png"
                page.screenshot(path=str(file), full_page=True)
                page.emulate_media(media="screen")
                written.append(file)
    assert all(file.stat().st_size > 5_000 for file in written)

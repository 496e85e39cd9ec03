"""A reader's journeys in Debian's chromium: filtering the archive by keyboard alone, reading a
summary, a topic page and the French site, each checked by axe-core for WCAG 2.2 AA, at phone
width, without JavaScript and in print. Skipped, with the reason, where chromium is missing."""

import re

import pytest

from digest.core.tests.factories import make_issue, make_summary

# The `browser` and `open_page` fixtures live in the root conftest.py, shared by every
# browser test module (one browser per module).

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 375, "height": 740}

# A fresh database per test (the live server reads it from another thread); the data
# migrations' topics, types and home page come back each time through serialized rollback.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def corpus():
    """Four summaries whose topics and types make OR and AND give different answers."""
    march, february = (
        make_issue("2024-03", intro="<p>Ruptures and feedback.</p>"),
        make_issue("2024-02"),
    )
    return {
        "alliance_meta": make_summary(
            march,
            "Repairing alliance ruptures",
            topics=["alliance", "therapist-factors"],
            types=["meta-analysis"],
            references=[
                "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018). Alliance "
                "rupture repair: A meta-analysis. Psychotherapy, 55(4), 508–519."
            ],
            implications="<p>Invite the client to say what is not working.</p>",
            design="Meta-analysis",
            n_studies=11,
            evidence_confirmed=True,
            author_email="author@example.org",
        ),
        "alliance_rct": make_summary(
            march, "A trial of alliance feedback", topics=["alliance"], types=["rct"]
        ),
        "empathy_meta": make_summary(
            february, "Empathy and outcome", topics=["empathy"], types=["meta-analysis"]
        ),
        "termination": make_summary(
            february, "Ending therapy well", topics=["termination"], types=["qualitative"]
        ),
    }


def assert_no_wcag_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]},
    )
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def tab_through(page, backwards=False):
    """Every element Tab (or Shift+Tab) reaches, in order, once round the page.

    Each visible focusable element gets a number first; the walk stops when focus leaves the
    document or comes back to an element it has seen. Returns (reached, all_focusable) where
    reached lists (number, description, focus outline width in px) per stop.
    """
    total = page.evaluate(
        """() => {
            const focusable = [...document.querySelectorAll(
                'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]'
            )].filter(el => el.tabIndex >= 0 && !el.disabled
                // The content of a closed <details> is not reachable until it is opened.
                && !(el.closest('details') && !el.closest('details').open && !el.closest('summary'))
                && (el.getClientRects().length > 0 || el.classList.contains('skip-link')));
            focusable.forEach((el, i) => { el.dataset.kb = i; });
            document.activeElement && document.activeElement.blur();
            return focusable.length;
        }"""
    )
    key = "Shift+Tab" if backwards else "Tab"
    reached, seen = [], set()
    for _ in range(total + 2):
        page.keyboard.press(key)
        stop = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body || el.dataset.kb === undefined) return null;
                const style = getComputedStyle(el);
                const outline = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
                const text = (el.innerText || el.value || '').trim().slice(0, 60);
                return [Number(el.dataset.kb), `${el.tagName.toLowerCase()} ${el.id} ${text}`,
                        outline];
            }"""
        )
        if stop is None or stop[0] in seen:
            break
        seen.add(stop[0])
        reached.append(tuple(stop))
    return reached, total


def assert_keyboard_reaches_everything(page):
    reached, total = tab_through(page)
    missing = set(range(total)) - {number for number, _, _ in reached}
    assert not missing, f"{page.url}: Tab never reaches elements {sorted(missing)}"
    unfocused = [what for _, what, outline in reached if outline < 2]
    assert not unfocused, f"{page.url}: no visible focus outline on {unfocused}"
    # Shift+Tab walks the same stops in reverse order.
    backwards, _ = tab_through(page, backwards=True)
    assert [n for n, _, _ in backwards] == [n for n, _, _ in reversed(reached)]


def assert_fits_a_phone(page):
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px on a phone"


def focus_by_tab(page, target, limit=200):
    """Press Tab until `target` (a selector or locator) has focus, as a keyboard user would."""
    locator = page.locator(target) if isinstance(target, str) else target
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target} on {page.url}")


def result_count(page):
    return page.locator(".result-count").inner_text()


def option_count(page, facet, slug):
    label = page.locator(f'label[for="{facet}-{slug}"] .count').inner_text()
    return int(re.sub(r"\D", "", label))


def test_archive_filters_by_keyboard_alone(open_page, corpus):
    page = open_page()
    page.goto("/archive/")
    assert result_count(page) == "4 summaries"
    assert_no_wcag_violations(page)
    assert_keyboard_reaches_everything(page)

    # Tick two topics (OR) and one type (AND) with Space: each applies at once (facets.js).
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    for selector, applied in (
        ("#topic-alliance", r"topic=alliance"),
        ("#topic-empathy", r"topic=alliance.*topic=empathy"),
        ("#type-meta-analysis", r"topic=alliance.*topic=empathy.*type=meta-analysis"),
    ):
        focus_by_tab(page, selector)
        page.keyboard.press("Space")
        page.wait_for_url(re.compile(applied))
        page.wait_for_function("s => document.activeElement.matches(s)", arg=selector)

    assert result_count(page) == "2 summaries"
    titles = page.locator(".summary-item__title").all_inner_texts()
    assert titles == ["Repairing alliance ruptures", "Empathy and outcome"]
    # Each option counts what ticking it would give with the other facet's choice applied.
    assert option_count(page, "topic", "alliance") == 1
    assert option_count(page, "topic", "termination") == 0
    assert option_count(page, "type", "rct") == 1
    assert option_count(page, "type", "meta-analysis") == 2
    assert page.locator("#topic-alliance").is_checked()
    assert_no_wcag_violations(page)
    # The filtered address, opened afresh (as from a bookmark), is walked from its top.
    page.goto(page.url)
    assert_keyboard_reaches_everything(page)

    # One activation clears one filter; the others stay.
    focus_by_tab(page, page.get_by_role("link", name="Remove filter: Meta-analysis"))
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "type=" not in url)
    assert result_count(page) == "3 summaries"
    assert not page.locator("#type-meta-analysis").is_checked()
    assert page.locator("#topic-empathy").is_checked()


def test_archive_filters_work_without_javascript_on_a_phone(open_page, corpus):
    page = open_page(viewport=PHONE, javascript=False)
    page.goto("/archive/")
    assert_fits_a_phone(page)
    page.locator(".facets-disclosure__summary").click()  # the folded filters open in place
    page.locator("#topic-alliance").check()
    page.locator("#type-rct").check()
    page.get_by_role("button", name="Apply filters").first.click()
    page.wait_for_url(re.compile(r"type=rct"))
    assert result_count(page) == "1 summary"
    assert page.locator(".summary-item__title").all_inner_texts() == [
        "A trial of alliance feedback"
    ]
    page.get_by_role("link", name="Clear all filters").click()
    page.wait_for_url(re.compile(r"/archive/$"))
    assert result_count(page) == "4 summaries"


@pytest.mark.parametrize("language", ["", "/fr"])
def test_reader_pages_are_accessible_by_keyboard_and_fit_a_phone(open_page, corpus, language):
    summary_path = corpus["alliance_meta"].url
    paths = ["/", summary_path, "/topics/alliance/"]
    if language:
        paths.append("/archive/?topic=alliance&type=meta-analysis")
    for path in paths:
        page = open_page()
        response = page.goto(language + path)
        assert response.status == 200, path
        expected_lang = "fr" if language else "en"
        assert page.locator("html").get_attribute("lang") == expected_lang
        assert page.locator("link[rel=stylesheet]").count() == 1
        assert_no_wcag_violations(page)
        assert_keyboard_reaches_everything(page)

        phone = open_page(viewport=PHONE)
        phone.goto(language + path)
        assert_fits_a_phone(phone)
        assert_no_wcag_violations(phone)

        # The practice implications are set apart on every page that shows a summary.
        implications = page.locator(".implications, .digest-entry").first
        assert implications.is_visible()
        assert implications.evaluate("el => getComputedStyle(el).borderLeftStyle") == "solid"


def test_french_pages_say_summaries_are_in_english_and_switch_back(open_page, corpus):
    page = open_page()
    page.goto("/fr/")
    assert page.locator(".english-only").is_visible()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".english-only").count() == 0


def test_skip_link_is_first_and_moves_focus_to_the_content(open_page, corpus):
    page = open_page()
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("() => document.activeElement.classList.contains('skip-link')")
    assert skip.is_visible() and skip.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


@pytest.mark.parametrize("path", ["/topics/alliance/", "/topics/alliance/implications/"])
def test_topic_page_prints_as_a_handout_of_its_implications(open_page, corpus, path):
    page = open_page()
    page.goto(path)
    assert page.locator(".site-header").is_visible()
    assert_no_wcag_violations(page)
    page.emulate_media(media="print")
    for chrome in (".site-header", ".site-footer", ".skip-link", ".tags", ".print-hide"):
        hidden = page.locator(chrome)
        assert all(not element.is_visible() for element in hidden.all()), chrome
    # Only the digest prints: any list of summaries on the page is left out.
    assert all(not item.is_visible() for item in page.locator(".summary-item").all())
    assert page.locator("h1").is_visible()
    entries = page.locator(".implications-digest .digest-entry")
    assert entries.count() == 2
    assert all(entry.is_visible() for entry in entries.all())
    assert "Invite the client to say what is not working." in entries.first.inner_text()
    assert page.locator(".print-source").is_visible()
    assert page.pdf(format="A4").startswith(b"%PDF")

"""The reader's own, in Debian's chromium: a reading list built while reading, shared, printed
and exported; two readings logged for CPD and exported as CSV; axe-core on the new pages."""

import csv
import io
import os
import tempfile
from pathlib import Path

import pytest

from digest.core.tests.factories import make_issue, make_summary
from digest.core.tests.test_browser import PHONE, WCAG_22_AA

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR") or tempfile.gettempdir()) / "digest-reading"


def reference(family, title):
    return f"{family}, A. B. (2019). {title}. Psychotherapy Research, 29(2), 100–110."


@pytest.fixture
def three_summaries():
    issue = make_issue("2024-03")
    return [
        make_summary(
            issue,
            f"Summary about {word}",
            references=[reference(family, f"A study of {word}")],
            implications=f"<p>Implication about {word}.</p>",
            topics=["alliance"],
        )
        for family, word in (("Alder", "ruptures"), ("Birch", "empathy"), ("Cedar", "endings"))
    ]


def assert_no_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": [*WCAG_22_AA, "best-practice"]},
            "resultTypes": ["violations"],
        },
    )
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def test_a_reader_builds_shares_prints_and_exports_a_reading_list(open_page, three_summaries):
    page = open_page()
    page.goto("/archive/")
    # Newest first within the month: add them in the order the reader meets them.
    buttons = page.locator("[data-list-add]")
    assert buttons.count() == 3
    added = []
    for index in range(3):
        button = buttons.nth(index)
        button.click()
        assert button.get_attribute("aria-pressed") == "true"
        added.append(button.get_attribute("data-list-add"))
    page.locator("[data-reader-tools] [role=status]").last.get_by_text(
        "Added to your reading list."
    ).wait_for()  # announced to screen readers

    page.goto("/list/")
    page.wait_for_url(f"**/list/?ids={','.join(added)}")
    shared = page.url
    assert page.locator(".reading-entry").count() == 3

    # Someone else opens the shared address: same list, same order, nothing stored there.
    other = open_page()
    other.goto(shared)
    titles = other.locator(".reading-entry__title a").all_inner_texts()
    by_id = {str(s.pk): s.title for s in three_summaries}
    assert titles == [by_id[pk] for pk in added]
    assert other.locator("[data-list-save]").is_visible()  # not their list (yet)
    assert not other.locator("[data-list-remove]").first.is_visible()
    assert_no_violations(other)

    other.emulate_media(media="print")
    assert not other.locator(".reading-tools").is_visible()
    assert not other.locator(".site-header").is_visible()
    assert other.locator(".print-entry-source").first.is_visible()
    assert other.locator(".implications").first.is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    other.screenshot(path=str(SCREENSHOTS / "list-print.png"), full_page=True)
    other.emulate_media(media="screen")

    with other.expect_download() as download_info:
        other.get_by_role("link", name="RIS (Zotero, EndNote)").click()
    ris = Path(download_info.value.path()).read_text(encoding="utf-8")
    families = {str(s.pk): s.references.get().authors[0]["family"] for s in three_summaries}
    assert [line for line in ris.splitlines() if line.startswith("AU  -")] == [
        f"AU  - {families[pk]}, A. B." for pk in added
    ]

    # The owner can take one out; the address follows.
    page.locator(f"[data-list-remove='{added[0]}']").click()
    page.wait_for_url(f"**/list/?ids={','.join(added[1:])}")
    assert page.locator(".reading-entry").count() == 2


def test_a_reader_logs_two_readings_and_exports_the_csv(open_page, three_summaries):
    page = open_page()
    for summary, minutes, reflection in (
        (three_summaries[0], "20", "Ask about ruptures at each session's end."),
        (three_summaries[1], "15", "Reflect feelings, not only content."),
    ):
        page.goto(summary.url)
        page.get_by_text("Log this for CPD").click()
        page.get_by_label("Time spent (minutes)").fill(minutes)
        page.get_by_label("Reflection: what will I do differently?").fill(reflection)
        page.get_by_role("button", name="Save to my CPD log").click()
        page.get_by_text("Saved in your CPD log.").wait_for()

    page.goto("/cpd/")
    rows = page.locator("[data-cpd-rows] tr")
    assert rows.count() == 2
    assert page.locator("[data-cpd-total]").inner_text() == "35"
    assert "Alder, A. B. (2019)." in rows.first.inner_text()
    assert_no_violations(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.emulate_media(media="print")
    page.screenshot(path=str(SCREENSHOTS / "cpd-print.png"), full_page=True)
    page.emulate_media(media="screen")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export as CSV").click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    records = list(csv.DictReader(io.StringIO(text)))
    assert [r["Minutes"] for r in records] == ["20", "15"]
    assert records[1]["Reflection"] == "Reflect feelings, not only content."
    assert records[0]["Summary"] == three_summaries[0].title
    assert records[0]["Address"].endswith(three_summaries[0].url)


def test_without_javascript_no_button_is_broken(open_page, three_summaries):
    page = open_page(javascript=False)
    page.goto(three_summaries[0].url)
    assert page.locator("[data-list-add]").count() == 1
    assert not page.locator("[data-list-add]").is_visible()
    assert not page.get_by_text("Log this for CPD").is_visible()
    page.goto("/cpd/")
    assert page.get_by_text("The CPD log needs JavaScript").is_visible()


@pytest.mark.parametrize("language", ["", "/fr"])
def test_the_new_pages_pass_axe_on_a_phone(open_page, three_summaries, language):
    page = open_page(viewport=PHONE)
    ids = ",".join(str(s.pk) for s in three_summaries)
    summary = three_summaries[0].url
    for path in (f"/list/?ids={ids}", "/cpd/", summary):
        page.goto(language + path)
        assert_no_violations(page)

"""The editor's workbench in chromium: suggestions that load by themselves, the topic checkboxes
filtered from the keyboard, the live APA preview of a pasted reference, and the dashboard
(photographed at 1280 px, in English, for a person to look at)."""

import os
import tempfile
from pathlib import Path

import pytest
from django.utils import timezone

from digest.core.tests.factories import make_issue, make_summary
from digest.legacy.models import ImportedEntry
from digest.newsletter.models import Delivery, IssueSend, Subscriber
from digest.taxonomy.models import Topic

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RUPTURES = (
    "In this naturalistic study, 605 clients were seen by 79 therapists in primary care. "
    "Alliance ruptures that were repaired predicted better outcome."
)
EUBANKS = (
    "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018). Alliance rupture repair: "
    "A meta-analysis. Psychotherapy, 55(4), 508–519. https://doi.org/10.1037/pst0000185"
)


def screenshot_dir() -> Path:
    folder = Path(os.environ.get("SCREENSHOT_DIR") or Path(tempfile.gettempdir()) / "digest")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def log_in(open_page, django_user_model):
    """Logs the editor in; call it once the test's data is in place, because SQLite's test
    database is shared with the live server's thread and must not be written under it."""

    def log_in():
        django_user_model.objects.create_superuser("editor", "editor@example.org", "secret-pw")
        page = open_page()
        page.goto("/admin/login/")
        page.fill("input[name=username]", "editor")
        page.fill("input[name=password]", "secret-pw")
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")
        page.wait_for_load_state("networkidle")
        return page

    return log_in


def assert_no_wcag_violations(page, *selectors):
    """axe-core's WCAG 2.2 AA rules over our own parts of an admin page (Wagtail's are its own)."""
    from axe_playwright_python.sync_playwright import Axe

    from digest.core.tests.test_browser import WCAG_22_AA

    results = Axe().run(
        page,
        context={"include": [[selector] for selector in selectors]},
        options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]},
    )
    assert results.violations_count == 0, results.generate_report()


def rich_text_box(page, name):
    """Draftail's editable area for the rich-text field `name`."""
    return page.locator(f"#id_{name}").locator("xpath=..").locator("[contenteditable=true]")


def test_suggestions_appear_as_the_editor_writes_without_clicking(log_in):
    issue = make_issue("2018-02")
    page = log_in()
    page.goto(f"/admin/pages/add/summaries/summarypage/{issue.pk}/")
    panel = page.locator("[data-evidence-suggestions]")
    panel.get_by_text("Suggestions appear once the summary has text.").wait_for()
    page.fill("#id_title", "Repairing ruptures")
    rich_text_box(page, "body").click()
    page.keyboard.type(RUPTURES)
    # No click on "Update": the panel asks again once the typing stops.
    panel.locator('[data-evidence-suggested][data-field="topics"]').first.wait_for()
    panel.get_by_text("Alliance and Therapeutic Relationship").wait_for()
    alliance = Topic.objects.get(slug="alliance")
    choice = page.locator(f'[data-term-choice]:has(input[name=topics][value="{alliance.pk}"])')
    assert choice.locator("[data-term-suggested]").is_visible()

    # Accepting the suggestion ticks its box; the tick is a change, so the panel asks again
    # and then calls the topic "already tagged".
    accept = panel.locator(
        f'[data-evidence-accept][data-field="topics"][data-value="{alliance.pk}"]'
    )
    with page.expect_response("**/evidence/suggest/"):
        accept.click()
    assert choice.locator("input").is_checked()
    panel.get_by_text("already tagged").wait_for()


def test_suggestions_of_a_saved_summary_show_on_opening(log_in):
    summary = make_summary(title="Repairing ruptures", body=f"<p>{RUPTURES}</p>")
    page = log_in()
    page.goto(f"/admin/pages/{summary.pk}/edit/")
    page.locator("[data-term-choice] [data-term-suggested]:visible").first.wait_for()


def test_topic_filter_box_is_driven_from_the_keyboard(log_in):
    summary = make_summary(topics=["empathy"])
    page = log_in()
    page.goto(f"/admin/pages/{summary.pk}/edit/")
    topics = page.locator("[data-term-checkboxes]:has(input[name=topics])")
    topics.screenshot(path=str(screenshot_dir() / "summary-topics-en-1280.png"))
    assert_no_wcag_violations(page, "[data-term-checkboxes]")
    # The chosen topic comes first.
    assert topics.locator("[data-term-label]").first.inner_text() == "Empathy"
    box = topics.get_by_label("Filter the list")
    box.focus()
    page.keyboard.type("trauma")
    page.keyboard.press("Enter")  # must not submit the page form
    visible = topics.locator("[data-term-choice]:visible")
    assert visible.count() == 1
    assert visible.first.inner_text().strip().startswith("Trauma and/or PTSD")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert topics.get_by_label("Trauma and/or PTSD").is_checked()
    assert page.url.endswith(f"/admin/pages/{summary.pk}/edit/")
    box.fill("no such topic")
    topics.get_by_text("No term matches.").wait_for()
    box.fill("")
    assert topics.locator("[data-term-choice]:visible").count() == 36


def test_a_pasted_reference_is_previewed_in_apa_with_the_duplicate_warning(log_in):
    make_summary(
        title="Repair of ruptures, first look",
        references=[{"raw": "Eubanks et al. 2018", "doi": "10.1037/pst0000185"}],
    )
    summary = make_summary(title="Repair of ruptures, second look")
    page = log_in()
    page.goto(f"/admin/pages/{summary.pk}/edit/")
    page.click("#id_references-ADD")
    raw = page.locator("#id_references-0-raw")
    raw.fill(EUBANKS)
    raw.dispatch_event("paste")
    preview = page.locator("#reference-preview-0")
    preview.get_by_text("As readers will see it (APA 7)").wait_for()
    preview.locator("i", has_text="Psychotherapy").wait_for()
    assert "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018)." in preview.inner_text()
    preview.get_by_text("This article may already be summarised.").wait_for()
    assert "Repair of ruptures, first look" in preview.inner_text()

    preview.screenshot(path=str(screenshot_dir() / "summary-reference-preview-en-1280.png"))
    # An edit to a field redraws the preview.
    page.fill("#id_references-0-title", "Alliance rupture repair: An updated meta-analysis")
    preview.get_by_text("An updated meta-analysis").wait_for()


def test_dashboard_in_english_at_1280_px(log_in):
    month = timezone.localdate().strftime("%Y-%m")
    issue = make_issue(month, intro="<p>This month: ruptures and repair.</p>")
    make_summary(issue, "Experts agree on strategies to repair alliance ruptures")
    record = IssueSend.objects.create(issue=issue, finished_at=timezone.now())
    for number, status in enumerate([Delivery.Status.SENT] * 5 + [Delivery.Status.SKIPPED]):
        subscriber = Subscriber.objects.create(
            email=f"reader{number}@example.org", status=Subscriber.Status.CONFIRMED
        )
        Delivery.objects.create(issue=record.issue, subscriber=subscriber, status=status)
    old = make_issue("2014-03")
    for number, problems in enumerate(
        [["text cut off mid-sentence"], ["no Practice Implications heading"], []]
    ):
        ImportedEntry.objects.create(
            fingerprint=f"fp{number}",
            status="incomplete" if problems else "complete",
            summary=make_summary(old, f"Imported entry number {number + 1}", live=False),
            raw_text="…",
            problems=problems,
        )

    page = log_in()
    site = page.url.split("/admin")[0]
    outside = []
    page.on(
        "request",
        lambda request: None if request.url.startswith(site) else outside.append(request.url),
    )
    page.goto("/admin/")
    page.locator("#digest-this-month-section").wait_for()
    page.wait_for_load_state("networkidle")
    assert outside == []
    broken = page.evaluate(
        "Array.from(document.images).filter(i => i.complete && i.naturalWidth === 0).length"
    )
    assert broken == 0
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not overflow
    text = page.locator("main").inner_text()
    assert "This month’s issue" in text and "sent" in text
    assert "0 of 3 reviewed" in text and "cut off mid-sentence; no topic" in text
    assert "Newsletter: last send" in text
    # The admin scrolls inside its own layout: make the window as tall as the dashboard.
    height = page.evaluate("document.querySelector('main').scrollHeight")
    page.set_viewport_size({"width": 1280, "height": max(900, height + 100)})
    assert_no_wcag_violations(
        page,
        "#digest-this-month-section",
        "#digest-needs-review-section",
        "#digest-last-send-section",
    )
    path = screenshot_dir() / "dashboard-en-1280.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000


def test_editor_works_through_the_review_queue(log_in):
    old = make_issue("2014-03")
    for number, problems in enumerate([["text cut off mid-sentence"], ["no summary"]]):
        ImportedEntry.objects.create(
            fingerprint=f"fp{number}",
            status="incomplete",
            summary=make_summary(old, f"Imported entry number {number + 1}", live=False),
            raw_text="…",
            problems=problems,
            month=old.month,
            sources=[f"https://old.example.org/blog?p={number + 1}"],
        )
    page = log_in()
    page.get_by_role("link", name="Review queue", exact=True).click()
    page.get_by_text("0 of 2 reviewed").wait_for()
    assert page.get_by_role("heading", name="Legacy import: review queue").is_visible()
    page.screenshot(path=str(screenshot_dir() / "review-queue-en-1280.png"), full_page=True)
    assert_no_wcag_violations(page, "main")
    row = page.locator("tr", has_text="Imported entry number 1")
    assert "cut off mid-sentence; no topic" in row.inner_text()
    assert row.get_by_role("link", name="https://old.example.org/blog?p=1").count() == 1
    row.get_by_role("button", name="Mark reviewed").click()
    page.get_by_text("1 of 2 reviewed").wait_for()
    assert page.locator("tr", has_text="Imported entry number 1").count() == 0
    page.locator("tr", has_text="Imported entry number 2").get_by_role("link").first.click()
    page.wait_for_url("**/edit/")

"""The editor's month in Debian's chromium, as the editor walks it: next month's issue from
the month alone, a summary from a pasted reference (author rows fill in), a suggested topic
accepted, a preview, publishing; a summary held back under a draft issue; a move to another
issue; a test e-mail to themselves at a real SMTP server; and a reader who subscribes,
confirms from the e-mail and unsubscribes. Screenshots of the two forms are saved to
$SCREENSHOT_DIR (a temporary directory by default), outside the repository."""

import datetime
import email
import os
import re
import tempfile
from email import policy
from pathlib import Path

import pytest
from playwright.sync_api import expect

from digest.core.tests.factories import home_page, make_issue, make_summary
from digest.issues.models import IssuePage
from digest.newsletter.models import Subscriber
from digest.newsletter.tests.sink import CountingHandler, SMTPSink
from digest.summaries.models import SummaryPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EUBANKS = (
    "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018). Alliance rupture repair: A "
    "meta-analysis. Psychotherapy, 55(4), 508–519. https://doi.org/10.1037/pst0000185"
)
BODY = (
    "A meta-analysis of 11 studies with 1,314 clients found that repairing alliance ruptures "
    "went with better outcome; therapists who invited the client to talk about the rupture "
    "did best."
)
PASSWORD = "secret-pw"


class Mailbox(CountingHandler):
    """The SMTP sink, keeping each message it accepts."""

    def __init__(self):
        super().__init__()
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return await super().handle_DATA(server, session, envelope)

    def text_to(self, address):
        found = [m for m in self.messages if address in m["To"]]
        assert found, f"no message to {address} among {[m['To'] for m in self.messages]}"
        return found[-1].get_body(preferencelist=("plain",)).get_content()


@pytest.fixture
def mailbox(settings, live_server):
    with SMTPSink(Mailbox()) as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
        settings.EMAIL_USE_TLS = False
        settings.WAGTAILADMIN_BASE_URL = live_server.url  # links in e-mails reach this site
        yield sink.handler


@pytest.fixture
def editor(open_page, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    page = open_page()
    page.goto("/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    return page


@pytest.fixture
def screenshots():
    directory = os.environ.get("SCREENSHOT_DIR") or tempfile.mkdtemp(prefix="digest-screens-")
    path = Path(directory)
    path.mkdir(parents=True, exist_ok=True)
    return path


def next_month(today=None):
    today = today or datetime.date.today()
    return (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def type_rich_text(page, field, text):
    editor = page.locator(f'[data-contentpath="{field}"] [contenteditable="true"]')
    editor.click()
    page.keyboard.type(text)


def wait_for_autosave_to_create_the_page(page):
    """Autosave creates the page once its required fields are filled; saving by hand while
    that request is under way would post the same new page twice."""
    page.wait_for_function(
        "() => document.querySelector('form[data-edit-form]').action.includes('/edit/')",
        timeout=30_000,  # autosave's debounce and request; a loaded CI machine took over 10 s
    )


def main_action(page):
    return page.locator("footer .button").first


def publish_from_menu(page):
    """Publish when it is not the main action: open the "More actions" menu first."""
    publish = page.locator('footer button[name="action-publish"]')
    if not publish.is_visible():
        page.locator("footer .w-dropdown__toggle").click()  # "More actions"
    publish.click()


def assert_no_console_errors(errors):
    # The admin's "new Wagtail version" check has no network here; everything else counts.
    real = [e for e in errors if "releases.wagtail.org" not in e and "net::ERR_" not in e]
    assert real == []


def test_editor_publishes_next_months_issue_with_a_pasted_reference(
    editor, live_server, screenshots
):
    page = editor
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    autosave_failures = []
    page.on("response", lambda r: autosave_failures.append(r.url) if r.status == 400 else None)
    month = next_month()

    # The issue: the month alone. No error on the fresh form, before or after picking it.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/admin/pages/add/issues/issuepage/{home_page().pk}/")
    expect(page.locator("input[name=month]")).to_have_attribute("type", "month")
    page.fill("input[name=month]", month.strftime("%Y-%m"))
    page.locator("input[name=month]").blur()
    page.screenshot(path=screenshots / "issue-form.png", full_page=True)
    main_action(page).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    issue = IssuePage.objects.get(month=month)
    assert issue.title == IssuePage.default_title(month)
    expect(page.get_by_text("Autosave is paused")).to_be_hidden()

    # The summary: headline, a pasted reference whose authors become rows, the body.
    page.goto(f"/admin/pages/add/summaries/summarypage/{issue.pk}/")
    page.locator("input[name=title]").press_sequentially("Repairing ruptures helps")
    page.get_by_text("Add References").click()
    raw = page.locator("textarea[name=references-0-raw]")
    raw.fill(EUBANKS)
    raw.dispatch_event("change")
    rows = page.locator(".person-list__row")
    expect(rows).to_have_count(3)
    expect(rows.nth(0).locator(".person-list__family")).to_have_value("Eubanks")
    expect(rows.nth(0).locator(".person-list__given")).to_have_value("C. F.")
    expect(page.locator("[name=references-0-title]")).to_have_value(
        "Alliance rupture repair: A meta-analysis"
    )
    type_rich_text(page, "body", BODY)
    type_rich_text(page, "implications", "Invite the client to say what is not working.")

    # A suggested topic, accepted from the Suggestions panel.
    panel = page.locator("[data-evidence-suggestions]")
    refresh = panel.locator("[data-evidence-refresh]")
    if refresh.count():
        refresh.click()
    accept = panel.locator('[data-evidence-accept][data-field="topics"]').first
    accept.wait_for()
    topic_id = accept.get_attribute("data-value")
    accept.click()
    panel.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "summary-form-suggestions.png")

    raw.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "summary-form.png", full_page=True)
    wait_for_autosave_to_create_the_page(page)
    main_action(page).click()  # Save draft
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    summary = SummaryPage.objects.get(title="Repairing ruptures helps")
    draft = summary.get_latest_revision_as_object()
    [reference] = draft.references.all()
    assert [a["family"] for a in reference.authors] == ["Eubanks", "Muran", "Safran"]
    assert [str(t.pk) for t in draft.topics.all()] == [topic_id]

    # Preview beside the form.
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_contain_text("Repairing ruptures helps")

    # Publish the issue, then the summary (its main action once the issue is live).
    page.goto(f"/admin/pages/{issue.pk}/edit/")
    publish_from_menu(page)
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    page.goto(f"/admin/pages/{summary.pk}/edit/")
    expect(main_action(page)).to_contain_text("Publish")
    main_action(page).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    summary.refresh_from_db()
    assert summary.live

    # Readers see it everywhere.
    reader = page.context.new_page()
    for address in ("/", "/archive/", "/search/?q=ruptures"):
        assert reader.goto(address).status == 200, address
        # inner text: search marks the matching word ("Repairing <mark>ruptures</mark>").
        assert "Repairing ruptures helps" in reader.locator("main").inner_text(), address
    feed = reader.goto("/feeds/rss/")
    assert feed.status == 200 and "Repairing ruptures helps" in feed.text()
    reader.goto(summary.url)
    expect(reader.locator("h1")).to_have_text("Repairing ruptures helps")
    assert autosave_failures == []
    assert_no_console_errors(errors)


def test_publishing_a_summary_under_a_draft_issue_offers_to_publish_both(editor):
    page = editor
    issue = make_issue(next_month(), live=False)
    summary = make_summary(issue, "Waiting for its issue", live=False)
    summary.save_revision()
    page.goto(f"/admin/pages/{summary.pk}/edit/")
    expect(main_action(page)).not_to_contain_text("Publish")
    publish_from_menu(page)
    message = page.locator(".messages")
    expect(message).to_contain_text("not live yet")
    assert not SummaryPage.objects.get(pk=summary.pk).live
    message.get_by_role("link", name="Publish the issue and this summary").click()
    page.get_by_role("button", name="Publish the issue and this summary").click()
    expect(page.locator(".messages")).to_contain_text("are live")
    assert IssuePage.objects.get(pk=issue.pk).live
    assert SummaryPage.objects.get(pk=summary.pk).live


def test_moving_a_summary_moves_its_address_and_month(editor):
    page = editor
    march, april = make_issue("2026-03"), make_issue("2026-04")
    summary = make_summary(march, "Moved along")
    old_url = summary.url
    page.goto(f"/admin/pages/{summary.pk}/move/{april.pk}/confirm/")
    page.get_by_role("button", name="Yes, move this page").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    moved = SummaryPage.objects.get(pk=summary.pk)
    assert moved.month == datetime.date(2026, 4, 1)
    reader = page.context.new_page()
    reader.goto(old_url)
    reader.wait_for_url(f"**{moved.url}")
    assert moved.url == "/2026/04/moved-along/"
    expect(reader.locator("h1")).to_have_text("Moved along")
    reader.goto("/2026/04/")
    expect(reader.get_by_role("link", name="Moved along")).to_be_visible()


def test_a_test_of_the_issue_email_reaches_the_editor(editor, mailbox):
    page = editor
    issue = make_issue("2026-03", intro="<p>This month: ruptures.</p>")
    make_summary(issue, "Repairing ruptures helps")
    page.goto(f"/admin/newsletter_sends/{issue.pk}/")
    page.get_by_role("button", name="Send a test to editor@example.org").click()
    expect(page.locator(".messages")).to_be_visible()
    text = mailbox.text_to("editor@example.org")
    assert "Repairing ruptures helps" in text


def test_a_reader_subscribes_confirms_from_the_email_and_unsubscribes(
    open_page, mailbox, live_server
):
    page = open_page()
    page.goto("/subscribe/")
    page.fill("input[name=email]", "reader@example.org")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/subscribe/sent/")
    text = mailbox.text_to("reader@example.org")
    link = re.search(r"https?://\S+/subscribe/confirm/\S+/", text).group(0)
    assert link.startswith(live_server.url)  # at the port this site runs on

    page.goto(link)
    page.get_by_role("button", name="Yes, subscribe me").click()
    expect(page.locator("h1")).to_have_text("You are subscribed")
    assert Subscriber.objects.get(email="reader@example.org").status == "confirmed"

    page.get_by_role("link", name="Choose your language and topics of interest").click()
    page.get_by_role("link", name="Unsubscribe from the newsletter").click()
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.locator("h1")).to_have_text("You are unsubscribed")
    assert Subscriber.objects.get(email="reader@example.org").status == "unsubscribed"

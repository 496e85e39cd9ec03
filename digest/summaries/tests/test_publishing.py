"""Never a live summary under a non-live issue: the admin's publish button, the create
form, bulk actions, scheduled publishing, code calling Wagtail's publish action, and
unpublishing an issue; and Publish is the main action once the issue is live."""

import datetime
import re
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPageRevisionAction

from digest.core.tests.factories import make_issue, make_summary
from digest.issues.models import IssuePage
from digest.summaries.models import SummaryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return admin_user


def edit_form(client, page, **changes):
    from wagtail.test.utils.form_data import querydict_from_html

    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for name, value in changes.items():
        data[name] = value
    return data


def fresh(page):
    return type(page).objects.get(pk=page.pk)


def test_publishing_a_summary_under_a_draft_issue_is_refused_with_an_offer(client, editor):
    issue = make_issue("2026-05", live=False)
    summary = make_summary(issue, "Ruptures", live=False)
    url = reverse("wagtailadmin_pages:edit", args=[summary.pk])
    data = edit_form(client, summary, title="Ruptures, revised", **{"action-publish": "1"})
    response = client.post(url, data, follow=True)
    html = response.content.decode()
    assert "not live yet" in html
    offer = reverse("summaries_publish_with_issue", args=[summary.pk])
    assert offer in html
    assert not fresh(summary).live
    # Nothing typed is lost: the change is the latest draft.
    assert fresh(summary).get_latest_revision_as_object().title == "Ruptures, revised"

    # The offer: one confirmation publishes the issue, then the summary.
    assert "also publishes its issue" in client.get(offer).content.decode()
    assert client.post(offer).status_code == 302
    assert fresh(issue).live and fresh(summary).live
    assert fresh(summary).title == "Ruptures, revised"


def test_the_create_form_keeps_a_refused_summary_as_a_draft(client, editor):
    from wagtail.test.utils.form_data import querydict_from_html

    issue = make_issue("2026-05", live=False)
    url = reverse("wagtailadmin_pages:add", args=["summaries", "summarypage", issue.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update({"title": "New one", "slug": "new-one", "action-publish": "1"})
    response = client.post(url, data)
    summary = SummaryPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[summary.pk])
    assert not summary.live


def test_a_summary_under_a_live_issue_publishes_as_usual(client, editor):
    summary = make_summary(make_issue("2026-05"), "Ruptures", live=False)
    url = reverse("wagtailadmin_pages:edit", args=[summary.pk])
    client.post(url, edit_form(client, summary, **{"action-publish": "1"}))
    assert fresh(summary).live


def test_code_publishing_a_summary_under_a_draft_issue_leaves_it_unpublished():
    summary = make_summary(make_issue("2026-05", live=False), live=False)
    summary.save_revision().publish()  # what workflows and bulk actions call
    assert not fresh(summary).live
    # Wagtail's publish action run directly (as its edit view does) is taken back.
    PublishPageRevisionAction(fresh(summary).save_revision()).execute()
    assert not fresh(summary).live


def test_a_scheduled_summary_waits_for_its_issue_then_goes_live_with_it():
    issue = make_issue("2026-05", live=False)
    summary = make_summary(issue, live=False)
    summary.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    summary.save_revision().publish()  # scheduled: allowed, the issue may be scheduled too
    assert fresh(summary).scheduled_revision is not None

    later = timezone.now() + datetime.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
        assert not fresh(summary).live
        assert fresh(summary).scheduled_revision is not None  # still waiting, not dropped

        issue.save_revision().publish()
        assert fresh(summary).live


def bulk_publish(client, pages):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    query = "&".join(f"id={page.pk}" for page in pages)
    return client.post(f"{url}?{query}", {"include_descendants": ""}, follow=True)


def test_bulk_publishing_summaries_without_their_issue_is_refused(client, editor):
    issue = make_issue("2026-05", live=False)
    summary = make_summary(issue, "Waiting", live=False)
    response = bulk_publish(client, [summary])
    assert "Nothing was published" in response.content.decode()
    assert not fresh(summary).live


def test_bulk_publishing_an_issue_with_its_summaries_publishes_both(client, editor):
    issue = make_issue("2026-05", live=False)
    summary = make_summary(issue, "Waiting", live=False)
    bulk_publish(client, [summary, issue])  # summary listed first: issues still go first
    assert fresh(issue).live and fresh(summary).live


def test_unpublishing_an_issue_unpublishes_its_summaries():
    issue = make_issue("2026-05")
    summary = make_summary(issue)
    fresh(issue).unpublish()
    assert not fresh(summary).live


def main_action(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    footer = html[html.index("<footer") :]
    first_button = re.search(r"<button[^>]*>", footer).group(0)
    name = re.search(r'name="([^"]*)"', first_button)
    return name.group(1) if name else "action-save-draft"  # Save draft's button has no name


def test_publish_is_the_main_action_once_the_issue_is_live(client, editor):
    live = make_summary(make_issue("2026-05"), live=False)
    waiting = make_summary(make_issue("2026-06", live=False), live=False)
    assert main_action(client, live) == "action-publish"
    assert main_action(client, waiting) != "action-publish"
    assert IssuePage.objects.count() == 2


def test_moving_a_summary_to_another_issue_moves_its_month_address_and_issue(client, editor):
    march, april = make_issue("2026-03"), make_issue("2026-04")
    summary = make_summary(march, "Ruptures repaired")
    old_url = summary.url
    url = reverse("wagtailadmin_pages:move_confirm", args=[summary.pk, april.pk])
    assert client.post(url).status_code == 302
    moved = fresh(summary)
    assert moved.get_parent().pk == april.pk
    assert (moved.issue_id, moved.month) == (april.pk, datetime.date(2026, 4, 1))
    assert moved.url == "/2026/04/ruptures-repaired/"
    client.logout()
    assert client.get(moved.url).status_code == 200
    response = client.get(old_url)
    assert response.status_code in (301, 302) and response["Location"].endswith(moved.url)
    # Publishing a later draft keeps the new month (save() reads the parent again).
    moved.save_revision().publish()
    assert fresh(summary).month == datetime.date(2026, 4, 1)
    assert [s.pk for s in fresh(april).summaries()] == [summary.pk]


def test_a_live_summary_moved_under_a_draft_issue_is_unpublished():
    summary = make_summary(make_issue("2026-03"))
    draft = make_issue("2026-04", live=False)
    fresh(summary).move(draft, pos="last-child")
    assert not fresh(summary).live
    assert fresh(summary).month == datetime.date(2026, 4, 1)

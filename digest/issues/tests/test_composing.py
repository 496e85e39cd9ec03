"""Composing the month's issue in the Wagtail admin: create, add and reorder summaries,
preview, schedule (published by `publish_scheduled`), and see the revisions."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text

from digest.core.tests.factories import home_page, make_issue, make_summary
from digest.issues.models import IssuePage
from digest.summaries.models import SummaryPage
from digest.taxonomy.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return admin_user


def edit_form_data(client, page, **changes):
    """The edit form exactly as the admin renders it, with `changes` applied."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for name, value in changes.items():
        data[name] = value
    return data


def test_editor_creates_the_months_issue_as_a_draft(client, editor):
    url = reverse("wagtailadmin_pages:add", args=["issues", "issuepage", home_page().pk])
    data = nested_form_data(
        {
            "month": "2026-03-17",
            "title": "March 2026",
            "slug": "march",
            "intro": rich_text("<p>This month… I blog about ruptures.</p>"),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    issue = IssuePage.objects.get()
    assert issue.month == datetime.date(2026, 3, 1)
    assert issue.slug == "2026-03"
    assert not issue.live
    assert "ruptures" in issue.get_latest_revision_as_object().intro


def test_editor_adds_a_summary_to_the_issue(client, editor):
    issue = make_issue("2026-03")
    url = reverse("wagtailadmin_pages:add", args=["summaries", "summarypage", issue.pk])
    html = client.get(url).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data["title"] = "Repairing ruptures helps"
    data["slug"] = "repairing-ruptures-helps"
    data["body"] = rich_text("<p>A meta-analysis of 11 studies.</p>")
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302
    summary = SummaryPage.objects.get()
    assert summary.live and summary.get_parent().pk == issue.pk
    assert summary.month == issue.month
    assert summary.url == "/2026/03/repairing-ruptures-helps/"


def test_reordering_summaries_changes_the_issue_page(client, editor):
    issue = make_issue("2026-03")
    first = make_summary(issue, "First headline")
    make_summary(issue, "Second headline")
    third = make_summary(issue, "Third headline")
    url = reverse("wagtailadmin_pages:set_page_position", args=[third.pk])
    assert client.post(f"{url}?position=0").status_code == 200
    assert [s.pk for s in issue.summaries()][:2] == [third.pk, first.pk]
    html = client.get(issue.url).content.decode()
    assert html.index("Third headline") < html.index("First headline") < html.index("Second")


def test_preview_shows_unsaved_changes_without_saving_them(client, editor):
    issue = make_issue("2026-03")
    make_summary(issue, "A summary in the issue")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[issue.pk])
    data = edit_form_data(client, issue, intro=rich_text("<p>Unsaved introduction.</p>"))
    response = client.post(url, data)
    assert response.json()["is_valid"]
    preview = client.get(url).content.decode()
    assert "Unsaved introduction." in preview
    assert "A summary in the issue" in preview
    issue.refresh_from_db()
    assert "Unsaved introduction." not in issue.intro


def test_preview_of_a_summary_relates_it_by_its_unsaved_topics(client, editor):
    issue = make_issue("2026-03")
    summary = make_summary(issue, "The summary being edited", topics=["alliance"])
    make_summary(issue, "About alliance", topics=["alliance"])
    make_summary(issue, "About training", topics=["training"])
    training = Topic.objects.get(slug="training").pk
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[summary.pk])
    data = edit_form_data(client, summary)
    data.setlist("topics", [str(training)])
    assert client.post(url, data).json()["is_valid"]
    related = client.get(url).content.decode().split('class="related"')[1]
    assert "About training" in related and "About alliance" not in related
    published = client.get(summary.url).content.decode().split('class="related"')[1]
    assert "About alliance" in published and "About training" not in published


def test_preview_of_a_new_summary_relates_it_by_its_topics(client, editor):
    issue = make_issue("2026-03")
    make_summary(issue, "About training", topics=["training"])
    training = Topic.objects.get(slug="training").pk
    url = reverse("wagtailadmin_pages:preview_on_add", args=["summaries", "summarypage", issue.pk])
    add_form = reverse("wagtailadmin_pages:add", args=["summaries", "summarypage", issue.pk])
    data = querydict_from_html(client.get(add_form).content.decode(), form_id="page-edit-form")
    data["title"] = "A new summary"
    data["slug"] = "a-new-summary"
    data.setlist("topics", [str(training)])
    assert client.post(url, data).json()["is_valid"]
    assert "About training" in client.get(url).content.decode().split('class="related"')[1]


def test_scheduled_issue_goes_live_when_publish_scheduled_runs(client, editor):
    issue = make_issue("2026-03", live=False)
    go_live = (timezone.localtime() + datetime.timedelta(hours=2)).replace(second=0, microsecond=0)
    data = edit_form_data(
        client, issue, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"), **{"action-publish": "1"}
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[issue.pk]), data)
    assert response.status_code == 302
    issue.refresh_from_db()
    assert not issue.live
    assert issue.scheduled_revision is not None
    assert issue.scheduled_revision.approved_go_live_at == go_live

    call_command("publish_scheduled")  # too early: nothing happens
    issue.refresh_from_db()
    assert not issue.live

    later = go_live + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    issue.refresh_from_db()
    assert issue.live
    assert client.get(issue.url).status_code == 200


def test_editor_sees_and_compares_revisions(client, editor):
    issue = make_issue("2026-03", intro="<p>First wording.</p>")
    data = edit_form_data(client, issue, intro=rich_text("<p>Second wording.</p>"))
    client.post(reverse("wagtailadmin_pages:edit", args=[issue.pk]), data)
    revisions = list(issue.revisions.order_by("created_at"))
    assert len(revisions) == 2

    history = client.get(reverse("wagtailadmin_pages:history", args=[issue.pk]))
    assert history.status_code == 200
    compare = client.get(
        reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[issue.pk, revisions[0].pk, revisions[1].pk],
        )
    )
    html = compare.content.decode()
    assert compare.status_code == 200
    # Wagtail shows a word-level diff of the introduction.
    assert '<span class="deletion">First</span>' in html
    assert '<span class="addition">Second</span>' in html
    revert = client.get(
        reverse("wagtailadmin_pages:revisions_revert", args=[issue.pk, revisions[0].pk])
    )
    assert revert.status_code == 200
    assert "First wording." in revert.content.decode()


def test_the_admin_page_search_finds_summaries(client, editor):
    """Wagtail's own page search goes through the site's search backend too."""
    make_summary(make_issue("2026-03"), "Repairing alliance ruptures")
    make_summary(make_issue("2026-04"), "Something else entirely")
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "ruptures"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Repairing alliance ruptures" in html and "Something else entirely" not in html

"""The admin dashboard: this month's issue and its state, imported summaries to review, the
newsletter's last send; no outside avatars; a bounded number of queries."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone

from digest.core.tests.factories import make_issue, make_summary
from digest.legacy.models import ImportedEntry
from digest.newsletter.models import Delivery, IssueSend, Subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    return client


def this_month():
    return timezone.localdate().strftime("%Y-%m")


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def send(issue, statuses, finished=True):
    record = IssueSend.objects.create(issue=issue, finished_at=timezone.now() if finished else None)
    for number, status in enumerate(statuses):
        subscriber = Subscriber.objects.create(
            email=f"reader{issue.pk}-{number}@example.org", status=Subscriber.Status.CONFIRMED
        )
        Delivery.objects.create(issue=issue, subscriber=subscriber, status=status)
    return record


def test_without_an_issue_this_month_the_dashboard_offers_to_start_it(editor):
    make_issue("2018-02")
    html = dashboard(editor)
    month = timezone.localdate().strftime("%B %Y")
    assert f"There is no issue for {month} yet." in html
    assert "The latest is February 2018." in html
    assert "Start this month’s issue" in html


def test_draft_issue_of_the_month_shows_as_draft_with_its_summaries(editor):
    issue = make_issue(this_month(), live=False)
    make_summary(issue, live=False)
    html = dashboard(editor)
    assert issue.title in html
    assert "Not published and not scheduled." in html
    assert "0 summaries published, 1 in draft." in html


def test_scheduled_issue_shows_its_go_live_time(editor):
    issue = make_issue(this_month(), live=False)
    go_live = timezone.now() + datetime.timedelta(days=2)
    issue.go_live_at = go_live
    issue.save_revision().publish()
    issue.refresh_from_db()
    assert not issue.live
    html = dashboard(editor)
    assert "scheduled" in html
    when = formats.date_format(timezone.localtime(go_live), "DATETIME_FORMAT")
    assert f"goes live {when}" in html


def test_live_issue_says_it_is_not_sent_yet_then_sent_with_counts(editor):
    issue = make_issue(this_month())
    make_summary(issue)
    assert "not sent yet" in dashboard(editor)
    send(issue, [Delivery.Status.SENT] * 3 + [Delivery.Status.FAILED_PERMANENT])
    html = dashboard(editor)
    assert "not sent yet" not in html
    assert "1 summary published, 0 in draft." in html
    last_send = html[html.index('id="digest-last-send-section"') :]
    assert issue.title in last_send
    counts = dict(
        zip(
            ["Sent", "Waiting", "Failed", "Skipped", "Total"],
            [3, 0, 1, 0, 4],
            strict=True,
        )
    )
    for label, count in counts.items():
        assert f"<dt>{label}</dt><dd>{count}</dd>" in last_send


def test_last_send_is_the_latest_and_an_unfinished_one_says_still_sending(editor):
    older = make_issue("2018-01")
    newer = make_issue("2018-02")
    send(older, [Delivery.Status.SENT])
    record = send(newer, [Delivery.Status.WAITING, Delivery.Status.SENT], finished=False)
    record.requested_at = timezone.now() + datetime.timedelta(minutes=1)
    record.save()
    html = dashboard(editor)
    last_send = html[html.index('id="digest-last-send-section"') :]
    assert "February 2018" in last_send and "still sending" in last_send
    assert "<dt>Waiting</dt><dd>1</dd>" in last_send


def test_imported_summaries_to_review_are_listed_with_their_reasons(editor):
    issue = make_issue("2015-03")
    summary = make_summary(issue, "Cut short in 2015", live=False)
    ImportedEntry.objects.create(
        fingerprint="a",
        status=ImportedEntry.Status.INCOMPLETE,
        summary=summary,
        raw_text="…",
        problems=["text cut off mid-sentence"],
    )
    html = dashboard(editor)
    panel = html[html.index('id="digest-needs-review-section"') :]
    assert "0 of 1 reviewed" in panel
    assert "Cut short in 2015" in panel
    assert "cut off mid-sentence; no topic" in panel
    assert reverse("legacy_review") in panel


def test_panels_are_hidden_from_users_who_cannot_act_on_them(client, django_user_model):
    user = django_user_model.objects.create_user("moderator", "m@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    issue = make_issue("2015-03")
    ImportedEntry.objects.create(
        fingerprint="a",
        status=ImportedEntry.Status.INCOMPLETE,
        summary=make_summary(issue, live=False),
        raw_text="…",
        problems=["no summary"],
    )
    html = dashboard(client)
    assert 'id="digest-this-month-section"' in html
    assert "Start this month’s issue" not in html  # may not add pages
    assert 'id="digest-needs-review-section"' not in html
    assert 'id="digest-last-send-section"' not in html


def test_no_avatar_is_fetched_from_gravatar(editor):
    assert "gravatar" not in dashboard(editor).lower()


def test_dashboard_reads_a_bounded_number_of_queries(editor):
    issue = make_issue(this_month())
    make_summary(issue)
    send(issue, [Delivery.Status.SENT])

    def import_drafts(count, start):
        for number in range(start, start + count):
            ImportedEntry.objects.create(
                fingerprint=f"fp{number}",
                status=ImportedEntry.Status.INCOMPLETE,
                summary=make_summary(issue, live=False),
                raw_text="…",
                problems=["no summary"],
            )

    import_drafts(2, 0)
    dashboard(editor)  # warm the session, site and permission caches
    with CaptureQueriesContext(connection) as few:
        dashboard(editor)
    import_drafts(10, 2)
    send(make_issue("2018-02"), [Delivery.Status.SENT] * 10)
    with CaptureQueriesContext(connection) as many:
        dashboard(editor)
    assert len(many) == len(few)


def test_dashboard_speaks_french_to_an_editor_who_chose_it(client, django_user_model):
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(user)
    make_issue(this_month(), live=False)
    html = dashboard(client)
    assert "Le numéro du mois" in html
    assert "Ni publié ni programmé." in html

"""The review queue of the legacy import: who is listed and why, marking reviewed, progress,
permissions, CSRF and a bounded number of queries."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from digest.core.tests.factories import make_issue, make_summary
from digest.legacy import review
from digest.legacy.models import ImportedEntry

pytestmark = pytest.mark.django_db

OLD = "https://old.example.org/blog?p=3"


def imported(summary, *, problems=(), sources=(OLD,), reviewed=False):
    from django.utils import timezone

    return ImportedEntry.objects.create(
        fingerprint=f"fp-{summary.pk}",
        status=ImportedEntry.Status.INCOMPLETE if problems else ImportedEntry.Status.COMPLETE,
        summary=summary,
        month=summary.month,
        headline=summary.title,
        raw_text="text as read",
        problems=list(problems),
        sources=list(sources),
        reviewed_at=timezone.now() if reviewed else None,
    )


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    return client


@pytest.fixture
def archive():
    """One imported summary for each reason, one needing nobody, one already reviewed."""
    issue = make_issue("2016-05")
    parsed = {"raw": "Smith, J. (2015). A title. Journal, 1, 1-2.", "title": "A title"}
    cut = make_summary(issue, "Cut short", topics=["alliance"], live=False)
    bare = make_summary(issue, "Without a topic", references=[parsed])
    unsure = make_summary(
        issue,
        "Unsure reference",
        topics=["empathy"],
        references=[{**parsed, "unparsed": ["Journal, 1"]}],
    )
    fine = make_summary(issue, "Nothing wrong", topics=["empathy"], references=[parsed])
    done = make_summary(issue, "Already looked at", live=False)
    return {
        "cut": imported(
            cut, problems=["text cut off mid-sentence", "no Practice Implications heading"]
        ),
        "bare": imported(bare, sources=["saved/blog-p3.html"]),
        "unsure": imported(unsure),
        "fine": imported(fine),
        "done": imported(done, problems=["no summary"], reviewed=True),
    }


def test_queue_lists_each_summary_needing_a_person_with_its_reasons(editor, archive):
    response = editor.get(reverse("legacy_review"))
    assert response.status_code == 200
    rows = {row["entry"].summary.title: row["reasons"] for row in response.context["rows"]}
    assert rows == {
        "Cut short": ["cut off mid-sentence", "no practice implications"],
        "Without a topic": ["no topic"],
        "Unsure reference": ["reference fields uncertain"],
    }
    html = response.content.decode()
    assert "1 of 4 reviewed" in html
    assert f'href="{OLD}"' in html
    assert "<code>saved/blog-p3.html</code>" in html  # a saved file is named, not linked
    edit = reverse("wagtailadmin_pages:edit", args=[archive["cut"].summary_id])
    assert f'href="{edit}"' in html


def test_marking_reviewed_moves_the_row_and_the_progress(editor, archive):
    entry = archive["bare"]
    response = editor.post(
        reverse("legacy_review_mark", args=[entry.pk]), {"next": reverse("legacy_review")}
    )
    assert response.status_code == 302 and response.url == reverse("legacy_review")
    entry.refresh_from_db()
    assert entry.reviewed_at is not None and entry.reviewed_by == "ed"
    assert review.progress() == {"reviewed": 2, "total": 4}
    listed = [row["entry"].pk for row in editor.get(reverse("legacy_review")).context["rows"]]
    assert entry.pk not in listed
    shown = editor.get(reverse("legacy_review") + "?show=reviewed").context["rows"]
    assert entry.pk in [row["entry"].pk for row in shown]

    editor.post(reverse("legacy_review_mark", args=[entry.pk]), {"undo": "1"})
    entry.refresh_from_db()
    assert entry.reviewed_at is None and entry.reviewed_by == ""


def test_a_fixed_summary_leaves_the_queue_without_being_marked(editor, archive):
    from digest.taxonomy.models import Topic

    archive["bare"].summary.topics.add(Topic.objects.get(slug="alliance"))
    archive["bare"].summary.save()
    assert review.progress() == {"reviewed": 1, "total": 3}


def test_mark_refuses_get_unknown_entries_and_outside_redirects(editor, archive):
    url = reverse("legacy_review_mark", args=[archive["bare"].pk])
    assert editor.get(url).status_code == 405
    assert editor.post(reverse("legacy_review_mark", args=[999999])).status_code == 404
    response = editor.post(url, {"next": "https://evil.example.com/"})
    assert response.url == reverse("legacy_review")


def test_mark_needs_the_csrf_token(django_user_model, archive):
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    response = client.post(reverse("legacy_review_mark", args=[archive["bare"].pk]))
    assert response.status_code == 403
    archive["bare"].refresh_from_db()
    assert archive["bare"].reviewed_at is None


def test_only_editors_allowed_to_change_the_import_log_see_or_mark(
    client, django_user_model, archive
):
    user = django_user_model.objects.create_user("moderator", "m@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("legacy_review")).status_code in (302, 403)
    mark = reverse("legacy_review_mark", args=[archive["bare"].pk])
    assert client.post(mark).status_code in (302, 403)
    archive["bare"].refresh_from_db()
    assert archive["bare"].reviewed_at is None

    group = Group.objects.create(name="Importers")
    group.permissions.add(Permission.objects.get(codename="change_importedentry"))
    user.groups.add(group)
    user = django_user_model.objects.get(pk=user.pk)
    client.force_login(user)
    assert client.get(reverse("legacy_review")).status_code == 200
    assert client.post(mark).status_code == 302


def test_anonymous_visitors_are_sent_to_log_in(client, archive):
    response = client.get(reverse("legacy_review"))
    assert response.status_code == 302 and "/login/" in response.url


def test_queue_pages_in_a_bounded_number_of_queries(editor, archive):
    issue = make_issue("2016-06")
    for number in range(12):
        imported(make_summary(issue, f"Extra {number}", live=False), problems=["no summary"])
    editor.get(reverse("legacy_review"))  # warm the session and site lookups
    with CaptureQueriesContext(connection) as few:
        editor.get(reverse("legacy_review"))
    for number in range(30):
        imported(make_summary(issue, f"More {number}", live=False), problems=["no summary"])
    with CaptureQueriesContext(connection) as many:
        response = editor.get(reverse("legacy_review"))
    assert len(response.context["rows"]) == 45
    assert len(many) == len(few)
    assert len(many) <= 15


def test_queue_is_paginated(editor, archive, monkeypatch):
    from digest.legacy import admin_views

    monkeypatch.setattr(admin_views, "PER_PAGE", 2)
    first = editor.get(reverse("legacy_review"))
    assert len(first.context["rows"]) == 2
    assert "Page 1 of 2" in first.content.decode()
    second = editor.get(reverse("legacy_review") + "?p=2")
    assert len(second.context["rows"]) == 1
    assert editor.get(reverse("legacy_review") + "?p=nonsense").status_code == 200


def test_review_progress_travels_with_the_archive_export(editor, archive):
    from digest.legacy.archive import export_archive

    editor.post(reverse("legacy_review_mark", args=[archive["bare"].pk]))
    rows = {row["fingerprint"]: row for row in export_archive()["legacy_entries"]}
    marked = rows[archive["bare"].fingerprint]
    assert marked["reviewed_by"] == "ed" and marked["reviewed_at"] is not None
    assert rows[archive["cut"].fingerprint]["reviewed_at"] is None


def test_every_problem_the_parser_notes_reads_in_the_editors_words():
    from pathlib import Path

    from digest.legacy.parsing import parse_page

    folder = Path(__file__).parent
    texts = [
        path.read_text(encoding="utf-8")
        for name in ("fixtures", "fixtures_old_site")
        for path in sorted((folder / name).glob("*.txt"))
    ]
    full = (folder / "fixtures_old_site" / "static-full-month.txt").read_text(encoding="utf-8")
    texts += [full[:cut] for cut in range(1200, len(full), 97)]  # copies cut anywhere
    noted = {p for text in texts for entry in parse_page(text).entries for p in entry.problems}
    assert len(noted) >= 5
    assert noted <= set(review.PROBLEM_LABELS)

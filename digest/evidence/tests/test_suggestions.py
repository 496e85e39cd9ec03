"""Suggestions in the summary editor: learned from the archive, shown, applied only on request."""

import json

import pytest
from django.urls import reverse

from digest.core.tests.factories import make_issue, make_summary
from digest.evidence import services
from digest.summaries.models import SummaryPage

pytestmark = pytest.mark.django_db

RUPTURE = (
    "<p>In this naturalistic study, 605 clients were seen by 79 therapists in primary care. "
    "Alliance ruptures that were repaired predicted better outcome (r = .29).</p>"
)


def draftail(text):
    """The JSON the rich-text editor posts for one paragraph of `text`."""
    block = {
        "key": "a1",
        "text": text,
        "type": "unstyled",
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return user


def tagged_archive(n=services.MIN_ARCHIVE):
    """`n` tagged summaries: alliance ones share words the keyword rules do not know."""
    issue = make_issue("2018-02")
    for i in range(n):
        if i % 2:
            make_summary(
                issue,
                body=f"<p>Clients described a tear in the collaboration; mending tears {i}.</p>",
                topics=["alliance"],
                types=["qualitative"],
            )
        else:
            make_summary(
                issue,
                body=f"<p>Session counts and dose of weekly meetings in clinics {i}.</p>",
                topics=["treatment-length"],
                types=["naturalistic"],
            )


def test_small_archive_falls_back_to_keyword_rules():
    summary = make_summary(body=RUPTURE)
    result = services.suggest_for_page(summary)
    topics = [s.term.slug for s in result.topics]
    assert topics[0] == "alliance"
    assert not any(s.from_archive for s in result.topics)
    assert [s.term.slug for s in result.research_types] == ["naturalistic"]


def test_archive_teaches_words_the_keyword_rules_do_not_know():
    tagged_archive()
    result = services.suggest(body="<p>A tear in the collaboration, and mending it.</p>")
    first = result.topics[0]
    assert first.term.slug == "alliance"
    assert first.from_archive
    assert first.neighbours and all(isinstance(p, SummaryPage) for p in first.neighbours)
    assert result.research_types[0].term.slug == "qualitative"


def test_summary_is_not_suggested_from_itself():
    tagged_archive()
    summary = SummaryPage.objects.filter(topics__slug="alliance").first()
    result = services.suggest_for_page(summary)
    assert all(summary not in s.neighbours for s in result.topics)


def test_evidence_suggestion_maps_onto_the_card_fields():
    result = services.suggest(body=RUPTURE)
    values = {f.name: f.value for f in result.evidence}
    assert values == {
        "design": "Naturalistic study",
        "n_clients": 605,
        "n_therapists": 79,
        "setting": "primary care",
        "effect_sizes": "r = 0.29",
    }
    assert result.card_line.startswith("Naturalistic study · 605 clients · 79 therapists")


def test_no_text_gives_no_suggestions():
    result = services.suggest(title="Only a headline")
    assert not result.has_text
    assert result.topics == result.research_types == result.evidence == []


def test_edit_view_shows_suggestions_without_changing_the_page(client, editor):
    summary = make_summary(body=RUPTURE)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[summary.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Suggested topics" in html
    assert "Alliance and Therapeutic Relationship" in html
    assert "Naturalistic study · 605 clients" in html
    assert "evidence/suggestions.js" in html
    assert reverse("evidence_review", args=[summary.pk]) in html
    summary.refresh_from_db()
    assert summary.topics.count() == 0
    assert summary.n_clients is None
    assert not summary.evidence_confirmed


def test_create_view_renders_the_panel_before_there_is_text(client, editor):
    issue = make_issue()
    url = reverse("wagtailadmin_pages:add", args=["summaries", "summarypage", issue.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "Suggestions appear once the summary has text." in response.content.decode()


def test_review_page_applies_only_ticked_suggestions_to_a_new_draft(client, editor):
    summary = make_summary(body=RUPTURE)
    url = reverse("evidence_review", args=[summary.pk])
    page = client.get(url)
    assert page.status_code == 200
    alliance = SummaryPage.topics.field.related_model.objects.get(slug="alliance")
    revisions = summary.revisions.count()
    response = client.post(
        url, {"topics": [alliance.pk], "evidence": ["n_clients", "design"], "confirm": "on"}
    )
    assert response.status_code == 302
    summary.refresh_from_db()
    # The live page is untouched: the choices sit in a new draft revision.
    assert summary.topics.count() == 0 and summary.n_clients is None
    assert summary.revisions.count() == revisions + 1
    assert summary.has_unpublished_changes
    draft = summary.get_latest_revision_as_object()
    assert [t.slug for t in draft.topics.all()] == ["alliance"]
    assert draft.n_clients == 605 and draft.design == "Naturalistic study"
    assert draft.n_therapists is None  # not ticked
    assert draft.evidence_confirmed


def test_review_page_rejects_a_choice_that_was_not_offered(client, editor):
    summary = make_summary(body=RUPTURE)
    response = client.post(reverse("evidence_review", args=[summary.pk]), {"evidence": ["title"]})
    assert response.status_code == 400
    assert summary.revisions.count() == 1


def test_review_page_needs_edit_permission(client, django_user_model):
    summary = make_summary(body=RUPTURE)
    user = django_user_model.objects.create_user("reader", "r@example.org", "pw")
    client.force_login(user)
    response = client.get(reverse("evidence_review", args=[summary.pk]))
    assert response.status_code in (302, 403)
    client.logout()
    response = client.get(reverse("evidence_review", args=[summary.pk]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_unknown_summary_is_a_404(client, editor):
    assert client.get(reverse("evidence_review", args=[999999])).status_code == 404


def test_json_endpoint_reads_the_unsaved_form(client, editor):
    summary = make_summary(body="<p>Nothing yet.</p>")
    response = client.post(
        reverse("evidence_suggest"),
        {
            "page_id": summary.pk,
            "title": "Ruptures",
            "body": draftail("A meta-analysis of k = 11 studies on alliance ruptures, r = .29."),
            "n_studies": "11",
            "references-TOTAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    data = response.json()
    assert data["topics"][0]["slug"] == "alliance"
    assert data["research_types"][0]["slug"] == "meta-analysis"
    evidence = {item["name"]: item for item in data["evidence"]}
    assert evidence["n_studies"]["value"] == 11 and not evidence["n_studies"]["differs"]
    assert "data-evidence-accept" in data["html"]


def test_json_endpoint_refuses_get_anonymous_and_bad_ids(client, editor):
    url = reverse("evidence_suggest")
    assert client.get(url).status_code == 405
    assert client.post(url, {"page_id": "x"}).status_code == 400
    assert client.post(url, {"page_id": "999999"}).status_code == 404
    client.logout()
    assert client.post(url, {"body": draftail("text")}).status_code == 302


def test_admin_editor_is_outside_the_readers_content_security_policy(client, editor):
    # Wagtail's editor uses inline styles; the strict policy is for reader pages only.
    summary = make_summary(body=RUPTURE)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[summary.pk]))
    assert "Content-Security-Policy" not in edit.headers
    assert "script-src 'self'" in client.get(summary.url).headers["Content-Security-Policy"]


def test_readers_see_the_evidence_card_only_once_confirmed(client):
    summary = make_summary(n_clients=605, setting="primary care")
    assert 'class="evidence-card"' not in client.get(summary.url).content.decode()
    summary.evidence_confirmed = True
    summary.save_revision().publish()
    assert "605 clients · primary care" in client.get(summary.url).content.decode()


def test_panel_speaks_french_to_a_french_editor(client, editor):
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "fr"})
    summary = make_summary(body=RUPTURE)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[summary.pk])).content.decode()
    assert "Thèmes suggérés" in html
    assert "Examiner et appliquer les suggestions" in html

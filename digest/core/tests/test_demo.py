"""`load_demo`: real articles, published through revisions, and a second run changes nothing."""

import io
import re

import pytest
from django.core.management import call_command
from django.http import HttpRequest
from wagtail.models import Page, Revision

from digest.core.demo.content import ISSUES, SUMMARIES
from digest.issues.models import IssuePage
from digest.references.models import Reference
from digest.summaries.models import SummaryPage

pytestmark = pytest.mark.django_db

DOI = re.compile(r"^10\.\d{4,9}/\S+$")


def snapshot():
    """Everything the demo writes, in a comparable form (ids included: nothing may be recreated)."""
    pages = list(
        Page.objects.filter(depth__gte=3)
        .order_by("path")
        .values_list("pk", "path", "numchild", "url_path", "title", "live", "latest_revision_id")
    )
    summaries = [
        (
            s.pk,
            s.body,
            s.implications,
            s.evidence_card,
            [t.slug for t in s.topics.all()],
            [t.slug for t in s.research_types.all()],
            [r.raw for r in s.references.all()],
        )
        for s in SummaryPage.objects.for_listing().order_by("path")
    ]
    issues = list(IssuePage.objects.order_by("month").values_list("pk", "month", "intro"))
    return pages, summaries, issues, Revision.objects.count(), Reference.objects.count()


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_demo_creates_published_issues_and_summaries(demo):
    assert IssuePage.objects.live().count() == len(ISSUES) >= 4
    summaries = SummaryPage.objects.live()
    assert summaries.count() == len(SUMMARIES) >= 10
    # Published through revisions, like an editor's work: each page has a live revision.
    assert not summaries.filter(live_revision__isnull=True).exists()
    assert not IssuePage.objects.filter(live_revision__isnull=True).exists()
    assert not summaries.filter(has_unpublished_changes=True).exists()


def test_demo_spans_topics_types_and_kinds_of_entry(demo):
    through_topics = SummaryPage.topics.through.objects
    through_types = SummaryPage.research_types.through.objects
    assert through_topics.values("topic").distinct().count() >= 8
    assert through_types.values("researchtype").distinct().count() >= 4
    essays = SummaryPage.objects.filter(references__isnull=True)
    assert essays.count() >= 1
    assert Reference.objects.filter(kind=Reference.Kind.CHAPTER).count() >= 1
    for summary in SummaryPage.objects.all():
        assert summary.evidence_confirmed and summary.evidence_card
        assert summary.body.count("<p>") >= 3 and summary.implications.count("<p>") >= 2


def test_demo_references_have_complete_bibliographic_fields(demo):
    for ref in Reference.objects.all():
        assert ref.authors and all(a["family"] and a["given"] for a in ref.authors)
        assert ref.year and ref.title and ref.container_title and ref.pages or ref.article_number
        assert str(ref.year) in ref.raw and ref.authors[0]["family"] in ref.raw
        if ref.kind == Reference.Kind.ARTICLE:
            assert ref.volume and DOI.match(ref.doi) and ref.doi in ref.raw
        else:
            assert ref.editors and ref.publisher


def test_running_the_demo_twice_changes_nothing(demo):
    before = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == before
    assert Page.find_problems() == ([], [], [], [], [])


def test_demo_pages_render(demo, client):
    assert client.get("/").status_code == 200
    assert client.get("/archive/").status_code == 200
    for issue in IssuePage.objects.all():
        assert client.get(issue.url).status_code == 200
    for summary in SummaryPage.objects.all():
        response = client.get(summary.url)
        assert response.status_code == 200
        assert summary.title in response.content.decode()


def test_demo_admin_login_printed_for_the_port_served(db, client):
    out = io.StringIO()
    call_command("ensure_demo_admin", "--port", "8765", "--password", "demo-pass-1", stdout=out)
    assert "http://127.0.0.1:8765/admin/ user 'editor', password 'demo-pass-1'" in out.getvalue()
    # django-axes checks every login against its request (no request: no login).
    assert client.login(request=HttpRequest(), username="editor", password="demo-pass-1")

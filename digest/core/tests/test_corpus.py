"""`generate_corpus`: counts, determinism, a valid page tree and pages that render."""

import datetime
import random

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from digest.core.corpus import (
    FINDINGS,
    RECENT_ISSUES,
    TOPIC_FINDINGS,
    fake_summary,
    generate_corpus,
    plan_months,
)
from digest.core.tests.factories import make_issue, make_summary
from digest.issues.models import IssuePage
from digest.references.models import Reference
from digest.summaries.models import SummaryPage

pytestmark = pytest.mark.django_db

UNTIL = datetime.date(2026, 11, 1)


def content():
    """The corpus as readers see it, without database ids or random translation keys."""
    return [
        (
            s.url_path,
            s.title,
            s.month,
            s.first_published_at,
            s.body,
            s.implications,
            s.author_email,
            s.evidence_card,
            s.n_clients,
            [t.slug for t in s.topics.all()],
            [t.slug for t in s.research_types.all()],
            [(r.raw, r.kind, r.authors, r.year, r.title, r.doi) for r in s.references.all()],
        )
        for s in SummaryPage.objects.for_listing().order_by("path")
    ]


def wipe():
    Page.objects.filter(depth__gt=2).delete()


def assert_tree_is_valid():
    assert Page.find_problems() == ([], [], [], [], [])
    for page in Page.objects.filter(depth__gte=3).specific():
        expected = type(page).objects.get(pk=page.pk).set_url_path(page.get_parent())
        assert page.url_path == expected


def test_same_seed_gives_the_same_corpus_and_another_seed_does_not():
    generate_corpus(40, seed=7, until=UNTIL)
    first = content()
    wipe()
    generate_corpus(40, seed=7, until=UNTIL)
    assert content() == first
    wipe()
    generate_corpus(40, seed=8, until=UNTIL)
    assert content() != first


def test_counts_months_and_variety():
    report = generate_corpus(60, seed=1, until=UNTIL)
    assert report.summaries_created == SummaryPage.objects.live().count() == 60
    per_issue = [i.get_children().count() for i in IssuePage.objects.all()]
    assert report.issues_created == len(per_issue) and set(per_issue) <= {2, 3}
    assert IssuePage.objects.order_by("-month").first().month == UNTIL
    assert SummaryPage.topics.through.objects.values("topic").distinct().count() >= 15
    assert SummaryPage.research_types.through.objects.values("researchtype").distinct().count() >= 6
    lengths = {len(s.body) for s in SummaryPage.objects.all()}
    assert max(lengths) > 2 * min(lengths)
    assert Reference.objects.exclude(doi="").count() >= 50


def test_references_vary_like_a_real_archive():
    rng = random.Random(11)
    entries = [fake_summary(rng, 11, n, UNTIL) for n in range(400)]
    references = [ref for entry in entries for ref in entry["references"]]
    assert any(not entry["references"] for entry in entries)  # essays
    assert any(len(entry["references"]) > 1 for entry in entries)
    assert {ref.get("kind", Reference.Kind.ARTICLE) for ref in references} == {
        Reference.Kind.ARTICLE,
        Reference.Kind.CHAPTER,
    }
    assert any(ref.get("status") == "advance online publication" for ref in references)
    for ref in references:
        assert f"({ref['year']})" in ref["raw"] and ref["title"] in ref["raw"]
        assert ref["authors"][0]["family"] in ref["raw"]


def test_topic_words_follow_the_topic_as_in_a_real_archive():
    """A topic's own findings appear only in summaries on it, so a search for drop-out matches
    the few summaries about it, not (as a first version of the corpus did) three in four."""
    rng = random.Random(13)
    entries = [fake_summary(rng, 13, n, UNTIL) for n in range(2000)]
    for slug, sentences in TOPIC_FINDINGS.items():
        carrying = [e for e in entries if any(s in e["body"] for s in sentences)]
        assert carrying and all(slug in e["topics"] for e in carrying), slug
    dropping_out = [e for e in entries if "dropped out" in e["body"]]
    assert 0 < len(dropping_out) < 0.1 * len(entries)
    assert not any("drop" in s for s in FINDINGS)


def test_beyond_the_months_since_2013_older_issues_grow_evenly():
    plan = plan_months(1000, random.Random(1), UNTIL)
    assert plan.months[0][0] == UNTIL and plan.months[-1][0] == datetime.date(2013, 1, 1)
    counts = [count for _month, count in plan.months]
    assert sum(counts) == 1000
    assert set(counts[:RECENT_ISSUES]) <= {2, 3}  # what the home page and recent issues show
    assert max(counts[RECENT_ISSUES:]) - min(counts[RECENT_ISSUES:]) <= 2


def test_tree_is_valid_and_appends_to_existing_issues():
    issue = make_issue("2026-10", intro="<p>Hand-made.</p>")
    make_summary(issue, "Written by hand")
    generate_corpus(25, seed=3, until=UNTIL)
    generate_corpus(10, seed=4, until=UNTIL)
    assert_tree_is_valid()
    assert IssuePage.objects.filter(month=datetime.date(2026, 10, 1)).count() == 1
    assert issue.get_children().count() > 1
    slugs = list(issue.get_children().values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs))


def test_corpus_pages_render(client):
    generate_corpus(30, seed=5, until=UNTIL)
    summary = SummaryPage.objects.order_by("path").first()
    for url in ("/", "/archive/", summary.url, summary.get_parent().url, "/feeds/atom/"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert summary.title in client.get(summary.url).content.decode()


def test_corpus_references_carry_their_formatting_as_saved_ones_do():
    generate_corpus(10, seed=6, until=UNTIL)
    references = list(Reference.objects.all())
    assert references
    for reference in references:
        stored = reference.formatted_html
        reference.formatted_key = ""  # formatted afresh, as before anything was stored
        assert stored == reference.as_html()


def test_command_reports_and_rejects_bad_input(capsys):
    call_command("generate_corpus", "--summaries", "5", "--seed", "2", "--until", "2020-03")
    assert "5 summaries" in capsys.readouterr().out
    assert SummaryPage.objects.count() == 5
    with pytest.raises(CommandError):
        call_command("generate_corpus", "--summaries", "0")
    with pytest.raises(CommandError):
        call_command("generate_corpus", "--summaries", "3", "--until", "March")

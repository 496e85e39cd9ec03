"""/topics/, /topics/<slug>/ (with its printable implications digest) and /types/<slug>/."""

import re

import pytest

from digest.core.tests.factories import make_issue, make_summary
from digest.taxonomy.models import Topic

pytestmark = pytest.mark.django_db


def count_next_to(html, name):
    match = re.search(re.escape(name) + r"</a>\s*<span class=\"count\">(\d+)", html)
    return int(match.group(1)) if match else None


def test_topic_list_shows_every_topic_in_the_networks_order_with_counts(client):
    make_summary(topics=["termination", "empathy"])
    make_summary(topics=["termination"])
    make_summary(topics=["termination"], live=False)  # drafts do not count
    html = client.get("/topics/").content.decode()
    names = list(Topic.objects.values_list("name", flat=True))
    assert len(names) == 36
    positions = [html.index(name.replace("&", "&amp;")) for name in names]
    assert positions == sorted(positions)
    assert count_next_to(html, "Termination") == 2
    assert count_next_to(html, "Empathy") == 1
    assert count_next_to(html, "Training") == 0


def test_topic_page_lists_its_summaries_under_month_headings(client):
    make_summary(make_issue("2019-04"), "April on endings", topics=["termination"])
    make_summary(make_issue("2018-11"), "November on endings", topics=["termination"])
    make_summary(make_issue("2019-04"), "Not about endings", topics=["empathy"])
    response = client.get("/topics/termination/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Termination</h1>" in html
    assert html.index("April 2019") < html.index("April on endings")
    assert html.index("April on endings") < html.index("November 2018")
    assert html.index("November 2018") < html.index("November on endings")
    assert "Not about endings" not in html


def test_topic_page_digest_holds_every_implication_newest_first(client):
    make_summary(
        make_issue("2017-01"), "Old", topics=["termination"], implications="<p>Plan endings.</p>"
    )
    make_summary(
        make_issue("2020-01"), "New", topics=["termination"], implications="<p>Ask early.</p>"
    )
    make_summary(make_issue("2020-01"), "Silent", topics=["termination"], implications="")
    html = client.get("/topics/termination/").content.decode()
    digest = html[html.index('class="implications-digest"') :]
    assert "Practice implications: Termination" in digest
    assert digest.index("Ask early.") < digest.index("Plan endings.")
    assert "Silent" not in digest


def test_topic_page_shows_the_newest_twenty_implications_and_links_the_full_handout(client):
    for n in range(22):
        make_summary(
            make_issue(f"{2000 + n // 12}-{n % 12 + 1:02d}"),
            f"Piece {n}",
            topics=["termination"],
            implications=f"<p>Implication number {n}.</p>",
        )
    html = client.get("/topics/termination/").content.decode()
    digest = html[html.index('class="implications-digest"') :]
    assert digest.count('class="digest-entry"') == 20
    assert "Implication number 21." in digest and "Implication number 1." not in digest
    # The handout link comes first on the page, before the list of summaries.
    handout_link = html.index('href="/topics/termination/implications/"')
    assert handout_link < html.index('class="term-summaries')
    # Each implication appears once on the page: in the digest, not again in the list.
    assert html.count("Implication number 21.") == 1
    handout = client.get("/topics/termination/implications/")
    page = handout.content.decode()
    assert handout.status_code == 200
    assert "<title>Practice implications: Termination · Practice Digest</title>" in page
    assert page.count('class="digest-entry"') == 22
    assert page.index("Implication number 21.") < page.index("Implication number 0.")
    assert 'href="/2001/10/piece-21/"' in page


def test_handout_of_an_old_or_unknown_topic_slug(client):
    response = client.get("/topics/adherance/implications/")
    assert response.status_code == 301
    assert response["Location"] == "/topics/adherence/implications/"
    assert client.get("/topics/nope/implications/").status_code == 404


def test_french_handout(client):
    make_summary(title="Ending well", topics=["termination"], implications="<p>Plan it.</p>")
    html = client.get("/fr/topics/termination/implications/").content.decode()
    assert '<html lang="fr">' in html
    assert "Implications pour la pratique : Fin de la thérapie" in html
    assert "Ce contenu n’est disponible qu’en anglais." in html


def test_topic_page_prints_as_a_handout_of_implications_only(client):
    make_summary(topics=["termination"], implications="<p>Keep this.</p>")
    html = client.get("/topics/termination/").content.decode()
    # The stylesheet's print rules hide .print-hide: the list goes, the digest stays.
    listing = re.search(r'<section class="term-summaries print-hide"', html)
    assert listing is not None
    digest_start = html.index('class="implications-digest"')
    assert "print-hide" not in html[digest_start - 40 : digest_start]
    assert 'href="/static/css/digest.css"' in html


def test_topic_page_links_its_feeds_and_archive_filter(client):
    html = client.get("/topics/termination/").content.decode()
    assert 'href="/feeds/atom/?topic=termination"' in html
    assert 'href="/feeds/rss/?topic=termination"' in html
    assert 'href="/archive/?topic=termination"' in html


def test_old_topic_slug_answers_with_a_permanent_redirect(client):
    response = client.get("/topics/adherance/")
    assert response.status_code == 301
    assert response["Location"] == "/topics/adherence/"
    assert client.get("/fr/topics/adherance/")["Location"] == "/fr/topics/adherence/"


def test_unknown_topic_and_type_are_404(client):
    assert client.get("/topics/no-such-topic/").status_code == 404
    assert client.get("/types/no-such-type/").status_code == 404


def test_type_page_lists_only_its_type(client):
    make_summary(title="A trial", types=["rct"])
    make_summary(title="A review", types=["meta-analysis"])
    response = client.get("/types/rct/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Randomised controlled trial</h1>" in html
    assert "A trial" in html and "A review" not in html
    assert 'href="/feeds/atom/?type=rct"' in html
    assert "implications-digest" not in html


def test_term_pages_paginate_with_404_past_the_end(client):
    for n in range(21):
        make_summary(make_issue(f"2001-{n % 12 + 1:02d}"), f"Trial {n}", types=["rct"])
    assert client.get("/types/rct/?page=2").status_code == 200
    assert client.get("/types/rct/?page=3").status_code == 404
    assert client.get("/types/rct/?page=two").status_code == 404
    canonical = re.search(
        r'rel="canonical" href="([^"]+)"', client.get("/types/rct/?page=2").content.decode()
    )
    assert canonical.group(1) == "http://testserver/types/rct/?page=2"


def test_french_topic_page_translates_the_interface_not_the_content(client):
    make_summary(title="Ending well", topics=["termination"], implications="<p>Plan it.</p>")
    html = client.get("/fr/topics/termination/").content.decode()
    assert '<html lang="fr">' in html
    assert "Implications pour la pratique : Fin de la thérapie" in html
    assert "Ce contenu n’est disponible qu’en anglais." in html
    assert 'href="/fr/2018/02/ending-well/"' in html

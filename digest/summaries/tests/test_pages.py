"""The summary page, the issue page and the home page: what a reader sees on each."""

import re
from html import unescape

import pytest

from digest.core.tests.factories import make_issue, make_summary
from digest.summaries.models import SummaryPage

pytestmark = pytest.mark.django_db

REFERENCE = (
    "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018). Alliance rupture repair: "
    "A meta-analysis. Psychotherapy, 55(4), 508–519."
)


def meta(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return unescape(match.group(1)) if match else None


def link_href(html, rel):
    match = re.search(rf'<link rel="{rel}" href="([^"]*)"', html)
    return unescape(match.group(1)) if match else None


@pytest.fixture
def summary():
    return make_summary(
        make_issue("2018-02"),
        "Experts Agree on Repairing Ruptures",
        topics=["alliance", "termination"],
        types=["meta-analysis"],
        references=[{"raw": REFERENCE, "doi": "10.1037/pst0000185"}],
        body="<p>Across 11 studies, rupture repair went with better outcomes.</p>",
        implications="<p>Notice ruptures &amp; talk about them openly.</p>",
        author_email="jeremy.safran@example.org",
        design="Meta-analysis",
        n_studies=11,
        n_clients=1314,
        evidence_confirmed=True,
    )


def test_summary_lives_at_a_dated_readable_address(client):
    summary = make_summary(make_issue("2018-02"), "Experts Agree on Repairing Ruptures")
    assert summary.url == "/2018/02/experts-agree-on-repairing-ruptures/"
    assert client.get(summary.url).status_code == 200


def test_summary_page_shows_every_part_in_reading_order(client, summary):
    html = client.get(summary.url).content.decode()
    assert "<h1>Experts Agree on Repairing Ruptures</h1>" in html
    assert "Alliance rupture repair" in html
    assert 'href="https://doi.org/10.1037/pst0000185"' in html
    card = '<p class="evidence-card" lang="en">Meta-analysis · 11 studies · 1,314 clients</p>'
    assert card in html
    positions = [
        html.index("<h1>"),
        html.index("Alliance rupture repair"),
        html.index('class="evidence-card"'),
        html.index("Across 11 studies"),
        html.index('class="implications"'),
    ]
    assert positions == sorted(positions)


def test_practice_implications_are_set_apart_under_their_own_heading(client, summary):
    html = client.get(summary.url).content.decode()
    section = re.search(r'<section class="implications"[^>]*>(.*?)</section>', html, re.S)
    assert section is not None
    assert ">Practice implications</h2>" in section.group(1)
    assert "Notice ruptures" in section.group(1)
    assert "Across 11 studies" not in section.group(1)


def test_author_email_is_a_mailto_link(client, summary):
    html = client.get(summary.url).content.decode()
    assert '<a href="mailto:jeremy.safran@example.org">jeremy.safran@example.org</a>' in html


def test_no_author_email_no_line(client):
    summary = make_summary(title="No e-mail")
    assert "mailto:" not in client.get(summary.url).content.decode()


def test_topics_and_type_are_links_to_their_pages(client, summary):
    html = client.get(summary.url).content.decode()
    assert '<a href="/topics/alliance/">Alliance and Therapeutic Relationship</a>' in html
    assert '<a href="/topics/termination/">Termination</a>' in html
    assert '<a href="/types/meta-analysis/">Meta-analysis</a>' in html


def test_evidence_card_is_shown_only_once_confirmed(client):
    unconfirmed = make_summary(title="Unconfirmed", design="RCT", n_clients=80)
    assert 'class="evidence-card"' not in client.get(unconfirmed.url).content.decode()
    page = SummaryPage.objects.get(pk=unconfirmed.pk)
    page.evidence_confirmed = True
    page.save_revision().publish()
    html = client.get(unconfirmed.url).content.decode()
    assert '<p class="evidence-card" lang="en">RCT · 80 clients</p>' in html


def test_summary_without_reference_is_valid(client):
    essay = make_summary(title="On the ethics of online therapy", references=[])
    response = client.get(essay.url)
    assert response.status_code == 200
    assert "On the ethics of online therapy" in response.content.decode()


def test_related_summaries_share_topics_or_types_most_shared_first(client, summary):
    issue = make_issue("2017-06")
    make_summary(issue, "Shares two topics", topics=["alliance", "termination"])
    make_summary(issue, "Shares one topic", topics=["termination"])
    make_summary(issue, "Shares the type only", types=["meta-analysis"])
    make_summary(issue, "Shares nothing", topics=["training"], types=["rct"])
    make_summary(issue, "Shares a topic but is a draft", topics=["alliance"], live=False)
    html = client.get(summary.url).content.decode()
    related = html[html.index('class="related"') :]
    assert "Shares nothing" not in related and "draft" not in related
    assert "Experts Agree" not in related  # never itself
    order = [related.index(t) for t in ("two topics", "one topic", "the type only")]
    assert order == sorted(order)
    assert 'href="/2017/06/shares-two-topics/"' in related


def test_related_summaries_are_at_most_five(summary):
    for n in range(8):
        make_summary(make_issue("2016-01"), f"Related {n}", topics=["alliance"])
    assert len(summary.related()) == 5


def test_no_related_section_when_nothing_is_related(client):
    alone = make_summary(title="Alone", topics=["training"])
    make_summary(title="Elsewhere", topics=["empathy"])
    assert 'class="related"' not in client.get(alone.url).content.decode()


def test_summary_page_has_title_description_open_graph_and_canonical(client, summary):
    html = client.get(summary.url).content.decode()
    assert "<title>Experts Agree on Repairing Ruptures · Practice Digest</title>" in html
    assert meta(html, "name", "description") == "Notice ruptures & talk about them openly."
    assert meta(html, "property", "og:title") == "Experts Agree on Repairing Ruptures"
    assert meta(html, "property", "og:type") == "article"
    assert meta(html, "property", "og:url") == f"http://testserver{summary.url}"
    assert link_href(html, "canonical") == f"http://testserver{summary.url}"
    assert html.count('rel="canonical"') == 1


def test_french_summary_page_is_the_english_content_with_a_notice(client, summary):
    url = summary.url  # in English: once a French page is served, French stays active
    response = client.get(f"/fr{url}")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert "Ce contenu n’est disponible qu’en anglais." in html
    assert "Experts Agree on Repairing Ruptures" in html
    assert ">Implications pour la pratique</h2>" in html
    assert 'href="/fr/topics/alliance/"' in html
    assert link_href(html, "canonical") == f"http://testserver/fr{url}"
    assert f'hreflang="en" href="http://testserver{url}"' in html
    assert f'hreflang="fr" href="http://testserver/fr{url}"' in html
    assert 'lang="en">English</a>' in html  # the switcher leads back


def test_english_page_has_no_english_only_notice_and_links_to_french(client, summary):
    html = client.get(summary.url).content.decode()
    assert "only available in English" not in html
    assert f'href="/fr{summary.url}" hreflang="fr" lang="fr">Français</a>' in html


def test_issue_page_lists_its_summaries_in_order(client):
    issue = make_issue("2019-03", intro="<p>This month I blog about two studies.</p>")
    make_summary(issue, "First of the month")
    make_summary(issue, "Second of the month")
    make_summary(issue, "Draft of the month", live=False)
    response = client.get("/2019/03/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>March 2019</h1>" in html
    assert "This month I blog about two studies." in html
    assert html.index("First of the month") < html.index("Second of the month")
    assert "Draft of the month" not in html
    assert 'href="/2019/03/first-of-the-month/"' in html
    assert link_href(html, "canonical") == "http://testserver/2019/03/"


def test_french_issue_page_links_stay_in_french(client):
    make_summary(make_issue("2019-03"), "First of the month")
    html = client.get("/fr/2019/03/").content.decode()
    assert 'href="/fr/2019/03/first-of-the-month/"' in html
    assert "/fr/fr/" not in html


def test_home_shows_the_latest_issue(client):
    make_summary(make_issue("2018-01"), "January piece")
    make_summary(make_issue("2018-02"), "February piece", implications="<p>Do this.</p>")
    html = client.get("/").content.decode()
    assert "February piece" in html and "January piece" not in html
    assert "Do this." in html
    assert 'href="/2018/02/"' in html


def test_home_without_issue_says_so(client):
    assert "No issue has been published yet." in client.get("/").content.decode()


def test_unknown_month_and_summary_are_404(client):
    make_issue("2018-02")
    assert client.get("/1999/01/").status_code == 404
    assert client.get("/2018/02/no-such-summary/").status_code == 404
    assert client.get("/2018/99/").status_code == 404

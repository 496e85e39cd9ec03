"""The reader's site, finished (issue 15): filters, references in every list, navigation,
the About page, French vocabulary and evidence cards, absolute links and feeds."""

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from digest.core.tests.factories import make_issue, make_summary
from digest.issues.models import IssueSettings
from digest.settings.dev import served_address
from digest.taxonomy.models import ResearchType, Topic
from digest.taxonomy.vocabulary import RESEARCH_TYPE_NAMES_FR, TOPIC_NAMES_FR, TOPICS

pytestmark = pytest.mark.django_db

EUBANKS = {
    "raw": "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018). Alliance rupture repair: "
    "A meta-analysis. Psychotherapy, 55(4), 508–519. https://doi.org/10.1037/pst0000185",
    "authors": [
        {"family": "Eubanks", "given": "C. F."},
        {"family": "Muran", "given": "J. C."},
        {"family": "Safran", "given": "J. D."},
    ],
    "year": 2018,
    "title": "Alliance rupture repair: A meta-analysis",
    "container_title": "Psychotherapy",
    "volume": "55",
    "issue": "4",
    "pages": "508–519",
    "doi": "10.1037/pst0000185",
    "kind": "article-journal",
}


@pytest.fixture
def issues():
    june, july, august = make_issue("2026-06"), make_issue("2026-07"), make_issue("2026-08")
    repair = make_summary(
        july,
        "Repairing ruptures",
        topics=["alliance"],
        types=["meta-analysis"],
        references=[EUBANKS],
        implications="<p>Name the rupture.</p>",
        design="Meta-analysis",
        n_studies=11,
        n_clients=1868,
        setting="primary care",
        follow_up="12-month follow-up",
        evidence_confirmed=True,
    )
    endings = make_summary(july, "Planning endings", topics=["termination"], types=["rct"])
    make_summary(june, "Empathy matters", topics=["empathy"], types=["meta-analysis"])
    make_summary(august, "August study", topics=["training"], types=["survey"])
    return {"june": june, "july": july, "august": august, "repair": repair, "endings": endings}


# ---- filters --------------------------------------------------------------------------------


def test_filters_fold_into_one_disclosure_that_names_the_chosen_filters(client, issues):
    html = client.get("/archive/?topic=alliance&topic=empathy&type=rct").content.decode()
    summary = re.search(r'<summary class="facets-disclosure__summary">([^<]*)</summary>', html)
    assert summary[1] == "Filter: 2 topics, 1 type"
    assert '<details class="facets-disclosure">' in html  # folded until the reader opens it
    plain = client.get("/archive/").content.decode()
    assert "Filter by topic or research type</summary>" in plain
    french = client.get("/fr/archive/?topic=alliance").content.decode()
    assert "Filtres : 1 thème</summary>" in french


def test_apply_button_at_the_top_and_bottom_and_a_live_region_for_the_count(client, issues):
    html = client.get("/archive/").content.decode()
    form = html[html.index('<form class="facets"') : html.index("</form>")]
    assert form.count('<button type="submit" class="facets__apply">Apply filters</button>') == 2
    assert form.index("facets__apply") < form.index("<fieldset>")
    assert 'aria-live="polite" data-filter-announce' in form
    assert 'src="/static/js/facets.js" defer' in html


def test_options_that_give_nothing_are_greyed_and_listed_after_the_others(client, issues):
    html = client.get("/archive/?type=meta-analysis").content.decode()
    topics = re.search(r"<legend>Topic</legend>\s*<ul>(.*?)</ul>", html, re.S)[1]
    items = re.findall(r'<li( class="facet--empty")?><input [^>]*value="([\w-]+)"', topics)
    empty = [bool(flag) for flag, _ in items]
    assert empty == sorted(empty)  # every non-empty option comes first
    assert [slug for flag, slug in items if not flag] == ["alliance", "empathy"]
    assert len(items) == 36  # none hidden


def test_a_selected_option_with_no_result_stays_among_the_first(client, issues):
    html = client.get("/archive/?topic=adherence&type=meta-analysis").content.decode()
    topics = re.search(r"<legend>Topic</legend>\s*<ul>(.*?)</ul>", html, re.S)[1]
    assert re.search(
        r'<li><input type="checkbox" name="topic" value="adherence"[^>]* checked>', topics
    )


# ---- references, exports --------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/2026/07/",
        "/archive/",
        "/topics/alliance/",
        "/types/meta-analysis/",
        "/search/?q=rupture",
    ],
)
def test_every_list_shows_apa_7_references_with_the_doi_linked(client, issues, url):
    make_summary(make_issue("2026-09"), "Latest", topics=["alliance"], types=["meta-analysis"],
                 references=[EUBANKS])  # fmt: skip
    html = client.get(url).content.decode()
    assert "<i>Psychotherapy</i>" in html
    assert '<a href="https://doi.org/10.1037/pst0000185">' in html


def test_search_offers_one_export_block_carrying_the_query_and_filters(client, issues):
    html = client.get("/search/?q=rupture&topic=alliance").content.decode()
    assert html.count("Export these references") == 1
    links = re.findall(r'href="(/search/cite\.\w+\?[^"]*)"', html)
    assert len(links) == 3
    assert all("q=rupture" in link and "topic=alliance" in link for link in links)


# ---- topic page and handout -----------------------------------------------------------------


def test_topic_page_shows_each_implication_once_with_the_handout_link_first(client, issues):
    html = client.get("/topics/alliance/").content.decode()
    assert html.count("Name the rupture.") == 1
    link = html.index('<a href="/topics/alliance/implications/">Printable handout</a>')
    assert link < html.index('class="term-summaries')


def test_handout_entries_carry_headline_month_short_reference_and_printed_address(client, issues):
    html = client.get("/topics/alliance/implications/").content.decode()
    entry = html[html.index('<article class="digest-entry"') :]
    entry = entry[: entry.index("</article>")]
    assert ">Repairing ruptures</a>" in entry and "(July 2026)" in entry
    assert '<p class="digest-citation">(Eubanks et al., 2018)</p>' in entry
    assert (
        '<p class="print-only digest-address">http://testserver/2026/07/repairing-ruptures/</p>'
        in entry
    )


# ---- navigation -----------------------------------------------------------------------------


def test_issue_links_its_previous_and_next_issues(client, issues):
    html = client.get("/2026/07/").content.decode()
    assert '<link rel="prev" href="/2026/06/">' in html
    assert '<link rel="next" href="/2026/08/">' in html
    assert re.search(r'<a href="/2026/06/" rel="prev">Previous issue: June 2026</a>', html)
    assert re.search(r'<a href="/2026/08/" rel="next">Next issue: August 2026</a>', html)
    first = client.get("/2026/06/").content.decode()
    assert 'rel="prev"' not in first and 'rel="next"' in first


def test_summary_links_the_other_summaries_of_its_issue(client, issues):
    html = client.get("/2026/07/repairing-ruptures/").content.decode()
    siblings = html[html.index('class="issue-siblings"') :]
    assert "Also in the July 2026 issue" in siblings
    assert '<a href="/2026/07/planning-endings/">Planning endings</a>' in siblings
    assert ">Repairing ruptures</a>" not in siblings[: siblings.index("</nav>")]


def test_issue_intro_carries_the_byline_the_editor_set_once(client):
    make_issue("2026-07", intro="<p>This month I blog about ruptures.</p>")
    from wagtail.models import Site

    settings = IssueSettings.for_site(Site.objects.get(is_default_site=True))
    settings.intro_byline = "Jane Doe, PhD, director of the network"
    settings.save()
    for url in ("/", "/2026/07/"):
        html = client.get(url).content.decode()
        assert '<p class="byline">— Jane Doe, PhD, director of the network</p>' in html


def test_home_says_link_to_this_issue_and_lists_summaries_under_the_h1(client, issues):
    html = client.get("/").content.decode()
    assert ">Link to this issue</a>" in html and "Permanent address" not in html
    # heading-order: the page's h1, then each summary as an h2 (never an h1 → h3 jump).
    assert re.findall(r"<h(\d)", html)[:3] == ["1", "2", "2"]
    assert 'aria-label="Practice implications"' not in html  # not a landmark per summary


def test_about_page_in_both_languages(client):
    from digest.core.demo.loader import load_demo

    load_demo()
    english = client.get("/about/")
    french = client.get("/fr/about/")
    assert english.status_code == french.status_code == 200
    assert "How articles are chosen" in english.content.decode()
    assert '<html lang="fr">' in french.content.decode()
    assert 'href="/fr/about/">À propos</a>' in french.content.decode()


def test_month_label_of_a_summary_is_a_link_styled_as_one(client, issues):
    from django.contrib.staticfiles import finders

    html = client.get("/2026/07/repairing-ruptures/").content.decode()
    assert '<p class="kicker" lang="en"><a href="/2026/07/">July 2026</a></p>' in html
    with open(finders.find("css/digest.css"), encoding="utf-8") as css:
        assert ".kicker a { text-decoration: underline" in css.read()


# ---- French vocabulary and evidence cards ---------------------------------------------------


def test_every_topic_and_type_has_a_french_name_beside_its_english_one():
    topics = {t.slug: t for t in Topic.objects.all()}
    assert len(TOPIC_NAMES_FR) == len(TOPICS) == 36
    for slug, name, legacy_id in TOPICS:
        assert topics[slug].name == name and topics[slug].legacy_id == legacy_id
        assert topics[slug].name_fr == TOPIC_NAMES_FR[slug]
    assert topics["alliance"].name_fr == "Alliance thérapeutique et relation thérapeutique"
    types = {t.slug: t.name_fr for t in ResearchType.objects.all()}
    assert types == RESEARCH_TYPE_NAMES_FR
    assert types["meta-analysis"] == "Méta-analyse"


def test_french_pages_use_the_french_names_and_the_same_addresses(client, issues):
    html = client.get("/fr/topics/").content.decode()
    assert (
        '<a href="/fr/topics/alliance/">Alliance thérapeutique et relation thérapeutique</a>'
        in html
    )
    assert '<a href="/fr/types/meta-analysis/">Méta-analyse</a>' in html
    english = client.get("/topics/").content.decode()
    assert '<a href="/topics/alliance/">Alliance and Therapeutic Relationship</a>' in english
    facets = client.get("/fr/archive/").content.decode()
    assert '>Méta-analyse <span class="count">(2)</span>' in facets


def test_an_editor_renames_a_topic_in_french_in_the_admin(admin_client, client):
    topic = Topic.objects.get(slug="training")
    url = f"/admin/snippets/taxonomy/topic/edit/{topic.pk}/"
    form = admin_client.get(url).content.decode()
    assert 'name="name_fr"' in form
    data = {
        "name": topic.name,
        "name_fr": "Formation des psychothérapeutes",
        "slug": topic.slug,
        "description": "",
        "sort_order": topic.sort_order,
        "legacy_id": topic.legacy_id,
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert Topic.objects.get(slug="training").name_fr == "Formation des psychothérapeutes"
    assert "Formation des psychothérapeutes" in client.get("/fr/topics/").content.decode()


def test_evidence_card_words_dates_and_numbers_follow_the_language(client, issues):
    english = client.get("/2026/07/repairing-ruptures/").content.decode()
    assert (
        '<p class="evidence-card" lang="en">Meta-analysis · 11 studies · 1,868 clients · '
        "primary care · 12-month follow-up</p>"
    ) in english
    french = client.get("/fr/2026/07/repairing-ruptures/").content.decode()
    card = re.search(r'<p class="evidence-card" lang="fr">([^<]*)</p>', french)[1]
    assert (
        card == "Méta-analyse · 11 études · 1\xa0868 clients · soins primaires · suivi de 12 mois"
    )
    assert "juillet 2026" in french


# ---- absolute links and feeds ---------------------------------------------------------------


def test_base_url_follows_the_served_port_in_development():
    assert served_address(["manage.py", "runserver", "127.0.0.1:8742"], {}) == (
        "http://127.0.0.1:8742"
    )
    assert served_address(["manage.py", "runserver", "8742"], {}) == "http://127.0.0.1:8742"
    assert served_address(["manage.py", "runserver", "0.0.0.0:9000"], {}) == (
        "http://127.0.0.1:9000"
    )
    # The e-mail worker is not runserver: `make run` hands it PORT.
    assert served_address(["manage.py", "db_worker"], {"PORT": "8742"}) == "http://127.0.0.1:8742"
    assert served_address(["manage.py", "migrate"], {}) == "http://127.0.0.1:8000"


def test_production_refuses_to_start_without_base_url():
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {
        k: v for k, v in os.environ.items() if k not in ("BASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="digest.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="digest.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=Path(__file__).resolve().parents[3],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and "BASE_URL" in result.stderr


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8742")
def test_canonical_hreflang_printed_address_and_json_ld_use_the_served_address(client, issues):
    html = client.get("/2026/07/repairing-ruptures/").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8742/2026/07/repairing-ruptures/">' in html
    assert 'hreflang="fr" href="http://127.0.0.1:8742/fr/2026/07/repairing-ruptures/"' in html
    assert "http://127.0.0.1:8742/2026/07/repairing-ruptures/</p>" in html  # printed
    assert '"url": "http://127.0.0.1:8742/2026/07/repairing-ruptures/"' in html
    assert "localhost" not in html


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8742")
def test_feeds_expand_rich_text_with_absolute_links(client, issues):
    target = issues["endings"]
    make_summary(
        make_issue("2026-09"),
        "Linking piece",
        body=f'<p>See <a linktype="page" id="{target.pk}">the earlier summary</a>.</p>',
        implications=f'<p>Read <a linktype="page" id="{target.pk}">this</a> first.</p>',
    )
    for url in ("/feeds/atom/", "/feeds/rss/"):
        feed = client.get(url).content.decode()
        assert "linktype" not in feed
        assert "http://127.0.0.1:8742/2026/07/planning-endings/" in feed


# ---- bounded queries ------------------------------------------------------------------------


def test_lists_with_formatted_references_make_the_same_number_of_queries_at_any_size(client):
    urls = ["/", "/archive/", "/topics/alliance/", "/topics/alliance/implications/",
            "/search/?q=rupture", "/2026/07/", "/evidence-map/"]  # fmt: skip

    def measure():
        counts = {}
        for url in urls:
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts[url] = len(queries)
        return counts

    issue = make_issue("2026-07")
    for n in range(3):
        make_summary(issue, f"Rupture {n}", topics=["alliance"], types=["meta-analysis"],
                     references=[EUBANKS])  # fmt: skip
    small = measure()
    for n in range(3, 25):
        make_summary(issue, f"Rupture {n}", topics=["alliance"], types=["meta-analysis"],
                     references=[EUBANKS])  # fmt: skip
    assert measure() == small

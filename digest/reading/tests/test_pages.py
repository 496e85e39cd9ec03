"""The reader's own pages: a shared reading list, teaching packs and the CPD log."""

import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from digest.core.tests.factories import home_page, make_issue, make_summary
from digest.reading.models import PackIndexPage, PackItem, TeachingPack

pytestmark = pytest.mark.django_db

REFERENCE = (
    "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018). Alliance rupture repair: "
    "A meta-analysis. Psychotherapy, 55(4), 508–519. https://doi.org/10.1037/pst0000185"
)


@pytest.fixture
def summaries():
    issue = make_issue("2024-03")
    return [
        make_summary(issue, "Repairing ruptures", references=[REFERENCE], topics=["alliance"]),
        make_summary(
            issue,
            "Empathy and outcome",
            implications="<p>Say back what you heard.</p>",
            references=[
                "Elliott, R., Bohart, A. C., Watson, J. C., & Murphy, D. (2018). Therapist "
                "empathy and client outcome: An updated meta-analysis. Psychotherapy, 55(4), "
                "399–410."
            ],
        ),
        make_summary(issue, "Ending therapy well"),
    ]


def make_pack(items, title="Relationship seminar", live=True):
    index = PackIndexPage.objects.first()
    if index is None:
        index = PackIndexPage(title="Teaching packs", slug="packs")
        home_page().add_child(instance=index)
        index.save_revision().publish()
    pack = TeachingPack(title=title, introduction="<p>Read one a week.</p>", live=live)
    for position, (summary, note) in enumerate(items):
        pack.items.add(PackItem(sort_order=position, summary=summary, note=note))
    index.add_child(instance=pack)
    if live:
        pack.save_revision().publish()
    return pack


def test_a_shared_list_shows_its_summaries_in_the_order_given(client, summaries):
    first, second, third = summaries
    response = client.get(f"/list/?ids={third.pk},{first.pk},{second.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(s.title) for s in (third, first, second)]
    assert positions == sorted(positions)
    # Each entry carries what a handout needs: month, APA reference with DOI link, implications.
    assert "March 2024" in html
    assert "<i>Psychotherapy</i>" in html
    assert 'href="https://doi.org/10.1037/pst0000185"' in html
    assert "Say back what you heard." in html
    assert f'data-reading-list="{third.pk},{first.pk},{second.pk}"' in html


def test_unpublished_and_unreadable_ids_are_skipped_with_a_note(client, summaries):
    draft = make_summary(make_issue("2024-03"), "Not yet", live=False)
    response = client.get(f"/list/?ids={summaries[0].pk},{draft.pk},999999,abc")
    assert response.status_code == 200
    html = response.content.decode()
    assert summaries[0].title in html
    assert "Not yet" not in html
    assert "2 summaries of this list are not published and were left out." in html
    assert "One part of the address is not a summary number and was ignored." in html


def test_a_list_of_nothing_published_is_an_empty_list_not_an_error(client, db):
    response = client.get("/list/?ids=99999999999999999999999999,0,x")
    assert response.status_code == 200
    assert "None of the summaries in this address is published." in response.content.decode()
    assert "Your list is empty." in client.get("/list/").content.decode()


def test_a_list_is_capped_at_a_hundred(client, summaries):
    ids = ",".join(str(n) for n in range(10_000, 10_100))
    response = client.get(f"/list/?ids={summaries[0].pk},{ids}")
    assert "one more was left out" in response.content.decode()


def test_a_longer_list_costs_no_more_queries(client, summaries):
    def queries(ids):
        # A first request after a change rebuilds shared caches (facet index, footer links):
        # count the steady state, as a reader after the first one meets it.
        client.get(f"/list/?ids={','.join(map(str, ids))}")
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/list/?ids={','.join(map(str, ids))}").status_code == 200
        return len(captured)

    few = queries([summaries[0].pk])
    issue = make_issue("2024-04")
    more = [make_summary(issue, f"Summary {n}", references=[REFERENCE]).pk for n in range(12)]
    assert queries([s.pk for s in summaries] + more) == few


@pytest.mark.parametrize("fmt", ["ris", "bib", "json"])
def test_a_list_exports_its_references_in_the_list_order(client, summaries, fmt):
    first, second, _ = summaries
    response = client.get(f"/list/cite.{fmt}?ids={second.pk},{first.pk}")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode()
    assert body.index("Elliott") < body.index("Eubanks")
    if fmt == "json":
        assert [item["author"][0]["family"] for item in json.loads(body)] == [
            "Elliott",
            "Eubanks",
        ]


def test_list_exports_ignore_unpublished_summaries(client, summaries):
    draft = make_summary(
        make_issue("2024-03"),
        "Draft",
        live=False,
        references=["Draftauthor, A. (2020). X. Y, 1, 1–2."],
    )
    body = client.get(f"/list/cite.ris?ids={draft.pk},{summaries[0].pk}").content.decode()
    assert "Eubanks" in body and "Draftauthor" not in body


def test_a_teaching_pack_lists_its_summaries_in_order_with_notes(client, summaries):
    first, second, third = summaries
    pack = make_pack([(second, "Read this one before the seminar."), (first, ""), (third, "")])
    response = client.get(pack.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index(second.title) < html.index(first.title) < html.index(third.title)
    assert "Read this one before the seminar." in html
    assert "Read one a week." in html
    assert f'href="{pack.url}cite.ris"' in html


def test_the_pack_index_lists_published_packs_only(client, summaries):
    live = make_pack([(summaries[0], "")], title="Live pack")
    make_pack([(summaries[1], "")], title="Draft pack", live=False)
    html = client.get(live.get_parent().url).content.decode()
    assert "Live pack" in html and "Draft pack" not in html


def test_a_pack_leaves_out_a_summary_that_was_unpublished(client, summaries):
    pack = make_pack([(s, "") for s in summaries])
    summaries[1].unpublish()
    html = client.get(pack.url).content.decode()
    assert summaries[0].title in html and summaries[1].title not in html


def test_a_pack_exports_its_references_in_the_pack_order(client, summaries):
    first, second, _ = summaries
    pack = make_pack([(second, ""), (first, "")])
    body = client.get(f"{pack.url}cite.ris").content.decode()
    assert body.index("Elliott") < body.index("Eubanks")
    assert client.get("/packs/no-such-pack/cite.ris").status_code == 404


def test_packs_are_in_the_sitemap_in_both_languages(client, summaries):
    pack = make_pack([(summaries[0], "")])
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{pack.url}" in sitemap
    assert f"http://testserver/fr{pack.url}" in sitemap


def test_every_summary_offers_the_list_and_the_cpd_log(client, summaries):
    page = client.get(summaries[0].url).content.decode()
    assert f'data-list-add="{summaries[0].pk}"' in page
    assert "Log this for CPD" in page
    assert "Stored in this browser only: nothing is sent to us." in page
    # The CPD entry keeps the APA reference as text.
    assert "Eubanks, C. F., Muran, J. C., &amp; Safran, J. D. (2018)." in page
    listing = client.get("/archive/").content.decode()
    assert all(f'data-list-add="{s.pk}"' in listing for s in summaries)


def test_without_javascript_the_controls_stay_hidden_and_say_why(client, summaries):
    page = client.get(summaries[0].url).content.decode()
    assert "data-js-only hidden" in page
    assert "data-no-js" in page


def test_the_cpd_log_page_says_it_is_personal_and_not_accredited(client, db):
    html = client.get("/cpd/").content.decode()
    assert "stored in this browser only" in html.lower()
    assert "we do not claim that any college" in html


def test_the_french_pages_are_in_french(client, summaries):
    address = summaries[0].url  # before a French request makes French the active language
    assert "Liste de lecture" in client.get("/fr/list/").content.decode()
    assert "Mon journal de formation continue" in client.get("/fr/cpd/").content.decode()
    page = client.get(f"/fr{address}").content.decode()
    assert "Ajouter à ma liste" in page


def test_a_reading_list_only_answers_safe_methods(client, db):
    assert client.post("/list/").status_code == 405


def test_demo_content_has_a_pack_of_three_or_more_summaries(db):
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())
    pack = TeachingPack.objects.live().get()
    assert len(pack.entries()) >= 3

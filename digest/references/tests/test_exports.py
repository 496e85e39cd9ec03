"""Exports: one summary, or a filtered list, as BibTeX, RIS and CSL-JSON, read back and compared."""

import json

import bibtexparser
import pytest
import rispy

from digest.core.tests.factories import make_issue, make_summary

pytestmark = pytest.mark.django_db

SAFRAN = (
    "Safran, J. D., Muran, J. C., & Eubanks-Carter, C. (2011). Repairing alliance ruptures. "
    "Psychotherapy, 48(1), 80–87. https://doi.org/10.1037/a0022140"
)
CHAPTER = (
    "Lambert, M. J. (2013). The efficacy and effectiveness of psychotherapy. In M. J. Lambert "
    "(Ed.), Bergin and Garfield's handbook of psychotherapy and behavior change (6th ed., "
    "pp. 169–218). Wiley."
)
SWIFT = (
    "Swift, J. K., & Greenberg, R. P. (2012). Premature discontinuation in adult psychotherapy: "
    "A meta-analysis. Journal of Consulting and Clinical Psychology, 80(4), 547–559. "
    "doi:10.1037/a0028226"
)
DE_JONG = (
    "de Jong, K., Conijn, J. M., Gallagher, R. A. V., Reshetnikova, A. S., Heij, M., & Lutz, "
    "M. C. (2021). Using progress feedback to improve outcomes and reduce drop-out, treatment "
    "duration, and deterioration: A multilevel meta-analysis. Clinical Psychology Review, 85, "
    "Article 102002. https://doi.org/10.1016/j.cpr.2021.102002"
)


@pytest.fixture
def summary():
    return make_summary(
        make_issue("2018-02"), "Experts agree on repairing ruptures", references=[SAFRAN, CHAPTER]
    )


def test_bibtex_for_one_summary_reads_back(client, summary):
    response = client.get(f"{summary.url}cite.bib")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="experts-agree-on-repairing-ruptures.bib"'
    )
    article, chapter = bibtexparser.parse_string(response.content.decode()).entries
    assert article.entry_type == "article" and chapter.entry_type == "incollection"
    fields = article.fields_dict
    assert fields["author"].value == "Safran, J. D. and Muran, J. C. and Eubanks-Carter, C."
    assert fields["title"].value == "Repairing alliance ruptures"
    assert fields["journal"].value == "Psychotherapy"
    assert (fields["year"].value, fields["volume"].value, fields["number"].value) == (
        "2011",
        "48",
        "1",
    )
    assert fields["pages"].value == "80--87" and fields["doi"].value == "10.1037/a0022140"
    chapter_fields = chapter.fields_dict
    assert chapter_fields["editor"].value == "Lambert, M. J."
    assert chapter_fields["booktitle"].value.startswith("Bergin and Garfield's handbook")
    assert chapter_fields["pages"].value == "169--218"
    assert chapter_fields["edition"].value == "6" and chapter_fields["publisher"].value == "Wiley"


def test_ris_for_one_summary_reads_back(client, summary):
    response = client.get(f"{summary.url}cite.ris")
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"].endswith(
        'filename="experts-agree-on-repairing-ruptures.ris"'
    )
    article, chapter = rispy.loads(response.content.decode())
    assert article["type_of_reference"] == "JOUR"
    assert article["authors"] == ["Safran, J. D.", "Muran, J. C.", "Eubanks-Carter, C."]
    assert article["title"] == "Repairing alliance ruptures"
    assert article["journal_name"] == "Psychotherapy" and article["year"] == "2011"
    assert (article["volume"], article["number"]) == ("48", "1")
    assert (article["start_page"], article["end_page"]) == ("80", "87")
    assert article["doi"] == "10.1037/a0022140"
    assert chapter["type_of_reference"] == "CHAP"
    assert chapter["secondary_authors"] == ["Lambert, M. J."]
    assert chapter["secondary_title"].startswith("Bergin and Garfield's handbook")


def test_csl_json_for_one_summary_reads_back(client, summary):
    response = client.get(f"{summary.url}cite.json")
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    article, chapter = json.loads(response.content)
    assert article["type"] == "article-journal"
    assert article["author"][2] == {"family": "Eubanks-Carter", "given": "C."}
    assert article["issued"] == {"date-parts": [[2011]]}
    assert (article["container-title"], article["page"], article["DOI"]) == (
        "Psychotherapy",
        "80–87",
        "10.1037/a0022140",
    )
    assert chapter["type"] == "chapter" and chapter["edition"] == "6"


def test_article_number_and_particle_survive_every_format(client):
    summary = make_summary(references=[DE_JONG])
    bib = bibtexparser.parse_string(client.get(f"{summary.url}cite.bib").content.decode())
    assert bib.entries[0].fields_dict["author"].value.startswith("{de Jong}, K. and")
    assert bib.entries[0].fields_dict["eid"].value == "102002"
    [ris] = rispy.loads(client.get(f"{summary.url}cite.ris").content.decode())
    assert ris["start_page"] == "102002" and ris["authors"][0] == "de Jong, K."
    [csl] = json.loads(client.get(f"{summary.url}cite.json").content)
    assert csl["number"] == "102002" and "page" not in csl


def test_archive_export_uses_the_archive_filters(client):
    make_summary(title="On endings", topics=["termination"], references=[SWIFT])
    make_summary(title="On ruptures", references=[SAFRAN])
    response = client.get("/archive/cite.ris?topic=termination")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="practice-digest-termination.ris"'
    )
    [entry] = rispy.loads(response.content.decode())
    assert entry["doi"] == "10.1037/a0028226"
    everything = json.loads(client.get("/archive/cite.json").content)
    assert {item["DOI"] for item in everything} == {"10.1037/a0028226", "10.1037/a0022140"}


def test_topic_and_type_pages_export_their_summaries(client):
    make_summary(
        title="On endings", topics=["termination"], types=["meta-analysis"], references=[SWIFT]
    )
    make_summary(title="On ruptures", references=[SAFRAN])
    for address in ("/topics/termination/cite.bib", "/types/meta-analysis/cite.bib"):
        response = client.get(address)
        [entry] = bibtexparser.parse_string(response.content.decode()).entries
        assert entry.fields_dict["doi"].value == "10.1037/a0028226"
    assert client.get("/topics/no-such-topic/cite.bib").status_code == 404


def test_search_export_matches_the_search(client):
    make_summary(title="Premature termination in therapy", references=[SWIFT])
    make_summary(title="Repairing ruptures", references=[SAFRAN])
    response = client.get("/search/cite.json?q=termination")
    assert response.status_code == 200
    assert [item["DOI"] for item in json.loads(response.content)] == ["10.1037/a0028226"]
    assert client.get("/search/cite.json?q=").status_code == 400
    assert client.get("/search/cite.json?q=" + "x" * 5000).status_code == 400


def test_unpublished_or_unknown_summary_has_no_export(client):
    draft = make_summary(references=[SAFRAN], live=False)
    assert client.get(f"{draft.url or '/2018/02/' + draft.slug + '/'}cite.bib").status_code == 404
    assert client.get("/2018/02/nothing-here/cite.bib").status_code == 404
    assert client.get("/archive/cite.pdf").status_code == 404


def test_summary_page_shows_apa_reference_and_export_links(client, summary):
    html = client.get(summary.url).content.decode()
    assert "<i>Psychotherapy</i>, <i>48</i>(1), 80–87." in html
    assert '<a href="https://doi.org/10.1037/a0022140">' in html
    for fmt in ("bib", "ris", "json"):
        assert f'href="{summary.url}cite.{fmt}"' in html


def test_unstructured_reference_is_shown_as_typed(client):
    summary = make_summary(references=["An essay the editor typed without any structure"])
    html = client.get(summary.url).content.decode()
    assert "An essay the editor typed without any structure" in html
    assert "cite.bib" not in html


def test_list_pages_link_to_exports_with_their_filters(client):
    make_summary(
        title="Premature termination in therapy", topics=["termination"], references=[SWIFT]
    )
    archive = client.get("/archive/?topic=termination&page=1").content.decode()
    assert 'href="/archive/cite.ris?topic=termination"' in archive
    topic = client.get("/topics/termination/").content.decode()
    assert 'href="/topics/termination/cite.bib"' in topic
    search = client.get("/search/?q=termination").content.decode()
    assert 'href="/search/cite.json?q=termination"' in search
    empty = client.get("/archive/?topic=empathy").content.decode()
    assert "cite.ris" not in empty


def test_bibtex_titles_keep_their_capitals_under_any_style():
    from digest.references.exports import to_bibtex
    from digest.references.parsing import parse_reference

    item = parse_reference(
        "Horvath, A. O., & Greenberg, L. S. (1989). Development and validation of the Working "
        "Alliance Inventory. Journal of Counseling Psychology, 36(2), 223–233."
    ).to_csl()
    [entry] = bibtexparser.parse_string(to_bibtex([item])).entries
    assert entry.fields_dict["title"].value == (
        "Development and validation of the {Working} {Alliance} {Inventory}"
    )

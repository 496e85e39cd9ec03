"""The parse endpoint tells the editor what to check: the style it recognised, the fields it
was unsure of, and — when a DOI is present and the look-up is on — where Crossref's record
disagrees. Crossref answers come from a recorded response in tests/data, never the network."""

import io
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from digest.references import labeller

pytestmark = pytest.mark.django_db

RECORDED = Path(__file__).parent / "data" / "crossref" / "10.1037_a0028226.json"
PUBMED = (
    "Swift JK, Greenberg RP. Premature discontinuation in adult psychotherapy: a meta-analysis. "
    "J Consult Clin Psychol. 2012;80(4):547-59. doi:10.1037/a0028226"
)


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def post(client, raw):
    return client.post(reverse("references_parse"), {"raw": raw}).json()


def recorded_crossref():
    return mock.patch("urllib.request.urlopen", return_value=io.BytesIO(RECORDED.read_bytes()))


def test_a_pubmed_citation_is_read_and_its_style_named(editor):
    data = post(editor, PUBMED)
    assert data["style"] == "vancouver"
    assert data["style_label"] == "NLM/Vancouver (PubMed, AMA)"
    fields = data["fields"]
    assert fields["authors"] == [
        {"family": "Swift", "given": "J. K."},
        {"family": "Greenberg", "given": "R. P."},
    ]
    assert fields["container_title"] == "Journal of Consulting and Clinical Psychology"
    assert (fields["year"], fields["volume"], fields["issue"], fields["pages"]) == (
        2012,
        "80",
        "4",
        "547–59",
    )


def test_fields_read_with_little_confidence_are_listed_for_review(editor):
    data = post(editor, "Smith, J. (2019). Something about therapy, A publisher somewhere")
    assert "title" in data["to_check"] or "publisher" in data["to_check"]
    assert all(0 <= value <= 1 for value in data["confidence"].values())
    sure = post(editor, PUBMED)
    assert "title" not in sure["to_check"] and "year" not in sure["to_check"]


def test_missing_essentials_are_listed_for_review(editor):
    data = post(editor, "Psychotherapy relationships that work, Oxford University Press")
    assert {"authors", "year"} <= set(data["to_check"])


def test_crossref_differences_are_shown_field_by_field_without_overwriting(editor, settings):
    settings.REFERENCES_DOI_LOOKUP = True
    with recorded_crossref() as urlopen:
        data = post(editor, PUBMED)
    urlopen.assert_called_once()
    assert data["fields"]["pages"] == "547–59"  # the parse is kept as read
    by_field = {d["field"]: d for d in data["crossref"]}
    assert set(by_field) == {"pages"}
    assert (by_field["pages"]["parsed"], by_field["pages"]["crossref"]) == ("547–59", "547–559")
    assert by_field["pages"]["label"] == "pages"


def test_crossref_agreeing_with_the_parse_shows_nothing(editor, settings):
    settings.REFERENCES_DOI_LOOKUP = True
    with recorded_crossref():
        data = post(editor, PUBMED.replace("547-59", "547-559"))
    assert data["crossref"] == []


def test_without_the_look_up_crossref_is_never_called(editor):
    with mock.patch("urllib.request.urlopen") as urlopen:
        data = post(editor, PUBMED)
    urlopen.assert_not_called()
    assert data["crossref"] == []


def test_a_doi_alone_is_filled_from_crossref_when_the_look_up_is_on(editor, settings):
    settings.REFERENCES_DOI_LOOKUP = True
    with recorded_crossref():
        data = post(editor, "https://doi.org/10.1037/a0028226")
    assert data["fields"]["title"].startswith("Premature discontinuation in adult psychotherapy")
    assert data["fields"]["authors"][0] == {"family": "Swift", "given": "J. K."}
    assert data["crossref"] == []


def test_the_editor_script_carries_the_review_messages(editor):
    from digest.core.tests.factories import make_summary

    summary = make_summary(references=[PUBMED])
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[summary.pk])).content.decode()
    assert "data-crossref=" in html and "data-check=" in html and ".reference-check" in html


def test_a_field_the_learned_labeller_filled_or_disputed_is_listed_for_review(editor):
    labelled = (
        {"publisher-place": "New York", "title": "Something else"},
        {"publisher-place": 0.5, "title": 0.5},
        {"publisher-place": "New York", "title": "Something else"},
    )
    with mock.patch.object(labeller, "label", return_value=labelled):
        data = post(editor, "Smith, J. (2019). Something about therapy. [Report, New York]")
    assert data["fields"]["publisher_place"] == "New York"  # from the unplaced text
    # the rules unsure of their title too (0.5): the labeller's reading, to check
    assert data["fields"]["title"] == "Something else"
    assert {"publisher_place", "title"} <= set(data["to_check"])

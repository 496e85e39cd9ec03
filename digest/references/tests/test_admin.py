"""The editor's side: the staff-only parse endpoint, the paste script, the optional DOI look-up."""

import io
import json
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from digest.core.tests.factories import make_summary
from digest.references import lookup
from digest.summaries.models import SummaryPage

pytestmark = pytest.mark.django_db

SAFRAN = (
    "Safran, J. D., Muran, J. C., & Eubanks-Carter, C. (2011). Repairing alliance ruptures. "
    "Psychotherapy, 48(1), 80–87. https://doi.org/10.1037/a0022140 [seen in a newsletter]"
)


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def test_parse_endpoint_returns_fields_and_unplaced_parts(editor):
    response = editor.post(reverse("references_parse"), {"raw": SAFRAN})
    assert response.status_code == 200
    data = response.json()
    fields = data["fields"]
    assert fields["title"] == "Repairing alliance ruptures"
    assert fields["authors"][0] == {"family": "Safran", "given": "J. D."}
    assert (fields["volume"], fields["issue"], fields["pages"]) == ("48", "1", "80–87")
    assert fields["unparsed"] == ["[seen in a newsletter]"]
    assert data["formatted"].startswith("Safran, J. D., Muran, J. C., & Eubanks-Carter, C. (2011).")
    assert data["confidence"]["DOI"] > 0.9


def test_a_doi_alone_is_accepted_without_any_network_call(editor):
    with mock.patch("urllib.request.urlopen") as urlopen:
        response = editor.post(
            reverse("references_parse"), {"raw": "https://doi.org/10.1037/a0022140"}
        )
    assert response.json()["fields"]["doi"] == "10.1037/a0022140"
    urlopen.assert_not_called()


def test_parse_endpoint_is_for_staff_only(client):
    response = client.post(reverse("references_parse"), {"raw": SAFRAN})
    assert response.status_code in (302, 403)
    user = get_user_model().objects.create_user("reader", "reader@example.org", "pw")
    client.force_login(user)
    assert client.post(reverse("references_parse"), {"raw": SAFRAN}).status_code in (302, 403)


def test_parse_endpoint_rejects_get_and_huge_input(editor):
    assert editor.get(reverse("references_parse")).status_code == 405
    assert editor.post(reverse("references_parse"), {"raw": "x" * 20_000}).status_code == 400


def test_summary_editor_loads_the_paste_script(editor):
    summary = make_summary(references=[SAFRAN])
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[summary.pk])).content.decode()
    assert "references/paste.js" in html
    assert f'data-parse-url="{reverse("references_parse")}"' in html


def test_saving_through_the_admin_keeps_raw_and_fills_fields(editor):
    summary = make_summary()
    edit_url = reverse("wagtailadmin_pages:edit", args=[summary.pk])
    form = editor.get(edit_url).context["form"]
    reference = {"raw": SAFRAN, "kind": "article-journal", "authors": "[]", "editors": "[]"}
    reference["unparsed"] = "[]"
    data = {
        "title": summary.title,
        "slug": summary.slug,
        "preamble": rich_text(""),
        "body": rich_text("<p>Body.</p>"),
        "implications": rich_text("<p>Act on it.</p>"),
        **{name: inline_formset([]) for name in form.formsets if name != "references"},
        "references": inline_formset([reference]),
    }
    response = editor.post(edit_url, nested_form_data(data))
    assert response.status_code == 302, response.context and response.context["form"].errors
    fresh = SummaryPage.objects.get(pk=summary.pk)  # the old instance caches its revision
    [saved] = fresh.get_latest_revision_as_object().references.all()
    assert saved.raw == SAFRAN
    assert saved.title == "Repairing alliance ruptures"
    assert saved.unparsed == ["[seen in a newsletter]"]


def test_doi_lookup_is_off_by_default(settings):
    assert settings.REFERENCES_DOI_LOOKUP is False
    with mock.patch("urllib.request.urlopen") as urlopen:
        assert lookup.lookup_doi("10.1037/a0022140") is None
    urlopen.assert_not_called()


def test_doi_lookup_fails_soft(settings):
    settings.REFERENCES_DOI_LOOKUP = True
    with mock.patch("urllib.request.urlopen", side_effect=OSError("network unreachable")):
        assert lookup.lookup_doi("10.1037/a0022140") is None


def test_doi_lookup_reads_a_crossref_answer(settings):
    settings.REFERENCES_DOI_LOOKUP = True
    answer = {
        "message": {
            "type": "journal-article",
            "author": [
                {"family": "Safran", "given": "Jeremy D."},
                {"family": "Wang", "given": "Chia-Chiang"},
            ],
            "issued": {"date-parts": [[2011, 3]]},
            "title": ["Repairing alliance ruptures."],
            "container-title": ["Psychotherapy"],
            "volume": "48",
            "issue": "1",
            "page": "80-87",
            "DOI": "10.1037/a0022140",
        }
    }
    body = io.BytesIO(json.dumps(answer).encode())
    with mock.patch("urllib.request.urlopen", return_value=body):
        ref = lookup.lookup_doi("10.1037/a0022140")
    assert ref.author == [
        {"family": "Safran", "given": "J. D."},
        {"family": "Wang", "given": "C.-C."},
    ]
    assert (ref.year, ref.page, ref.container_title) == (2011, "80–87", "Psychotherapy")


def test_two_pasted_references_are_split_for_the_script(editor):
    second = (
        "Wampold, B. E. (2015). How important are the common factors in psychotherapy? An "
        "update. World Psychiatry, 14(3), 270–277. https://doi.org/10.1002/wps.20238"
    )
    data = editor.post(reverse("references_parse"), {"raw": SAFRAN + "\n" + second}).json()
    assert data["raw"] == SAFRAN and data["others"] == [second]
    assert data["fields"]["doi"] == "10.1037/a0022140"

"""The duplicate warning: an article already summarised is flagged, and saving still works."""

import pytest
from django.urls import reverse

from digest.core.tests.factories import make_issue, make_summary
from digest.evidence.services import find_duplicates
from digest.references.models import Reference
from digest.summaries.models import SummaryPage

pytestmark = pytest.mark.django_db

EUBANKS = (
    "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018). Alliance rupture repair: "
    "A meta-analysis. Psychotherapy, 55(4), 508–519. https://doi.org/10.1037/pst0000185"
)


@pytest.fixture
def earlier():
    return make_summary(
        make_issue("2018-11"),
        "Repairing ruptures helps",
        references=[
            {
                "raw": EUBANKS,
                "doi": "10.1037/pst0000185",
                "year": 2018,
                "title": "Alliance rupture repair: A meta-analysis",
                "authors": [{"family": "Eubanks", "given": "C. F."}],
            }
        ],
    )


def test_same_doi_in_another_form_is_a_duplicate(earlier):
    found = find_duplicates([Reference(raw="", doi="https://doi.org/10.1037/PST0000185")])
    assert [d.summary.pk for d in found] == [earlier.pk]
    assert str(found[0].reason) == "same DOI"


def test_same_author_year_and_similar_title_is_a_duplicate(earlier):
    reference = Reference(
        raw="Eubanks, C. F., et al. (2018). Alliance rupture repair: a meta analysis. Psychother."
    )
    found = find_duplicates([reference])
    assert [d.summary.pk for d in found] == [earlier.pk]
    assert "similar title" in str(found[0].reason)


@pytest.mark.parametrize(
    "raw",
    [
        # same author and year, another article
        "Eubanks, C. F. (2018). Training therapists in rupture resolution. Psychotherapy.",
        # same title, another year (a reprint or an update is worth a new summary)
        "Eubanks, C. F. (2011). Alliance rupture repair: A meta-analysis. Psychotherapy.",
        "",
    ],
)
def test_different_articles_are_not_duplicates(earlier, raw):
    assert find_duplicates([Reference(raw=raw)]) == []


def test_a_summary_is_not_a_duplicate_of_itself(earlier):
    assert find_duplicates(earlier.references.all(), exclude_page_id=earlier.pk) == []


def test_edit_page_warns_with_a_link_to_the_earlier_summary(client, admin_user, earlier):
    later = make_summary(make_issue("2019-01"), "Ruptures again", references=[EUBANKS])
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[later.pk]))
    html = response.content.decode()
    assert "This article may already be summarised." in html
    assert reverse("wagtailadmin_pages:edit", args=[earlier.pk]) in html


def test_saving_a_duplicate_works_and_warns(client, admin_user, earlier):
    issue = make_issue("2019-01")
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:add", args=["summaries", "summarypage", issue.pk])
    form = client.get(url).context["form"]
    data = {
        "title": "A second look at rupture repair",
        "slug": "second-look",
        "references-TOTAL_FORMS": "1",
        "references-INITIAL_FORMS": "0",
        "references-MIN_NUM_FORMS": "0",
        "references-MAX_NUM_FORMS": "1000",
        "references-0-raw": "Something else entirely",
        "references-0-kind": "article-journal",
        "references-0-doi": "doi:10.1037/pst0000185",
        "references-0-authors": "[]",
        "references-0-editors": "[]",
        "references-0-ORDER": "1",
        "body": '{"blocks": [], "entityMap": {}}',
        "implications": '{"blocks": [], "entityMap": {}}',
        "preamble": '{"blocks": [], "entityMap": {}}',
    }
    for name in ("topics", "research_types"):
        assert name in form.fields
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    new = SummaryPage.objects.get(title="A second look at rupture repair")
    assert new.get_parent().pk == issue.pk
    messages = [str(m) for m in response.context["messages"]]
    assert any("may already be summarised" in m and earlier.title in m for m in messages)
    assert new.references.get().doi == "doi:10.1037/pst0000185"


def test_update_button_flags_a_reference_typed_but_not_saved(client, admin_user, earlier):
    later = make_summary(make_issue("2019-01"), "Ruptures again")
    client.force_login(admin_user)
    response = client.post(
        reverse("evidence_suggest"),
        {
            "page_id": later.pk,
            "references-TOTAL_FORMS": "2",
            "references-0-raw": EUBANKS,
            "references-1-raw": "Removed line",
            "references-1-DELETE": "on",
            "references-0-authors": "not json",
        },
    )
    duplicates = response.json()["duplicates"]
    assert [d["title"] for d in duplicates] == [earlier.title]
    assert duplicates[0]["edit_url"] == reverse("wagtailadmin_pages:edit", args=[earlier.pk])
    assert "may already be summarised" in response.json()["html"]

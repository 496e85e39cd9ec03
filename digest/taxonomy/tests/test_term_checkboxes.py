"""The topic and research-type picker of the summary editor: labelled checkboxes in columns,
the chosen terms first, a filter box and "suggested" marks left to a small script."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from digest.core.tests.factories import make_summary
from digest.summaries.models import SummaryPage
from digest.taxonomy.models import ResearchType, Topic
from digest.taxonomy.widgets import TermCheckboxes

pytestmark = pytest.mark.django_db


def checkbox_values(html, name):
    return re.findall(rf'<input type="checkbox" name="{name}" value="(\d+)"', html)


def test_every_topic_is_a_labelled_checkbox_and_the_chosen_come_first():
    topics = list(Topic.objects.order_by("sort_order", "name"))
    chosen = [topics[5], topics[20]]
    html = TermCheckboxes(choices=[(t.pk, t.name) for t in topics]).render(
        "topics", [chosen[1].pk, chosen[0].pk], attrs={"id": "id_topics"}
    )
    values = checkbox_values(html, "topics")
    assert len(values) == 36
    expected_rest = [str(t.pk) for t in topics if t not in chosen]
    assert values == [str(chosen[0].pk), str(chosen[1].pk), *expected_rest]
    assert html.count(" checked") == 2
    # Each box has its own label (a click on the name ticks it; screen readers read it).
    for index in range(36):
        assert f'for="id_topics_{index}"' in html
        assert f'id="id_topics_{index}"' in html
    assert "<select" not in html


def test_summary_editor_shows_topics_and_research_types_as_checkboxes(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    summary = make_summary(topics=["alliance"], types=["meta-analysis"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[summary.pk]))
    html = response.content.decode()
    assert len(checkbox_values(html, "topics")) == Topic.objects.count() == 36
    assert len(checkbox_values(html, "research_types")) == ResearchType.objects.count()
    alliance = Topic.objects.get(slug="alliance")
    assert checkbox_values(html, "topics")[0] == str(alliance.pk)
    assert "term_checkboxes.js" in html and "term_checkboxes.css" in html
    assert 'data-filter-label="Filter the list"' in html
    # The field's label names the group of boxes.
    assert 'id="id_topics-label"' in html
    assert '<div role="group" id="id_topics" aria-labelledby="id_topics-label"' in html


def test_ticked_checkboxes_save_the_topics(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    summary = make_summary(body="<p>Ruptures and repair.</p>")
    url = reverse("wagtailadmin_pages:edit", args=[summary.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    ticked = [Topic.objects.get(slug=slug).pk for slug in ("alliance", "empathy")]
    data.setlist("topics", [str(pk) for pk in ticked])
    # A QueryDict posts only each name's last value: hand the client the lists.
    response = client.post(url, dict(data.lists()))
    assert response.status_code == 302
    draft = SummaryPage.objects.get(pk=summary.pk).get_latest_revision_as_object()
    assert sorted(t.slug for t in draft.topics.all()) == ["alliance", "empathy"]

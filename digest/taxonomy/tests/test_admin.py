"""Editors add, rename and merge topics in the admin; old addresses keep answering."""

import pytest
from django.contrib.auth.models import Group, Permission, User

from digest.core.tests.factories import make_summary
from digest.summaries.models import SummaryPage
from digest.taxonomy.models import Topic, TopicAlias

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/taxonomy/topic/"


@pytest.fixture
def editor_client(client):
    user = User.objects.create_superuser("director", "director@example.org", "pw")
    client.force_login(user)
    return client


def merge_url(topic):
    return f"{LIST_URL}merge/{topic.pk}/"


def test_editor_adds_a_topic_in_the_admin(editor_client):
    response = editor_client.post(
        f"{LIST_URL}add/",
        {"name": "Supervision", "slug": "supervision", "description": "", "sort_order": 99},
    )
    assert response.status_code == 302
    assert Topic.objects.filter(slug="supervision").exists()
    assert editor_client.get("/topics/supervision/").status_code == 200


def test_renaming_a_topic_in_the_admin_keeps_the_old_slug_answering(editor_client):
    topic = Topic.objects.get(slug="termination")
    response = editor_client.post(
        f"{LIST_URL}edit/{topic.pk}/",
        {
            "name": "Termination and Endings",
            "slug": "termination-endings",
            "description": "",
            "sort_order": topic.sort_order,
            "legacy_id": topic.legacy_id,
        },
    )
    assert response.status_code == 302
    assert TopicAlias.objects.get(slug="termination").topic == topic
    old = editor_client.get("/topics/termination/")
    assert old.status_code == 301 and old["Location"] == "/topics/termination-endings/"
    assert editor_client.get("/fr/topics/termination/")["Location"] == (
        "/fr/topics/termination-endings/"
    )


def test_renaming_back_frees_the_alias(client):
    topic = Topic.objects.get(slug="training")
    topic.slug = "training-new"
    topic.save()
    topic.slug = "training"
    topic.save()
    assert not TopicAlias.objects.filter(slug="training").exists()
    assert client.get("/topics/training/").status_code == 200
    assert client.get("/topics/training-new/")["Location"] == "/topics/training/"


def test_topic_listing_offers_merge_to_editors(editor_client):
    html = editor_client.get(LIST_URL).content.decode()
    assert merge_url(Topic.objects.get(slug="empathy")) in html


def test_merge_form_lists_every_other_topic(editor_client):
    source = Topic.objects.get(slug="empathy")
    response = editor_client.get(merge_url(source))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Alliance and Therapeutic Relationship" in html
    assert f'value="{source.pk}"' not in html


def test_merging_retags_summaries_and_redirects_the_old_slug(editor_client):
    source = Topic.objects.get(slug="empathy")
    target = Topic.objects.get(slug="alliance")
    only_source = make_summary(title="Empathy only", topics=["empathy"])
    both = make_summary(title="Both", topics=["empathy", "alliance"])
    response = editor_client.post(merge_url(source), {"target": target.pk})
    assert response.status_code == 302 and response["Location"] == LIST_URL
    assert not Topic.objects.filter(slug="empathy").exists()
    for summary in (only_source, both):
        tagged = SummaryPage.objects.get(pk=summary.pk).topics.all()
        assert list(tagged) == [target]  # no duplicate row for the summary tagged with both
    alias = TopicAlias.objects.get(slug="empathy")
    assert alias.topic == target and alias.legacy_id == 29
    assert editor_client.get("/topics/empathy/")["Location"] == "/topics/alliance/"
    archive = editor_client.get("/archive/?topic=empathy").content.decode()
    assert "Empathy only" in archive and "Unknown filter" not in archive


def test_merging_a_topic_carries_its_own_aliases_along(editor_client):
    source = Topic.objects.get(slug="adherence")  # answers to the old "adherance" too
    target = Topic.objects.get(slug="client-factors")
    editor_client.post(merge_url(source), {"target": target.pk})
    assert editor_client.get("/topics/adherance/")["Location"] == "/topics/client-factors/"


def test_merging_into_itself_is_refused_with_a_message(editor_client):
    source = Topic.objects.get(slug="empathy")
    response = editor_client.post(merge_url(source), {"target": source.pk})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Topic.objects.filter(pk=source.pk).exists()


def test_merging_needs_the_delete_permission(client):
    user = User.objects.create_user("reader", "r@example.org", "pw")
    group = Group.objects.create(name="Topic editors")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_topic"),
    )
    user.groups.add(group)
    client.force_login(user)
    source = Topic.objects.get(slug="empathy")
    response = client.post(merge_url(source), {"target": Topic.objects.first().pk})
    assert response.status_code in (302, 403)
    assert Topic.objects.filter(pk=source.pk).exists()
    assert merge_url(source) not in client.get(LIST_URL).content.decode()


def test_merge_of_an_unknown_topic_is_404(editor_client):
    assert editor_client.get(f"{LIST_URL}merge/999999/").status_code == 404


def test_anonymous_visitor_cannot_reach_the_merge_view(client):
    response = client.get(merge_url(Topic.objects.get(slug="empathy")))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]

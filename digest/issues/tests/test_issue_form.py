"""The issue's admin form: a month picker, and the title and address follow the month."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from digest.core.tests.factories import home_page, make_issue
from digest.issues.models import IssuePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return admin_user


def add_issue(client, month, **fields):
    url = reverse("wagtailadmin_pages:add", args=["issues", "issuepage", home_page().pk])
    data = nested_form_data({"month": month, "title": "", "intro": rich_text(""), **fields})
    return client.post(url, data)


def test_the_form_offers_a_month_picker_and_no_slug_sync(client, editor):
    url = reverse("wagtailadmin_pages:add", args=["issues", "issuepage", home_page().pk])
    html = client.get(url).content.decode()
    assert 'type="month"' in html
    assert "w-sync" not in html  # Wagtail's title-to-slug sync had no slug field to target


def test_saving_with_only_the_month_names_and_places_the_issue(client, editor):
    response = add_issue(client, "2026-03")
    assert response.status_code == 302
    issue = IssuePage.objects.get()
    assert (issue.month, issue.title, issue.slug) == (
        datetime.date(2026, 3, 1),
        "March 2026",
        "2026-03",
    )
    assert issue.url_path.endswith("/2026/03/")


def test_a_full_date_is_read_as_its_month(client, editor):
    assert add_issue(client, "2026-03-17").status_code == 302
    assert IssuePage.objects.get().month == datetime.date(2026, 3, 1)


def test_a_title_the_editor_wrote_is_kept(client, editor):
    add_issue(client, "2026-03", title="Ruptures special")
    assert IssuePage.objects.get().title == "Ruptures special"


def test_a_second_issue_for_the_same_month_is_refused_by_name(client, editor):
    make_issue("2026-03")
    response = add_issue(client, "2026-03")
    assert response.status_code == 200
    assert "There is already an issue for March 2026" in response.content.decode()
    assert IssuePage.objects.count() == 1


@pytest.mark.parametrize("month", ["March", "2026-13", ""])
def test_a_month_that_cannot_be_read_gets_a_message(client, editor, month):
    response = add_issue(client, month, title="Kept title")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a valid date" in html or "This field is required" in html
    assert "Kept title" in html  # what the editor typed is still in the form
    assert not IssuePage.objects.exists()


def test_moving_an_issue_to_another_month_renames_it_and_its_summaries_follow(client, editor):
    from digest.core.tests.factories import make_summary

    issue = make_issue("2026-03")
    summary = make_summary(issue, "Ruptures")
    url = reverse("wagtailadmin_pages:edit", args=[issue.pk])
    data = nested_form_data(
        {"month": "2026-04", "title": "March 2026", "intro": rich_text(""), "action-publish": "1"}
    )
    assert client.post(url, data).status_code == 302
    issue.refresh_from_db()
    summary.refresh_from_db()
    assert (issue.title, issue.slug) == ("April 2026", "2026-04")
    assert summary.month == datetime.date(2026, 4, 1)
    assert summary.url == "/2026/04/ruptures/"

"""The footer links to the About page while one is published, and never to a missing one."""

import pytest

from digest.core.tests.factories import home_page
from digest.home.models import AboutPage

pytestmark = pytest.mark.django_db


def footer(client, path="/"):
    html = client.get(path).content.decode()
    return html[html.index('<footer class="site-footer">') :]


def test_no_about_page_no_link_and_the_address_is_not_taken_by_the_home_page(client):
    assert 'href="/about/"' not in footer(client)
    assert client.get("/about/").status_code == 404


def test_a_published_about_page_is_linked_in_both_languages_and_gone_once_unpublished(client):
    about = AboutPage(title="About us", slug="about", body="<p>Who we are.</p>")
    home_page().add_child(instance=about)
    about.save_revision().publish()
    assert 'href="/about/"' in footer(client)
    assert 'href="/fr/about/"' in footer(client, "/fr/")
    assert client.get("/about/").status_code == 200
    about.unpublish()
    assert 'href="/about/"' not in footer(client)


def test_issues_keep_one_address_beside_other_children(client):
    from digest.core.tests.factories import make_issue

    make_issue("2026-07")
    assert client.get("/2026/07/").status_code == 200
    assert client.get("/2026-07/").status_code == 404

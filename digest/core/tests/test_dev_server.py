"""`make run` (dev settings, DEBUG on) answers hostile requests with 400 or 404, as production
does, never 500."""

import importlib

import pytest
from django.http import Http404
from django.test import Client, RequestFactory

from digest.core.debug import serve_media

pytestmark = pytest.mark.django_db


@pytest.fixture
def dev():
    return importlib.import_module("digest.settings.dev")


@pytest.fixture
def dev_client(settings, dev):
    settings.DEBUG = True
    settings.MIDDLEWARE = dev.MIDDLEWARE
    settings.WHITENOISE_USE_FINDERS = True  # what DEBUG gives WhiteNoise under make run
    settings.WHITENOISE_AUTOREFRESH = True
    return Client(raise_request_exception=False)


def test_a_form_in_utf16_is_a_400_with_the_debug_page_on(dev_client):
    response = dev_client.post(
        "/subscribe/",
        "email=a%40example.org",  # the client encodes it in the charset named below
        content_type="application/x-www-form-urlencoded; charset=utf-16",
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 400


def test_static_files_come_from_whitenoise_and_a_climb_out_is_not_found(dev_client, dev):
    apps = dev.INSTALLED_APPS
    assert apps.index("whitenoise.runserver_nostatic") < apps.index("django.contrib.staticfiles")
    assert dev_client.get("/static/css/digest.css").status_code == 200
    for path in ("/static/../manage.py", "/static/%2e%2e/manage.py", "/static/" + "a" * 5000):
        # (A name without a slash may first be sent on to the same name with one: a 301.)
        assert dev_client.get(path).status_code in (301, 400, 404), path[:40]


def test_an_upload_name_too_long_for_the_file_system_is_not_found(tmp_path):
    request = RequestFactory().get("/media/x")
    with pytest.raises(Http404):
        serve_media(request, "a" * 5000, document_root=str(tmp_path))
    (tmp_path / "photo.txt").write_text("hello")
    assert serve_media(request, "photo.txt", document_root=str(tmp_path)).status_code == 200


@pytest.fixture
def dev_urls(settings, dev_client, tmp_path):
    """The address map as `make run` builds it (DEBUG adds the uploads' /media/ route)."""
    from django.urls import clear_url_caches

    import digest.urls

    settings.MEDIA_ROOT = str(tmp_path)
    importlib.reload(digest.urls)
    clear_url_caches()
    yield dev_client
    settings.DEBUG = False
    importlib.reload(digest.urls)
    clear_url_caches()


def test_a_media_address_too_long_for_the_file_system_is_a_404_under_make_run(dev_urls):
    # Django's own static.serve lets the OSError (file name too long) through: a 500.
    assert dev_urls.get("/media/" + "a" * 5000).status_code == 404
    assert dev_urls.get("/media/missing.txt").status_code == 404

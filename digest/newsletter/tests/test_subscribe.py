"""Subscribing with double opt-in, without revealing who is subscribed; links; preferences."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.test import Client

from digest.core.tests.factories import make_summary
from digest.newsletter import tokens
from digest.newsletter.models import Subscriber
from digest.taxonomy.models import Topic

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def subscribe(client, email, path="/subscribe/", **extra):
    data = {"email": email, "source": "home", "website": "", **extra}
    return client.post(path, data, **ORIGIN)


def link_in(message, name):
    return re.search(rf"http://testserver(/(?:fr/)?{name}/[^\s\"]+/)", message.body).group(1)


def test_boxes_on_cached_reader_pages_post_to_subscribe_and_stay_public(client, issue):
    summary = make_summary(issue, "A Summary With a Box")
    for url in ("/", summary.url):
        response = client.get(url)
        html = response.content.decode()
        assert 'action="/subscribe/"' in html
        assert "csrfmiddlewaretoken" not in html
        assert not response.cookies
        assert "public" in response["Cache-Control"]


def test_subscribe_page_has_its_own_token_and_is_never_cached(client):
    response = client.get("/subscribe/")
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_new_address_is_pending_with_consent_record_until_confirmed(client):
    response = subscribe(client, "New@Example.org ")
    assert response.status_code == 302 and response["Location"] == "/subscribe/sent/"

    subscriber = Subscriber.objects.get()
    assert subscriber.email == "new@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert "home page" in subscriber.consent_source
    assert subscriber.consent_text.startswith("Send me each monthly issue")
    assert subscriber.consent_language == "en" and len(subscriber.consent_ip_hash) == 32
    assert subscriber.consent_given_at is None

    (message,) = mail.outbox
    assert message.to == ["new@example.org"] and message.alternatives
    confirm = link_in(message, "subscribe/confirm")
    assert client.get(confirm).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING  # a GET (link scanner) confirms nothing

    response = client.post(confirm)
    assert "You are subscribed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.consent_given_at is not None


def test_the_answer_is_the_same_whether_or_not_the_address_is_known(client):
    make_subscriber("known@example.org")
    make_subscriber("left@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    answers = [subscribe(client, a) for a in ("known@example.org", "left@example.org", "x@y.org")]
    assert {(r.status_code, r["Location"]) for r in answers} == {(302, "/subscribe/sent/")}
    # Each address still hears what applies to it, and only it can see that.
    bodies = {m.to[0]: m.subject for m in mail.outbox}
    assert bodies["known@example.org"].startswith("You are already subscribed")
    assert bodies["left@example.org"].startswith("Please confirm")
    assert Subscriber.objects.get(email="known@example.org").status == "confirmed"


def test_filled_honeypot_gets_the_same_answer_and_no_email(client):
    response = subscribe(client, "bot@example.org", website="http://spam.example")
    assert response["Location"] == "/subscribe/sent/"
    assert not mail.outbox and not Subscriber.objects.exists()


def test_rate_limit_per_address_is_silent(client, settings):
    settings.NEWSLETTER_RATE_PER_ADDRESS = "2/h"
    responses = [subscribe(client, "target@example.org") for _ in range(4)]
    assert {r["Location"] for r in responses} == {"/subscribe/sent/"}
    assert len(mail.outbox) == 2


def test_rate_limit_per_client_answers_429(client, settings):
    settings.NEWSLETTER_RATE_PER_CLIENT = "3/h"
    codes = [subscribe(client, f"p{n}@example.org").status_code for n in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == 3


def test_a_post_from_another_site_is_refused(client):
    response = client.post(
        "/subscribe/", {"email": "v@example.org"}, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403 and not mail.outbox


def test_without_origin_or_referer_the_csrf_token_is_required():
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/subscribe/", {"email": "v@example.org"}).status_code == 403
    page = strict.get("/subscribe/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    response = strict.post("/subscribe/", {"email": "v@example.org", "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and len(mail.outbox) == 1


def test_same_site_referer_is_enough_when_the_browser_sends_no_origin(client):
    response = client.post(
        "/subscribe/", {"email": "r@example.org"}, HTTP_REFERER="http://testserver/2026/01/"
    )
    assert response.status_code == 302 and len(mail.outbox) == 1


def test_an_invalid_address_is_explained_with_400(client):
    response = subscribe(client, "not-an-address")
    assert response.status_code == 400
    assert "Enter a valid email address" in response.content.decode()


def test_french_form_records_french_and_sends_french_links(client):
    subscribe(client, "fr@example.org", path="/fr/subscribe/")
    subscriber = Subscriber.objects.get()
    assert subscriber.language == "fr" and subscriber.consent_language == "fr"
    assert "/fr/subscribe/confirm/" in mail.outbox[0].body


def test_confirmation_links_expire_and_cannot_be_forged(client):
    subscriber = make_subscriber("p@example.org", status=Subscriber.Status.PENDING)
    token = tokens.confirm_token(subscriber)
    later = tokens.signing.time.time() + 8 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=later):
        assert client.post(f"/subscribe/confirm/{token}/").status_code == 410
    assert client.post(f"/subscribe/confirm/{token[:-2]}xx/").status_code == 404
    forged = tokens.signing.dumps(subscriber.key, salt="something-else")
    assert client.post(f"/subscribe/confirm/{forged}/").status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_one_click_unsubscribe_needs_no_cookie_and_get_changes_nothing():
    subscriber = make_subscriber("a@example.org")
    url = f"/unsubscribe/{tokens.unsubscribe_token(subscriber)}/"
    strict = Client(enforce_csrf_checks=True)
    assert "Unsubscribe" in strict.get(url).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED

    response = strict.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    assert strict.post(url[:-3] + "zz/").status_code == 404


def test_unsubscribe_links_never_expire(client):
    subscriber = make_subscriber("a@example.org")
    url = f"/unsubscribe/{tokens.unsubscribe_token(subscriber)}/"
    years_later = tokens.signing.time.time() + timedelta(days=3650).total_seconds()
    with mock.patch("django.core.signing.time.time", return_value=years_later):
        client.post(url)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_preferences_change_language_and_topics(client, db):
    subscriber = make_subscriber("a@example.org")
    topic = Topic.objects.order_by("sort_order").first()
    url = f"/preferences/{tokens.preferences_token(subscriber)}/"
    assert topic.name in client.get(url).content.decode()

    response = client.post(url, {"language": "fr", "topics": [topic.pk]})
    assert "Your preferences are saved" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.language == "fr"
    assert list(subscriber.topics.all()) == [topic]
    assert client.post(url, {"language": "xx"}).status_code == 400
    assert client.get("/preferences/forged:token/").status_code == 404


def test_french_pages_are_in_french(client):
    page = client.get("/fr/subscribe/").content.decode()
    assert "S’abonner à l’infolettre" in page and "Adresse courriel" in page
    subscribe(client, "fr@example.org", path="/fr/subscribe/")
    assert mail.outbox[0].subject.startswith("Veuillez confirmer votre abonnement")

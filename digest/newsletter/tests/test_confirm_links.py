"""A confirmation link confirms once, only the request it was sent for; the subscribe form does
the same work whoever the address belongs to."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from digest.newsletter import tokens
from digest.newsletter.models import Subscriber

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def subscribe(client, email):
    return client.post("/subscribe/", {"email": email, "source": "page", "website": ""}, **ORIGIN)


def confirm_link(message):
    return re.search(r"http://testserver(/subscribe/confirm/[^\s\"]+/)", message.body)[1]


def test_an_old_confirmation_link_does_not_undo_an_unsubscribe(client):
    subscribe(client, "reader@example.org")
    link = confirm_link(mail.outbox[-1])
    assert "You are subscribed" in client.post(link).content.decode()
    subscriber = Subscriber.objects.get()
    client.post(f"/unsubscribe/{tokens.unsubscribe_token(subscriber)}/")

    response = client.post(link)
    assert response.status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


def test_after_an_unsubscribe_only_the_new_requests_link_subscribes(client):
    subscriber = make_subscriber("reader@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    old_link = f"/subscribe/confirm/{tokens.confirm_token(subscriber)}/"
    subscribe(client, "reader@example.org")
    new_link = confirm_link(mail.outbox[-1])

    assert client.post(old_link).status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    assert "You are subscribed" in client.post(new_link).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_a_second_request_voids_the_first_link(client):
    subscribe(client, "reader@example.org")
    first = confirm_link(mail.outbox[-1])
    subscribe(client, "reader@example.org")
    second = confirm_link(mail.outbox[-1])
    assert first != second
    assert client.post(first).status_code == 404
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert client.post(second).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def _query_shape(queries):
    # The statements a request ran, with every literal blanked: what differs is only data.
    return [re.sub(r"'(?:[^']|'')*'|\d+", "?", q["sql"]) for q in queries]


def test_the_form_does_the_same_database_work_for_a_confirmed_and_an_unknown_address(
    client, settings
):
    settings.TASKS = {
        **settings.TASKS,
        "background": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "newsletter"],
        },
    }
    make_subscriber("known@example.org")
    make_subscriber("left@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    subscribe(client, "warm-up@example.org")  # per-process lookups (the site) are cached
    shapes = []
    for address in ("known@example.org", "left@example.org", "nobody@example.org"):
        with CaptureQueriesContext(connection) as queries:
            response = subscribe(client, address)
        assert response.status_code == 302
        shapes.append(_query_shape(queries.captured_queries))
    assert shapes[0] == shapes[1] == shapes[2]
    # Nothing about the address was decided in the request: the worker does it.
    assert not Subscriber.objects.filter(email="nobody@example.org").exists()
    assert not mail.outbox


def test_a_topic_id_too_large_for_any_column_is_a_400_not_a_500(client):
    subscriber = make_subscriber("reader@example.org")
    url = f"/preferences/{tokens.preferences_token(subscriber)}/"
    for bad in ("99999999999999999999999999999", "-1", "1e3", "0"):
        response = client.post(url, {"language": "en", "topics": [bad]})
        assert response.status_code == 400, bad
    assert not subscriber.topics.exists()

"""Alerts: at most one e-mail a day with the new summaries on a subscriber's alert topics,
through the same once-only deliveries and unsubscribe headers as the monthly issue."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from digest.core.tests.factories import make_issue, make_summary
from digest.newsletter import alerts, delivery, tasks
from digest.newsletter.models import AlertDay, Delivery, Subscriber
from digest.taxonomy.models import Topic

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db


def topics(*slugs):
    return Topic.objects.filter(slug__in=slugs)


def published(title, topic, *, hours_ago=2):
    summary = make_summary(make_issue("2026-05"), title, topics=[topic])
    when = timezone.now() - datetime.timedelta(hours=hours_ago)
    type(summary).objects.filter(pk=summary.pk).update(first_published_at=when)
    return summary


def subscriber(email, alerts_mode, interests=(), alert_topics=(), **fields):
    reader = make_subscriber(email, alerts=alerts_mode, **fields)
    reader.topics.set(topics(*interests))
    reader.alert_topics.set(topics(*alert_topics))
    return reader


def sent_to(email):
    return [m for m in mail.outbox if m.to == [email]]


def test_a_subscriber_gets_one_alert_with_every_new_summary_on_their_topics(db):
    published("Ruptures repaired", "alliance", hours_ago=5)
    published("Empathy measured", "empathy", hours_ago=3)
    published("Endings planned", "termination", hours_ago=1)
    subscriber("both@example.org", Subscriber.Alerts.ALL, ["alliance", "empathy"])

    tasks.start_alerts()

    [message] = sent_to("both@example.org")
    assert message.subject == "Practice Digest: 2 new summaries on your topics"
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert body.index("Ruptures repaired") < body.index("Empathy measured")
        assert "Endings planned" not in body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://testserver/")


def test_some_topics_only_and_off_and_unconfirmed_are_respected(db):
    published("Ruptures repaired", "alliance")
    published("Empathy measured", "empathy")
    subscriber("some@example.org", Subscriber.Alerts.SOME, ["alliance", "empathy"], ["empathy"])
    subscriber("off@example.org", Subscriber.Alerts.OFF, ["alliance"])
    subscriber(
        "pending@example.org",
        Subscriber.Alerts.ALL,
        ["alliance"],
        status=Subscriber.Status.PENDING,
    )

    tasks.start_alerts()

    [message] = sent_to("some@example.org")
    assert "Empathy measured" in message.body and "Ruptures repaired" not in message.body
    assert message.subject == "Practice Digest: a new summary on your topics"
    assert not sent_to("off@example.org") and not sent_to("pending@example.org")


def test_at_most_one_alert_a_day(db):
    published("Ruptures repaired", "alliance")
    subscriber("a@example.org", Subscriber.Alerts.ALL, ["alliance"])
    assert tasks.start_alerts() is not None
    published("Later the same day", "alliance", hours_ago=0)
    assert tasks.start_alerts() is None
    assert len(sent_to("a@example.org")) == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(
            alert_day=AlertDay.objects.get(), subscriber=Subscriber.objects.get()
        )


def test_the_next_days_alert_starts_where_the_last_one_ended(db):
    reader = subscriber("a@example.org", Subscriber.Alerts.ALL, ["alliance"])
    published("Yesterday's study", "alliance", hours_ago=30)
    yesterday = timezone.now() - datetime.timedelta(hours=26)
    tasks.start_alerts(now=yesterday)
    published("Today's study", "alliance", hours_ago=1)
    tasks.start_alerts()
    first, second = sent_to(reader.email)
    assert "Yesterday's study" in first.body and "Today's study" not in first.body
    assert "Today's study" in second.body and "Yesterday's study" not in second.body


def test_nothing_new_on_their_topics_sends_nothing(db):
    published("Endings planned", "termination")
    subscriber("a@example.org", Subscriber.Alerts.ALL, ["alliance"])
    tasks.start_alerts()
    assert mail.outbox == []
    assert AlertDay.objects.get().finished_at is not None


def test_a_summary_unpublished_before_sending_is_left_out_and_an_empty_alert_skipped(db):
    gone = published("Withdrawn study", "alliance")
    reader = subscriber("a@example.org", Subscriber.Alerts.ALL, ["alliance"])
    day = AlertDay.objects.create(
        day=timezone.localdate(),
        since=timezone.now() - datetime.timedelta(days=1),
        until=timezone.now(),
    )
    alerts._fan_out(day, [gone.pk], {gone.topics.get().pk: {gone.pk}})
    gone.unpublish()
    counts = delivery.deliver_alert_batch(day.pk)
    assert counts == {"sent": 0, "failed": 0, "skipped": 1}
    assert Delivery.objects.get(subscriber=reader).status == Delivery.Status.SKIPPED


def test_alerts_and_the_issue_send_do_not_share_deliveries(db, issue):
    published("Ruptures repaired", "alliance")
    subscriber("a@example.org", Subscriber.Alerts.ALL, ["alliance"])
    tasks.start_alerts()
    tasks.start_send(issue)
    assert len(sent_to("a@example.org")) == 2
    assert Delivery.objects.filter(issue=issue).count() == 1
    assert Delivery.objects.filter(alert_day__isnull=False).count() == 1


def test_french_subscribers_get_a_french_alert(db):
    published("Ruptures repaired", "alliance")
    subscriber("fr@example.org", Subscriber.Alerts.ALL, ["alliance"], language="fr")
    tasks.start_alerts()
    [message] = sent_to("fr@example.org")
    assert message.subject == "Practice Digest : un nouveau résumé sur vos thèmes"
    assert "Nouveau sur vos thèmes" in message.body


def test_the_command_starts_once_a_day(db):
    out = []
    for _ in range(2):
        from io import StringIO

        stream = StringIO()
        call_command("send_alerts", stdout=stream)
        out.append(stream.getvalue())
    assert "queued" in out[0] and "already been started" in out[1]


def test_preferences_choose_alerts_per_topic_or_for_all(client, db):
    from digest.newsletter import tokens

    reader = make_subscriber("a@example.org")
    url = f"/preferences/{tokens.preferences_token(reader)}/"
    alliance, empathy = topics("alliance").get(), topics("empathy").get()
    response = client.post(
        url,
        {
            "language": "en",
            "topics": [alliance.pk, empathy.pk],
            "alerts": "some",
            "alert_topics": [empathy.pk],
        },
    )
    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.alerts == "some" and reader.alert_topic_ids() == {empathy.pk}

    missing = client.post(url, {"language": "en", "alerts": "some"})
    assert missing.status_code == 400
    assert "Tick at least one topic for alerts." in missing.content.decode()
    no_topics = client.post(url, {"language": "en", "alerts": "all"})
    assert no_topics.status_code == 400

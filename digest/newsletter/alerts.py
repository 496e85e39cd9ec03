"""Alerts: at most one e-mail a day to each subscriber who asked for them, with the summaries
first published on their alert topics since the last run. Same worker, same once-only
deliveries (one per subscriber per day, unique in the database), same unsubscribe headers as
the monthly issue; `manage.py send_alerts` starts a day's run (cron, once a day or more often:
a second run the same day is refused by the database)."""

import datetime

from django.utils import timezone

from digest.summaries.models import SummaryPage

from .models import AlertDay, Delivery, Subscriber

FIRST_WINDOW = datetime.timedelta(days=1)  # the very first run looks back one day
FANOUT_CHUNK = 1000  # subscribers read at a time: flat memory however many there are


def published_between(since, until):
    return (
        SummaryPage.objects.live()
        .public()
        .filter(first_published_at__gte=since, first_published_at__lt=until)
    )


def prepare(day_id: int) -> None:
    """One delivery per subscriber with alerts whose topics the day's summaries touch, each
    with its summaries (idempotent); the caller (tasks.prepare_alert_day) then starts the
    batches."""
    day = AlertDay.objects.get(pk=day_id)
    if day.prepared_at is None:
        order, on_topic = [], {}  # summary ids in publication order; topic id -> summary ids
        through = SummaryPage.topics.through.objects.filter(
            summarypage__in=published_between(day.since, day.until)
        ).order_by("summarypage__first_published_at", "summarypage_id")
        for summary_id, topic_id in through.values_list("summarypage_id", "topic_id"):
            if summary_id not in order:
                order.append(summary_id)
            on_topic.setdefault(topic_id, set()).add(summary_id)
        if order:
            _fan_out(day, order, on_topic)
        AlertDay.objects.filter(pk=day.pk).update(prepared_at=timezone.now())


def _fan_out(day, order, on_topic) -> None:
    wanted = (
        Subscriber.objects.confirmed()
        .exclude(alerts=Subscriber.Alerts.OFF)
        .prefetch_related("topics", "alert_topics")
    )
    last = 0
    while True:
        chunk = list(wanted.filter(pk__gt=last).order_by("pk")[:FANOUT_CHUNK])
        if not chunk:
            break
        rows = []
        for subscriber in chunk:
            theirs = set().union(*(on_topic.get(t, ()) for t in subscriber.alert_topic_ids()))
            if theirs:
                ids = [pk for pk in order if pk in theirs]
                rows.append(Delivery(alert_day=day, subscriber=subscriber, summary_ids=ids))
        Delivery.objects.bulk_create(rows, ignore_conflicts=True)
        last = chunk[-1].pk

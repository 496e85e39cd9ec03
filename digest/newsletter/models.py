"""Subscribers with their consent record, and the one send of each issue with its deliveries."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from digest.taxonomy.models import Topic


def new_key():
    # The random part of every signed link: links stay unguessable even if the secret leaks
    # elsewhere, and deleting a subscriber kills all their old links.
    return secrets.token_urlsafe(24)


def normalise_email(value: str) -> str:
    # Addresses are compared case-insensitively everywhere (uniqueness, rate limits).
    return (value or "").strip().lower()


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def by_email(self, email):
        return self.filter(email=normalise_email(email))


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="subscribers", verbose_name=_("topics of interest")
    )

    class Alerts(models.TextChoices):
        OFF = "off", _("No alerts: the monthly issue only")
        ALL = "all", _("Alerts for all my topics")
        SOME = "some", _("Alerts for the topics ticked below")

    alerts = models.CharField(
        _("alerts"), max_length=8, choices=Alerts.choices, default=Alerts.OFF, db_index=True
    )
    alert_topics = models.ManyToManyField(
        Topic, blank=True, related_name="alert_subscribers", verbose_name=_("topics with alerts")
    )
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    # The consent record Canada's anti-spam law asks us to be able to produce: when consent
    # was asked and given, where, in which words and language, and from which client.
    consent_requested_at = models.DateTimeField(_("consent requested"), null=True, blank=True)
    consent_given_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_source = models.CharField(
        _("consent source"),
        max_length=255,
        blank=True,
        help_text=_("The form that was used, or where an imported list came from."),
    )
    consent_text = models.TextField(_("consent wording"), blank=True)
    consent_language = models.CharField(_("consent language"), max_length=8, blank=True)
    consent_ip_hash = models.CharField(
        _("client fingerprint"),
        max_length=64,
        blank=True,
        help_text=_("A keyed hash of the IP address: proof without keeping the address."),
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    def alert_topic_ids(self) -> set[int]:
        """The topics whose new summaries this subscriber wants as an alert."""
        # .all(): a prefetched batch of subscribers answers without a query each.
        if self.alerts == self.Alerts.ALL:
            return {topic.pk for topic in self.topics.all()}
        if self.alerts == self.Alerts.SOME:
            return {topic.pk for topic in self.alert_topics.all()}
        return set()

    def confirm(self, when=None):
        when = when or timezone.now()
        self.status = self.Status.CONFIRMED
        self.confirmed_at = self.consent_given_at = when
        self.unsubscribed_at = None
        self.save()

    def unsubscribe(self, when=None):
        if self.status != self.Status.UNSUBSCRIBED:
            self.status = self.Status.UNSUBSCRIBED
            self.unsubscribed_at = when or timezone.now()
            self.save(update_fields=["status", "unsubscribed_at"])


class IssueSend(models.Model):
    """The one send of an issue: a second one is refused by the database itself."""

    issue = models.OneToOneField(
        "issues.IssuePage",
        on_delete=models.CASCADE,
        related_name="newsletter_send",
        verbose_name=_("issue"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    # Set once a delivery row exists for every confirmed subscriber; until then the fan-out
    # is redone (idempotently) after a crash.
    prepared_at = models.DateTimeField(_("prepared"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("issue send")
        verbose_name_plural = _("issue sends")

    def __str__(self):
        return str(self.issue)

    def progress(self):
        """Deliveries counted by status, every status present (zero when none)."""
        counts = self.issue.deliveries.aggregate(
            **{status: Count("pk", filter=Q(status=status)) for status in Delivery.Status.values},
            total=Count("pk"),
        )
        counts["failed"] = counts[Delivery.Status.FAILED_PERMANENT]
        counts["waiting"] = (
            counts[Delivery.Status.WAITING]
            + counts[Delivery.Status.SENDING]
            + counts[Delivery.Status.FAILED_TEMPORARY]
        )
        return counts


class AlertDay(models.Model):
    """The one alert run of a day: summaries first published in [since, until) go to the
    subscribers who asked for alerts on their topics. A second run the same day is refused by
    the database itself, so nobody gets more than one alert e-mail a day."""

    day = models.DateField(_("day"), unique=True)
    since = models.DateTimeField(_("published since"))
    until = models.DateTimeField(_("published before"))
    prepared_at = models.DateTimeField(_("prepared"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert day")
        verbose_name_plural = _("alert days")
        ordering = ["-day"]

    def __str__(self):
        return str(self.day)


class Delivery(models.Model):
    """One issue, or one day's alert, to one subscriber. Its status is the claim that makes
    sends happen once."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        # Claimed by a worker that is about to send it (see delivery.py for the guarantee).
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED_TEMPORARY = "failed-temporary", _("Failed, will retry")
        FAILED_PERMANENT = "failed-permanent", _("Failed permanently")
        SKIPPED = "skipped", _("Skipped (unsubscribed before delivery)")

    issue = models.ForeignKey(
        "issues.IssuePage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("issue"),
    )
    alert_day = models.ForeignKey(
        AlertDay,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("alert day"),
    )
    # An alert's summaries, fixed when the alert is prepared: a retry sends the same e-mail.
    summary_ids = models.JSONField(_("summaries"), default=list, blank=True)
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WAITING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    answer = models.TextField(_("server's answer"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_by = models.CharField(_("claimed by"), max_length=255, blank=True)
    claim_token = models.CharField(max_length=32, blank=True, db_index=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_one_delivery_per_subscriber"
            ),
            models.UniqueConstraint(
                fields=["alert_day", "subscriber"], name="newsletter_one_alert_per_day"
            ),
            models.CheckConstraint(
                condition=Q(issue__isnull=False, alert_day__isnull=True)
                | Q(issue__isnull=True, alert_day__isnull=False),
                name="newsletter_delivery_of_an_issue_or_an_alert",
            ),
        ]
        indexes = [
            models.Index(fields=["issue", "status", "next_attempt_at"]),
            models.Index(fields=["alert_day", "status", "next_attempt_at"]),
        ]

    def __str__(self):
        return f"{self.issue or self.alert_day} → {self.subscriber}"

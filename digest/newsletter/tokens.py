"""Signed links: expiring ones to confirm a subscription, permanent ones to leave or adjust it."""

from datetime import UTC, datetime, timedelta

from django.core import signing

from . import conf
from .models import Subscriber

CONFIRM_SALT = "digest.newsletter.confirm"
UNSUBSCRIBE_SALT = "digest.newsletter.unsubscribe"
PREFERENCES_SALT = "digest.newsletter.preferences"


class LinkExpired(Exception):
    pass


def _request_stamp(subscriber: Subscriber) -> int:
    # Which subscribe request a confirmation link answers, to the microsecond: a newer request
    # gives the address a new request time and so voids every link sent before it.
    when = subscriber.consent_requested_at
    if when is None:
        return 0
    return (when - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)


def confirm_token(subscriber: Subscriber) -> str:
    return signing.dumps([subscriber.key, _request_stamp(subscriber)], salt=CONFIRM_SALT)


def unsubscribe_token(subscriber: Subscriber) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(subscriber.key)


def preferences_token(subscriber: Subscriber) -> str:
    return signing.Signer(salt=PREFERENCES_SALT).sign(subscriber.key)


def subscriber_for_confirm_token(token: str) -> Subscriber | None:
    """The subscriber a confirmation link names, while the request it was sent for stands.

    LinkExpired once it is too old; None when it is forged, or answers an older request, or
    the subscriber has since unsubscribed (only a new request subscribes them again).
    """
    try:
        payload = signing.loads(
            token, salt=CONFIRM_SALT, max_age=conf.get("NEWSLETTER_CONFIRM_MAX_AGE")
        )
    except signing.SignatureExpired as exc:
        raise LinkExpired from exc
    except signing.BadSignature:
        return None
    if not (isinstance(payload, list) and len(payload) == 2):
        return None  # a link from before links named their request: ask again
    key, stamp = payload
    subscriber = Subscriber.objects.filter(key=key).first()
    if (
        subscriber is None
        or subscriber.status == Subscriber.Status.UNSUBSCRIBED
        or _request_stamp(subscriber) != stamp
    ):
        return None
    return subscriber


def _subscriber_for_signed(token: str, salt: str) -> Subscriber | None:
    try:
        key = signing.Signer(salt=salt).unsign(token)
    except signing.BadSignature:
        return None
    return Subscriber.objects.filter(key=key).first()


def subscriber_for_unsubscribe_token(token: str) -> Subscriber | None:
    return _subscriber_for_signed(token, UNSUBSCRIBE_SALT)


def subscriber_for_preferences_token(token: str) -> Subscriber | None:
    return _subscriber_for_signed(token, PREFERENCES_SALT)

"""Signed links: expiring ones to confirm a subscription, permanent ones to leave or adjust it."""

from django.core import signing

from . import conf
from .models import Subscriber

CONFIRM_SALT = "digest.newsletter.confirm"
UNSUBSCRIBE_SALT = "digest.newsletter.unsubscribe"
PREFERENCES_SALT = "digest.newsletter.preferences"


class LinkExpired(Exception):
    pass


def confirm_token(subscriber: Subscriber) -> str:
    return signing.dumps(subscriber.key, salt=CONFIRM_SALT)


def unsubscribe_token(subscriber: Subscriber) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(subscriber.key)


def preferences_token(subscriber: Subscriber) -> str:
    return signing.Signer(salt=PREFERENCES_SALT).sign(subscriber.key)


def subscriber_for_confirm_token(token: str) -> Subscriber | None:
    """The subscriber a confirmation link names; LinkExpired once it is too old."""
    try:
        key = signing.loads(
            token, salt=CONFIRM_SALT, max_age=conf.get("NEWSLETTER_CONFIRM_MAX_AGE")
        )
    except signing.SignatureExpired as exc:
        raise LinkExpired from exc
    except signing.BadSignature:
        return None
    return Subscriber.objects.filter(key=key).first()


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

"""Subscribing and confirming, in one place for the views, the admin import and the tests."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import Subscriber, normalise_email


def client_fingerprint(ip: str) -> str:
    # Keyed, so the stored value proves "same client" without being reversible to an IP.
    return salted_hmac("digest.newsletter.ip", ip or "").hexdigest()[:32]


def record_subscription_request(
    email, *, language, source, consent_text, ip_hash="", when=None
) -> tuple[Subscriber, str]:
    """Record a subscribe request; the kind of e-mail that answers it.

    A new, pending or unsubscribed address gets a confirmation link ("confirm"); a confirmed
    one gets a reminder instead ("already"), so the form's answer is the same whoever the
    address belongs to. A new request gives the address a new request time, which voids every
    confirmation link sent before it.
    """
    codes = dict(settings.LANGUAGES)
    language = language if language in codes else settings.LANGUAGE_CODE
    now = when or timezone.now()
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            email=normalise_email(email), defaults={"language": language}
        )
        if subscriber.status == Subscriber.Status.CONFIRMED:
            return subscriber, "already"
        subscriber.status = Subscriber.Status.PENDING
        subscriber.language = language
        subscriber.consent_requested_at = now
        subscriber.consent_source = source
        subscriber.consent_text = consent_text
        subscriber.consent_language = language
        subscriber.consent_ip_hash = ip_hash
        subscriber.save()
    return subscriber, "confirm"

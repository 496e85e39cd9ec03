"""Newsletter settings with their defaults; any of them may be overridden in Django settings."""

from django.conf import settings

DEFAULTS = {
    # Deliveries claimed and sent over one SMTP connection by one task.
    "NEWSLETTER_BATCH_SIZE": 200,
    # Batch tasks run side by side for one issue (one per worker process is plenty).
    "NEWSLETTER_LANES": 1,
    # A temporary failure is retried after 1, 4, 16, 64 minutes…; then it is given up.
    "NEWSLETTER_MAX_ATTEMPTS": 6,
    "NEWSLETTER_RETRY_BASE_SECONDS": 60,
    # A claim by a worker on another host that is older than this is taken as abandoned.
    "NEWSLETTER_CLAIM_TIMEOUT": 15 * 60,
    # Confirmation links expire; unsubscribe and preferences links never do.
    "NEWSLETTER_CONFIRM_MAX_AGE": 7 * 24 * 3600,
    # django-ratelimit rates for the subscribe form.
    "NEWSLETTER_RATE_PER_CLIENT": "10/h",
    "NEWSLETTER_RATE_PER_ADDRESS": "3/h",
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])

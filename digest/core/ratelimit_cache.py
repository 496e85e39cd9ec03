"""A cache backend of counters in the database, for django-ratelimit when there is no Redis.

Rate limits must be shared by every process and incremented atomically (django-ratelimit's
check E003 refuses Django's file and database caches, whose `incr` reads then writes). Here
`add` is an INSERT the primary key makes exclusive, and `incr` one `UPDATE … SET count = count
+ 1` read back inside its transaction, so two processes never count the same hit once. It
holds integers only; with `CACHE_URL=rediscache://…` Redis serves the rate limits instead.
"""

from datetime import timedelta

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

# A timeout of None means "forever": a century is forever for a rate-limit window.
FOREVER = timedelta(days=36500)


class DatabaseCounterCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)

    def _expiry(self, timeout, now):
        if timeout is DEFAULT_TIMEOUT:
            timeout = self.default_timeout
        return now + (FOREVER if timeout is None else timedelta(seconds=timeout))

    @staticmethod
    def _counters():
        from .models import RateCounter

        return RateCounter.objects

    def _live(self, key, now):
        return self._counters().filter(key=key, expires__gt=now)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        now = timezone.now()
        with transaction.atomic():
            # Old windows go as new ones open, so the table holds only live counters.
            self._counters().filter(expires__lte=now).delete()
            try:
                with transaction.atomic():
                    self._counters().create(
                        key=key, count=int(value), expires=self._expiry(timeout, now)
                    )
            except IntegrityError:
                return False  # another process opened this window first
        return True

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        now = timezone.now()
        with transaction.atomic():
            if not self._live(key, now).update(count=F("count") + delta):
                raise ValueError(f"Key '{key}' not found")
            # The row stays locked by our UPDATE until commit: this is our own count.
            return self._counters().filter(key=key).values_list("count", flat=True).get()

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        value = self._live(key, timezone.now()).values_list("count", flat=True).first()
        return default if value is None else value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        now = timezone.now()
        self._counters().update_or_create(
            key=key, defaults={"count": int(value), "expires": self._expiry(timeout, now)}
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        now = timezone.now()
        return bool(self._live(key, now).update(expires=self._expiry(timeout, now)))

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        deleted, _ = self._counters().filter(key=key).delete()
        return bool(deleted)

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._live(key, timezone.now()).exists()

    def clear(self):
        self._counters().all().delete()

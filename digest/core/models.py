"""Site-wide plumbing that needs a table: the rate-limit counters."""

from django.db import models


class RateCounter(models.Model):
    """One rate-limit window's count, for `digest.core.ratelimit_cache.DatabaseCounterCache`."""

    key = models.CharField(max_length=250, primary_key=True)
    count = models.BigIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key}: {self.count}"

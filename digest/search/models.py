"""Search synonyms: spellings and abbreviations that should find each other (CBT, PTSD, drop-out…).

The editor extends the list in the admin (Snippets → Search synonyms); a query term that matches
any term of a group is searched as "any of the group".
"""

from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

CACHE_KEY = "search:synonym-groups"


class SearchSynonym(models.Model):
    terms = models.TextField(
        _("equivalent terms"),
        help_text=_(
            "Comma-separated words or phrases that mean the same, e.g. "
            '"PTSD, posttraumatic stress disorder, post-traumatic stress disorder".'
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["terms"]

    def __str__(self):
        return self.terms[:100]

    @property
    def term_list(self):
        return [t.strip() for t in self.terms.split(",") if t.strip()]

    @classmethod
    def groups(cls):
        """Every group as a list of terms; cached until a synonym is saved or deleted."""
        groups = cache.get(CACHE_KEY)
        if groups is None:
            groups = [s.term_list for s in cls.objects.all()]
            cache.set(CACHE_KEY, groups, 3600)
        return groups


@receiver([post_save, post_delete], sender=SearchSynonym)
def _forget_groups(**kwargs):
    cache.delete(CACHE_KEY)

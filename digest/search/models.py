"""The search vocabulary: synonym groups curated by the editor, and abbreviations learned from
the archive itself ("borderline personality disorder (BPD)"), which the editor may reject.

A query term that matches any term of a group is searched as "any of the group"; a learned
abbreviation is a group of its short form and its long forms.
"""

from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

CACHE_KEY = "search:synonym-groups:v2"


class SearchSynonym(models.Model):
    terms = models.TextField(
        _("equivalent terms"),
        help_text=_(
            "Comma-separated words or phrases that mean the same, e.g. "
            '"PTSD, posttraumatic stress disorder, post-traumatic stress disorder".'
        ),
    )
    fallback = models.BooleanField(
        _("only when nothing else is found"),
        default=False,
        help_text=_(
            "Tick for neighbouring words rather than true synonyms (therapist, clinician): they "
            "are searched only when a query finds nothing with its own words."
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
    def groups(cls, fallback=False):
        """Every group as a list of terms (learned abbreviations included), or with `fallback`
        the groups searched only when nothing else is found; cached until either changes."""
        groups = cache.get(CACHE_KEY)
        if groups is None:
            groups = {"always": [], "fallback": []}
            for synonym in cls.objects.all():
                groups["fallback" if synonym.fallback else "always"].append(synonym.term_list)
            groups["always"] += LearnedAbbreviation.groups()
            cache.set(CACHE_KEY, groups, 3600)
        return groups["fallback" if fallback else "always"]


class LearnedAbbreviation(models.Model):
    """An abbreviation a summary defines, learned when the summary is published."""

    abbreviation = models.CharField(_("abbreviation"), max_length=20)
    long_form = models.CharField(_("long form"), max_length=200)
    rejected = models.BooleanField(
        _("rejected"),
        default=False,
        help_text=_("A wrong pair: search no longer treats these as the same."),
    )
    source = models.ForeignKey(
        "summaries.SummaryPage",
        verbose_name=_("first seen in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    learned_at = models.DateTimeField(_("learned"), auto_now_add=True)

    class Meta:
        verbose_name = _("learned abbreviation")
        verbose_name_plural = _("learned abbreviations")
        ordering = ["abbreviation", "long_form"]
        constraints = [
            models.UniqueConstraint(
                fields=["abbreviation", "long_form"], name="search_abbreviation_once"
            )
        ]

    def __str__(self):
        return f"{self.abbreviation} = {self.long_form}"

    @classmethod
    def groups(cls):
        """[[abbreviation, long form, …], …] for every abbreviation not rejected."""
        groups = {}
        for short, long in cls.objects.filter(rejected=False).values_list(
            "abbreviation", "long_form"
        ):
            groups.setdefault(short, [short]).append(long)
        return list(groups.values())


@receiver([post_save, post_delete], sender=SearchSynonym)
@receiver([post_save, post_delete], sender=LearnedAbbreviation)
def _forget_groups(**kwargs):
    cache.delete(CACHE_KEY)

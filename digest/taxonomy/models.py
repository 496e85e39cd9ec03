"""The network's controlled vocabularies: topics and research types, with the old site's ids."""

from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class TaxonomyQuerySet(models.QuerySet):
    def by_slugs(self, slugs):
        """Terms named by `slugs`, current or former, and the slugs no term answers to."""
        slugs = {s for s in slugs if s}
        if not slugs:  # most requests name no filter: no query
            return [], []
        found = list(self.filter(slug__in=slugs))
        missing = slugs - {t.slug for t in found}
        if missing and hasattr(self.model, "aliases"):
            aliased = self.filter(aliases__slug__in=missing).prefetch_related("aliases")
            for term in aliased:
                missing -= {a.slug for a in term.aliases.all()}
                if term not in found:
                    found.append(term)
        return sorted(found, key=lambda t: (t.sort_order, t.name)), sorted(missing)


class Term(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    name_fr = models.CharField(
        _("French name"),
        max_length=160,
        blank=True,
        help_text=_("Shown on the French pages (/fr/); the English name when empty."),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    objects = TaxonomyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The name readers see: French on /fr/ pages when the editor gave one."""
        if self.name_fr and (get_language() or "").startswith("fr"):
            return self.name_fr
        return self.name


class Topic(Term):
    """One of the network's topics; renamed or merged topics keep their old slugs as aliases."""

    legacy_id = models.PositiveSmallIntegerField(
        _("legacy id"), null=True, blank=True, unique=True, help_text=_("The old site's cat_2 id.")
    )

    class Meta(Term.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def save(self, *args, **kwargs):
        # A changed slug must keep answering: record the old one as an alias.
        if self.pk:
            old = Topic.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
            if old and old != self.slug:
                TopicAlias.objects.update_or_create(slug=old, defaults={"topic": self})
        super().save(*args, **kwargs)
        if self.pk:
            TopicAlias.objects.filter(slug=self.slug).delete()

    def get_absolute_url(self):
        return reverse("topic_detail", args=[self.slug])

    @transaction.atomic
    def merge_into(self, target):
        """Move every tagging, alias and legacy id of this topic to `target`, then delete it.

        Every many-to-many relation that points at topics moves (summaries, and any other
        app's, such as subscribers' topics of interest), so nothing is lost to the cascade.
        """
        if target.pk == self.pk:
            raise ValueError("A topic cannot be merged into itself.")
        for relation in Topic._meta.related_objects:
            if relation.many_to_many:
                _move_tagging(relation.through, self, target)
        self.aliases.update(topic=target)
        TopicAlias.objects.create(slug=self.slug, topic=target, legacy_id=self.legacy_id)
        self.delete()
        return target


def _move_tagging(through, source, target):
    """Retag `through` rows from `source` to `target`, skipping rows `target` already has."""
    topic_field = next(
        f for f in through._meta.fields if f.is_relation and f.related_model is Topic
    )
    other_field = next(
        f
        for f in through._meta.fields
        if f.is_relation and f.related_model is not Topic and not f.primary_key
    )
    owners = through.objects.filter(**{topic_field.name: source}).values_list(
        other_field.attname, flat=True
    )
    already = set(
        through.objects.filter(
            **{topic_field.name: target, f"{other_field.attname}__in": owners}
        ).values_list(other_field.attname, flat=True)
    )
    through.objects.bulk_create(
        [
            through(**{topic_field.name: target, other_field.attname: owner})
            for owner in set(owners) - already
        ]
    )


class TopicAlias(models.Model):
    """A slug (and maybe an old-site id) that a topic used to answer to."""

    slug = models.SlugField(_("former slug"), max_length=80, unique=True)
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="aliases")
    legacy_id = models.PositiveSmallIntegerField(_("legacy id"), null=True, blank=True)

    class Meta:
        verbose_name = _("topic alias")
        verbose_name_plural = _("topic aliases")

    def __str__(self):
        return f"{self.slug} → {self.topic.slug}"


class ResearchType(Term):
    """A kind of research (meta-analysis, RCT…). The old site grouped them coarsely (cat_1)."""

    legacy_id = models.PositiveSmallIntegerField(
        _("legacy id"), null=True, blank=True, help_text=_("The old site's cat_1 id (shared).")
    )

    class Meta(Term.Meta):
        verbose_name = _("research type")
        verbose_name_plural = _("research types")

    def get_absolute_url(self):
        return reverse("type_detail", args=[self.slug])

"""The whole archive as one versioned JSON document, and back: issues, summaries (live or draft,
with their dates), references, topics with their aliases, research types, and the legacy
import's log. Subscribers stay out: they are people, not the archive.

Fields are read from the models themselves, so a field another app adds to a summary, an issue
or a reference travels without touching this module.
"""

from __future__ import annotations

import datetime
import re
from contextlib import contextmanager

from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.models.signals import pre_save
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from digest.issues.models import IssuePage
from digest.reading.models import PackIndexPage, PackItem, TeachingPack
from digest.references.models import Reference
from digest.summaries.models import SummaryPage
from digest.taxonomy.models import ResearchType, Topic, TopicAlias

from .models import ImportedEntry

FORMAT = "practice-digest-archive"
VERSION = 1

# Page fields that belong to the content (the rest is tree bookkeeping Wagtail rebuilds).
PAGE_FIELDS = ["title", "slug", "seo_title", "search_description", "show_in_menus"]
PAGE_DATES = ["first_published_at", "last_published_at", "go_live_at", "expire_at"]
# Denormalised from the parent issue (a summary's month and issue) or the page's own key:
# recomputed on save. (A reference's `issue` is the journal issue: that one travels.)
DERIVED = {"page_ptr", "month", "issue"}
TERM_FIELDS = ["slug", "name", "name_fr", "description", "sort_order", "legacy_id"]


class ENCODER(DjangoJSONEncoder):
    """Django's encoder, but keeping microseconds (it cuts datetimes to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            return o.isoformat()
        return super().default(o)


class ArchiveError(ValueError):
    """The file is not an archive this version can load, or the site is not empty."""


# --- export -----------------------------------------------------------------------------------


def _own_fields(model) -> list[models.Field]:
    return [
        f
        for f in model._meta.local_fields
        if not (issubclass(model, Page) and f.name in DERIVED) and not f.primary_key and f.concrete
    ]


def _values(obj, fields) -> dict:
    return {f.name: f.value_from_object(obj) for f in fields}


def _page_data(page, model) -> dict:
    data = {name: getattr(page, name) for name in PAGE_FIELDS}
    data.update(_values(page, _own_fields(model)))
    return data


def _page_state(page) -> dict:
    state = {name: getattr(page, name) for name in PAGE_DATES}
    latest = page.get_latest_revision()
    state.update(
        id=page.pk,
        live=page.live,
        # Approved for publishing at go_live_at: publishing again on import re-schedules it.
        scheduled=bool(not page.live and latest and latest.approved_go_live_at),
        draft=None,
    )
    if page.has_unpublished_changes and page.live:
        # Unpublished edits of a live page: their content travels beside the live one.
        state["draft"] = page.get_latest_revision_as_object()
    return state


def _summary(page: SummaryPage) -> dict:
    state = _page_state(page)
    # A page never published keeps its content in its latest revision, not in its row.
    content = page if page.live else page.get_latest_revision_as_object()
    draft = state.pop("draft")
    return {
        **state,
        **_summary_content(content),
        "draft": _summary_content(draft) if draft is not None else None,
    }


def _summary_content(page: SummaryPage) -> dict:
    reference_fields = [
        f for f in _own_fields(Reference) if f.name not in {"summary", "sort_order"}
    ]
    return {
        **_page_data(page, SummaryPage),
        "topics": [t.slug for t in page.topics.all()],
        "research_types": [t.slug for t in page.research_types.all()],
        "references": [
            _values(r, reference_fields) for r in sorted(page.references.all(), key=_order)
        ],
    }


def _order(reference):
    return (reference.sort_order or 0, reference.pk or 0)


def _issue(issue: IssuePage) -> dict:
    state = _page_state(issue)
    content = issue if issue.live else issue.get_latest_revision_as_object()
    draft = state.pop("draft")
    summaries = (
        SummaryPage.objects.child_of(issue)
        .order_by("path")
        .prefetch_related("topics", "research_types", "references")
    )
    return {
        **state,
        **_page_data(content, IssuePage),
        "month": issue.month,
        "draft": _page_data(draft, IssuePage) if draft is not None else None,
        "summaries": [_summary(s) for s in summaries],
    }


def export_archive() -> dict:
    """The archive as a JSON-ready dict (dates as ISO strings once encoded)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now(),
        "topics": [
            {
                **{name: getattr(t, name) for name in TERM_FIELDS},
                "aliases": [
                    {"slug": a.slug, "legacy_id": a.legacy_id} for a in t.aliases.order_by("slug")
                ],
            }
            for t in Topic.objects.order_by("sort_order", "name").prefetch_related("aliases")
        ],
        "research_types": [
            {name: getattr(t, name) for name in TERM_FIELDS}
            for t in ResearchType.objects.order_by("sort_order", "name")
        ],
        "issues": [_issue(issue) for issue in IssuePage.objects.order_by("month")],
        "legacy_entries": [
            {
                **_values(e, [f for f in _own_fields(ImportedEntry) if f.name != "summary"]),
                "summary": _summary_key(e.summary),
            }
            for e in ImportedEntry.objects.select_related("summary").order_by("pk")
        ],
        "packs": _packs(),
    }


def _packs() -> dict | None:
    """The teaching packs' index page and each pack, its summaries named by (month, slug)."""
    index = PackIndexPage.objects.first()
    if index is None:
        return None
    packs = []
    for pack in TeachingPack.objects.child_of(index).order_by("path"):
        content = pack if pack.live else pack.get_latest_revision_as_object()
        items = content.items.order_by("sort_order").select_related("summary")
        packs.append(
            {
                **_page_data(content, TeachingPack),
                "live": pack.live,
                "first_published_at": pack.first_published_at,
                "items": [[*_summary_key(i.summary), i.note] for i in items],
            }
        )
    return {**_page_data(index, PackIndexPage), "live": index.live, "packs": packs}


def _summary_key(summary):
    return [summary.month, summary.slug] if summary is not None and summary.month else None


# --- import -----------------------------------------------------------------------------------


def site_is_empty() -> bool:
    return not (IssuePage.objects.exists() or SummaryPage.objects.exists())


def check_archive(data) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ArchiveError(_("This file is not a Practice Digest archive."))
    version = data.get("version")
    if version != VERSION:
        raise ArchiveError(
            _("Archive version %(version)s cannot be read; this site reads version %(ours)s.")
            % {"version": version, "ours": VERSION}
        )
    for key in ("topics", "research_types", "issues"):
        if not isinstance(data.get(key), list):
            raise ArchiveError(_("The archive has no list of %(key)s.") % {"key": key})


@transaction.atomic
def import_archive(data: dict, *, replace: bool = False) -> dict[str, int]:
    """Load an exported archive. Refuses a site that already has issues unless `replace`,
    which deletes them (and their summaries) first."""
    check_archive(data)
    if not site_is_empty():
        if not replace:
            raise ArchiveError(
                _("The site already has issues or summaries; load the archive into an empty site.")
            )
        for issue in IssuePage.objects.all():
            issue.delete()
        ImportedEntry.objects.all().delete()
    _load_terms(Topic, data["topics"])
    _load_terms(ResearchType, data["research_types"])
    for topic in data["topics"]:
        for alias in topic.get("aliases", []):
            TopicAlias.objects.update_or_create(
                slug=alias["slug"],
                defaults={
                    "topic": Topic.objects.get(slug=topic["slug"]),
                    "legacy_id": alias.get("legacy_id"),
                },
            )
    loader = _PageLoader()
    for issue in data["issues"]:
        loader.issue(issue)
    loader.relink()
    _reset_sequences(Page)
    for entry in data.get("legacy_entries", []):
        _load_legacy_entry(entry)
    if data.get("packs"):
        _load_packs(loader.home, data["packs"])
    return {"issues": loader.issues, "summaries": loader.summaries}


def _load_packs(home, data: dict) -> None:
    for pack in TeachingPack.objects.all():
        pack.delete()
    PackIndexPage.objects.all().delete()
    index = PackIndexPage(live=data["live"])
    _assign(index, PackIndexPage, data)
    home.add_child(instance=index)
    _publish_or_save(index, data["live"])
    summaries = {(s.month.isoformat(), s.slug): s for s in SummaryPage.objects.all()}
    for row in data["packs"]:
        pack = TeachingPack(live=row["live"])
        _assign(pack, TeachingPack, row)
        pack.first_published_at = _to_python(Page, "first_published_at", row["first_published_at"])
        for position, (month, slug, note) in enumerate(row["items"]):
            summary = summaries.get((str(month)[:10], slug))
            if summary is not None:
                pack.items.add(PackItem(sort_order=position, summary=summary, note=note))
        index.add_child(instance=pack)
        _publish_or_save(pack, row["live"])


def _publish_or_save(page, live: bool) -> None:
    revision = page.save_revision()
    if live:
        revision.publish()


def _reset_sequences(*models_) -> None:
    """Pages were inserted with their old ids: move PostgreSQL's id sequence past them."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _load_terms(model, rows) -> None:
    """Make the vocabulary the archive's: update by slug, add the missing, and remove terms
    the archive does not have (when nothing else uses them)."""
    # Names and legacy ids are unique and the archive may have moved them between terms (a
    # rename, a merge): park every current one, then hand them out as the archive says.
    before = dict(model.objects.values_list("pk", "name"))
    for pk in before:
        model.objects.filter(pk=pk).update(name=f"__parked-{pk}__", legacy_id=None)
    keep = set()
    for row in rows:
        term = model.objects.filter(slug=row["slug"]).first() or model(slug=row["slug"])
        term.name = row["name"]
        term.name_fr = row.get("name_fr", term.name_fr) or ""  # older archives have none
        term.description = row.get("description") or ""
        term.sort_order = row.get("sort_order") or 0
        term.legacy_id = row.get("legacy_id")
        term.save()
        keep.add(term.pk)
    names = {row["name"] for row in rows}
    for term in model.objects.exclude(pk__in=keep):
        used = any(
            getattr(term, rel.get_accessor_name()).exists()
            for rel in model._meta.related_objects
            if rel.many_to_many or rel.one_to_many
        )
        if not used:
            term.delete()
            continue
        name = before[term.pk]
        model.objects.filter(pk=term.pk).update(
            name=name if name not in names else f"{name} ({term.slug})"
        )


def _to_python(model, name, value):
    field = model._meta.get_field(name)
    if value is None:
        return None
    if field.is_relation:
        return field.target_field.to_python(value)
    if isinstance(field, models.DateTimeField) and isinstance(value, str):
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(field, models.JSONField):
        return value
    return field.to_python(value)


def _assign(page, model, data: dict) -> None:
    page_fields = PAGE_FIELDS if issubclass(model, Page) else []
    for field in [model._meta.get_field(name) for name in page_fields] + _own_fields(model):
        if field.name not in data:
            continue
        value = _to_python(model, field.name, data[field.name])
        if field.is_relation and value is not None:
            # Images, documents and the like are not in the archive: keep a link only to
            # what this site has.
            exists = field.related_model._default_manager.filter(pk=value).exists()
            value = value if exists else None
        setattr(page, field.attname, value)


_PAGE_LINK = re.compile(r'(<a\b[^>]*\blinktype="page"[^>]*\bid=")(\d+)(")')


@contextmanager
def _inserted_with_id(page, page_id: int):
    """Insert `page` with a chosen id. Wagtail treats a page with an id as already saved, so
    the id is given at the last moment, in pre_save, after Wagtail's own bookkeeping."""

    def give_id(sender, instance, **kwargs):
        if instance is page and instance.pk is None:
            instance.id = instance.page_ptr_id = page_id

    pre_save.connect(give_id, weak=False)
    try:
        yield
    finally:
        pre_save.disconnect(give_id)


class _PageLoader:
    def __init__(self) -> None:
        self.home = Site.objects.get(is_default_site=True).root_page.specific
        self.issues = 0
        self.summaries = 0
        self.new_ids: dict[int, int] = {}

    def _place(self, parent, page, model, state: dict, draft: dict | None) -> None:
        """Add `page` under `parent` as it was: live (with its dates) or a draft, and with
        any unpublished changes as a newer revision."""
        page.live = False
        # Set before publishing: a future go_live_at makes publish() schedule, not go live.
        page.go_live_at = _to_python(Page, "go_live_at", state.get("go_live_at"))
        page.expire_at = _to_python(Page, "expire_at", state.get("expire_at"))
        old_id = state.get("id")
        if isinstance(old_id, int) and not Page.objects.filter(pk=old_id).exists():
            # The same ids keep feed GUIDs, rich-text links and outside bookmarks of
            # /summary/<id> stable; an id already taken gets a new one (links are re-pointed).
            with _inserted_with_id(page, old_id):
                parent.add_child(instance=page)
        else:
            parent.add_child(instance=page)
        revision = page.save_revision()
        if state.get("live") or state.get("scheduled"):
            revision.publish()
        if draft is not None:
            pending = page.get_latest_revision_as_object()
            self._assign_content(pending, model, draft)
            pending.save_revision()
        dates = {name: _to_python(Page, name, state.get(name)) for name in PAGE_DATES}
        # Publishing stamps "now"; the archive's dates are the real ones.
        Page.objects.filter(pk=page.pk).update(**dates)
        if state.get("id") is not None:
            self.new_ids[int(state["id"])] = page.pk

    def _assign_content(self, page, model, data: dict) -> None:
        _assign(page, model, data)
        if model is SummaryPage:
            page.topics = list(Topic.objects.filter(slug__in=data.get("topics", [])))
            page.research_types = list(
                ResearchType.objects.filter(slug__in=data.get("research_types", []))
            )
            page.references.clear()
            for position, fields in enumerate(data.get("references", [])):
                reference = Reference(sort_order=position)
                _assign(reference, Reference, fields)
                reference.sort_order = position
                page.references.add(reference)

    def issue(self, data: dict) -> None:
        issue = IssuePage()
        self._assign_content(issue, IssuePage, data)
        issue.month = _to_python(IssuePage, "month", data["month"])
        self._place(self.home, issue, IssuePage, data, data.get("draft"))
        self.issues += 1
        for summary_data in data.get("summaries", []):
            summary = SummaryPage()
            self._assign_content(summary, SummaryPage, summary_data)
            self._place(issue, summary, SummaryPage, summary_data, summary_data.get("draft"))
            self.summaries += 1

    def relink(self) -> None:
        """Rich-text links to other pages name them by id: point them at the new ids."""
        if not self.new_ids:
            return
        for model in (IssuePage, SummaryPage):
            rich = [f.name for f in _own_fields(model) if f.get_internal_type() == "TextField"]
            for page in model.objects.filter(pk__in=self.new_ids.values()):
                changed = {}
                for name in rich:
                    value = getattr(page, name) or ""
                    fixed = _PAGE_LINK.sub(self._relink_match, value)
                    if fixed != value:
                        changed[name] = fixed
                if changed:
                    model.objects.filter(pk=page.pk).update(**changed)
                    for revision in page.revisions.all():
                        content = dict(revision.content)
                        for name in changed:
                            if name in content:
                                content[name] = _PAGE_LINK.sub(
                                    self._relink_match, content[name] or ""
                                )
                        revision.content = content
                        revision.save(update_fields=["content"])

    def _relink_match(self, match) -> str:
        old = int(match.group(2))
        return f"{match.group(1)}{self.new_ids.get(old, old)}{match.group(3)}"


def _load_legacy_entry(row: dict) -> None:
    values = {
        f.name: _to_python(ImportedEntry, f.name, row.get(f.name))
        for f in _own_fields(ImportedEntry)
        if f.name not in {"summary", "imported_at"} and f.name in row
    }
    summary = None
    if row.get("summary"):
        month, slug = row["summary"]
        summary = SummaryPage.objects.filter(month=month, slug=slug).first()
    record, _created = ImportedEntry.objects.update_or_create(
        fingerprint=values.pop("fingerprint"), defaults={**values, "summary": summary}
    )
    if row.get("imported_at"):
        # auto_now_add stamps "now" on create; the archive's date is the real one.
        when = _to_python(ImportedEntry, "imported_at", row["imported_at"])
        ImportedEntry.objects.filter(pk=record.pk).update(imported_at=when)

"""The staff-only endpoint behind the reference paste box: the structured fields the parser
reads from a pasted reference (and, when on, what Crossref says differently)."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST
from wagtail.admin.auth import require_admin_access

from .models import Reference


@require_admin_access
@require_POST
def parse_for_admin(request):
    """Staff-only: the structured fields for a pasted reference, to fill the admin form."""
    from .parsing import parse_reference, split_references  # not on every start-up's path

    raw = request.POST.get("raw", "")
    if len(raw) > 10_000:
        return JsonResponse({"error": _("That text is too long to be one reference.")}, status=400)
    # Several references pasted at once: this box keeps the first, the script adds the others.
    pieces = split_references(raw) or [raw]
    raw = pieces[0]
    parsed = parse_reference(raw)
    reference = Reference(raw=raw)
    reference.fill_from(parsed)
    crossref = []
    if reference.doi:
        from .lookup import differences, lookup_doi

        found = lookup_doi(reference.doi)  # None unless REFERENCES_DOI_LOOKUP is on
        if found is not None and not reference.has_structure():
            # A DOI alone: Crossref's record fills the empty form (nothing typed is lost).
            reference.fill_from(found)
            reference.raw = raw
        elif found is not None:
            crossref = differences(_form_fields(reference), found)
    fields = _form_fields(reference)
    return JsonResponse(
        {
            "fields": fields,
            "raw": raw,
            "others": pieces[1:],
            "confidence": parsed.confidence,
            "style": parsed.style,
            "style_label": str(STYLE_LABELS.get(parsed.style, "")),
            "to_check": _to_check(parsed, fields),
            "crossref": [
                {**d, "label": str(Reference._meta.get_field(d["field"]).verbose_name)}
                for d in crossref
            ],
            "formatted": reference.as_text() if reference.has_structure() else "",
        }
    )


# The style a pasted reference was written in, as the admin names it.
STYLE_LABELS = {
    "apa": _lazy("APA"),
    "harvard": _lazy("Harvard (author–date)"),
    "vancouver": _lazy("NLM/Vancouver (PubMed, AMA)"),
    "chicago": _lazy("Chicago"),
    "mla": _lazy("MLA"),
}
# Parser field → reference form field, for the confidence the parser reports per field.
_CONFIDENCE_FIELDS = {
    "author": "authors",
    "editor": "editors",
    "issued": "year",
    "status": "status",
    "title": "title",
    "container-title": "container_title",
    "volume": "volume",
    "issue": "issue",
    "page": "pages",
    "number": "article_number",
    "edition": "edition",
    "publisher": "publisher",
    "publisher-place": "publisher_place",
    "DOI": "doi",
    "URL": "url",
}
CHECK_BELOW = 0.8  # a field the parser is less sure of than this is highlighted for review


def _to_check(parsed, fields) -> list[str]:
    """Form fields the editor should look at: filled with low confidence, or left empty when
    a reference of this kind needs them (a year, a title, a journal for an article)."""
    check = {
        _CONFIDENCE_FIELDS[name]
        for name, value in parsed.confidence.items()
        if name in _CONFIDENCE_FIELDS and value < CHECK_BELOW
    }
    needed = ["title", "authors", "year"]
    if fields["kind"] == "article-journal":
        needed.append("container_title")
    check.update(name for name in needed if fields.get(name) in (None, "", []))
    if fields["year"] is None and fields["status"]:
        check.discard("year")  # "in press" has no year yet
    if fields["unparsed"]:
        check.add("unparsed")
    return sorted(check)


def _form_fields(reference) -> dict:
    return {
        "kind": reference.kind,
        "authors": reference.authors,
        "editors": reference.editors,
        "year": reference.year,
        "status": reference.status,
        "title": reference.title,
        "container_title": reference.container_title,
        "volume": reference.volume,
        "issue": reference.issue,
        "pages": reference.pages,
        "article_number": reference.article_number,
        "edition": reference.edition,
        "publisher": reference.publisher,
        "publisher_place": reference.publisher_place,
        "doi": reference.doi,
        "url": reference.url,
        "unparsed": reference.unparsed,
    }

"""Template tags for summary pages: the formatted references with their exports, and the
scholarly metadata (Highwire `citation_*` tags, schema.org JSON-LD) in the page head."""

import html
import json

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from digest.core.templatetags.digest_tags import page_address
from digest.references.formatting import safe_url

register = template.Library()

_SCHEMA_TYPES = {"article-journal": "ScholarlyArticle", "chapter": "Chapter", "book": "Book"}
# As Django's json_script does: nothing in the data can close the <script> element.
_JSON_ESCAPES = (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026"))


def _escaped_json(data):
    """`data` as JSON with Django's json_script escapes, by `str.replace`: `str.translate`
    with a mapping takes its slow path on text holding any non-ASCII letter (an en dash, an
    accented name), about a hundred times slower on a summary's JSON-LD."""
    text = json.dumps(data, ensure_ascii=False)
    for character, escaped in _JSON_ESCAPES:
        text = text.replace(character, escaped)
    return text


def _all_references(summary):
    # The head and the body both need them: one query per page, not one per tag.
    cached = getattr(summary, "_reference_tags_cache", None)
    if cached is None:
        cached = summary._reference_tags_cache = list(summary.references.all())
    return cached


def _references(summary):
    return [r for r in _all_references(summary) if r.has_structure() or r.doi]


def _person(name):
    if name.get("literal"):
        return {"@type": "Organization", "name": name["literal"]}
    person = {"@type": "Person", "familyName": name.get("family", "")}
    if name.get("given"):
        person["givenName"] = name["given"]
    person["name"] = f"{name.get('given', '')} {name.get('family', '')}".strip()
    return person


def _highwire_name(name):
    return name.get("literal") or ", ".join(p for p in (name.get("family"), name.get("given")) if p)


def highwire_tags(reference):
    """(name, content) pairs describing the summarised work for Google Scholar."""
    tags = [("citation_title", reference.title)]
    tags += [("citation_author", _highwire_name(a)) for a in reference.authors or ()]
    if reference.year:
        tags.append(("citation_publication_date", str(reference.year)))
    container = {
        "article-journal": "citation_journal_title",
        "chapter": "citation_inbook_title",
    }.get(reference.kind)
    if container and reference.container_title:
        tags.append((container, reference.container_title))
    first, _, last = reference.pages.replace("\u2013", "-").partition("-")
    tags += [
        ("citation_volume", reference.volume),
        ("citation_issue", reference.issue),
        ("citation_firstpage", first or reference.article_number),
        ("citation_lastpage", last),
        ("citation_doi", reference.doi),
        ("citation_publisher", reference.publisher),
    ]
    return [(name, value) for name, value in tags if value]


def reviewed_work(reference):
    """schema.org description of one summarised work."""
    work = {"@type": _SCHEMA_TYPES.get(reference.kind, "CreativeWork"), "name": reference.title}
    if reference.authors:
        work["author"] = [_person(a) for a in reference.authors]
    if reference.editors:
        work["editor"] = [_person(e) for e in reference.editors]
    if reference.year:
        work["datePublished"] = str(reference.year)
    if reference.status:
        work["creativeWorkStatus"] = reference.status
    if reference.container_title:
        container_type = "Periodical" if reference.kind == "article-journal" else "Book"
        container = {"@type": container_type, "name": reference.container_title}
        if reference.kind == "article-journal" and reference.volume:
            container = {
                "@type": "PublicationVolume",
                "volumeNumber": reference.volume,
                "isPartOf": container,
            }
            if reference.issue:
                container = {
                    "@type": "PublicationIssue",
                    "issueNumber": reference.issue,
                    "isPartOf": container,
                }
        work["isPartOf"] = container
    if reference.pages:
        work["pagination"] = reference.pages
    if reference.publisher:
        work["publisher"] = {"@type": "Organization", "name": reference.publisher}
    if reference.doi:
        work["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": reference.doi}
        work["sameAs"] = reference.doi_url
    elif safe_url(reference.url):
        work["url"] = safe_url(reference.url)
    return work


def absolute_url(url):
    """A page's address on the site as served (BASE_URL), not the Wagtail Site's hostname."""
    if url and url.startswith("/") and not url.startswith("//"):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url


def summary_json_ld(summary, request=None):
    """The summary as a schema.org Review of the work(s) it summarises."""
    data = {
        "@context": "https://schema.org",
        "@type": "Review",
        "headline": summary.title,
        "name": summary.title,
        "inLanguage": "en",
        "url": absolute_url(page_address(request, summary)),
        "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
    }
    if summary.first_published_at:
        data["datePublished"] = summary.first_published_at.date().isoformat()
    if summary.last_published_at:
        data["dateModified"] = summary.last_published_at.date().isoformat()
    topics = [t.name for t in summary.listed_topics]
    if topics:
        data["about"] = topics
    works = [reviewed_work(r) for r in _references(summary)]
    if works:
        data["itemReviewed"] = works[0] if len(works) == 1 else works
    return data


def _meta_tags(pairs):
    """One <meta> a line, as `format_html_join` writes them (a work has a dozen), with the
    values escaped as it does, without its checks for lazy and already safe strings: these
    are plain text from the reference's fields."""
    return mark_safe(  # noqa: S308 (every name and value escaped)
        "".join(
            f'<meta name="{html.escape(name)}" content="{html.escape(str(value))}">\n'
            for name, value in pairs
        )
    )


@register.inclusion_tag("references/meta.html", takes_context=True)
def reference_meta(context, summary):
    """Highwire tags for the first summarised work, and the JSON-LD for the summary."""
    references = _references(summary)
    data = summary_json_ld(summary, context.get("request"))
    highwire = highwire_tags(references[0]) if references else []
    return {
        "highwire": _meta_tags(highwire),
        "json_ld": mark_safe(_escaped_json(data)),  # no "<", ">" or "&" is left in it
    }


@register.simple_tag
def references_as_text(summary):
    """The summarised works in APA 7 as plain text (the CPD log keeps it with its entry),
    from the same list the page's reference block reads: no second query."""
    return " ; ".join(reference.as_text() for reference in _all_references(summary))


@register.inclusion_tag("references/reference_list.html", takes_context=True)
def reference_list(context, summary):
    """The summary's references in APA 7 (raw text where nothing is structured), with the
    links to download them as BibTeX, RIS and CSL-JSON."""
    references = _all_references(summary)
    return {
        "references": references,
        "export_base": page_address(context.get("request"), summary),
        "exportable": any(r.has_structure() or r.doi for r in references),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
        "request": context.get("request"),  # a run's fragments (`{% shared %}`)
    }


@register.inclusion_tag("references/list_exports.html", takes_context=True)
def citation_exports(context, query=None):
    """Links exporting every reference of the list on this page (archive, topic, type or
    search), keeping its filters (`query`, else the page's own less its page number): the
    export views sit at <this path>cite.<format>."""
    request = context["request"]
    if query is None:
        params = request.GET.copy()
        params.pop("page", None)
        query = params.urlencode()
    return {
        "base": request.path,
        "query": query,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
        "request": request,  # a run's fragments (`{% shared %}`)
    }

"""Template helpers: page addresses that stay in the reader's language, facet lists, and the
topic and research-type links of listed summaries."""

from django import template
from django.urls import get_script_prefix
from django.utils.formats import number_format
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """The page's address in the current language.

    Wagtail reverses `wagtail_serve`, which sits in i18n_patterns, so the address already
    carries the active language's prefix; passing the request reuses its cached site paths.
    """
    url = page.get_url(request=context.get("request")) if page else None
    return url or ""


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (None removes one)."""
    request = context["request"]
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def facet_without(facets, term):
    """The archive query string with `term` removed from the filters."""
    return facets.without(term)


def breakable(name):
    """`name` escaped, with a line-break opportunity after each slash: in the narrow facet
    column "Medications/Pharmacotherapy" otherwise breaks inside a word."""
    return mark_safe(escape(name).replace("/", "/<wbr>"))  # noqa: S308 (escaped first)


@register.simple_tag
def facet_checkboxes(options, name):
    """The checkbox items of one facet (`Facets.options`), escaped as the template would.

    Written here rather than as a template loop: the archive and search pages list about fifty
    topics and types, and the template engine took two milliseconds a page over them.
    """
    return format_html_join(
        "\n",
        '<li{5}><input type="checkbox" name="{0}" value="{1}" id="{0}-{1}"{2}>'
        '<label for="{0}-{1}">{3} <span class="count">({4})</span></label></li>',
        (
            (
                name,
                option["term"].slug,
                mark_safe(" checked") if option["selected"] else "",  # noqa: S308 (a constant)
                breakable(option["term"].label),
                number_format(option["count"]),
                mark_safe(' class="facet--empty"') if option.get("empty") else "",  # noqa: S308
            )
            for option in options
        ),
    )


@register.simple_tag
def term_tags(summary):
    """The tag links under a listed summary: its topics, then its research types.

    A list of ten summaries shows some thirty of them. The terms come from the facet index,
    which keeps the same objects until the archive changes, so each term's address is reversed
    once per language instead of on every page (the template loop took 1.4 ms a page).
    """
    type_class = mark_safe(' class="tag--type"')  # noqa: S308 (a constant)
    return format_html_join(
        "",
        '<li{0}><a href="{1}">{2}</a></li>',
        [("", _term_url(term), term.label) for term in summary.listed_topics]
        + [(type_class, _term_url(term), term.label) for term in summary.listed_types],
    )


def _term_url(term):
    """`term.get_absolute_url()`, kept on the term for its slug, language and script prefix."""
    urls = term.__dict__.setdefault("_digest_urls", {})
    key = (term.slug, get_language(), get_script_prefix())
    if key not in urls:
        urls[key] = term.get_absolute_url()
    return urls[key]


@register.filter
def short_citations(summary):
    """The summary's studies as APA 7 parenthetical citations: "(Eubanks et al., 2018)"."""
    citations = [_short_citation(reference) for reference in summary.references.all()]
    citations = [c for c in citations if c]
    return f"({'; '.join(citations)})" if citations else ""


def _short_citation(reference):
    names = [a.get("family") or a.get("literal") or "" for a in reference.authors or ()]
    names = [name for name in names if name]
    if len(names) > 2:
        who = f"{names[0]} et al."
    elif names:
        who = " & ".join(names)
    else:
        who = " ".join(reference.title.split()[:6])
    if not who:
        return ""
    # An advance online publication has its year; only a work in press has none yet.
    if reference.status.lower() == "in press" or not reference.year:
        when = reference.status.lower() or "n.d."
    else:
        when = str(reference.year)
    return f"{who}, {when}"

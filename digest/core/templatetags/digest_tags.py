"""Template helpers: page addresses that stay in the reader's language, query strings with a
parameter changed, line breaks after slashes in facet names, short citations, and fragments
rendered once for the many pages of one run."""

from django import template
from django.utils.html import escape
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


@register.filter
def breakable(name):
    """`name` escaped, with a line-break opportunity after each slash: in the narrow facet
    column "Medications/Pharmacotherapy" otherwise breaks inside a word."""
    return mark_safe(escape(name).replace("/", "/<wbr>"))  # noqa: S308 (escaped first)


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


@register.tag
def shared(parser, token):
    """`{% shared "name" key… %}…{% endshared %}`: a fragment that is the same wherever the
    name, the keys and the language are. A run that renders many pages (the static export)
    gives its requests a `fragments` dict, and each fragment is rendered once per run; on the
    live site the request has none and the fragment is rendered every time. The keys must
    name everything the fragment shows that can differ from one place to another."""
    keys = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    return SharedNode(nodelist, keys)


class SharedNode(template.Node):
    def __init__(self, nodelist, keys):
        self.nodelist = nodelist
        self.keys = keys

    def render(self, context):
        fragments = getattr(context.get("request"), "fragments", None)
        if fragments is None:
            return self.nodelist.render(context)
        key = (get_language(), *(key.resolve(context) for key in self.keys))
        if key not in fragments:
            fragments[key] = self.nodelist.render(context)
        return fragments[key]

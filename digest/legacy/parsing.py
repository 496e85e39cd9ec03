"""Reads one page of the old blog (saved by a browser as HTML, or as its text) into dataclasses.

Pure Python, no Django: `manage.py import_legacy` wraps it. Nothing on a page is dropped silently:
every line ends up in an entry, the issue intros, the page furniture or `unparsed`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag, UnicodeDammit

__all__ = [
    "LegacyAddress",
    "LegacyEntry",
    "LegacyIntro",
    "LegacyPage",
    "decode_page",
    "parse_address",
    "parse_page",
    "parse_page_bytes",
]

MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}


@dataclass(frozen=True)
class LegacyAddress:
    """The old page's address and the listing it showed: page `p`, type `cat_1`, topic `cat_2`."""

    url: str = ""
    cat_1: int | None = None
    cat_2: int | None = None
    p: int | None = None
    # The 2013-2016 static pages name their month: pprnet_blog_oct2014.html.
    year: int | None = None
    month: int | None = None

    @property
    def is_filtered(self) -> bool:
        return self.cat_1 is not None or self.cat_2 is not None

    @property
    def shows_newest_month_first(self) -> bool:
        """A monthly page, or the unfiltered first listing: a "This month…" line above the
        entries is about the month shown first. Every other listing repeats the site's current
        line above older entries."""
        return self.month is not None or (not self.is_filtered and (self.p or 1) == 1)


@dataclass
class LegacyIntro:
    """An issue's "This month… I blog about …" line."""

    year: int
    month: int
    text: str


@dataclass
class LegacyEntry:
    """One summary as the old blog listed it; `raw_text` holds every line it was built from."""

    year: int | None
    month: int | None
    headline: str = ""
    preamble: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    implications: list[str] = field(default_factory=list)
    author_email: str = ""
    raw_text: str = ""
    # Why the entry is incomplete; empty when every part an entry needs was found.
    problems: list[str] = field(default_factory=list)
    position: int = 0
    # True when the page itself shows no headline before the entry's reference or text (some
    # 2014 static pages open the month's first entry straight on the book series note).
    no_headline_on_page: bool = False

    @property
    def complete(self) -> bool:
        return not self.problems

    def fingerprint(self) -> str:
        """A key for "the same entry": month, headline and the first reference (or, for
        entries without one, the start of the text). Headlines alone recur years apart."""
        anchor = self.references[0] if self.references else " ".join(self.summary)[:300]
        if not anchor:
            anchor = " ".join(self.preamble + self.implications)[:300]
        parts = [f"{self.year or 0:04d}-{self.month or 0:02d}", _key(self.headline), _key(anchor)]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]

    def continues(self, other: LegacyEntry) -> bool:
        """True when this (cut-off) entry is the beginning of `other`, the same entry in full.
        The last few characters may differ: a page cut mid-word."""
        mine, theirs = _key(self.raw_text), _key(other.raw_text)
        return (
            (self.year, self.month) == (other.year, other.month)
            and _key(self.headline) == _key(other.headline)
            and theirs.startswith(mine[: max(1, len(mine) - 20)])
        )

    def same_by_reference(self, other: LegacyEntry) -> bool:
        """True when both copies open on the same reference, in the same month, under the same
        headline or with one of them showing none: one entry, read from a 2014 static month that
        shows no headline and from a listing that does. Either copy may be cut off inside the
        reference."""
        if (self.year, self.month) != (other.year, other.month):
            return False
        if self.headline and other.headline and _key(self.headline) != _key(other.headline):
            return False
        if not (self.references and other.references):
            return False
        mine, theirs = _key(self.references[0]), _key(other.references[0])
        shorter = min(len(mine), len(theirs))
        # Enough of the reference to tell two chapters of one book apart; the last word may be cut.
        return shorter >= 60 and mine[: shorter - 10] == theirs[: shorter - 10]

    def titled_as(self, other: LegacyEntry) -> LegacyEntry:
        """This copy with the headline another copy of the same entry shows."""
        problems = [p for p in self.problems if not p.startswith(NO_HEADLINE_PROBLEMS)]
        return replace(self, headline=other.headline, no_headline_on_page=False, problems=problems)


# The parser's notes on an entry without a headline (plain English: this module imports no
# Django; digest/legacy/review.py gives the editor's wording).
NO_HEADLINE_ON_PAGE = "the page shows no headline for this entry"
NO_HEADLINE_PROBLEMS = (NO_HEADLINE_ON_PAGE, "no headline")


@dataclass
class LegacyPage:
    address: LegacyAddress
    entries: list[LegacyEntry] = field(default_factory=list)
    intros: list[LegacyIntro] = field(default_factory=list)
    # Site introduction, navigation, the topic and research-type lists, footer.
    furniture: list[str] = field(default_factory=list)
    # Text that looks like content but belongs to no entry (e.g. a page starting mid-entry).
    unparsed: list[str] = field(default_factory=list)
    # The blog's description of itself was found: a page of the old blog, entries or not.
    described: bool = False


# --- addresses --------------------------------------------------------------------------------

_URL_LINE = re.compile(r"^\s*(?:(?:https?://|www\.)\S+|/\S*\?\S*)\s*$", re.IGNORECASE)


def parse_address(url: str) -> LegacyAddress:
    """The legacy listing parameters of an old address; unusable values become None."""
    url = (url or "").strip()
    try:
        query = parse_qs(urlsplit(url.replace("&amp;", "&")).query)
    except ValueError:
        query = {}

    def number(name: str) -> int | None:
        values = query.get(name) or [""]
        value = values[-1].strip()
        return int(value) if value.isdigit() and len(value) < 9 else None

    year, month = _address_month(url)
    return LegacyAddress(
        url=url, cat_1=number("cat_1"), cat_2=number("cat_2"), p=number("p"), year=year, month=month
    )


_ADDRESS_MONTH = re.compile(r"_(?P<month>[a-z]{3,9})(?P<year>(?:19|20)\d\d)\.html?$", re.IGNORECASE)


def _address_month(url: str) -> tuple[int | None, int | None]:
    """`pprnet_blog_sept2013.html` → (2013, 9): names were abbreviated as the editor liked."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None, None
    match = _ADDRESS_MONTH.search(path)
    if not match:
        return None, None
    name = match["month"].lower()
    numbers = [number for full, number in MONTHS.items() if full.startswith(name[:3])]
    if len(numbers) != 1 or not list(MONTHS)[numbers[0] - 1].startswith(name):
        return None, None
    return int(match["year"]), numbers[0]


# --- decoding ---------------------------------------------------------------------------------


def decode_page(data: bytes) -> str:
    """Bytes of a saved page as text. A byte-order mark wins; then UTF-8, which browsers write
    when they save a page whatever charset it declares; then the declared charset; then
    Windows-1252, what old sites and old browsers wrote (UnicodeDammit's order after UTF-8)."""
    dammit = UnicodeDammit(data, known_definite_encodings=["utf-8"], is_html=True)
    if dammit.unicode_markup is not None:
        return dammit.unicode_markup
    return data.decode("cp1252", errors="replace")


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype", "<html", "<!--", "<head", "<body", "<meta")) or bool(
        re.search(r"<(?:p|div|h[1-6]|body|br)\b[^>]*>", text[:20000], re.IGNORECASE)
    )


# --- HTML to blocks -------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
_SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "object",
        "select",
        "button",
        "title",
    ]
)
# Where a saved page keeps its menus and category lists. An article's own <header> and
# <footer> may hold its headline or e-mail line, so only these count.
_FURNITURE_TAGS = frozenset(["nav", "aside", "form"])
_FURNITURE_MARKS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|sidebar|side-bar|widget|breadcrumbs?|"
    r"pagination|skip|site-footer|site-header)(?:$|[\s_-])",
    re.IGNORECASE,
)


@dataclass
class _Block:
    text: str
    # Set when the HTML put the block in site furniture (nav, sidebar, footer).
    furniture: bool = False
    # The mailto: addresses linked from the block (the visible text may be a name).
    emails: tuple[str, ...] = ()
    # A headline from the month's table of contents ("blogHeadline" on the static pages).
    contents: bool = False


def _html_blocks(text: str) -> tuple[str, list[_Block]]:
    """Flattens a saved page into text blocks, the way a browser's "save as text" would, and
    finds the address it was saved from."""
    soup = BeautifulSoup(text, "html.parser")
    address = ""
    canonical = soup.find("link", rel="canonical", href=True)
    og_url = soup.find("meta", attrs={"property": re.compile(r"^og:url$", re.I)}, content=True)
    if canonical:
        address = canonical["href"].strip()
    elif og_url:
        address = og_url["content"].strip()
    else:
        # Browsers' "save page" writes: <!-- saved from url=(0043)https://... -->
        for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
            match = re.search(r"saved from url=\(\d+\)(\S+)", comment)
            if match:
                address = match.group(1)
                break
    return address, _Flattener().run(soup)


class _Flattener:
    """Walks the tree once, without recursion (saved pages can nest deeply), cutting a block
    at each block-level tag and noting which blocks sit in site furniture."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.parts: list[str] = []
        self.emails: list[str] = []

    def flush(self, furniture: bool) -> None:
        text = _clean("".join(self.parts))
        if text:
            self.blocks.append(_Block(text, furniture, tuple(self.emails)))
        elif self.emails and self.blocks:
            block = self.blocks[-1]
            block.emails = block.emails + tuple(self.emails)
        self.parts, self.emails = [], []

    def run(self, soup: BeautifulSoup) -> list[_Block]:
        # (node, furniture) to enter, or (None, furniture) to close a block-level tag.
        stack: list[tuple[object, bool]] = [(child, False) for child in reversed(soup.contents)]
        while stack:
            node, furniture = stack.pop()
            if node is None:
                self.flush(furniture)
                continue
            if isinstance(node, Comment) or not isinstance(node, NavigableString | Tag):
                continue
            if isinstance(node, NavigableString):
                if type(node) is NavigableString:  # not a doctype, CDATA or processing note
                    self.parts.append(str(node))
                continue
            name = node.name.lower()
            if name in _SKIP_TAGS:
                continue
            href = node.get("href") if name == "a" else None
            if isinstance(href, str) and href.strip().lower().startswith("mailto:"):
                self.emails.append(href.strip()[7:].split("?")[0].strip())
            marks = " ".join(
                " ".join(value) if isinstance(value, list) else str(value)
                for value in (node.get("class", ""), node.get("id", ""), node.get("role", ""))
            )
            inner = furniture or name in _FURNITURE_TAGS or bool(_FURNITURE_MARKS.search(marks))
            if name in _BLOCK_TAGS:
                self.flush(furniture)
                stack.append((None, inner))
            stack.extend((child, inner) for child in reversed(node.contents))
        self.flush(False)
        return self.blocks


# --- text normalisation -----------------------------------------------------------------------

# Zero-width characters and soft hyphens, and control characters (PostgreSQL refuses NUL).
_INVISIBLE = dict.fromkeys(
    [
        *map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"),
        *range(0x00, 0x09),
        *range(0x0E, 0x20),
        0x7F,
    ],
    None,
)


def _clean(text: str) -> str:
    text = text.translate(_INVISIBLE).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def _key(text: str) -> str:
    """Comparable form of a line: case, accents, punctuation and spacing do not matter."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


def _text_lines(text: str) -> list[str]:
    lines = (_clean(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return [line for line in lines if line]


# --- line classification ------------------------------------------------------------------------

_MONTH_HEADING = re.compile(
    r"^(?:(?i:PPRNet\s+Blog)\s*[:\-\u2013\u2014]?\s*)?"
    r"(?P<month>(?i:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)),?\s+(?P<year>(?:19|20)\d\d)"
    # A headline glued to the year ("February 2018Experts Agree…") starts right after it.
    r"(?:\s*[:\-\u2013\u2014]\s*|(?=[A-Z\u201c\"'])|$)(?P<rest>.*)$"
)
_INTRO = re.compile(r"^this\s+month\b", re.IGNORECASE)
# "Practice Implications", also inline before its first paragraph ("Practice Implications:
# The…", or glued "Practice ImplicationsThe…"); "Practice implications of…" is a sentence.
_IMPLICATIONS = re.compile(
    r"^(?i:(?:practice|practical|clinical)\s+implications?|implications?\s+for\s+"
    r"(?:clinical\s+)?(?:practice|clinicians|practitioners|therapists|psychotherapists))"
    r"\s*(?:[:.\-\u2013\u2014]\s*)?(?P<rest>(?:(?=[A-Z0-9\u201c\"'(\u2018])|$).*)$"
)
_EMAIL_LINE = re.compile(
    r"^(?:(?:corresponding\s+)?authors?(?:['\u2019]s)?\s*e-?mails?(?:\s+address(?:es)?)?|"
    # A bare "Email: name@example.org" line, only when an address follows.
    r"e-?mail(?=\s*:\s*[\w.+'-]+@))\s*(?::|-|\u2013)?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Bounded, non-overlapping repeats: these run on every line of a page, some of them long.
_NAME = r"[^\W\d_][^\s,()]{0,40}(?: [^\W\d_][^\s,()]{0,40}){0,3}"
# Some hand-typed references put a space before the comma after a family name ("Berg , A. L.").
_REF_AUTHOR_START = re.compile(rf"^{_NAME} ?,\s+(?:[^\W\d_]\.|[^\W\d_]-[^\W\d_]\.)")
# Nothing but authors ("Berg, A. L., & Lund, J."): a reference the copy cut before its year.
_INITIALS_RUN = r"(?:[^\W\d_]\.(?:\s?-\s?|\s)?)+"
_AUTHORS_ONLY = re.compile(
    rf"^{_NAME} ?,\s+{_INITIALS_RUN}(?:,?\s*(?:&\s*|and\s+)?{_NAME} ?,\s+{_INITIALS_RUN})*"
    r"(?:,\s*(?:&|\u2026|\.\.\.)?)?\s*$"
)
# A group author ("World Health Organization. (2019).") needs the period APA puts there, or
# prose such as "Smith and Jones (2010) found…" would pass for a reference.
_REF_GROUP_START = re.compile(r"^[^\W\d_][^,().]{1,150}\.\s+\((?:(?:19|20)\d\d|in press|n\.)")
# Authors written given name first, as some 2016+ listings did ("Ann Berg & Jo Lund (2012).
# Title…"): names, then the year and its period straight away, then more text.
_REF_GIVEN_FIRST = re.compile(
    rf"^{_NAME}(?:,\s+{_NAME}){{0,8}},?\s+(?:&|and)\s+{_NAME}\s+\((?:19|20)\d\d[a-z]?\)\.\s+[A-Z\u201c\"'].{{20}}"
)
_REF_YEAR = re.compile(
    r"\((?:(?:19|20)\d\d[a-z]?|in\s+press|n\.\s?d\.|advance\s+online)(?:[,;][^()]{0,60})?\)\.?",
    re.IGNORECASE,
)
# Where a sentence runs straight into a heading or (in an intro line) into a headline.
_GLUED_HEADING = re.compile(
    r"(?<=[.!?\u2026\u201d\"])(?:\s*(?=(?:Corresponding\s+)?Authors?['\u2019]?s?\s+e-?mail\b)|"
    r"(?=Practice\s+Implications\b))"
)
# The blog's description of itself: above the entries of every 2013-2016 page and of the landing
# page, above the topic list of the 2016+ listings. It is never an entry.
_DESCRIPTION = re.compile(
    r"PPRNet\s+Blog\s+was\s+born|^About\s+once\s+a\s+month\s+I\s+(?:will|review)|"
    r"^Because\s+of\s+copyright\s+issues|^At\s+the\s+bottom\s+of\s+each\s+review|"
    r"^If\s+you\s+have\s+ideas\s+for\s+an?\s+(?:article|topic)|\bblog\s+began\s+in\s+20\d\d|"
    # Its first paragraph opens on the editor's picture, whose text runs into the first word
    # ("Giorgio A. TascaAt the PPRNet conference…"): known even in a copy cut inside it.
    r"^(?-i:[A-Z][\w'-]*\.?(?: [A-Z][\w'-]*\.?){0,3}[a-z]At)(?:\s|$)",
    re.IGNORECASE,
)
# The signature under it, the visible text of the editor's mailto: link ("Giorgio A. Tasca").
_SIGNATURE = re.compile(r"^(?:[A-Z][\w'-]+|[A-Z]\.)(?: (?:[A-Z][\w'-]+|[A-Z]\.)){1,3}$")
# The static pages print the month's headlines after an image whose text is "blog", so the
# first one reads "blogHeadline" in a saved text copy.
_CONTENTS_LINE = re.compile(r"^blog(?=[A-Z0-9\u201c\u2018\"'])")
# An editor's note on a book reviewed over several months ("Starting in March 2013 I will
# review one chapter a month from the Handbook…"), with or without its own heading line.
# The 2013-2015 notes are in the future tense ("Starting in April, 2015 I will review parts of
# ..."); the same note shown later on a 2016+ listing may be in the present ("Since April, 2015
# I review parts of ..."), which only counts after such a date.
_SERIES_NOTE = re.compile(
    r"(?:\bI\s+will\s+review|\b(?:since|starting\s+in)\s+[^\W\d_]+,?\s+(?:19|20)\d\d,?\s+"
    r"I\s+review)\b.{0,80}\b(?:chapters?|parts?\s+of|book|handbook)\b|"
    r"\bin\s+the\s+coming\s+months\s+I\s+will\b",
    re.IGNORECASE,
)
_GLUED_SENTENCE = re.compile(r"(?<=[a-z][.!?])(?=[A-Z][a-z])")
# How a reference cut by the saved copy can end even on a full stop: on its page prefix
# ("(6thed.), pp."), its year with no title after it ("(2013)."), "In M.E." or "(Ed.)" with no
# book after them, or a DOI's opening ("https://doi.", "https://doi.org/10.").
_CUT_REFERENCE_END = re.compile(
    r"(?:^|[\s,(])(?:pp?|vol|no)\.$|\((?:19|20)\d\d[a-z]?\)\.?$|\bIn\s+(?:[^\W\d_]\.\s?)+$"
    r"|\((?:Eds?|Hrsg)\.?\)?$|\bdoi(?:\.(?:org/(?:10\.?)?)?)?$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?\u2026]['\"\u201d\u2019)\]]*$")
_PAGINATION = re.compile(
    r"^(?:(?:page\s+)?\d+(?:\s+(?:of\s+)?\d+)*|[«»‹›<>|]+.*|.*[«»‹›]|(?:next|previous|prev|"
    r"older|newer)(?:\s+(?:page|posts?|entries))?\s*[»›>]*|back\s+to\s+top|(?:©|\(c\)|copyright\b).*)$",
    re.IGNORECASE,
)


def _month_heading(line: str) -> tuple[int, int, str] | None:
    match = _MONTH_HEADING.match(line)
    if not match:
        return None
    return int(match["year"]), MONTHS[match["month"].lower()], match["rest"].strip()


def _month_name(year: int, month: int) -> str:
    return f"{list(MONTHS)[month - 1].title()} {year}"


_NAME_PARTICLES = frozenset(
    ("and", "et", "al", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "du")
    + ("la", "le", "von", "y")
)


def is_reference(line: str) -> bool:
    """An APA-looking reference line: authors first, then a parenthesised year or status."""
    starts = (_REF_AUTHOR_START, _REF_GROUP_START, _REF_GIVEN_FIRST)
    if len(line) < 25 or not any(start.match(line) for start in starts):
        return False
    year = _REF_YEAR.search(line[:700])
    if not year:
        return False
    # Before the year come only names and initials; a lowercase word means prose.
    words = re.findall(r"[^\W\d_]+", line[: year.start()])
    return not any(
        word.islower() and len(word) > 1 and word not in _NAME_PARTICLES for word in words
    )


def _is_headline_like(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 30
        and len(line) <= 250
        and not line.endswith((".", ",", ";", ":"))
        and not is_reference(line)
        and _month_heading(line) is None
        and not _IMPLICATIONS.match(line)
        and not _EMAIL_LINE.match(line)
    )


def _is_entry_marker(line: str) -> bool:
    """Lines that only an entry has, wherever the page's markup put them."""
    return bool(
        _month_heading(line)
        or _IMPLICATIONS.match(line)
        or _EMAIL_LINE.match(line)
        or _INTRO.match(line)
    )


def _opens_entry(line: str) -> bool:
    return bool(_month_heading(line) or _INTRO.match(line) or _EMAIL_LINE.match(line))


def _is_short_label(line: str) -> bool:
    """Menu items, topic names, pagination: short lines that are not sentences."""
    return len(line.split()) <= 10 and not _SENTENCE_END.search(line) and not is_reference(line)


def _is_series_heading(lines: list[str], index: int) -> bool:
    """ "Handbook of Psychotherapy and Behavior Change" above its series note. The heading names
    the book the note is about: an entry's own headline above a note that carries its heading
    inline ("<book title>: <the note>" on one line, 2016+ listings) is not one."""
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return (
        _is_headline_like(lines[index])
        and bool(_SERIES_NOTE.search(following))
        and _key(lines[index]) in _key(following)
    )


def _is_headline_sentence(line: str, following: str, *, cut_after: bool = False) -> bool:
    """A headline the editor ended with a full stop ("Does Naming a Rupture Help? Only Sometimes.",
    2016+ listings): short, in title case or in two parts, and followed by the entry's reference,
    by a longer paragraph, or by the end of a copy cut there or after the next line (`cut_after`).
    The opening sentence of a summary is neither."""
    words = line.split()
    if not (2 <= len(words) <= 20 and len(line) <= 160 and line.endswith(".")):
        return False
    if is_reference(line) or _is_entry_marker(line) or _SERIES_NOTE.search(line):
        return False
    capitals = sum(1 for word in words if word[:1].isupper())
    titled = capitals * 3 >= len(words) * 2 or bool(re.search(r"[?!:]\s+[A-Z]", line))
    return titled and (cut_after or is_reference(following) or len(following) > len(line))


def _unglue_twice(line: str) -> str:
    """A headline printed twice with nothing between ("Title Title" or "TitleTitle")."""
    for separator in (" ", ""):
        half, rest = divmod(len(line) - len(separator), 2)
        if (
            not rest
            and half > 3
            and line[:half] == line[half + len(separator) :]
            and (line[half : half + len(separator)] == separator)
        ):
            return line[:half]
    return line


# --- the page parser --------------------------------------------------------------------------


def parse_page_bytes(data: bytes, *, address: str = "", known_furniture=()) -> LegacyPage:
    return parse_page(decode_page(data), address=address, known_furniture=known_furniture)


def parse_page(text: str, *, address: str = "", known_furniture=()) -> LegacyPage:
    """Parse a saved page. `address` overrides the one found in the page; `known_furniture`
    are lines always treated as page furniture (the topic and research-type names)."""
    text = text or ""
    if looks_like_html(text):
        found, blocks = _html_blocks(text)
    else:
        lines = _text_lines(text)
        found = ""
        # Notes on "# " lines may come before the address line (our fixtures say there what
        # real structure they imitate); without an address after them they are text.
        notes = next((i for i, line in enumerate(lines) if not line.startswith("# ")), len(lines))
        if notes < len(lines) and _URL_LINE.match(lines[notes]):
            found = lines[notes]
            lines = lines[notes + 1 :]
        blocks = [_Block(line) for line in lines]
    page = LegacyPage(address=parse_address(address or found))
    _Reader(page, blocks, known_furniture).read()
    return page


class _Reader:
    """Walks the blocks once: month headings open entries; everything else is placed."""

    def __init__(self, page: LegacyPage, blocks: list[_Block], known_furniture) -> None:
        self.page = page
        self.known = {_key(name) for name in known_furniture if _key(name)}
        self.blocks = self._split_glued(blocks)

    # Blocks ---------------------------------------------------------------------------------

    def _split_glued(self, blocks: list[_Block]) -> list[_Block]:
        """Undo the ways the old templates glued lines together: a month heading and its
        headline ("February 2018Experts Agree…"), a sentence and the next heading or headline
        ("…feedback.Experts Agree…"), a word and a repeated headline."""
        result: list[_Block] = []
        for block in blocks:
            pieces = _GLUED_HEADING.split(block.text)
            if _INTRO.match(block.text):
                pieces = [part for piece in pieces for part in _GLUED_SENTENCE.split(piece)]
            for piece in pieces:
                text = _unglue_twice(piece.strip())
                heading = _month_heading(text)
                if heading and heading[2]:
                    month_text = text[: len(text) - len(heading[2])].rstrip(" :-\u2013\u2014")
                    result.append(_Block(month_text, block.furniture))
                    text = _unglue_twice(heading[2])
                result.append(_Block(text, block.furniture, block.emails))
        # "…wordHeadline" followed by "Headline": the second copy shows where to cut.
        for index in range(len(result) - 1):
            line, following = result[index].text, result[index + 1].text
            if (
                len(line) > len(following) >= 8
                and line.endswith(following)
                and not line[-len(following) - 1].isspace()
                and _is_headline_like(following)
            ):
                result[index].text = line[: -len(following)].rstrip()
        return [block for block in result if block.text]

    def _is_furniture(self, block: _Block) -> bool:
        # A month heading in a sidebar is an archive link; the others belong to entries.
        if _is_entry_marker(block.text) and not _month_heading(block.text):
            return False
        return (
            block.furniture or _key(block.text) in self.known or bool(_PAGINATION.match(block.text))
        )

    # Reading ----------------------------------------------------------------------------------

    def read(self) -> None:
        blocks = [block for block in self.blocks if not self._is_furniture(block)]
        self.page.furniture.extend(block.text for block in self.blocks if self._is_furniture(block))
        blocks, after_description = self._drop_description(blocks)
        blocks = self._drop_label_runs(blocks)

        starts = [i for i, block in enumerate(blocks) if _month_heading(block.text)]
        address = self.page.address
        first_contents = next((i for i, block in enumerate(blocks) if block.contents), None)
        if not starts and address.month and (after_description or first_contents is not None):
            # A static page saved without its "PPRNet Blog: October 2014" line: its address
            # names the month, and the entries start after the blog's description.
            start = next(
                (i for i, block in enumerate(blocks) if block is after_description),
                first_contents if first_contents is not None else len(blocks),
            )
            self.page.furniture.extend(block.text for block in blocks[:start])
            blocks = [_Block(_month_name(address.year, address.month)), *blocks[start:]]
            starts = [0]
        before = blocks[: starts[0]] if starts else blocks
        self._read_lead(before, blocks[starts[0]] if starts else None)
        for number, start in enumerate(starts):
            end = starts[number + 1] if number + 1 < len(starts) else len(blocks)
            year, month, _rest = _month_heading(blocks[start].text)
            self._read_month(year, month, blocks[start + 1 : end])
        for position, entry in enumerate(self.page.entries):
            entry.position = position

    def _drop_description(self, blocks: list[_Block]) -> tuple[list[_Block], _Block | None]:
        """Set aside the blog's description and its signature, and turn "blogHeadline" into
        the headline it is. Returns the blocks left and the first one after the description."""
        keep: list[_Block] = []
        after: _Block | None = None
        described = contents_next = signature_next = False
        for block in blocks:
            text = block.text
            if _DESCRIPTION.search(text) and not _is_entry_marker(text):
                self.page.furniture.append(text)
                described, after, signature_next = True, None, True
                self.page.described = True
                continue
            if signature_next and _SIGNATURE.match(text):
                # Only the line right under the description: a short headline can look alike.
                self.page.furniture.append(text)
                signature_next = False
                continue
            signature_next = False
            if text.lower() == "blog":
                # An HTML copy keeps the "blog" image's text apart from the headline after it.
                self.page.furniture.append(text)
                contents_next = described
                continue
            if _CONTENTS_LINE.match(text) and _is_headline_like(text[4:]):
                block = _Block(text[4:], block.furniture, block.emails, contents=True)
            elif contents_next and _is_headline_like(text):
                block = _Block(text, block.furniture, block.emails, contents=True)
            contents_next = False
            if described and after is None:
                after = block
            keep.append(block)
        if (
            described
            and after is not None
            and keep
            and keep[-1] is after
            and not after.contents
            and not _SENTENCE_END.search(after.text)
            and not _is_entry_marker(after.text)
        ):
            # The copy stops inside the description, in a line the patterns above do not
            # recognise once cut ("Because of copyright issu"): more description, no entry.
            self.page.furniture.append(keep.pop().text)
            after = None
        return keep, after if described else None

    def _drop_label_runs(self, blocks: list[_Block]) -> list[_Block]:
        """A run of four or more short non-sentence lines is a menu or a category list (an
        entry never has more than two in a row: its headline and the headline's repeat)."""
        keep: list[_Block] = []
        run: list[_Block] = []

        def end_run() -> None:
            if len(run) >= 4:
                self.page.furniture.extend(block.text for block in run)
            else:
                keep.extend(run)
            run.clear()

        for block in blocks:
            opens_entry = bool(keep) and not run and _opens_entry(keep[-1].text)
            if _is_short_label(block.text) and not _is_entry_marker(block.text):
                if opens_entry or block.contents:
                    # A headline right after its month heading, even if a category list
                    # follows a page cut short, is the entry's and not part of that list.
                    keep.append(block)
                elif keep and not run and _key(keep[-1].text) == _key(block.text):
                    keep.append(block)  # the headline's repeat
                else:
                    run.append(block)
            else:
                end_run()
                keep.append(block)
        end_run()
        return keep

    def _read_lead(self, blocks: list[_Block], first_heading: _Block | None) -> None:
        """Text before the first month heading: the site's introduction, unless it holds
        entry parts (the page was saved starting mid-entry)."""
        content = any(
            is_reference(block.text) or _IMPLICATIONS.match(block.text) for block in blocks
        )
        if content:
            self.page.unparsed.append("\n".join(block.text for block in blocks))
            return
        belongs = first_heading is not None and self.page.address.shows_newest_month_first
        index = 0
        while index < len(blocks):
            text = blocks[index].text
            following = blocks[index + 1].text if index + 1 < len(blocks) else ""
            if _INTRO.match(text) and following.startswith(("\u2026", "...")):
                # "This month..." and "…I blog about …" on two lines (2016+ listings).
                text = re.sub(r"\s*(?:\.{3}|\u2026)$", "\u2026", text)
                text = text + " " + following.lstrip(".\u2026 ")
                index += 1
            if _INTRO.match(text) and belongs:
                year, month, _rest = _month_heading(first_heading.text)
                self._add_intro(year, month, text)
            else:
                self.page.furniture.append(text)
            index += 1

    def _add_intro(self, year: int, month: int, text: str) -> None:
        if not any(
            (intro.year, intro.month) == (year, month) and intro.text == text
            for intro in self.page.intros
        ):
            self.page.intros.append(LegacyIntro(year, month, text))

    def _read_month(self, year: int, month: int, blocks: list[_Block]) -> None:
        """The blocks after one month heading: an optional intro, then one or more entries."""
        if not blocks:
            # A bare month heading (an archive list in the text): no entry to read.
            self.page.furniture.append(_month_name(year, month))
            return
        # On a static page the month's contents line ("blogHeadline") follows the blog's
        # description: whatever precedes it is more of that description, not an entry.
        first_contents = next((i for i, block in enumerate(blocks) if block.contents), 0)
        for block in blocks[:first_contents]:
            if _INTRO.match(block.text):
                self._add_intro(year, month, block.text)
            else:
                self.page.furniture.append(block.text)
        blocks = blocks[first_contents:]
        index = 0
        while index < len(blocks) and _INTRO.match(blocks[index].text):
            self._add_intro(year, month, blocks[index].text)
            index += 1
        for part in self._split_entries(blocks[index:]):
            self._read_entry(year, month, part)

    def _split_entries(self, blocks: list[_Block]) -> list[list[_Block]]:
        """Several entries under one month heading: a new one starts after the previous
        one's implications, at a headline followed by its repeat or by a reference."""
        parts: list[list[_Block]] = [[]]
        seen_implications = False
        ended = False  # an "Author email:" line closes an entry
        for index, block in enumerate(blocks):
            following = blocks[index + 1].text if index + 1 < len(blocks) else ""
            after = blocks[index + 2].text if index + 2 < len(blocks) else ""
            starts_entry = _is_headline_like(block.text) and (
                _key(following) == _key(block.text)
                or is_reference(following)
                or (is_reference(after) and not _SENTENCE_END.search(block.text))
                or ended
            )
            if parts[-1] and (seen_implications or ended) and starts_entry:
                parts.append([])
                seen_implications = ended = False
            parts[-1].append(block)
            if _IMPLICATIONS.match(block.text):
                seen_implications = True
            if _EMAIL_LINE.match(block.text) and seen_implications:
                ended = True
        return [part for part in parts if part]

    def _read_entry(self, year: int, month: int, blocks: list[_Block]) -> None:
        entry = LegacyEntry(year=year, month=month)
        entry.raw_text = "\n".join(block.text for block in blocks)
        lines = [block.text for block in blocks]
        index = 0
        contents: set[int] = set()
        if blocks[0].contents:
            # "blogHeadline" and the rest of the month's table of contents: the other
            # headlines come back above their own entries.
            entry.headline = lines[0]
            index = 1
            while (
                index < len(lines)
                and _is_headline_like(lines[index])
                and _key(lines[index]) != _key(entry.headline)
                and not _is_series_heading(lines, index)
                and not is_reference(lines[index + 1] if index + 1 < len(lines) else "")
            ):
                self.page.furniture.append(lines[index])
                contents.add(index)
                index += 1
            entry.raw_text = "\n".join(t for i, t in enumerate(lines) if i not in contents)
        # The book series note, then the headline (again, on the static pages).
        while index < len(lines):
            if _SERIES_NOTE.search(lines[index]) or _is_series_heading(lines, index):
                entry.preamble.append(lines[index])
            elif entry.headline and _key(lines[index]) == _key(entry.headline):
                pass
            elif not entry.headline and (
                _is_headline_like(lines[index])
                or _is_headline_sentence(
                    lines[index],
                    lines[index + 1] if index + 1 < len(lines) else "",
                    # The copy ends here or with the next line: nothing to compare it with.
                    cut_after=index + 2 >= len(lines),
                )
            ):
                entry.headline = lines[index]
            else:
                break
            index += 1
        if not entry.headline and index < len(lines):
            entry.no_headline_on_page = True
        # Preamble up to the references, when there are any before the implications.
        stop = next(
            (i for i in range(index, len(lines)) if _IMPLICATIONS.match(lines[i])), len(lines)
        )
        first_reference = next((i for i in range(index, stop) if is_reference(lines[i])), None)
        if first_reference is not None:
            for line in lines[index:first_reference]:
                if _key(line) == _key(entry.headline):
                    continue
                if _INTRO.match(line):
                    self._add_intro(year, month, line)
                else:
                    entry.preamble.append(line)
            index = first_reference
            while index < stop and is_reference(lines[index]):
                entry.references.append(lines[index])
                index += 1
        # Summary paragraphs.
        for line in lines[index:stop]:
            if _INTRO.match(line) and not entry.summary:
                self._add_intro(year, month, line)
            elif _EMAIL_LINE.match(line):
                entry.author_email = entry.author_email or self._email(line, blocks)
            elif _SERIES_NOTE.search(line) and not entry.summary:
                entry.preamble.append(line)
            else:
                entry.summary.append(line)
        # The copy ends on the authors of a reference it cut before the year: a reference
        # (cut off), not the first line of the summary.
        if (
            stop == len(lines)
            and not entry.references
            and entry.summary == [lines[-1]]
            and _AUTHORS_ONLY.match(lines[-1])
        ):
            entry.references.append(entry.summary.pop())
        # Implications and the closing e-mail line.
        index = stop
        trailing: list[str] = []
        if index < len(lines):
            rest = _IMPLICATIONS.match(lines[index])["rest"].strip()
            if rest:
                entry.implications.append(rest)
            index += 1
            for position in range(index, len(lines)):
                line = lines[position]
                if _EMAIL_LINE.match(line):
                    entry.author_email = entry.author_email or self._email(line, blocks[position:])
                    trailing = lines[position + 1 :]
                    break
                entry.implications.append(line)
        # Footer-ish lines after the last implications paragraph (no sentence, short).
        while (
            len(entry.implications) > 1
            and _is_short_label(entry.implications[-1])
            and len(entry.implications[-1].split()) <= 6
            and _SENTENCE_END.search(entry.implications[-2])
        ):
            trailing.insert(0, entry.implications.pop())
        self.page.furniture.extend(trailing)
        entry.problems = self._problems(entry, found_implications=stop < len(lines))
        self.page.entries.append(entry)

    @staticmethod
    def _email(line: str, blocks: list[_Block]) -> str:
        match = _EMAIL.search(line)
        if match:
            return match.group(0).rstrip(".")
        for block in blocks[:2]:
            if block.emails:
                return block.emails[0]
        # "Author email: name at example dot org" and the like: keep what was written.
        return _EMAIL_LINE.match(line)["rest"].strip()

    @staticmethod
    def _problems(entry: LegacyEntry, *, found_implications: bool) -> list[str]:
        problems = []
        if entry.no_headline_on_page:
            opens_on = "its reference" if entry.references else "its text"
            problems.append(f"{NO_HEADLINE_ON_PAGE} (it opens on {opens_on})")
        elif not entry.headline:
            problems.append("no headline")
        if not (entry.summary or entry.references):
            problems.append("no summary")
        # A copy cut inside the series note leaves nothing else: the note's last line tells.
        last = (entry.implications or entry.summary or entry.references or entry.preamble or [""])[
            -1
        ]
        cut = bool(last) and not _SENTENCE_END.search(last) and not entry.author_email
        if not (entry.implications or entry.summary) and entry.references:
            # "… behaviour change (6thed.), pp.", "Berg, A. L., & Lund, J.": cut, full stop or not
            cut = cut or bool(_CUT_REFERENCE_END.search(last) or _AUTHORS_ONLY.match(last))
        if cut and not found_implications:
            problems.append("cut off: the saved page ends mid-entry, before Practice Implications")
        elif cut:
            problems.append("cut off: the saved page ends mid-sentence")
        elif not found_implications:
            problems.append("no Practice Implications heading")
        elif not entry.implications:
            problems.append("no Practice Implications text")
        return problems

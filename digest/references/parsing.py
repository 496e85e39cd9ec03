"""Turn a reference, as an editor pastes or types it, into CSL-JSON fields.

APA 6/7 first, with the quirks of hand-typed references, and the other styles a "Cite"
button or a reference list gives: NLM/Vancouver and AMA, Harvard (BJPsych, Springer,
EndNote, Cite Them Right), Chicago, MLA, Elsevier, GOST. ``ref.style`` names the one seen.

Pure Python (no Django): the admin, the ``parse_references`` command and the benchmark all
wrap :func:`parse_reference`, :func:`parse_references` and :func:`split_references`.
The parser never raises; what it cannot place is returned in ``unparsed`` so nothing is lost.
"""

from __future__ import annotations

import html
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

from .journals import expand_journal, is_known_journal, is_known_title, known_journal_at_end

__all__ = [
    "ParsedReference",
    "parse_reference",
    "parse_references",
    "split_references",
    "normalise_doi",
]

# Every dash an editor's word processor may produce; page ranges are rewritten with an en dash.
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d-"  # "-" last: regex class
_DASH = f"[{DASHES}]"
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"  # capitals, incl. Latin Extended-A (Ł, Š…)
_UP_CLASS = f"[{_UP}]"
_QUOTE_CLOSE = "\"'\u201d\u2019\u00bb"
_QUOTE_ANY = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"

_WS = re.compile(r"\s+")
_HYPHEN_BREAK = re.compile(rf"(?P<before>\w+)(?P<dash>{_DASH})[ \t]*\r?\n\s*(?P<after>\w*)")
# A line break after a hyphen: "meta-\nanalysis" and "alliance-\noutcome" are compounds whose
# hyphen stays; "educa-\ntional" and "sig-\nnificance" are words a typesetter broke. Without
# a dictionary, a word is taken as broken when what follows the hyphen reads as a word's
# ending rather than a word, or what precedes it is too short to be one.
_COMPOUND_FIRST = frozenset(
    ("meta", "self", "well", "long", "short", "cross", "follow", "co", "non", "pre", "post",
     "multi", "inter", "intra", "semi", "anti", "quasi", "ex", "mid", "sub", "one", "two", "low",
     "high", "all", "web")
)  # fmt: skip
_COMPOUND_SECOND = frozenset(
    ("based", "being", "related", "reported", "rated", "informed", "oriented", "focused",
     "centered", "centred", "aged", "analytic", "sectional", "specific")
)  # fmt: skip
_WORD_TAIL = re.compile(
    r"^[a-z]{0,5}(?:tion|tions|tional|sion|sions|ment|ments|ness|ity|ities|ical|ically|ive|ives|"
    r"ively|ance|ances|ence|ences|ous|ary|ory|ing|ings|ism|ist|ists|ize|ized|ise|ised|able|ible|"
    r"ure|ures|ic|ics|py|gy|ies|ly|ed|al|ant|ants|ent|ents)$"
)
_DOI = re.compile(r"(?P<doi>10\.\d{4,9}/[^\s\"<>]+)")
# Looked for only just before a DOI: searching with it everywhere costs most of the parse time.
# "https://doi:10.…" and "https:// doi: 10.…": a resolver's scheme typed before the label
# "https://doi.org/doi:10.…" (the label typed into the link too) and APA PsycNet's
# "https://psycnet.apa.org/doi/10.…": the DOI's own address, not a page to keep as the URL
# "https:/doi.org/ 10.…": a slash lost and a space typed in the resolver's address
_DOI_PREFIX = re.compile(
    r"(?:(?:https?:/{1,2})?(?:(?:dx\.)?doi\.org/(?:doi:)?\s*|psycnet\.apa\.org/doi/)"
    r"|(?:https?://\s*)?\bdoi\s*:?\s*)$",
    re.I,
)
_DOI_LINE_BREAK = re.compile(r"(10\.\d{4,9}/)\s+(?=\S)")
_DOI_SPLIT_AT_DOT = re.compile(r"(10\.\d{4,9}/\S+\.)\s+(?=\d{3,}\.?$)")
_URL = re.compile(
    r"(?:(?:Retrieved|Available)(?:\s+[^,]{1,30},\s*\d{4},)?\s+(?:from|at|online)\s*:?\s*)?"
    # MLA 9 leaves out "https://": "www.example.org/page" (a host alone, "Available from
    # www.example.org", names a distributor and stays where it is)
    r"<?(?P<url>https?://[^\s<>]+|www\.[^\s<>/]+/[^\s<>]*)>?",
    re.I,
)
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_STATUS_WORDS = (
    r"\b(?:advance online publication|(?:epub|(?:published )?online) ahead of print"
    r"|online first(?: publication)?|(?:first )?published online(?: first)?|early view)\b"
    # "Published online March 3, 2016" / "… 3 March 2016" / "… 2016 Mar 3": the date goes too
    rf"(?:,?\s+(?:on\s+)?(?:{_MONTH_WORD}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH_WORD}\s+\d{{4}}"
    rf"|\d{{4}}\s+{_MONTH_WORD}(?:\s+\d{{1,2}})?))?"
)
# In brackets of its own, or bare (then the year's parenthesis, "(2020, online first)", stays)
_YEAR_WORD = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_STATUS_ONLINE = re.compile(
    rf"[.,]?\s*(?:[(\[]\s*{_STATUS_WORDS}\s*[)\]]|{_STATUS_WORDS})\.?", re.I
)
_YEAR = re.compile(
    rf"\(\s*(?:(?:{_MONTH_WORD}\s+(?:\d{{1,2}},?\s+)?)?(?P<year>\d{{4}})(?P<suffix>[a-z])?"
    r"(?:\s*[,/]\s*[^()]{1,30})?"
    r"|(?P<inpress>in\s+press|forthcoming|accepted(?:\s+for\s+publication)?|in\s+publicatie"
    r"|im\s+Druck|sous\s+presse|n\.\s?d\.|\?{2,4}|under\s+review|submitted(?:\s+for\s+publication)?"
    r"|(?:manuscript\s+)?in\s+preparation)"
    # "(in press/2021)", "(in press, 2021)": the year the chapter is expected in
    r"(?:\s*[,/]\s*(?P<pressyear>(?:1[89]|20)\d\d))?)"
    r"\s*\)\.?",
    re.I,
)
_NOT_YET_ACCEPTED = ("under review", "submitted", "in preparation")
_PAREN_YEAR = re.compile(
    rf"\(\s*(?:{_MONTH_WORD}\s+(?:\d{{1,2}},?\s+)?)?(?:1[89]|20)\d{{2}}[a-z]?\s*[,)/]"
    r"|\((?:in press|n\.\s?d\.|\?{2,4}|under review|submitted|in preparation)[^()]{0,20}\)",
    re.I,
)
_YEAR_BARE = re.compile(
    r"(?:^|(?<=[.),]))\s*(?P<year>(?:1[89]|20)\d{2})(?P<suffix>[a-z])?"
    # "…, S. 2019, 'Title', Journal" (the Harvard of Australian guides) quotes its title
    r"(?:\.\s|\s+(?=[A-Z])|,\s+(?=['\u2018]))"
)
# The year after the names with no punctuation before it: "Jederlund, Ulf 2012. Title."
_YEAR_AFTER_NAMES = re.compile(r"(?<=[^\W\d_])\s+(?P<year>(?:1[89]|20)\d{2})(?P<suffix>[a-z])?\.\s")
# (Cambridge's "cited by" lists: "O’Donoghue, Brian Roche, Eric and Lane, Abbie 2016. Title.")
_NAME_WORDS = rf"[{_UP}](?:[^\W\d_]|['\u2019])+(?:[ -][{_UP}](?:[^\W\d_]|['\u2019])+)?"
_NAMES_ONLY = re.compile(rf"{_NAME_WORDS}(?:(?:,\s*|\s+(?:and|&)\s+){_NAME_WORDS})+")
_AND = re.compile(r"\s(?:and|&)\s")
# Harvard as Australian nursing lists type it: NLM's names, the year bare after them, no stop
_NLM_NAME_WORDS = rf"[{_UP}][a-z'\u2019-]+(?:\s(?:Sr|Jr))?\s[{_UP}]{{1,3}}\.?"
_YEAR_AFTER_NLM_NAMES = re.compile(
    rf"^{_NLM_NAME_WORDS}(?:\s*(?:,|&|and)\s*{_NLM_NAME_WORDS})*"
    r"\s+(?P<year>(?:1[89]|20)\d{2})(?P<suffix>[a-z])?\s+(?=[A-Z])"
)
_EDITOR_ROLE_AFTER_YEAR = re.compile(r"\s*\((?P<role>Eds?)\.?\)\.?\s*", re.I)
# The role in the languages editors' books come in too: "(a cura di)", "(Hrsg.)", "(Hg.)",
# "(éds.)", "(dir.)", "(coord.)", "(orgs.)", "(red.)" (Scandinavian, Polish), "(szerk.)"
# (Hungarian), "(toim.)" (Finnish), "(comp.)" (Spanish)
_EDITOR_ROLE = re.compile(
    r"\s*\((?P<role>Eds?|a cura di|Hrsg|Hgg?|[ée]ds?|dir|coords?|orgs?|red|szerk|toim|comps?)\.?"
    r"(?:\s*(?:&|and)\s*Trans\.?)?\)\.?\s*$",
    re.I,
)
_INITIALS = re.compile(rf"^(?:[{_UP}]\.?(?:\s*{_DASH}\s*|\s*)?)+$")
_GIVEN_WORD = re.compile(rf"^[{_UP}][a-z\u00df-\u00ff\u0100-\u017f'\u2019{DASHES}]*\.?$")
_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV)\.?$")
# "et al." and the Scandinavian "m.fl." ("med flera", "and others")
_ETAL = re.compile(r",?\s*(?:\bet\.?\s+al\.?|(?<=[\s.,])(?-i:m\.\s?fl\.?|mfl\.)(?!\w)),?", re.I)
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|\u2026")
_BOUNDARY = re.compile(rf"(?:[{_QUOTE_CLOSE}]?[.?!][{_QUOTE_CLOSE}]?|[{_QUOTE_CLOSE}])\s+")
# "Title,” Journal": Chicago closes the quotation after the comma; no space goes between them
_NO_SPACE_AFTER_COMMA = re.compile(r",(?=[^\s\d\u201d\u2019])")
# and after a year that ends a title: "… in the United States, 1999–2018.NCHS Data Brief"
_NO_SPACE_AFTER_STOP = re.compile(
    r"(?:(?<=[a-z\u00df-\u00ff)\]?\"\u201d])|(?<=\b(?:1[89]|20)\d\d))\.(?=[A-Z\u00c0-\u00de])"
)
# "Who Moved It?New York: Press": a question mark that lost its space before a capital word
_NO_SPACE_AFTER_QUESTION = re.compile(r"(?<=[a-z\u00df-\u00ff])([?!])(?=[A-Z\u00c0-\u00de][a-z])")
# "Lyttkens L.Randomized", "Huibers MJ.How", "2022.When": a full stop that lost its space
_NO_SPACE_AFTER_INITIAL = re.compile(
    rf"(\b[{_UP}]{{1,3}}|(?<!\d)(?:1[89]|20)\d\d)\.(?=[{_UP}][a-z\u00df-\u00ff]{{2,}})"
)
# "American Psychologist50, 965-974": the space between a journal and its volume was lost;
# Wikipedia's citations copied without their italics: "Schizophrenia Research102 (1–3): 31–52",
# "Acta Psychiatrica Scandinavica Supplement113 (429): 9–16". Only before a locator, so that a
# word that ends in digits elsewhere ("COVID19", a DOI's "j.psychres.2020") is left alone.
_GLUED_VOLUME = re.compile(
    rf"(?:[a-z]{{4}}|\b[A-Z][a-z]{{2,3}})(?=\d{{1,4}}(?:(?:\s*\(\d{{1,3}}\))?,\s*\d|\s?\(\d{{1,4}}(?:{_DASH}\d{{1,4}})?\)\s?:))"
)
# NLM's special issue or supplement between the volume and the colon, with no parentheses:
# "Hum Mol Genet 12 Spec No 2: R125-33", "2003;12 Suppl 1:S1-5" → "12(Spec No 2):", the
# layout the locators are read in
_SPECIAL_ISSUE = re.compile(
    r"(?<=[\s;,])(?P<volume>\d{1,4})\s+(?P<issue>(?:Spec(?:ial)?\s+(?:No|Iss)|Suppl)\.?(?:\s*\d{1,3})?)\s*:"
)
_INITIALS_SPACING = re.compile(rf"(?<=\b[{_UP}])\.(?=[{_UP}])")
_JOURNAL_TAIL = re.compile(
    rf""",\s*(?:[Vv]ol(?:ume)?\.?\s*)?(?P<volume>\d+[A-Za-z]?(?:\s*{_DASH}\s*\d+)?)?
    \s*(?:,?\s*\(\s*(?:No\.\s*)?(?P<issue>[^()]{{1,24}}?)\s*\))?
    \s*(?:,?\s*(?:(?:Article|Art\.(?:\s*No\.?)?:?)\s*(?P<number>[\w.{DASHES}]+)
      |(?:pp?\.\s*)?(?P<page>[A-Za-z]{{0,2}}\d+[A-Za-z]?(?:\s*{_DASH}\s*[A-Za-z]{{0,2}}\d+[A-Za-z]?|\+)?)))?
    [\s.,;]*$""",
    re.X,
)
_IN_BOOK = re.compile(
    # Cite Them Right's Harvard: "'Chapter', in Surname, I. (ed.) Book": after a quoted title
    rf"(?:^|(?<=[.?!{_QUOTE_CLOSE}]))\s+In:?\s+(?=\S)|(?<=[{_QUOTE_CLOSE}]),\s+in\s+(?=[{_UP}])"
    # Swedish, Danish and Norwegian lists: "I Fine, A. H. (red.), Handbook": only before a role
    rf"|(?<=\.)\s+I\s+(?=[{_UP}][\w'\u2019-]+,\s*[{_UP}]\.[^()]{{0,60}}?\s\((?:red|eds?|Hrsg)\.?\))"
)
_BOOK_PAREN = re.compile(  # "(2nd ed.)", and "[3rd Edition]" or "[3rd Edition)" as typed
    # "(7thEd.)": the space after the ordinal left out
    r"\s*[(\[](?P<inner>[^()\[\]]*(?:(?:\b|(?<=\d[a-z]{2}))ed(?:ition|n)?\b\.?|pp?\.|Vol\.)"
    r"[^()\[\]]*)[)\]]\s*$",
    re.I,
)
# Editions written out as words ("(Second ed.)", "Fourth edition"): their number
_ORDINAL_WORDS = {
    "first": "1",
    "second": "2",
    "third": "3",
    "fourth": "4",
    "fifth": "5",
    "sixth": "6",
    "seventh": "7",
    "eighth": "8",
    "ninth": "9",
    "tenth": "10",
}
_EDITION = re.compile(
    r"(?P<ed>\d+)\s*(?:st|nd|rd|th)\s*ed(?:ition|n)?\b\.?|(?P<rev>Rev(?:ised)?\.?)\s+ed\.?"
    rf"|\b(?P<word>{'|'.join(_ORDINAL_WORDS)})\s+ed(?:ition|n)?\b\.?",
    re.I,
)
_PAGES = re.compile(
    rf"pp?\.\s*(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:\s*{_DASH}\s*[A-Za-z]?\d+[A-Za-z]?)?)"
)
_VOLUME = re.compile(r"Vol(?:s)?\.\s*(?P<vol>[\w\u2013-]+)", re.I)
_PLACE = re.compile(r"^(?P<place>[^:]{2,60}?):\s*(?P<publisher>\S.*)$")
_TRAILING_NOTE = re.compile(r"\s*\[[^\[\]]{1,200}\]\s*$")
_BRACKETED = re.compile(r"\s*\[[^\]]{1,80}\]")
_ONLY_PUNCT = re.compile(rf"^[\s.,;:{DASHES}]*$")


@dataclass(slots=True)
class ParsedReference:
    """One reference: CSL-JSON variables, the raw text, a confidence per field, the leftovers."""

    raw: str
    type: str = "article-journal"
    author: list[dict[str, str]] = field(default_factory=list)
    editor: list[dict[str, str]] = field(default_factory=list)
    issued: dict[str, Any] | None = None
    title: str = ""
    container_title: str = ""
    volume: str = ""
    issue: str = ""
    page: str = ""
    number: str = ""
    edition: str = ""
    publisher: str = ""
    publisher_place: str = ""
    DOI: str = ""
    URL: str = ""
    status: str = ""
    # How the reference was written ("apa", "harvard", "vancouver", "chicago", "mla"); not CSL.
    style: str = ""
    confidence: dict[str, float] = field(default_factory=dict)
    unparsed: list[str] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        if not self.issued:
            return None
        return self.issued["date-parts"][0][0]

    def to_csl(self) -> dict[str, Any]:
        """CSL-JSON for this reference (empty variables left out)."""
        csl: dict[str, Any] = {"type": self.type}
        for key, value in (
            ("author", self.author),
            ("editor", self.editor),
            ("issued", self.issued),
            ("title", self.title),
            ("container-title", self.container_title),
            ("volume", self.volume),
            ("issue", self.issue),
            ("page", self.page),
            ("number", self.number),
            ("edition", self.edition),
            ("publisher", self.publisher),
            ("publisher-place", self.publisher_place),
            ("DOI", self.DOI),
            ("URL", self.URL),
            ("status", self.status),
        ):
            if value:
                csl[key] = [dict(n) for n in value] if isinstance(value, list) else value
        return csl


def normalise_doi(text: str) -> str:
    """The bare DOI (``10.x/y``) in ``text`` whatever its form, or ``""``."""
    match = _DOI.search(text or "")
    return _clean_doi(match.group("doi")) if match else ""


def split_references(text: str) -> list[str]:
    """Split text holding one or several pasted references into one string per reference.

    A new reference starts where an author list ("Surname, I. I., & Surname, I.") is directly
    followed by a year in parentheses, after the previous reference has its own year; blank
    lines always separate. Line breaks inside a reference are kept for the parser to join.
    """
    try:
        return _split_references(text or "")
    except Exception:  # never raise on editor input; one piece keeps everything
        stripped = (text or "").strip()
        return [stripped] if stripped else []


def parse_references(text: str) -> list[ParsedReference]:
    """Parse every reference found in ``text`` (see :func:`split_references`)."""
    return [parse_reference(piece) for piece in split_references(text)]


def parse_reference(text: str, *, learned: bool = True) -> ParsedReference:
    """Parse one reference. Never raises: on a failure everything lands in ``unparsed``.

    ``learned``: the learned labeller checks the rules' fields and completes them where the
    rules are weak (``labeller.combine``); off, the rules alone.
    """
    raw = text if isinstance(text, str) else ""
    try:
        ref = _parse(raw)
    except Exception:  # a parser bug must not cost the editor their text
        ref = ParsedReference(raw=raw)
        cleaned = _normalise(raw)
        if cleaned:
            ref.unparsed.append(cleaned)
        return ref
    if learned:
        from .labeller import combine  # imported here: the labeller builds on this module

        ref = combine(ref)
    return finish(ref)


def finish(ref: ParsedReference) -> ParsedReference:
    """The checks made on whichever reading stands, the rules' or the labeller's: markup read
    past, the title's quotes as the string has them, the kind of work and a magazine's name
    out of the publisher."""
    _tidy(ref)
    ref.title = _balance_quotes(ref.title, ref.raw)
    _translator_aside(ref)
    _edition_out_of_title(ref)
    _group_before_colon(ref)
    _genre_aside(ref)
    _periodical(ref)
    if "resent" in ref.raw:
        _presentation(ref)
    _restore_lost_dash(ref)
    return ref


def _restore_lost_dash(ref: ParsedReference) -> None:
    """ "39(12), 19671978": a page range whose dash a PDF's or a page's conversion lost. Both
    halves must read as pages a few apart; an article number ("110211") is far apart or
    is in the DOI."""
    value = ref.page or ref.number
    if not (ref.volume and value.isdigit() and len(value) in (6, 8)):
        return
    half = len(value) // 2
    first, last = int(value[:half]), int(value[half:])
    if value[half] == "0" or not 0 < last - first <= 40 or value in (ref.DOI or ""):
        return
    ref.page, ref.number = f"{value[:half]}\u2013{value[half:]}", ""
    ref.confidence.pop("number", None)
    ref.confidence["page"] = 0.6  # a guess: below the admin's 0.8, the editor checks it


# AMA's and APA's talks: "Poster presented at: Annual Meeting of the Society; November 2-5,
# 1989; Washington, DC." The meeting publishes nothing and its days are no issue.
_PRESENTED = re.compile(r"\b(?:[Pp]resented\s+at|[Pp]resentation\s+at|[Pp]oster\s+session)\b")
_MEETING = re.compile(
    r"\b(?:Meeting|Conference|Congress|Convention|Symposium|Colloquium|Workshop|Summit)\b", re.I
)
_MEETING_DAYS = re.compile(
    rf"\b{_MONTH_WORD}\s+(?P<days>\d{{1,2}}\s*{_DASH}\s*\d{{1,2}}),?\s+\d{{4}}"
)


def _presentation(ref: ParsedReference) -> None:
    """A talk or poster given at a meeting, not published in a journal: the meeting is set
    aside rather than read as its publisher, and the days of its date as an issue."""
    if ref.container_title or not _PRESENTED.search(ref.raw):
        return
    if ref.publisher and _MEETING.search(ref.publisher):
        ref.unparsed = [*ref.unparsed, ref.publisher]
        ref.publisher = ""
        ref.confidence.pop("publisher", None)
    days = _MEETING_DAYS.search(ref.raw)
    if days and ref.issue and _dash(ref.issue) == _dash(days.group("days")):
        ref.issue = ""
        ref.confidence.pop("issue", None)


def _periodical(ref: ParsedReference) -> None:
    """ "Author. (2014, February 11). Title. Newsweek.": a dated article's one sentence after
    its title is the magazine or newspaper it appeared in, not a book's publisher."""
    if (
        ref.type == "book"
        and ref.publisher
        and not (ref.container_title or ref.publisher_place or ref.editor or ref.edition)
        and _DAY_DATE.search(ref.raw)
        and not _PUBLISHER_WORDS.search(ref.publisher)
    ):
        ref.container_title, ref.publisher = ref.publisher, ""
        ref.confidence["container-title"] = ref.confidence.pop("publisher", 0.75)
        ref.type = "article-magazine"


# Markup a page or a file wrapped around a field: LaTeX's "\emph{Journal}", Markdown's
# "**Eur Psychiatry**" or "*Journal*"; a chapter's "In:" or "Eds.," left before its book
_LATEX = re.compile(r"\\(?:emph|textit|textbf|bold|it|bf)\{([^{}]*)\}")
_WRAPPED = re.compile(r"^(\*{1,3}|_{1,2})(?=\S)(.+?)(?<=\S)\1$")
_LEFT_BEFORE_BOOK = re.compile(r"^(?:In:?\s+|Eds?\.,?\s+)(?=[A-Z])")


def _tidy(ref: ParsedReference) -> None:
    for name in ("title", "container_title", "publisher"):
        value = getattr(ref, name)
        if not value:
            continue
        tidy = _LATEX.sub(r"\1", value) if "\\" in value else value
        wrapped = _WRAPPED.match(tidy)
        if wrapped and not wrapped.group(2).count(wrapped.group(1)):
            tidy = wrapped.group(2)
        elif tidy[:1] in "*_" or tidy[-1:] in "*_":
            tidy = tidy.strip("*_ ")  # "_Current Directions…, 29_(3)": the emphasis cut in two
        if name == "container_title":
            unwrapped = tidy != value  # the markup hid an abbreviation ("**Eur Psychiatry**")
            tidy = _LEFT_BEFORE_BOOK.sub("", tidy)
            if unwrapped:
                tidy = expand_journal(tidy.strip())[0]
        if tidy != value:
            setattr(ref, name, tidy.strip())
    for name in ("volume", "issue", "page"):  # "29_(3)": Markdown's emphasis closed after it
        value = getattr(ref, name)  # "_8_(1)", "__63__(4)": or around it
        if value and (value[-1:] in "*_" or value[:1] in "*_"):
            setattr(ref, name, value.strip("*_"))


_EDITION_ENDS_TITLE = re.compile(
    rf"[\s,]+(?P<ed>\d+)(?:st|nd|rd|th)\s+ed(?:n|ition)?\.?(?:\s+\d+\s*{_DASH}\s*\d+)?$"
)


def _edition_out_of_title(ref: ParsedReference) -> None:
    """ "Textbook of Psychiatry 7th edn 2031–2040" (Nature's book, no full stops): the edition
    and the chapter's pages read as fields of their own are no part of the title."""
    tail = _EDITION_ENDS_TITLE.search(ref.title) if ref.edition else None
    if tail and tail.start() > 0 and tail.group("ed") == ref.edition:
        ref.title = ref.title[: tail.start()]


# The words that end a group's name where a person's would stand
_GROUP_WORDS = (
    r"(?:Academy|Association|Institute|Organi[sz]ation|Society|Foundation|Agency|Department|"
    r"Ministry|Committee|Commission|Council|College)"
)
_GROUP_THEN_COLON = re.compile(
    rf"^(?P<group>[{_UP}][^:.;]{{2,120}}?\b(?:{_GROUP_WORDS}|[Gg]roup)"
    r"\b[^:.;]{0,80}?):\s+(?P<title>[A-Z\d].{3,})$"
)


def _group_before_colon(ref: ParsedReference) -> None:
    """ "Working group of the Irish Association of Palliative Care: Guidelines …" (Vancouver
    as older lists typed it): a group's name and a colon open the title of a reference that
    has no author; the group is its author."""
    if ref.author or ref.editor or ":" not in ref.title:
        return
    group = _GROUP_THEN_COLON.match(ref.title)
    if group and len(group.group("group").split()) >= 3:
        ref.author = [{"literal": group.group("group").strip()}]
        ref.confidence["author"] = min(ref.confidence.get("title", 0.6), 0.6)
        ref.title = group.group("title")


def _translator_aside(ref: ParsedReference) -> None:
    """ "I and Thou (transl. W. Kaufmann, 1970)": who translated a book is no part of its title."""
    translator = _TRANSLATOR_PAREN.search(ref.title) if ref.title.endswith(")") else None
    if translator and translator.start() > 0 and translator.end() == len(ref.title):
        ref.unparsed.append(translator.group(0).strip())
        ref.title = ref.title[: translator.start()].rstrip(" .,")


# "Masters Thesis, Whitman College", "Doctorate of Philosophy, Northcentral University": what
# kind of work it is, not its container or its publisher
_GENRE = re.compile(
    r"^(?:Unpublished\s+)?(?:(?:Master|Doctor|Bachelor|Honou?r)\S*|Ph\.?\s?D\.?|M\.?A\.?|M\.?Sc?\.?)"
    r"\s*(?:thesis|dissertation|project|of\s+Philosophy)\b[\s,.;:]*",
    re.I,
)


def _genre_aside(ref: ParsedReference) -> None:
    genre = _GENRE.match(ref.container_title) if ref.container_title else None
    if genre and genre.end() == len(ref.container_title):
        ref.unparsed.append(ref.container_title)
        ref.container_title = ""
        ref.confidence.pop("container-title", None)
    if (
        ref.publisher
        and (genre := _GENRE.match(ref.publisher))
        and genre.end() < len(ref.publisher)
    ):
        ref.unparsed.append(ref.publisher[: genre.end()].strip(" ,.;:"))
        ref.publisher = ref.publisher[genre.end() :]


_OPENING = {"\u201d": "\u201c", "\u2019": "\u2018", '"': '"'}


_CURLY_PAIR = re.compile(r"\u201c([^\u201c\u201d]{1,400})\u201d")


def _as_guillemets(match: re.Match[str], raw: str) -> str:
    quoted = re.search(rf"\u00ab\s*{re.escape(match[1])}\s*\u00bb", raw)
    return f"\u00ab{match[1]}\u00bb" if quoted else match[0]


def _balance_quotes(title: str, raw: str) -> str:
    """A title's quotes as the string has them: the opening quote its first word lost
    ("\u201cFor them\u201d: a study"), the closing one a full stop inside it took ("Promoting the
    \u201cDesignated Driver.\u201d"), none around a whole title quoted the wrong way round."""
    if "\u00ab" in raw and "\u201c" in title:
        # ``_normalise`` read «…» as curly quotes: the title keeps the string's guillemets
        title = _CURLY_PAIR.sub(lambda m: _as_guillemets(m, raw), title)
    if title[:1] == "\u00ab" and title[-1:] == "\u00bb" and title.count("\u00ab") == 1:
        # Wikipedia in French, Spanish, Greek…: "«Title». Journal" quotes the whole title
        return title[1:-1].strip()
    if len(title) < 3 or not any(q in title for q in '\u201c\u201d\u2018\u2019"'):
        return title
    first, last = title[0], title[-1]
    if (
        first in '\u201c\u201d"'
        and last in '\u201c\u201d"'
        and sum(map(title.count, '\u201c\u201d"')) == 2
    ):
        # '\u201dAssessing the effects\u201d': a whole title typed between two closing quotes
        return title[1:-1].strip()
    found = re.search(r"\s+".join(map(re.escape, title.split())), raw)
    if not found:
        return title
    at, end = found.span()
    if title.count('"') % 2:  # straight quotes: the one the title lacks is after it or before
        after = raw[end : end + 2]
        if re.match(r'[.,?!]?"', after):
            return title + '"'
        if raw[at - 1 : at] == '"':
            return '"' + title
    for closing, opening in _OPENING.items():
        if opening == closing:
            continue
        if title.count(closing) > title.count(opening) and raw[at - 1 : at] == opening:
            if closing == "\u2019" and not re.match(r"[^\u2019]*\u2019(?!\w)", title):
                continue  # an apostrophe ("the patient\u2019s"), not a quote's end
            title = opening + title
        elif title.count(opening) > title.count(closing):
            after = raw[end : end + 2]
            if closing in after and re.match(rf"[.,?!]?{closing}", after):
                title += closing
    return title


# --- splitting -----------------------------------------------------------------------------

_PARTICLES = "van|von|der|den|de|del|della|di|da|du|le|la|ten|ter|dos|das"
_PARTICLE_WORDS = frozenset(_PARTICLES.split("|"))
_AUTHOR_WORD = rf"(?:[{_UP}][^\s,()&.]*|(?:{_PARTICLES}|d'|O'))"
_ONE_AUTHOR = (
    rf"{_AUTHOR_WORD}(?:[ ]{_AUTHOR_WORD}){{0,3}}\s*,\s*"
    rf"(?:[{_UP}]\.(?:\s?{_DASH}?\s?[{_UP}]\.)*|[{_UP}][a-z]+(?:\s[{_UP}]\.)?)"
    rf"(?:\s*,\s*(?:Jr\.|Sr\.|II|III|IV))?"
)
_AUTHOR_BLOCK = re.compile(
    rf"(?:{_ONE_AUTHOR})(?:\s*(?:,\s*(?:&\s*|and\s+)?|&\s*|and\s+|,?\s*(?:\.\s?\.\s?\.|\u2026)\s*)"
    rf"(?:{_ONE_AUTHOR}))*(?:,?\s*et\s+al\.)?\s*(?:\(Eds?\.\)\.?)?\s*"
)
_GROUP_AUTHOR = re.compile(rf"[{_UP}][^\d()]{{2,120}}\.\s*")
_LIST_MARKER = r"(?:[\u2022\u00b7*\u2013\u2014-]|\(?\d{1,3}[.)\]]|\[\d{1,3}\])"
_LEADING_MARKER = re.compile(rf"^\s*{_LIST_MARKER}\s+(?=\S)")
_CANDIDATE_START = re.compile(
    rf"(?:^[ \t]*|(?<=\n)[ \t]*|(?<=[.\w/)])[ \t]+)(?P<marker>{_LIST_MARKER}[ \t]+)?(?=[{_UP}a-z])"
)


def _split_references(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pieces: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        pieces.extend(_split_block(block))
    return [p for p in (piece.strip() for piece in pieces) if p]


def _split_block(block: str) -> list[str]:
    years = list(_YEAR.finditer(block))
    if len(years) < 2:
        return [block]
    # (where the piece is cut, where its author list begins): a list marker goes with its item
    starts = [
        (m.start("marker") if m.group("marker") else m.end(), m.end())
        for m in _CANDIDATE_START.finditer(block)
    ]
    cuts: list[int] = []
    previous_year_end = years[0].end()
    for year in years[1:]:
        if year.start() < previous_year_end:
            continue
        cut = _reference_start(block, starts, previous_year_end, year.start())
        if cut is not None:
            cuts.append(cut)
            previous_year_end = year.end()
    if not cuts:
        return [block]
    bounds = [0, *cuts, len(block)]
    return [block[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _reference_start(
    block: str, starts: list[tuple[int, int]], after: int, year_at: int
) -> int | None:
    """Earliest candidate start between two years whose text up to the year is an author list."""
    for cut, start in starts:
        if cut <= after or start >= year_at:
            continue
        head = block[start:year_at]
        if len(head) > 2000:
            continue
        flat = _WS.sub(" ", head)
        if _AUTHOR_BLOCK.fullmatch(flat):
            return cut
        # A group author ("APA Presidential Task Force….") only where a reference just ended.
        if (
            len(flat.split()) <= 14
            and _GROUP_AUTHOR.fullmatch(flat)
            and _ends_reference(block[:cut])
        ):
            return cut
    return None


def _ends_reference(text: str) -> bool:
    tail = text.rstrip()
    return bool(tail) and (bool(re.search(r"\d\.$|\)\.$", tail)) or bool(_DOI.search(tail[-120:])))


# --- parsing -------------------------------------------------------------------------------


# "Reference: …", "Citation: …": the label a page puts before the reference is not part of it
_LABEL = re.compile(r"^\s*(?:Full\s+)?(?:References?|Citation|Cited article|Source)\s*:\s*", re.I)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    # A blank line between a title and its citation (PubMed's page) ends a sentence, unless
    # the sentence plainly goes on: a lower-case word next, or a small word before it.
    if "\n" in text:
        text = _BLANK_LINE.sub(_blank_line, text)
    text = text.replace("''", "")  # wiki markup for italics
    text = _unbold_names(text)
    text = re.sub(r"^\s*\*(?=\S)", "", text)  # "*" marks studies in a meta-analysis
    if "*" in text:  # "*Journal of Example*": a page's Markdown italics copied as typed
        text = _MARKDOWN_ITALIC.sub(r"\1", text)
    if text.endswith("]"):  # "…104292[5]": the page's footnote mark glued to the end
        text = _FOOTNOTE_MARK.sub("", text)
    if "n in " in text:  # "In in P. Gilbert (Ed.)": the word typed twice
        text = _DOUBLED_IN.sub(r"\1", text)
    text = text.replace("\u00a0", " ").replace("\u00ad", "").replace("\u200b", "")
    if "\u00ab" in text:  # «Title»: the quotes of a French, Greek or Russian page's citation
        text = _GUILLEMETS.sub(_curly_quotes, text)
    text = _unglue_numbers(text)
    if "&" in text and ";" in text:
        text = html.unescape(text)  # "&amp;" copied from a page's source
    text = _LABEL.sub("", text, count=1)
    if "\n" in text:
        text = _HYPHEN_BREAK.sub(lambda m: _mend_line_break(m, text), text)
    text = _DOI_LINE_BREAK.sub(r"\1", text)
    text = _WS.sub(" ", text).strip()
    if "- " in text:
        text = _SPACED_HYPHEN.sub(lambda m: _mend_spaced_hyphen(m, text), text)
    if text[-1:].isdigit() or text[-2:-1].isdigit():  # "doi:10.1002/johc. 12005.": a slip
        text = _DOI_SPLIT_AT_DOT.sub(r"\1", text)
    if text[:1] == '"' and text.count('"') % 2:
        text = text[1:]  # a stray quotation mark copied with the reference, never closed
    return _LEADING_MARKER.sub("", text, count=1)


_GUILLEMETS = re.compile(r"\u00ab\s*([^\u00ab\u00bb]{2,400}?)\s*\u00bb")


def _curly_quotes(match: re.Match[str]) -> str:
    return f"\u201c{match[1]}\u201d"


# "Current Opinion in Psychiatry20 (2): 111–115", "Hum. Mol. Genet.12 Spec No 2: R125–33": a
# wiki's citation template joins the journal's name and its volume; "PMID17278906" and
# "ISBN0-444-…" their labels and numbers
_GLUED_NUMBER_AT = re.compile(r"(?:[a-z]{3}|[a-z]\.)\d|(?:PMID|ISBN|ISSN)\d")
_GLUED_NUMBER = re.compile(
    # a word of letters alone (no DOI's or address's dots and slashes in it) and its volume
    r"\b(?P<word>[A-Za-z]*[a-z]{3}|[A-Z][a-z]*\.)(?=\d{1,4}\s*\(\s*\d)"
    r"|\b(?P<short>[A-Z][a-z]*\.)(?=\d{1,4}(?:\s*:|\s+[A-Z]))"
    r"|\b(?P<label>PMID|ISBN|ISSN)(?=\d)"
)


def _unbold_names(text: str) -> str:
    """ "**Lin, H.**", "<strong>Beck, E. D.</strong>": the name without the bold marks."""
    if "**" in text or "<" in text:
        return _BOLD_NAME.sub(lambda m: m["name"] or m["name2"], text)
    return text


def _read_as_typed(text: str) -> str:
    """``text`` as both readers read it: bold marks round names gone, glued numbers spaced."""
    return _unglue_numbers(_unbold_names(text))


def _unglue_numbers(text: str) -> str:
    """``text`` with a space put back between a journal's name and its volume, and between an
    identifier's label and its number: the rules and the labeller read them apart."""
    return _GLUED_NUMBER.sub(r"\g<0> ", text) if _GLUED_NUMBER_AT.search(text) else text


# A lab's list of its papers marks its own people in bold: the name stays, the marks go
_NAME_IN_BOLD = (
    rf"[{_UP}][\w'\u2019-]+(?:,\s*(?:[{_UP}]\.\s?-?)+|\s+[{_UP}]{{1,3}})?"
    rf"|(?:[{_UP}]\.?\s?){{1,3}}\s[{_UP}][\w'\u2019-]+"
)
_BOLD_NAME = re.compile(
    rf"\*\*(?P<name>{_NAME_IN_BOLD})\*\*|<(?P<tag>strong|b)>(?P<name2>{_NAME_IN_BOLD})</(?P=tag)>"
)


_BLANK_LINE = re.compile(r"(?<=[\w)\]\u201d\"])[ \t]*\n[ \t]*\n\s*")
_MARKDOWN_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*])\*(?![\w*])")
_FOOTNOTE_MARK = re.compile(r"(?<=[\w.)])\[\d{1,2}\]$")
_DOUBLED_IN = re.compile(r"\b(In|in)\s+in\b(?=\s+[A-Z])")
_GOES_ON = re.compile(r"\b(?:of|in|on|and|or|the|a|an|for|to|with|from|by|at|as|&)$", re.I)


def _blank_line(match: re.Match[str]) -> str:
    text, end = match.string, match.end()
    if text[end : end + 1].islower() or _GOES_ON.search(text, 0, match.start()):
        return " "
    return ". "


def _mend_line_break(match: re.Match[str], text: str) -> str:
    """ "meta-\nanalysis" → "meta-analysis", "educa-\ntional" → "educational"."""
    before, dash, after = match.group("before", "dash", "after")
    joined, hyphenated = f"{before}{after}", f"{before}{dash}{after}"
    # The writer's own spelling elsewhere in the text decides first.
    if re.search(rf"\b{re.escape(joined)}\b", text, re.I):
        return joined
    if (
        not after
        or not after.islower()
        or not before.isalpha()
        or before.lower() in _COMPOUND_FIRST
        or after in _COMPOUND_SECOND
        or re.search(rf"\b{re.escape(hyphenated)}\b", text, re.I)
    ):
        return hyphenated
    return joined if _WORD_TAIL.match(after) or len(before) <= 3 else hyphenated


# A line break lost after a hyphen, in a PDF's text or an OCR'd page: "be- tween",
# "in- fections", "E- mergency Nurse". Unlike a kept line break, the space is also how some
# writers type a compound ("cognitive- behavioral", "self- and other-report"), so only a
# fragment too short to be a word of its own is joined to what follows.
_SPACED_HYPHEN = re.compile(r"(?<![\w-])(?P<before>[^\W\d_]{1,3})-[ ](?P<after>[a-z]+)\b")
# Short words that do begin compounds ("end- stage", "one- and two-year"), and the words
# that follow a suspended hyphen ("pre- and post-test", "Hyväksymis- ja").
_SHORT_COMPOUND_FIRST = frozenset(("end", "day", "age", "sex", "out", "old", "new", "war", "up"))
_SUSPENDED_NEXT = frozenset(("and", "or", "to", "vs", "versus", "ja", "und", "et", "y", "nor"))


def _mend_spaced_hyphen(match: re.Match[str], text: str) -> str:
    """ "be- tween" → "between"; "co- occurring", "end- stage", "pre- and" kept as typed."""
    before, after = match.group("before", "after")
    if (
        before.lower() in _COMPOUND_FIRST
        or before.lower() in _SHORT_COMPOUND_FIRST
        or after in _SUSPENDED_NEXT
    ):
        return match.group(0)
    return f"{before}{after}"


def _clean_doi(doi: str) -> str:
    if "](" in doi:  # "[10.1080&#47;x](https://doi.org/10.1080/x)": a Markdown link's text
        doi = doi.split("](", 1)[0]
    if "Cross" in doi or "Pub" in doi or "Google" in doi:
        doi = _GLUED_LINK_LABEL.sub("", doi)  # "10.1016/x.004.CrossRefPubMedGoogle Scholar"
    if "%" in doi:
        doi = urllib.parse.unquote(doi)  # "10.1016/S0272-7358%2800%29…" copied from a link
    doi = doi.rstrip(".,;:'\"\u201d\u2019]>")
    while doi.endswith(")") and doi.count("(") < doi.count(")"):
        doi = doi[:-1].rstrip(".,;:")
    return doi


# --- other citation styles -----------------------------------------------------------------
# NLM/Vancouver (PubMed's "Cite"), AMA, BMC and the Korean/Springer variants put the year
# after the journal: "J Consult Clin Psychol. 2012;80(4):547-559". Chicago and MLA quote the
# title. Each is parsed into the same fields as APA; ``ref.style`` says which was seen.

_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"(?:\s*[-–/]\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)?"
    r"|Winter|Spring|Summer|Fall|Autumn"
)
# "(2014, February 11)": a day's date, which a magazine's or a newspaper's article carries
_DAY_DATE = re.compile(rf"\((?:1[89]|20)\d\d[a-z]?,\s*(?:{_MONTH})\.?\s+\d{{1,2}}\)")
_LOCATOR = rf"[A-Za-z]{{0,2}}\d+[A-Za-z]?(?:\s*{_DASH}\s*[A-Za-z]{{0,2}}\d+[A-Za-z]?)?"
# "2012;80(4):547-559", "2012 Aug;80(4):547-59", "2006:57:285-315", "2016;73:565-574",
# "2006, 26: 17-31" (BMC), "2011 Mar." (PubMed's short form), "2012;4 246–254",
# "2004 Jul. 61(7):714-9." (Medscape's reference lists: a full stop and a space for the ";").
_NLM_CITATION = re.compile(
    rf"""(?P<year>(?:1[89]|20)\d{{2}})(?:\s+(?:{_MONTH})(?:\s+\d{{1,2}})?)?
    (?:\s*[;:]\s*(?P<volume>\d+[A-Za-z]?)?\s*(?:\((?P<issue>[^()]{{1,20}})\))?
       (?:\s*:\s*|\s+)(?P<page>{_LOCATOR})
     |\s*[;:]\s*(?P<volume_only>\d+[A-Za-z]?)\s*(?:\((?P<issue_only>[^()]{{1,20}})\))?(?=\s*[.,]?\s*$)
     |,\s*(?P<volume_cn>\d+[A-Za-z]?)\s*\((?P<issue_cn>[^()]{{1,20}})\),\s*(?P<page_cn>{_LOCATOR})
     |,\s*(?P<volume_bmc>\d+[A-Za-z]?)\s*(?:\((?P<issue_bmc>[^()]{{1,20}})\))?\s*:\s*(?P<page_bmc>{_LOCATOR})
     |\s*[;:]\s*(?P<page_only>\d+\s*{_DASH}\s*\d+)
     |\s*[;:]\s*(?P<volume_tf>\d+):(?P<issue_tf>\w{{1,4}}),\s*(?P<page_tf>{_LOCATOR})
     |\.?\s+(?P<volume_ms>\d+[A-Za-z]?)\s*\((?P<issue_ms>[^()]{{1,20}})\)\s*:\s*(?P<page_ms>{_LOCATOR})
     |,\s*Issue\s+(?P<issue_cd>\d+)\.?\s*Art\.?\s*No\.?:?\s*(?P<page_cd>[A-Z]*\d+)
     |(?=[\s.,;]*$)
    )[\s.,;]*$""",
    re.X,
)
_NLM_NAME = (
    r"(?:[A-Za-z\u00c0-\u017f'\u2019][\w'\u2019-]*\s+){1,3}"
    # "Okafor PB", and hand-typed "Okafor P. B." (the full stop after the last initial then
    # closes the list too)
    r"(?:[A-Z\u00c0-\u00de]\.(?:\s?[A-Z\u00c0-\u00de]\.){0,3}(?=[,\s])|[A-Z\u00c0-\u00de]{1,4})"
    # and a generational suffix, as Medline writes it too: "Reynolds CF 3rd"
    r"(?:\s+(?:Jr|Sr|II|III|IV|2nd|3rd|4th))?"
)
_NLM_ONE = rf"(?:{_NLM_NAME}|[A-Z][\w'\u2019-]+\s*,\s*[A-Z]{{1,4}}(?=\s*[,.:]))"
_NLM_AUTHORS = re.compile(
    rf"^(?P<authors>{_NLM_ONE}(?:\s*,\s*{_NLM_ONE})*(?:\s*,?\s*et\s+al\.?)?)"
    # AMA names the study group after the people: "…, et al; ECASS Investigators."
    rf"(?:\s*;\s*(?P<group>[{_UP}][^.;:]{{2,80}}))?(?:\s*[.:]|(?<=[{_UP}]\.))(?:\s+|$)"
)
_QUOTED = re.compile(r"[\u201c\"](?P<title>[^\u201c\u201d\"]{3,400}?)[,.]?[\u201d\"]")
_CHICAGO_TAIL = re.compile(
    rf"""^(?P<journal>.*?)[\s,]*(?P<volume>\d+[A-Za-z]?)?\s*(?:,\s*no\.\s*(?P<issue>[\w-]+))?
    \s*\((?:(?:{_MONTH})\s+)?(?P<year>\d{{4}})\)\s*(?::\s*(?P<page>{_LOCATOR}))?\s*\.?\s*$""",
    re.X,
)
_MLA_TAIL = re.compile(  # a journal with issues only has "no. 61" and no "vol."
    rf"""^(?P<journal>.*?)(?=,\s*(?:vol|no)\b)(?:,\s*vol\.\s*(?P<volume>\w+))?
    (?:,\s*no\.?\s*(?P<issue>[\w-]+))?,
    \s*\(?(?:(?:{_MONTH})\s+)?(?P<year>\d{{4}})\)?(?:,\s*pp?\.\s*(?P<page>{_LOCATOR}))?\s*[.,]?
    (?:\s*(?P<database>[A-Z][^.,]{{2,60}}),?)?\s*$""",
    re.X,
)
# "Business Week, May 6, 2002." — a magazine: its date, no volume; "Review, Spring 1987, 55-71."
_CHICAGO_MAGAZINE = re.compile(
    rf"^(?P<journal>[^,]{{2,80}}),\s*(?:{_MONTH})\s+(?:\d{{1,2}},\s*)?(?P<year>(?:1[89]|20)\d{{2}})"
    rf"(?P<volume>)(?P<issue>)(?:,\s*(?:pp?\.\s*)?(?P<page>{_LOCATOR}))?\s*\.?\s*$"
)
# MLA's container with its date in any of the ways it is written, and what follows the
# pages (a database, a link, "Print."): "Source [City], 5 May 2009. Database, host/path",
# "Magazine, vol. 35, no. 2, Mar.-Apr. 2002, pp. 6+.", "Paper 13 Feb. 2005, late ed.: A1.",
# "Monthly Jan.-Feb. 2005: 80-90.", "Journal, 2021. Database,", "Review, spring 2010, pp."
_MLA_DATED = re.compile(
    rf"""^(?P<journal>[^,.\d"\u201c\u201d\[\]]{{2,100}}?)(?P<city>\s*\[[^\[\]]{{1,40}}\])?
    (?:,\s*vol\.\s*(?P<volume>\w+))?(?:,\s*no\.?\s*(?P<issue>[\w-]+))?
    [,.]?\s+(?P<day>\d{{1,2}}\s+)?(?:(?i:{_MONTH})\s+)?(?:\d{{1,2}},\s*)?(?P<year>(?:1[89]|20)\d{{2}})
    (?:,\s*(?:late|early|final|national|city|home)\s+ed\.)?(?:,\s*sec\.\s*\w{{1,12}})?
    (?:\s*[,:]\s*(?:pp?\.\s*)?(?P<page>{_LOCATOR}\+?))?
    (?:\.\s*(?P<database>\S.*?))?[\s.,]*$""",
    re.X,
)
_BARE_LINK = re.compile(r"(?<![\w@./])(?:[a-z0-9-]+\.)+[a-z]{2,6}/\S*")
_MLA_AFTER_PAGES = re.compile(rf",\s*pp?\.\s*{_LOCATOR}\.\s+(?=\S)")
_MLA_SHORT_TAIL = re.compile(  # "Psychotherapy 50.1 (2013): 42-51. Print."
    rf"^(?P<journal>.*?)\s+(?P<volume>\d+)\.(?P<issue>\d+)\s*\((?P<year>\d{{4}})\)"
    rf"\s*:\s*(?P<page>{_LOCATOR})\s*\.?\s*(?:Print|Web)?\.?\s*$"
)


_NOISE = re.compile(
    r"[,.;]?\s*(?:ISSN|ISBN)(?:-1[03])?:?\s*[\dXx-]{8,17}\b"
    r"|[,.;]?\s*\b(?:PubMed\s+)?PMID:?\s*\d+"
    r"|[,.;]?\s*\(UMI No\.?\s*[\w-]+\)"
    r"|[,.;]?\s*Retrieved from [^.()]{3,80}? database\b"
    r"|[,.;]?\s*\bPMCID:?\s*PMC\d+"
    r"|[,.;]?\s*\bEpub\s+\d{4}(?:\s+[A-Z][a-z]{2})?(?:\s+\d{1,2})?\b"
    r"|[,.;]?\s*\[\s*Unpublished doctoral dissertation\s*\]"
    # Annual Reviews' notes on an article before its issue: "vol. 15 (publication date May
    # 2019). Review in Advance first posted online on December 14, 2018. (Changes may still
    # occur before final publication.)"
    rf"|\s*\(publication date\s+(?:{_MONTH_WORD}\s+)?\d{{4}}\)"
    rf"|[,.;]?\s*\bReview\s+in\s+Advance\s+first\s+posted\s+online\s+on\s+{_MONTH_WORD}\s+\d{{1,2}},?\s+\d{{4}}"
    r"|[,.;]?\s*\(Changes may still occur before final publication\.?\)"
    # a Taylor & Francis PDF's header copied with the citation: "0884-1233 print/1540-7349 online"
    r"|[,.;]?\s*\b\d{4}-\d{3}[\dX]\s+print\s*/\s*\d{4}-\d{3}[\dX]\s+online\b",
)


# "Accessed June 6, 2017." (AMA), "Retrieved 3 March 2019": when a page was read, not written
_ACCESSED = re.compile(
    # and in the languages of the pages they come from ("Ultimo accesso 13 Feb 2024")
    # "Last accessed March 21, 2023" as UK pages write it
    r"[.,]?\s*[(\[]?\b(?:(?:Last\s+)?Accessed|Retrieved|Cited|Last updated"
    r"|(?:Ultimo\s+)?accesso(?:\s+il)?"
    r"|consultato(?:\s+il)?|consulté\s+le|abgerufen(?:\s+am)?|Zugriff(?:\s+am)?):?\s+(?:on\s+)?"
    rf"(?:{_MONTH_WORD}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH_WORD}\s+\d{{4}}|\d{{4}}-\d\d-\d\d"
    rf"|\d{{4}}\s+{_MONTH_WORD}(?:\s+\d{{1,2}})?"
    rf"|{_MONTH_WORD}\s+\d{{4}})[)\]]?"  # "Accessed October 2014 from: <URL>"
    r"(?:,?\s+from\s*:?)?\.?",
    re.I,
)


# Cheap first looks: most references hold none of these words.
_NOISE_WORDS = re.compile(
    r"ISSN|ISBN|PMID|PMCID|Epub|Unpublished|UMI|database|print\s*/|in Advance|publication date"
)
_ACCESSED_WORDS = re.compile(r"Accessed|Retrieved|Cited|Last", re.I)
# and in other languages ("Ultimo accesso", "Consultato il", "Abgerufen am"): a plain look
_ACCESSED_ELSEWHERE = ("accesso", "onsult", "bgerufen", "Zugriff")


_ACCESS_NOTE = re.compile(
    r"\s*[(\[](?:open[- ]access|free(?: full[- ]text| access)?|full[- ]text|pdf|link|internet"
    r"|online|serial online|serial on the internet"
    # the links a reference list shows after each item (PMC, MDPI, Springer)
    r"|pubmed|pubmed central|google scholar|crossref|doi|pmc free article|ref list|web of science"
    r"|scopus|medline|cas|isi)"
    r"(?::\s*[\w.-]{1,20})?[)\]]\.?",  # "[PubMed: 9926102]", "[PMC free article: PMC1743672]"
    re.I,
)


_LINK_LABEL = (
    r"(?:CrossRef|Crossref|Google Scholar|PubMed(?: ?Central)?|Web of Science|Scopus|MEDLINE)"
)
# one after another, spaced or glued together as a page's link texts run ("CrossRefPubMed")
# and what else a page's list prints after a string: "First citation in article", "Read
# more.", "Abstract", "Full text", an empty "Retrieved from"; a citations page's "View" after
# the pages ("2021;8(1):e21819 View")
_LIST_LABEL = (
    rf"(?:{_LINK_LABEL}|First citation in article|Read more|Abstract|Full text"
    r"|Retrieved from:?)"
)
_LINK_LABELS = re.compile(
    rf"(?:\s+|(?<=[.\d])){_LIST_LABEL}(?:\s*{_LIST_LABEL})*\.?\s*$|(?<=\d)\s+View\s*$"
)


def link_labels_at_end(text: str) -> re.Match[str] | None:
    """The link texts a page's reference list prints after a string, if it ends in them."""
    return _LINK_LABELS.search(text)


_GLUED_LINK_LABEL = re.compile(rf"\.?{_LINK_LABEL[:-1]}|Google)+$")


# "… 35(8), 741-756 semanticscholar.org archive.org": where a list's links pointed, after the
# pages; with a path (MLA 9's link without "https://") it is the reference's URL instead
_HOST_LABELS = re.compile(r"(?<=\d)(?:\s+(?:[a-z0-9-]+\.)+(?:org|com|net|edu|gov|info)\b)+\.?\s*$")
_PRINT_MEDIUM = re.compile(r"(?<=[\w.)])\.\s+Print\.?\s*$")


def _strip_noise(ref: ParsedReference, text: str) -> str:
    """Identifiers a reader does not need in the fields (ISSN, ISBN, PMID, Epub dates)."""
    if _NOISE_WORDS.search(text):
        for match in list(_NOISE.finditer(text)):
            ref.unparsed.append(match.group(0).strip(" ,.;"))
        text = _NOISE.sub("", text)
    for access in list(_ACCESS_NOTE.finditer(text)) if "(" in text or "[" in text else ():
        # "(Open access)", "[PDF]", "[Internet]": how the writer reached it, not what it is
        ref.unparsed.append(access.group(0).strip(" .,"))
    if ref.unparsed and ("(" in text or "[" in text):
        # "Title [Internet]. Place": the full stop after the note still ends the title
        text = _ACCESS_NOTE.sub(_keep_stop, text)
    medium = _PRINT_MEDIUM.search(text) if "Print" in text else None
    if medium:  # MLA 7's medium, "… 2001. Print.": how it was published, not by whom
        ref.unparsed.append("Print")
        text = text[: medium.start() + 1]
    links = link_labels_at_end(text) or (
        _HOST_LABELS.search(text, max(0, len(text) - 80))
        if text[-3:-2] == "." or text[-4:-3] == "."
        else None
    )
    if links:  # "… 68:1–10. CrossRef Google Scholar" (Springer's reference list)
        ref.unparsed.append(links.group(0).strip())
        text = text[: links.start()]
    accessed = (
        _ACCESSED.search(text)
        if _ACCESSED_WORDS.search(text) or any(w in text for w in _ACCESSED_ELSEWHERE)
        else None
    )
    if accessed:  # its year is not the reference's
        start, end, note = accessed.start(), accessed.end(), accessed.group(0)
        if note.rstrip(" .:").endswith("from") and not _SENTENCE_ON.search(text, end):
            # APA 5: "Retrieved May 2, 2001, from database Example, AN 123, on the World
            # Wide Web: <URL>": where it was read, to the end of the reference
            end, note = len(text), text[start:]
        note = note.strip(" .,:")
        ref.unparsed.append(note)
        # "[cited 2020 Jan 5]" sits inside the citation; "Accessed June 6, 2017." ends one
        joint = " " if note[:1] in "([" and not accessed.group(0).endswith(".") else ". "
        text = f"{text[:start]}{joint}{text[end:]}"
    return text


_SENTENCE_ON = re.compile(rf"[.?!]\s+[{_UP}]")


def _keep_stop(match: re.Match[str]) -> str:
    return "." if match.group(0).endswith(".") and match.end() < len(match.string) else ""


_BARE_DOI_LABEL = re.compile(r"\b(?:doi|DOI)\s*:\s*(?=[.,;]?\s*$)")
_REPEATED_STOP = re.compile(r"([.,;:])(?:\s*\.)+(?=\s|$)")


def _collapse_punctuation(text: str) -> str:
    """ "17-31. ." (left by a removed DOI) → "17-31." ; "doi:" left without its DOI goes."""
    if "doi" in text or "DOI" in text:
        text = _BARE_DOI_LABEL.sub("", text)
    text = _REPEATED_STOP.sub(r"\1", text)
    return _WS.sub(" ", text).strip()


def _initials(letters: str) -> str:
    return " ".join(f"{c}." for c in letters)


def _nlm_names(text: str) -> list[dict[str, str]]:
    """ "Swift JK, Greenberg RP, et al" → names; "Cook, RS" (a stray comma) is mended."""
    names: list[dict[str, str]] = []
    for token in _split_run_on([t.strip() for t in re.split(r"\s*[,;]\s*", _ETAL.sub("", text))]):
        if not token:
            continue
        if "." in token:  # "Okafor P. B." typed by hand: the initials without their stops
            token = re.sub(rf"(?<=\s)([{_UP}])\.\s?(?=[{_UP}]\.|$)", r"\1", token).rstrip(".")
            token = re.sub(rf"(?<=[{_UP}])\.$", "", token)
        match = re.match(
            rf"^(?P<family>.+?)\s+(?P<init>[{_UP}]{{1,4}}|[{_UP}](?:\s[{_UP}]){{1,3}})"
            r"(?:\s+(?P<sfx>Jr|Sr|II|III|IV|2nd|3rd|4th))?$",
            token,
        )
        if match:  # "Swift JK" and "Swift J K"
            name = _name(match.group("family"), _initials(match.group("init").replace(" ", "")))
            if match.group("sfx"):
                name["suffix"] = match.group("sfx")
            names.append(name)
        elif re.fullmatch(rf"[{_UP}]{{1,4}}", token) and names and "given" not in names[-1]:
            names[-1]["given"] = _initials(token)
        else:
            names.append({"family": token})
    return names


def _set_container(ref: ParsedReference, container: str, confidence: float) -> None:
    container = container.strip(" .,;:")
    if not container:
        return
    run_on = _JOURNAL_AND_VOLUME.fullmatch(container) if container[-1].isdigit() else None
    if run_on and not ref.volume and not is_known_journal(container):
        # "Journal of Clinic Notes 3": the volume with no pages after it, no comma before it
        container, ref.volume = run_on.group("journal"), run_on.group("volume")
        ref.confidence["volume"] = confidence
    full, expanded = expand_journal(container)
    ref.container_title = full
    # An expanded abbreviation is right when the table is; say so with a little less certainty.
    ref.confidence["container-title"] = confidence - 0.1 if expanded else confidence


def _split_title_container(text: str) -> tuple[str, str]:
    """The title and the journal in "Title. J. Abbrev. Name" (abbreviated words stay joined)."""
    text = text.strip().rstrip(".").strip()
    # A journal of the table is recognised whole, abbreviated words and all.
    for boundary in _BOUNDARY.finditer(text):
        candidate = text[boundary.end() :]
        if candidate[:1].isupper() and is_known_journal(candidate):
            return text[: boundary.end()].strip(), candidate
    title, container = _split_last_sentence(text)
    if container is None:
        return text, ""
    # "Title. J. Clin. Psychol": walk back over abbreviated words so the journal stays whole.
    while True:
        words = title.rstrip().split()
        if not words:
            break
        last = words[-1]
        if len(words) > 2 and re.fullmatch(r"[A-Z]\.", words[-2]) and words[-3].isalpha():
            break  # "… an interview with Garry L. Landreth.": a person's name ends the title
        if re.fullmatch(r"[A-Z][a-z]{0,7}\.", last) and len(words) > 1 and words[-2].endswith("."):
            title = " ".join(words[:-1])
            container = f"{last} {container}"
            continue
        break
    return title, container


# "Publishing Co.", "Books Inc.": a publisher's own full stop
_COMPANY = r"(?:(?<=\bCo)|(?<=\bInc)|(?<=\bLtd))\."
_NLM_BOOK = re.compile(
    r"(?:^|(?<=\.\s))(?P<place>[A-Z][^.:;]{1,40}?)\s*:\s*(?P<publisher>(?:[^.;:]|"
    # "Charles C. Thomas": an initial's full stop inside the publisher's name
    rf"{_COMPANY}|(?<=\s[A-Z])\.(?=\s)){{2,80}}?)\s*[;,]\s*"
    # NLM's page count ("2012. 348 p.") may follow the year
    r"(?P<year>(?:1[89]|20)\d{2})[\s.;,]*(?:\d+\s*p\.?[\s.]*)?$"
)
# AMA 11: "Title. 2nd ed. Publisher; 2015." — no place; a short name of capitalised words
_AMA_BOOK = re.compile(
    rf"(?<=\.\s)(?P<publisher>[{_UP}][\w&'\u2019-]*(?:\s+(?:[{_UP}&][\w&'\u2019.-]*|of|and|for))"
    r"{0,5})\s*;\s*(?P<year>(?:1[89]|20)\d{2})[\s.]*$"
)
# The role after a list of editors opening a book: "Surname P, Surname JR, editors." (NLM),
# "Surname, Given, and Given Surname, eds." (Chicago, MLA).
_EDITORS_FIRST = re.compile(
    # ("… a guide for authors and editors." is a title, not a list of editors)
    r"^(?P<names>[^.]{3,200}?(?:\b[A-Z]\.[^.]{0,120}?)*)(?<!\band)(?<!\bfor)(?<!\bof)"
    r",?\s+\(?(?:eds?|editors?)\.?\)?\.\s+"
    r"(?P<title>\S.*)$"
)


_NLM_EDITED = re.compile(
    rf"^(?P<names>{_NLM_NAME}(?:\s*,\s*{_NLM_NAME})*),\s*(?:eds?|editors?)\.\s+(?P<title>\S.*)$"
)


_EDITION_ONLY = re.compile(r"^\d+(?:st|nd|rd|th)\s+ed(?:ition|n)?\.?$", re.I)
_TRANS_SENTENCE = re.compile(rf"\.\s+(?:Trans\.|Translated\s+by)\s+[{_UP}][^,;:]{{2,120}}?\.?$")
_ED_SENTENCE = re.compile(rf"\.\s+(?:Eds?\.|Edited\s+by)\s+(?P<names>[{_UP}][^,;:]{{2,120}}?)\.?$")


def _parse_vancouver_book(ref: ParsedReference, text: str) -> bool:
    """Authors. Title. Place: Publisher; Year. (AMA 11 leaves the place out.)"""
    book = _NLM_BOOK.search(text) or _AMA_BOOK.search(text)
    if book is None:
        return False
    head = text[: book.start()].strip(" .")
    edited = _NLM_EDITED.match(head) or _EDITORS_FIRST.match(head)
    leading = _leading_names(head + ". ") if not edited else None
    if edited:  # "Lambert MJ, ed. Handbook. 6th ed. Hoboken, NJ: Wiley; 2013."
        ref.editor, title = _editor_names(edited.group("names")), edited.group("title")
        ref.confidence["editor"] = 0.8 if edited.re is _NLM_EDITED else 0.7
        if not ref.editor:
            return False
        if edited.re is _EDITORS_FIRST and "," in edited.group("names"):
            ref.style = "chicago"  # "Surname, Given, and Given Surname, eds."
    elif leading and leading[1].strip(" ."):
        ref.author, title = leading
    else:
        author, _sep, title = head.partition(". ")
        if not title:
            return False
        if _EDITION_ONLY.match(title) and _title_in_author_place(f"{author.strip()}."):
            # NLM without an author: "Title: a guide. 9th ed. Place: Publisher; 2007."
            title = head
        else:
            ref.author = [{"literal": author.strip()}]
    ref.confidence["author"] = 0.8
    paren = _BOOK_PAREN.search(title.rstrip(" .")) if ")" in title else None
    if paren:
        _apply_book_paren(ref, paren.group("inner"))
        title = title.rstrip(" .")[: paren.start()]
    translators = _TRANS_SENTENCE.search(title) if "Trans" in title else None
    if translators:  # "Title. Trans. Given Surname.": kept for the editor, out of the title
        ref.unparsed.append(translators.group(0).strip(" ."))
        title = title[: translators.start() + 1]
    editors = _ED_SENTENCE.search(title) if "Ed" in title else None
    if editors and (names := _edited_by(editors.group("names"))):
        # MLA 7: "Surname, Given. Title. Ed. Given I. Surname. Place: Publisher, 1998."
        ref.editor, ref.confidence["editor"] = names, 0.75
        title = title[: editors.start() + 1]
    edition = re.search(
        r"[.,]\s*(?P<ed>\d+)(?:(?:st|nd|rd|th)\s+edn?|\.\s*(?:Aufl(?:age)?|Ausg(?:abe)?))\.?\s*$",
        title,
        re.I,
    )
    if edition:  # NLM: "Title. 2nd ed."; German: "Title. 4. Aufl." or "4. Ausg."
        ref.edition, ref.confidence["edition"] = edition.group("ed"), 0.9
        title = title[: edition.start()]
    _set_title(ref, title, 0.85)
    ref.issued = {"date-parts": [[int(book.group("year"))]]}
    ref.confidence["issued"] = 0.9
    ref.publisher_place = (book.groupdict().get("place") or "").strip()
    ref.publisher = book.group("publisher").strip()
    ref.confidence["publisher"] = 0.8 if ref.publisher_place else 0.7
    ref.type = "book"
    ref.style = ref.style or "vancouver"
    return True


def _editor_names(text: str) -> list[dict[str, str]]:
    """NLM's "Surname P, Surname JR" or Chicago's "Surname, Given, and Given Surname"."""
    text = text.strip(" ,.")
    if _NLM_AUTHORS.match(text + ". "):
        return _nlm_names(text)
    return _chicago_names(text)


_CITATION_FIRST = re.compile(
    rf"""^(?P<journal>[A-Z][^.;:]{{0,80}}?)\.?\s+(?P<year>(?:1[89]|20)\d{{2}})
    (?:\s+(?:{_MONTH})(?:\s+\d{{1,2}})?)?\s*[;:]\s*(?P<volume>\d+[A-Za-z]?)
    (?:\s*\((?P<issue>[^()]{{1,20}})\))?\s*:\s*(?P<page>{_LOCATOR})\.\s+(?P<title>\S.{{3,}})$""",
    re.X,
)


def _parse_citation_first(ref: ParsedReference, text: str) -> bool:
    """PubMed's abstract page: "Clin Psychol Rev. 2006 Oct;26(6):657-78. Title." """
    match = _CITATION_FIRST.match(text)
    if match is None:
        return False
    _set_title(ref, match.group("title"), 0.8)
    _set_container(ref, match.group("journal"), 0.85)
    ref.issued = {"date-parts": [[int(match.group("year"))]]}
    ref.confidence["issued"] = 0.9
    ref.volume, ref.confidence["volume"] = match.group("volume"), 0.9
    if match.group("issue"):
        ref.issue, ref.confidence["issue"] = _dash(match.group("issue")), 0.9
    _set_locator(ref, match.group("page"), 0.9)
    ref.type, ref.style = "article-journal", "vancouver"
    return True


def _parse_vancouver_chapter(ref: ParsedReference, text: str) -> bool:
    """Authors. Title. In: Editors, editors. Book. Place: Publisher; Year. p. Pages."""
    in_book = _IN_BOOK.search(text) if "In" in text else None
    if in_book is None or not _EDITORS_ROLE.search(text, in_book.end()):
        return False
    leading = _leading_names(text[: in_book.start()].strip())
    if not leading:
        return False
    # Parsed apart, so that a text that is not this layout after all leaves ``ref`` untouched.
    chapter = ParsedReference(raw=ref.raw, author=leading[0])
    _parse_chapter(chapter, leading[1], text[in_book.end() :])
    if not chapter.issued:
        return False
    for name in _CHAPTER_FIELDS:
        setattr(ref, name, getattr(chapter, name))
    ref.confidence.update(chapter.confidence, author=0.85)
    ref.unparsed.extend(chapter.unparsed)
    ref.style = "vancouver"
    return True


_CHAPTER_FIELDS = (
    "type", "author", "editor", "issued", "title", "container_title", "page", "edition",
    "publisher", "publisher_place",
)  # fmt: skip


def _parse_vancouver(ref: ParsedReference, text: str) -> bool:
    """Authors. Title. Journal. Year;Vol(Issue):Pages. Also the PubMed page's own layouts."""
    conf = ref.confidence
    if (
        _parse_vancouver_chapter(ref, text)
        or _parse_vancouver_book(ref, text)
        or _parse_citation_first(ref, text)
    ):
        return True
    citation = _NLM_CITATION.search(text)
    if citation is None:
        return False
    head = text[: citation.start()].rstrip(" .,")
    tail_title = ""
    authors: list[dict[str, str]] = []
    leading = _leading_names(head)
    if leading:
        authors, head = leading
    elif group := _NLM_GROUP.match(head):  # "Example Collaboration. Title. Journal. 2003;…"
        authors, head = [{"literal": group.group("group")}], head[group.end() :]
    # The journal is the last sentence before the year: "Title. J Consult Clin Psychol."
    title, container = _split_title_container(head)
    kind = _ARTICLE_KIND.search(title) if title else None
    if kind:  # AMA's "Title. Letter. Journal.": what kind of article, not part of its title
        ref.unparsed.append(kind.group("kind"))
        title = title[: kind.start()]
    elif kind := _KIND_FIRST.match(container):  # nor of an unknown journal's abbreviation
        ref.unparsed.append(kind.group("kind"))
        container = container[kind.end() :]
    if not container and not authors:
        return False
    if not container:
        title, container = "", head
    if citation.group("year") is None:
        return False
    if (
        title
        and text[: citation.start()].rstrip().endswith(",")
        and not any(v for k, v in citation.groupdict().items() if k != "year")
        and not _JOURNAL_NAME.search(container)
        and not _DATE_END.search(container)
    ):
        # MLA's book, "Title. 2nd ed., Publisher, 2017.": NLM puts a full stop before a year
        # ("Web. 06 October, 2022.": a date, not a publisher)
        ref.author, ref.confidence["author"] = authors, 0.8
        edited = _EDITORS_FIRST.match(title) if not authors and "edit" in title else None
        if edited and (editors := _editor_names(edited.group("names"))):
            # MLA's "Surname, Given, and Given Surname, editors. Title. Publisher, 2010."
            ref.editor, conf["editor"], title = editors, 0.75, edited.group("title")
        ref.issued = {"date-parts": [[int(citation.group("year"))]]}
        edition = _MLA_EDITION.match(container)
        if edition:
            ref.edition, conf["edition"] = edition.group("ed"), 0.85
            container = container[edition.end() :]
        _set_title(ref, title, 0.8)
        _set_publisher(ref, container)
        ref.type, ref.style = "book", "mla"
        return True
    if _PUBLISHER_WORDS.search(container) and not _JOURNAL_NAME.search(container):
        # "Title. New York Guilford Press 2000;260." — a book: the number is its page count
        ref.author = authors
        _set_title(ref, title, 0.7)
        ref.issued = {"date-parts": [[int(citation.group("year"))]]}
        _set_publisher(ref, container)
        ref.type, ref.style = "book", "vancouver"
        return True
    ref.issued = {"date-parts": [[int(citation.group("year"))]]}
    conf["issued"] = 0.95
    ref.author = authors
    if authors:
        conf["author"] = 0.9
    _set_title(ref, title or tail_title, 0.85)
    _set_container(ref, container, 0.85)
    # One of the alternatives of _NLM_CITATION matched: take whichever variant is filled.
    volume, issue, page = (
        next((v for k, v in citation.groupdict().items() if k.startswith(field) and v), "")
        for field in ("volume", "issue", "page")
    )
    if (
        not volume
        and page.isdigit()
        and _YEAR_THEN_VOLUME.match(text, citation.start())
        and (ref.container_title != container or _JOURNAL_NAME.search(container))
    ):
        volume, page = page, ""  # "Palliat Med. 1987; 1.": a journal's volume, no pages yet
    if volume:
        ref.volume, conf["volume"] = volume, 0.9
    if issue:
        ref.issue, conf["issue"] = _dash(issue), 0.9
    if page:
        _set_locator(ref, page, 0.9)
    ref.type = "article-journal"
    ref.style = "vancouver"
    return True


# A journal's "Year; Number." with nothing after: NLM writes the volume after the semicolon
_YEAR_THEN_VOLUME = re.compile(r"(?:1[89]|20)\d\d\s*;\s*\d+\s*\.?\s*$")


# What kind of article AMA names between the title and the journal ("Title. Letter. Journal.")
_KINDS = r"Letter|Editorial|Commentary|Comment|Erratum|Correspondence"
_ARTICLE_KIND = re.compile(rf"(?<=[\w)?!])[.:]\s+(?P<kind>{_KINDS})\.?$")
_KIND_FIRST = re.compile(rf"(?P<kind>{_KINDS})\.\s+")
_DATE_END = re.compile(rf"(?:{_MONTH})(?:\s+\d{{1,2}})?\s*$")
_MLA_EDITION = re.compile(r"(?P<ed>\d+)(?:st|nd|rd|th)\s+ed(?:ition|n)?\.?,\s*", re.I)
# A group author opening an NLM reference, known by the word that names what it is
_NLM_GROUP = re.compile(
    rf"^(?P<group>(?:(?:[{_UP}][\w&'\u2019-]*|of|for|and|the|on|in)\s+){{0,8}}"
    r"(?:Collaboration|Collaborative|Group|Association|Institute|Centre|Center|Committee"
    r"|Organi[sz]ation|Society|Council|Task Force|Network|Consortium|Agency|Investigators"
    r"|Foundation|College|Academy|Department)(?:\s+\([A-Z]{2,5}\))?)\.\s+(?=[A-Z])"
)
_NLM_COMMA_LIST = re.compile(
    rf"^(?P<authors>{_NLM_NAME}(?:\s*,\s*{_NLM_NAME})*(?:\s*,?\s*et\s+al\.?)?)\s*,\s+"
    rf"(?=[{_UP}])(?!{_NLM_NAME}\s*[,.])"
)
_NAME_BOUNDARY = re.compile(r"[.,](?=\s)")
# One surname, with its particles: "Okafor", "van der Berg", "Zilcha-Mano", "O'Brien"
_SURNAME = re.compile(
    rf"^(?:(?:{_PARTICLES}|d'|O')\s?)*[{_UP}][\w'\u2019-]+(?:\s[{_UP}][\w'\u2019-]+)?$"
)
_AFTER_INITIAL = re.compile(rf"(?:^|[\s.]){_UP_CLASS}\.$")
_INITIAL_NEXT = re.compile(rf"\s*[{_UP}]\.(?:[\s,;]|$)")


def _leading_names(text: str) -> tuple[list[dict[str, str]], str] | None:
    """The author list that opens ``text`` when no year in parentheses closes it, and the rest.

    NLM ("Swift JK, Greenberg RP."), NLM with a comma where the full stop belongs
    ("Del Re AC, Wampold BE, Title"), and names written given name first
    ("D. E. Orlinsky & M. H. Rønnestad, Title", "AC Muran, LM Lipner. Title").
    """
    names = _NLM_AUTHORS.match(text)
    # "Okafor, P. B. Title" is no NLM "Cook, RS." whose list ends after "P."
    if names and names.end() < len(text) and not _INITIAL_NEXT.match(text, names.end()):
        people = _nlm_names(names.group("authors"))
        if names.group("group"):
            people.append({"literal": names.group("group").strip()})
        return people, text[names.end() :].strip()
    listed = _NLM_COMMA_LIST.match(text)
    if listed:
        return _nlm_names(listed.group("authors")), text[listed.end() :].strip()
    found = None
    for boundary in _NAME_BOUNDARY.finditer(text, 0, 300):
        rest = text[boundary.end() :].strip()
        people = _given_first_list(_ETAL.sub("", text[: boundary.start()]).strip(" .,"))
        if people and (rest[:1].isupper() or rest[:1].isdigit()):
            found = (people, rest)
            if boundary.group(0) == ".":
                break  # the list ends at its full stop; "." inside initials never succeeds
        elif found and not _AFTER_INITIAL.search(text, 0, boundary.start() + 1):
            break  # past the names ("R.T." inside the next name is no end)
    if found:
        return found
    # "Okafor, Paul B. Title" (Chicago, MLA): the longest run of full stops that reads as names
    for boundary in re.finditer(r"\.(?=\s)", text[:300]):
        rest = text[boundary.end() :].strip()
        prefix = text[: boundary.start()]
        people, leftovers = _family_first_names(prefix) if "," in prefix else ([], [prefix])
        if (
            people
            and not leftovers
            and all("given" in p and _SURNAME.match(p["family"]) for p in people)
            # "Okafor, Paul. Waiting Lists": a sentence after a given name ends the names
            and not any(re.search(r"\w{2}\.\s", p["given"]) for p in people)
        ):
            if rest[:1].isupper() or rest[:1] in _QUOTE_ANY:
                found = (people, rest)
        elif found and not _AFTER_INITIAL.search(text, 0, boundary.start() + 1):
            break  # "Okafor, Paul, Rita B. Haddad": a full stop after an initial goes on
    return found


def _set_locator(ref: ParsedReference, page: str, confidence: float) -> None:
    page = page.strip(" .")
    if not re.search(_DASH, page) and (re.match("[A-Za-z]", page) or len(page) > 5):
        ref.number, ref.confidence["number"] = page, confidence - 0.1
    else:
        ref.page, ref.confidence["page"] = _dash(page), confidence


def _given_first(name: str) -> dict[str, str]:
    name = name.strip(" .,")
    if "," in name:
        family, given = (p.strip() for p in name.split(",", 1))
        return _name(family, given) if given else {"family": family}
    parts = name.split()
    if len(parts) == 1:
        return {"family": parts[0]}
    cut = len(parts) - 1
    # "A. C. Del Re", "Paul van der Berg": the particles belong to the surname
    while cut > 1 and parts[cut - 1].lower() in _PARTICLE_WORDS:
        cut -= 1
    return _name(" ".join(parts[cut:]), " ".join(parts[:cut]))


def _edited_by(text: str) -> list[dict[str, str]]:
    """The names after "edited by" (Chicago, MLA): people, each written given name first,
    with or without an initial ("Rita Lindgren", "R. T. Lindgren and Sam Haddad")."""
    found = _given_first_list(text)
    if found:
        return found
    parts = [p for p in re.split(r"\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*", text) if p.strip()]
    if parts and all(_GIVEN_FIRST.match(p.strip()) for p in parts):
        return [_given_first(p) for p in parts]
    return _given_first_names(text)


def _chicago_names(text: str) -> list[dict[str, str]]:
    """ "Brown, Kirk Warren, and Richard M. Ryan" → the first surname first, the others not."""
    text = _ETAL.sub("", text).strip(" ,")
    if not re.search(rf"\b[{_UP}]\.$", text):
        text = text.rstrip(".")
    parts = [
        p.strip() for p in re.split(r",\s*(?:and|&|with)\s+|\s+(?:and|&)\s+", text) if p.strip()
    ]
    if not parts:
        return []
    first, others = parts[0], parts[1:]
    names: list[dict[str, str]] = []
    # The first author's "Family, Given" may itself be followed by ", Given Family" co-authors.
    pieces = [p.strip() for p in first.split(",")]
    if len(pieces) >= 2:
        names.append(_name(pieces[0], pieces[1]))
        others = pieces[2:] + others
    else:
        names.append(_given_first(first))
    names.extend(_given_first(o) for o in others if o)
    return names


# "In Handbook of Waiting, edited by Rita T. Lindgren, 1-10. New York: Guilford Press, 2012"
_MLA_CHAPTER = re.compile(
    rf"""^(?!In\s)(?P<book>[^,]+(?:,[^,]+?)??),\s+edited\s+by\s+
    (?P<editors>[^,\d]+(?:,\s*(?:and\s+)?[^,\d]+)*?),
    (?:\s*(?P<edition>\d+)(?:st|nd|rd|th)\s+ed\.,)?
    \s*(?P<publisher>[^,]{{2,80}}),\s*(?P<year>(?:1[89]|20)\d{{2}})
    (?:,\s*pp?\.\s*(?P<page>{_LOCATOR}))?[\s.,]*$""",
    re.X,
)
_CHICAGO_CHAPTER = re.compile(
    rf"""^In\s+(?P<book>[^,]+(?:,[^,]+?)??),\s+(?:edited\s+by|eds?\.)\s+(?P<editors>.+?),
    \s*(?:(?P<page>\d+\s*{_DASH}\s*\d+)\.\s*)?(?P<place>[{_UP}][^:.]{{1,40}}):\s*
    (?P<publisher>[^,]{{2,80}}),\s*(?P<year>(?:1[89]|20)\d{{2}})\s*\.?\s*$""",
    re.X,
)


_GOST_NAME = r"[^\W\d_][\w'\u2019-]+\s+(?:[^\W\d_]\.\s?){1,3}"
_GOST = re.compile(
    rf"""^(?P<authors>{_GOST_NAME}(?:,\s*{_GOST_NAME})*)\s*(?P<title>[^/]+?)\s*//\s*
    (?P<journal>[^/]+?)\.\s*(?P<year>(?:1[89]|20)\d{{2}})\.
    (?:\s*(?:Vol|Т)\.\s*(?P<volume>\w+)[.,])?
    (?:\s*(?:No|N|№|Iss)\.?\s*(?P<issue>[\w{DASHES}]+)\.)?
    (?:\s*(?:P|С|pp?)\.\s*(?P<page>{_LOCATOR}))?[\s.]*$""",
    re.X,
)


def _parse_gost(ref: ParsedReference, text: str) -> bool:
    """GOST (Russian and Ukrainian pages): "Ivanov A.A., Petrov B.B. Title // Journal. 2019.
    Vol. 5, No. 1. P. 1-15." """
    match = _GOST.match(re.sub(r"\.?\s+[\u2014\u2013]\s+", ". ", text))  # ". — 2012. — Vol. 5."
    if match is None:
        return False
    conf = ref.confidence
    ref.author, leftovers = _family_first_names(match.group("authors").strip(" ,"))
    ref.unparsed.extend(leftovers)
    conf["author"] = 0.8
    _set_title(ref, match.group("title"), 0.8)
    _set_container(ref, match.group("journal"), 0.8)
    ref.issued, conf["issued"] = {"date-parts": [[int(match.group("year"))]]}, 0.9
    for name in ("volume", "issue"):
        if match.group(name):
            setattr(ref, name, match.group(name))
            conf[name] = 0.85
    if match.group("page"):
        _set_locator(ref, match.group("page"), 0.85)
    return True


# A short form some indexes print from Crossref's record (ouci.dntb.gov.ua and others): the
# first author's surname, the title, the journal, then "№" for the volume and "с." (сторінка,
# page) for the first page: "Surname, Title, J. Abbrev., № 64, с. 619", the DOI on a line of
# its own. With "т." (том) as well, "т." is the volume and "№" the issue.
_NUMBERED_SHORT = re.compile(
    rf"""^(?P<author>[^,]{{2,60}}),\s+(?P<body>.+?),
    (?:\s*[тТ]\.\s*(?P<tome>[\w{DASHES}]+),)?
    \s*№\s*(?P<number>[\w{DASHES}]+)
    (?:,\s*[сСcC]\.\s*(?P<page>{_LOCATOR}))?
    (?:[,.]?\s*\(?(?P<year>(?:1[89]|20)\d{{2}})\)?)?[\s.,]*$""",
    re.X,
)


def _parse_numbered_short(ref: ParsedReference, text: str) -> bool:
    """ "Surname, Title, Journal, № 64, с. 619" (see _NUMBERED_SHORT)."""
    match = _NUMBERED_SHORT.match(text)
    if match is None:
        return False
    author = match.group("author").strip()
    if not re.fullmatch(rf"(?:[{_UP}]\.\s?){{0,3}}[{_UP}][\w'\u2019-]+", author):
        return False  # one surname, perhaps after initials, or this is not the layout
    body = match.group("body").strip()
    journal = known_journal_at_end(body.replace(",", " ").rstrip(". "))
    title, _sep, container = body.rpartition(",")
    if journal and not container.strip().replace(",", " ").endswith(journal):
        journal = ""
    if not title.strip():
        return False
    conf = ref.confidence
    ref.author, conf["author"] = [_given_first(author)], 0.7  # the first author alone
    _set_title(ref, title, 0.75)
    # The journal is the last comma's part; a title's own comma does not move it.
    _set_container(ref, container, 0.8 if journal or is_known_journal(container) else 0.6)
    if match.group("tome"):
        ref.volume, ref.issue = match.group("tome"), match.group("number")
        conf["issue"] = 0.8
    else:
        ref.volume = match.group("number")
    conf["volume"] = 0.8
    if match.group("page"):
        _set_locator(ref, match.group("page"), 0.8)
    if match.group("year"):
        ref.issued, conf["issued"] = {"date-parts": [[int(match.group("year"))]]}, 0.8
    return True


# ABNT (Brazilian pages): "SURNAME, I. B.; SURNAME, I. Title. Journal, v. 12, n. 3, p. 45-67,
# 2019." — names in capitals joined by ";", the year last.
_ABNT_NAME = (
    rf"[{_UP}][{_UP}'\u2019 -]+,\s*(?:(?:[{_UP}]\.\s?)+"
    rf"|[{_UP}][a-z\u00e0-\u00ff]+(?:\s+[{_UP}][a-z\u00e0-\u00ff]+)*(?:\s+(?:[{_UP}]\.\s?)+)?)"
)
_ABNT = re.compile(
    rf"""^(?P<authors>{_ABNT_NAME}(?:;\s*{_ABNT_NAME})*(?:;?\s*et\s+al\.)?)\.?\s+(?P<body>[^;]+?),\s*v\.\s*(?P<volume>[\w{DASHES}]+),
    (?:\s*n\.\s*(?P<issue>[\w{DASHES}]+),)?\s*(?:p\.\s*(?P<page>{_LOCATOR}),)?
    \s*(?:(?:{_MONTH}|[a-z]{{3,4}}\.)\s*(?:/\s*(?:{_MONTH}|[a-z]{{3,4}}\.)\s*)?)?  # "mar./abr."
    (?P<year>(?:1[89]|20)\d{{2}})[\s.]*$""",
    re.X,
)


def _parse_abnt(ref: ParsedReference, text: str) -> bool:
    """ABNT's journal article (see _ABNT)."""
    match = _ABNT.match(text)
    if match is None:
        return False
    # The names end at the full stop after the last initial: "…; LINDGREN, R. T. Title."
    authors = match.group("authors")
    names, leftovers = _family_first_names(authors.replace(";", ","))
    if not names or leftovers:
        return False
    title, journal = _title_and_journal(match.group("body"))
    if not (title and journal):
        return False
    conf = ref.confidence
    ref.author, conf["author"] = names, 0.8
    _set_title(ref, title, 0.8)
    _set_container(ref, journal, 0.8)
    ref.volume, conf["volume"] = match.group("volume"), 0.85
    if match.group("issue"):
        ref.issue, conf["issue"] = match.group("issue"), 0.85
    if match.group("page"):
        _set_locator(ref, match.group("page"), 0.85)
    ref.issued, conf["issued"] = {"date-parts": [[int(match.group("year"))]]}, 0.9
    return True


# Elsevier's "Journal 68 (2012) 1–10" and Springer's "Journal 68(3), 1–10 (2012)": the
# year in parentheses near the end, after the volume.
_YEAR_LAST = re.compile(
    rf"""(?:\s(?P<volume>\d+[A-Za-z]?)\s*\((?P<year>(?:1[89]|20)\d{{2}})\)\s*,?\s*(?P<page>{_LOCATOR})
    |\s(?P<volume2>\d+[A-Za-z]?)(?:\s*\((?P<issue>[^()]{{1,12}})\))?,\s*(?:pp?\.\s*)?(?P<page2>{_LOCATOR})
     \s*\((?P<year2>(?:1[89]|20)\d{{2}})\)
    |[,.]\s*(?P<publisher>[{_UP}][^,.()]{{1,59}}),\s*(?P<place>[{_UP}][^,.()\d]{{1,39}})
     \s*\((?P<year3>(?:1[89]|20)\d{{2}})\)
    |(?:\.\s*|\s)\((?P<publisher4>[{_UP}][^()]{{1,80}}?),\s*(?P<year4>(?:1[89]|20)\d{{2}})\)
    )[\s.]*$""",
    re.X,
)


_YEAR_NEAR_END = re.compile(r"\((?:1[89]|20)\d{2}\)")
_PUBLISHER_YEAR_END = re.compile(r",\s*(?:1[89]|20)\d{2}\)[\s.]*$")  # "(Publisher, 2013)."


# A paper-summary site's short form: "R. C. Hall,et al.  Title. , 1978, Archives of general
# psychiatry." — the first author given name first, "et al.", the title, the year, the journal
_ETAL_SHORT = re.compile(
    r"^(?P<name>[^,.]{1,40}(?:\.[^,.]{1,40}){0,3}),\s*et\s+al\.?\s+(?P<title>\S.*?)[\s.]*,\s*"
    r"(?P<year>(?:1[89]|20)\d{2})\s*(?:,\s*(?P<journal>[^,]{3,200}?))?[\s.]*$"
)


def _parse_etal_short(ref: ParsedReference, text: str) -> bool:
    """ "Roger P. Greenberg,et al.  Title , 1989 .": one name, given name first, closed by
    "et al."; then the title, the year and the journal, each after a comma."""
    short = _ETAL_SHORT.match(text)
    if not short:
        return False
    name = short.group("name").strip()
    people = _given_first_list(name) or (
        [_given_first(name)] if re.fullmatch(rf"(?:[{_UP}]\.\s?)+[{_UP}][\w'-]+", name) else None
    )
    if not people:
        return False
    ref.author, ref.confidence["author"] = people, 0.85
    _set_title(ref, short.group("title"), 0.85)
    ref.issued, ref.confidence["issued"] = {"date-parts": [[int(short.group("year"))]]}, 0.9
    if short.group("journal"):
        _set_container(ref, short.group("journal"), 0.8)
    return True  # (no style the admin names)


# Nature's group author, run into the title: the group ends at its last word of a group's name
_GROUP_THEN_TITLE = re.compile(
    rf"^(?P<group>(?:[A-Z][a-z]+\s){{1,4}}{_GROUP_WORDS})\s+(?P<rest>[A-Z].{{5,}})$"
)
# "(eds)" after Nature's editors; "Title 7th edn 2031–2040": a book's edition, a chapter's pages
_NATURE_EDITORS = re.compile(r"\s\(eds?\.?\)\s+(?=\S)")
_NATURE_BOOK_TAIL = re.compile(
    rf"(?:\s+(?P<edition>\d+)(?:st|nd|rd|th)\s+edn\.?)?(?:\s+(?P<pages>\d+\s*{_DASH}\s*\d+))?$"
)


def _nature_book_head(head: str) -> tuple[list[dict[str, str]], str, bool]:
    """The names that open a Nature book, the rest, and whether they are its editors: the
    list "(eds)" ends, or a group's name run into the title; else nothing read."""
    marked = _NATURE_EDITORS.search(head)
    if marked:
        names, leftovers = _family_first_names(head[: marked.start()])
        if names and not leftovers:
            return names, head[marked.end() :], True
    group = _GROUP_THEN_TITLE.match(head)
    if group:  # "World Health Organization Public Health Action … (WHO, 2012)."
        return [{"literal": group.group("group")}], group.group("rest"), False
    return [], "", False


def _nature_book_parts(ref: ParsedReference, rest: str) -> str:
    """A Nature book's title with its edition and a chapter's pages read off."""
    tail = _NATURE_BOOK_TAIL.search(rest)
    if tail and tail.start() > 0:
        if tail.group("edition"):
            ref.edition, ref.confidence["edition"] = tail.group("edition"), 0.8
        if tail.group("pages"):
            _set_locator(ref, tail.group("pages"), 0.8)
        rest = rest[: tail.start()]
    return rest


def _parse_year_last(ref: ParsedReference, text: str) -> bool:
    """Elsevier ("A.B. Name, C.D. Name, Title, J. Abbrev. 68 (2012) 1–10."), Nature ("Name,
    A. B. & Name, C. D. Title. J. Abbrev. 68, 1–10 (2012).") and Springer's LNCS ("Name,
    A.B., Name, C.D.: Title. J. Abbrev. 68(3), 1–10 (2012)", books "Title. Publisher, Place
    (2012)")."""
    tail = _YEAR_LAST.search(text, max(0, len(text) - 160))
    if tail is None:
        return False
    head = text[: tail.start()].strip(" ,.")
    names: list[dict[str, str]] = []
    edited = False
    if tail.group("year4"):  # Nature's books: "Name, A. B. (eds) Title (Publisher, 2013)."
        names, rest, edited = _nature_book_head(head)
    colon = re.match(r"^(?P<authors>[^:]{3,400}?):\s+(?P<rest>\S.*)$", head) if not names else None
    if colon:  # Springer: the authors end with a colon
        names, leftovers = _family_first_names(colon.group("authors"))
        if not names or leftovers:
            names = _given_first_list(colon.group("authors")) or []
        rest = colon.group("rest")
    if not names:  # Elsevier: a title with a colon in it, after names closed by a comma
        colon = None
        leading = _leading_names(head)
        names, rest = leading if leading else ([], "")
    if not names or not rest:
        return False
    conf = ref.confidence
    if tail.group("year3"):
        title, _sep, _ = rest.partition(". ")
        if not title:
            return False
        ref.type = "book"
        _set_title(ref, rest, 0.8)
        ref.publisher, conf["publisher"] = tail.group("publisher").strip(), 0.8
        ref.publisher_place = tail.group("place").strip()
        year = tail.group("year3")
    elif tail.group("year4"):  # Nature's books: "Name, A. B. Title (Publisher, 2013)."
        ref.type = "book"
        rest = _nature_book_parts(ref, rest)
        if edited:  # "Sadock, B. J. & Ruiz, P. (eds) Title": the names are the editors'
            ref.editor, conf["editor"], names = names, 0.8, []
        _set_title(ref, rest, 0.8)
        _set_publisher(ref, tail.group("publisher4"))
        year = tail.group("year4")
    else:
        title, journal = _title_and_journal(rest) if colon else _comma_title_and_journal(rest)
        if not (title and journal) and not colon:
            # Nature: "Name, A. B. & Name, C. D. Title. J. Abbrev. 12, 45–67 (2019)."
            title, journal = _split_title_container(rest)
        if not colon and _journal_alone(rest):
            # Nature's short form, with no title: "Name, A. B. J. Abbrev. 12, 45–67 (2019)."
            title, journal = "", rest.strip(" .")
        elif not (title and journal):
            return False
        _set_title(ref, title, 0.8)
        _set_container(ref, journal, 0.8)
        ref.volume = tail.group("volume") or tail.group("volume2")
        conf["volume"] = 0.85
        if tail.group("issue"):
            ref.issue, conf["issue"] = tail.group("issue"), 0.85
        _set_locator(ref, tail.group("page") or tail.group("page2"), 0.85)
        year = tail.group("year") or tail.group("year2")
    if names:
        ref.author, conf["author"] = names, 0.8
    ref.issued, conf["issued"] = {"date-parts": [[int(year)]]}, 0.9
    ref.style = "vancouver" if not colon else "harvard"
    return True


def _journal_alone(text: str) -> bool:
    """The whole of ``text`` is a journal's abbreviation the table knows ("Neurosci. Biobehav.
    Rev."), not a title that happens to end in one."""
    text = text.strip(" .")
    return "." in text and expand_journal(text)[1]


def _comma_title_and_journal(text: str) -> tuple[str, str]:
    """ "Title, J. Clin. Psychol." — Elsevier puts a comma, not a full stop, before the journal."""
    if ", " not in text:
        return "", ""
    title, journal = text.rsplit(", ", 1)
    if journal[:1].islower() or re.search(r"(?<![\w.])[a-z]{3,}\.\s+[A-Z]", journal):
        # "…, impact on daily life, and treatment. Eur. J. Pain": Nature's full stop ends the
        # title; the comma was the title's own ("Title: prevalence, and treatment. J. Abbrev.")
        return "", ""
    return title.strip(), journal.strip()


def _parse_quoted(ref: ParsedReference, text: str) -> bool:
    """Chicago ("Title." Journal 84, no. 4 (2003): 822) and MLA (Journal, vol. 21, no. 2,
    1957, pp. 95-103): the title is in quotation marks and the year comes after it."""
    conf = ref.confidence
    quoted = _QUOTED.search(text)
    if quoted is None or quoted.start() == 0:
        return False
    head, after = text[: quoted.start()].strip(" ."), text[quoted.end() :].strip(" .")
    if re.search(r"\(\s*\d{4}", head):  # APA with a quoted title: the APA path handles it
        return False
    mla = _MLA_CHAPTER.match(after) if "edited by" in after else None
    if mla:  # "Title." Book, edited by Given Surname, Publisher, 2012, pp. 33-56.
        ref.author, conf["author"] = _chicago_names(head), 0.8
        _set_title(ref, quoted.group("title"), 0.9)
        ref.type, ref.style = "chapter", "mla"
        ref.container_title, conf["container-title"] = mla.group("book").strip(), 0.85
        ref.editor, conf["editor"] = _edited_by(mla.group("editors")), 0.8
        if mla.group("edition"):
            ref.edition, conf["edition"] = mla.group("edition"), 0.85
        ref.publisher, conf["publisher"] = mla.group("publisher").strip(), 0.8
        ref.issued, conf["issued"] = {"date-parts": [[int(mla.group("year"))]]}, 0.9
        if mla.group("page"):
            ref.page, conf["page"] = _dash(mla.group("page")), 0.85
        return True
    chapter = _CHICAGO_CHAPTER.match(after)
    if chapter:
        ref.author, conf["author"] = _chicago_names(head), 0.8
        _set_title(ref, quoted.group("title"), 0.9)
        ref.type, ref.style = "chapter", "chicago"
        ref.container_title, conf["container-title"] = chapter.group("book").strip(), 0.85
        editors = chapter.group("editors")
        ref.editor = _edited_by(editors)
        conf["editor"] = 0.8
        if chapter.group("page"):
            ref.page, conf["page"] = _dash(chapter.group("page")), 0.85
        ref.publisher_place = chapter.group("place").strip()
        ref.publisher, conf["publisher"] = chapter.group("publisher").strip(), 0.85
        ref.issued, conf["issued"] = {"date-parts": [[int(chapter.group("year"))]]}, 0.9
        return True
    tails = (
        (_MLA_TAIL, "mla"),
        (_MLA_SHORT_TAIL, "mla"),
        (_CHICAGO_TAIL, "chicago"),
        (_CHICAGO_MAGAZINE, "chicago"),
        (_MLA_DATED, "mla"),
    )
    found = next(((m, name) for pattern, name in tails if (m := pattern.match(after))), None)
    location = _MLA_AFTER_PAGES.search(after) if found is None else None
    if location:  # MLA: what follows the pages says where it was read (a database, a link)
        found = next(
            ((m, n) for p, n in tails[:1] if (m := p.match(after[: location.end()].strip()))), None
        )
        if found:
            ref.unparsed.append(after[location.end() :].strip())
    if found is None:
        return _parse_quoted_web_entry(ref, head, quoted.group("title"), after)
    tail, style = found
    if tail.groupdict().get("database"):  # MLA's second container: where it was read
        database = tail.group("database")
        link = _BARE_LINK.search(database) if not ref.URL else None
        if link:  # MLA 9 leaves out "https://": "Database, host.example.org/path/"
            ref.URL, conf["URL"] = link.group(0).rstrip(".,;"), 0.8
            database = f"{database[: link.start()]}{database[link.end() :]}".strip(" ,.")
        if database:
            ref.unparsed.append(database)
    if tail.groupdict().get("city"):  # "Times Union [Jacksonville]": the paper's city
        ref.unparsed.append(tail.group("city").strip())
    ref.author = _chicago_names(head)
    conf["author"] = 0.8
    _set_title(ref, quoted.group("title"), 0.9)
    _set_container(ref, tail.group("journal"), 0.85)
    ref.issued = {"date-parts": [[int(tail.group("year"))]]}
    conf["issued"] = 0.9
    if tail.group("volume"):
        ref.volume, conf["volume"] = tail.group("volume"), 0.9
    if tail.group("issue"):
        ref.issue, conf["issue"] = tail.group("issue"), 0.9
    if tail.group("page"):
        _set_locator(ref, tail.group("page"), 0.9)
    ref.type = "article-journal"
    ref.style = style
    return True


# A practitioner's book list: "Given Family and Given Family, 'Title', Publisher, 1992" —
# names given name first, the title in single quotation marks, the year last
_SINGLE_QUOTED = re.compile(
    rf"^(?P<names>[{_UP}][^'\u2018\u2019()\d]{{2,200}}?)(?:\s*\((?P<role>eds?)\.?\))?[,.]\s+"
    r"['\u2018](?P<title>[^\u2018\u2019]{2,250}?)['\u2019],\s+"
    r"(?P<rest>[^'\u2018\u2019\d][^'\u2018\u2019]{1,120}?),?\s+(?P<year>(?:1[89]|20)\d{2})"
    r"(?:\s*\((?P<note>[^()]{1,200})\))?[\s.]*$",
    re.I,
)
# "Behavioural Science Vol 1 No 4": a journal where the publisher would be
_SINGLE_QUOTED_JOURNAL = re.compile(
    r"^(?P<journal>[A-Z][^,]{2,80}?),?\s+Vol\.?\s*(?P<volume>\d+)(?:,?\s*No\.?\s*(?P<issue>\d+))?$"
)
_SINGLE_QUOTED_THESIS = re.compile(r"^(?:Dissertation|Thesis|PhD thesis),\s*", re.I)


# IEEE's article: "B. Name and C. D. Name, ‘Title’, Journal, vol. 10, no. 2, pp. 121–129,
# Jun. 2008" (a DOI after it is read already)
_IEEE_ARTICLE = re.compile(
    rf"^(?P<names>[{_UP}][^'\u2018\u2019()\d]{{2,200}}?),\s+['\u2018\u201c\"]"
    r"(?P<title>[^\u2018\u2019\u201c\u201d]{2,300}?)[,.]?['\u2019\u201d\"],?\s+"
    r"(?P<journal>[^,\d]{2,120}),\s+vol\.\s*(?P<volume>\w+),\s+no\.\s*(?P<issue>[\w-]+),\s+"
    rf"pp\.\s*(?P<page>{_LOCATOR}),\s+(?:(?:{_MONTH})\s+)?(?P<year>(?:1[89]|20)\d{{2}})[\s.,]*$"
)


def _parse_ieee_article(ref: ParsedReference, text: str) -> bool:
    found = _IEEE_ARTICLE.match(text)
    names = _edited_by(found.group("names")) if found else []
    if not names or not all(n.get("given") for n in names):
        return False
    conf = ref.confidence
    ref.author, conf["author"] = names, 0.8
    _set_title(ref, found.group("title"), 0.85)
    _set_container(ref, found.group("journal"), 0.85)
    ref.volume, conf["volume"] = found.group("volume"), 0.9
    ref.issue, conf["issue"] = found.group("issue"), 0.9
    _set_locator(ref, _dash(found.group("page")), 0.9)
    ref.issued, conf["issued"] = {"date-parts": [[int(found.group("year"))]]}, 0.9
    ref.type = "article-journal"
    return True


def _parse_single_quoted(ref: ParsedReference, text: str) -> bool:
    if "vol. " in text and _parse_ieee_article(ref, text):
        return True
    found = _SINGLE_QUOTED.match(text)
    if found is None:
        return False
    names = _edited_by(found.group("names").strip())
    if not names or not all(n.get("given") for n in names):
        return False
    conf = ref.confidence
    if any(_PUBLISHER_WORDS.search(n["family"]) for n in names):
        names = [{"literal": found.group("names").strip()}]  # a society, not a person
    if found.group("role"):
        ref.editor, conf["editor"] = names, 0.7
    else:
        ref.author, conf["author"] = names, 0.7
    _set_title(ref, found.group("title"), 0.8)
    ref.issued, conf["issued"] = {"date-parts": [[int(found.group("year"))]]}, 0.8
    if found.group("note"):
        ref.unparsed.append(f"({found.group('note')})")  # "(expanded 1992)", "(reproduced in …)"
    rest = found.group("rest").strip(" ,.")
    journal = _SINGLE_QUOTED_JOURNAL.match(rest)
    if journal:
        ref.type = "article-journal"
        _set_container(ref, journal.group("journal"), 0.7)
        ref.volume, conf["volume"] = journal.group("volume"), 0.8
        if journal.group("issue"):
            ref.issue, conf["issue"] = journal.group("issue"), 0.8
        return True
    thesis = _SINGLE_QUOTED_THESIS.match(rest)
    ref.type = "thesis" if thesis else "book"
    ref.publisher, conf["publisher"] = rest[thesis.end() :] if thesis else rest, 0.7
    return True


# After a quoted title, a site or an encyclopedia's name alone, perhaps MLA 7's "Web." and a
# date: "Encyclopedia, <URL> (accessed …)" (Chicago), "Encyclopedia. Web. 06 October, 2022."
_WEB_ENTRY_TAIL = re.compile(
    rf"""^(?P<site>[{_UP}][^.,\d"\u201c\u201d]{{1,80}}?)[.,]?
    (?P<web>\s*Web\.)?
    (?:\s*(?P<dayfirst>\d{{1,2}}\s+)?(?:(?:{_MONTH}),?\s*)?(?:\d{{1,2}},?\s*)?
    (?P<year>(?:1[89]|20)\d{{2}}))?
    [\s.,]*$""",
    re.X,
)


def _parse_quoted_web_entry(ref: ParsedReference, head: str, title: str, after: str) -> bool:
    """ "Author. "Entry." Site. Web. Date." — an encyclopedia's or a site's entry (MLA 7,
    Chicago): the site stands where a journal would, and is flagged for checking."""
    entry = _WEB_ENTRY_TAIL.match(after)
    if entry is None or not (ref.URL or entry.group("web") or entry.group("year")):
        return False
    conf = ref.confidence
    if re.fullmatch(r"\S+", head.strip(" .")):  # "HandWiki.": a site or a group, not a person
        ref.author = [{"literal": head.strip(" .")}]
    else:
        ref.author = _chicago_names(head)
    conf["author"] = 0.7
    _set_title(ref, title, 0.85)
    ref.container_title, conf["container-title"] = entry.group("site").strip(), 0.6
    if entry.group("year"):
        # MLA 7 puts the date it was read after "Web.": a year, but perhaps not the entry's
        ref.issued = {"date-parts": [[int(entry.group("year"))]]}
        conf["issued"] = 0.5 if entry.group("web") else 0.8
    # MLA writes the day first ("12 Mar. 2019") or "Web."; Chicago "March 12, 2019"
    ref.style = "mla" if entry.group("web") or entry.group("dayfirst") else "chicago"
    return True


# AMA's web page: "Author. Title. Site. Published March 3, 2020. Updated May 1, 2021."
_WEB_DATE = re.compile(
    rf"(?<=[.?!])\s+(?P<what>Published|Updated|Last updated)\s+(?:on\s+)?"
    rf"(?:{_MONTH_WORD}\s+(?:\d{{1,2}},?\s+)?|\d{{1,2}}\s+{_MONTH_WORD}\s+)?"
    r"(?P<year>(?:1[89]|20)\d{2})\.?(?=\s|$)"
)


def _web_dates(ref: ParsedReference, text: str) -> str:
    """The page's own dates out of the text: "Published" gives the year, "Updated" is kept."""
    for match in reversed(list(_WEB_DATE.finditer(text))):
        if match.group("what") == "Published" and not ref.issued:
            ref.issued = {"date-parts": [[int(match.group("year"))]]}
            ref.confidence["issued"] = 0.85
        else:
            ref.unparsed.append(match.group(0).strip())
        text = f"{text[: match.start()]} {text[match.end() :]}".strip()
    return text


_NOTE_AFTER_END = re.compile(r"(?<=[\w)])\.\s*(?P<note>\[[^\[\]]{1,200}\])\s*$")
_COPYRIGHT_YEAR = re.compile(r";\s*c(?=(?:1[89]|20)\d{2}\b)")


_EDITION_THEN_COMMA = re.compile(
    r"(\(\s*\d{1,2}(?:st|nd|rd|th)\s+[Ee]d(?:ition|n)?\.?\s*\))\s*,\s+(?=[A-Z][a-z])"
)


def _parse(raw: str) -> ParsedReference:
    ref = ParsedReference(raw=raw)
    conf = ref.confidence
    text = _normalise(raw)
    if not text:
        return ref

    # Identifiers first: they contain dots and slashes that would confuse everything else.
    doi_match = _DOI.search(text)
    if doi_match:
        ref.DOI = _clean_doi(doi_match.group("doi"))
        conf["DOI"] = 0.99
        start, end = doi_match.start(), doi_match.start() + len(ref.DOI)
        prefix = _DOI_PREFIX.search(text, max(0, start - 32), start)
        if prefix or not re.search(r"https?://\S*$", text[:start]):
            text = f"{text[: prefix.start() if prefix else start]} {text[end:]}".strip()
            again = text.lower().find(ref.DOI.lower())
            if again >= 0:  # "…14–22. https://doi.org/10.1016/x DOI: 10.1016/x": typed twice
                prefix = _DOI_PREFIX.search(text, max(0, again - 32), again)
                cut = prefix.start() if prefix else again
                text = f"{text[:cut]} {text[again + len(ref.DOI) :]}".strip()
        # else the DOI is part of a publisher's address, which stays whole as the URL
    url_match = _URL.search(text) if "http" in text or "www." in text else None
    if url_match:
        url = url_match.group("url").rstrip(".,;)")
        broken = re.match(r"\s+(/\S+)", text[url_match.start("url") + len(url) :])
        if broken and not url.endswith("/"):  # "http://www.example.com /?q=blog": a pasted gap
            url += broken.group(1).rstrip(".,;)")
            text = (
                text[: url_match.start("url")] + url + text[url_match.start("url") + len(url) + 1 :]
            )
        resolver = re.match(r"https?://(?:dx\.)?doi\.org/", url, re.I)
        if not (resolver and ref.DOI and normalise_doi(url).lower() == ref.DOI.lower()):
            ref.URL = url  # the DOI typed a second time as a link is no other address
            conf["URL"] = 0.95
        after = url_match.start("url") + len(url)
        after += text.startswith(">", after)  # "<https://…>" (Harvard's "Available at:")
        text = f"{text[: url_match.start()]} {text[after:]}".strip()
    if not text.strip(" .,;"):
        return ref  # a DOI or a URL alone: the admin looks it up or the editor fills the rest

    lowered = text.lower()
    status_match = (
        _STATUS_ONLINE.search(text)
        if "online" in lowered or "epub" in lowered or "early view" in lowered
        else None
    )
    if status_match:
        ref.status = "advance online publication"
        conf["status"] = 0.95
        # "(2020, online first)": the year's parenthesis closes again; elsewhere a sentence ends
        joint = "" if text.startswith(")", status_match.end()) else ". "
        before, after = text[: status_match.start()], text[status_match.end() :]
        dated = _YEAR_WORD.search(status_match.group(0))
        if dated and joint and not _YEAR_WORD.search(before + after):
            # AMA: "Journal. Published online March 3, 2021. doi:…": its only date is the year
            joint = f". {dated.group(0)}. "
        text = f"{before}{joint}{after}".strip()

    text = _NO_SPACE_AFTER_COMMA.sub(", ", text)
    text = _NO_SPACE_AFTER_STOP.sub(". ", text)
    if "?" in text or "!" in text:
        text = _NO_SPACE_AFTER_QUESTION.sub(r"\1 ", text)
    text = _NO_SPACE_AFTER_INITIAL.sub(r"\1. ", text)
    text = re.sub(r"\)\.(?=\S)", "). ", text)
    if " . " in text:  # "Handbook, 3rd ed . New York", "JAMA . 2010;303": a space typed before
        text = re.sub(r"(?<=[A-Za-z])\s+\.(?=\s)", ".", text)
    text = re.sub(r"(?<=[a-z])\.(?=\d)", ". ", text)  # "Cogn. Behav. Pract.15. 263-276"
    text = _GLUED_VOLUME.sub(r"\g<0> ", text)
    if "Spec" in text or "Suppl" in text:
        text = _SPECIAL_ISSUE.sub(r"\g<volume>(\g<issue>):", text)
    if "d.)," in text or "d)," in text or "n)," in text:
        text = _EDITION_THEN_COMMA.sub(r"\1. ", text)  # "Title (6th Ed.), Hoboken, NJ: …"
    text = _WS.sub(" ", text).strip()

    text = _collapse_punctuation(_strip_noise(ref, text))
    if ref.URL and ("Published" in text or "Updated" in text):
        text = _web_dates(ref, text)
    if text.endswith("]") and (note := _NOTE_AFTER_END.search(text)):
        # "… 2007. [Library REF WZ 345]": a note after the reference's last full stop
        ref.unparsed.append(note.group("note"))
        text = text[: note.start() + 1]
    if "; c" in text:  # NLM's copyright year, "Publisher; c2006."
        text = _COPYRIGHT_YEAR.sub("; ", text)
    # Styles that put the year after the title: tried first, they fail fast on APA.
    if "//" in text and _parse_gost(ref, text):
        return ref
    if "\u2116" in text and _parse_numbered_short(ref, text):
        return ref
    if " v. " in text and _parse_abnt(ref, text):
        return ref
    if "et al" in text and _parse_etal_short(ref, text):
        return ref
    if (
        _YEAR_NEAR_END.search(text, max(0, len(text) - 40))
        or _PUBLISHER_YEAR_END.search(text, max(0, len(text) - 12))
    ) and _parse_year_last(ref, text):
        return ref
    if ("\u201c" in text or '"' in text) and _parse_quoted(ref, text):
        return ref
    if ("'" in text or "\u2018" in text) and _parse_single_quoted(ref, text):
        return ref
    if not _PAREN_YEAR.search(text) and _parse_vancouver(ref, text):
        return ref

    year = _YEAR.search(text)
    if year and year.group("year"):
        ref.issued = {"date-parts": [[int(year.group("year"))]]}
        conf["issued"] = 0.98
    elif year:
        label = _WS.sub(" ", year.group("inpress").lower())
        if not label.startswith(("n", "?")):  # "in press" and its translations, not "n.d."
            # a manuscript not yet accepted keeps its own words: "under review", "submitted"
            ref.status = next((s for s in _NOT_YET_ACCEPTED if s in label), "in press")
            conf["status"] = 0.95
        if year.group("pressyear"):
            ref.issued = {"date-parts": [[int(year.group("pressyear"))]]}
            conf["issued"] = 0.9
    else:
        year = _YEAR_BARE.search(text)
        if (
            year is None
            and (after_names := _YEAR_AFTER_NAMES.search(text, 0, 80))
            and _NAMES_ONLY.fullmatch(text[: after_names.start()])
        ):
            year = after_names  # "Ruud, Even 2002. Title. Publisher" (Scandinavian lists)
        if year is None:
            year = _YEAR_AFTER_NLM_NAMES.match(text)  # "Reid J 1994 Title." (nursing lists)
        if year:
            ref.issued = {"date-parts": [[int(year.group("year"))]]}
            conf["issued"] = 0.7
    if not year:
        if ref.URL and _parse_web_page(ref, text):
            return ref
        # Without a year there is no anchor to tell authors from title: guessing would put
        # wrong values in front of the editor, so everything is flagged instead.
        ref.unparsed.append(text)
        return ref
    # (the names are part of the match that anchors a year bare after NLM's names)
    start = year.start("year") if year.re is _YEAR_AFTER_NLM_NAMES else year.start()
    head, rest = text[:start].strip(), text[year.end() :].strip()
    # APA closes the year with a full stop, "(2001)."; Harvard's variants (BJPsych, Springer,
    # Cite Them Right) write "(2001) Title" or "2001. Title" without the parentheses.
    apa = year.re is _YEAR and (year.group(0).endswith(".") or rest.startswith(":"))
    ref.style = "apa" if apa else "harvard"
    if (
        _parse_journal_first(ref, head, rest)
        or _parse_chicago_unquoted(ref, head, rest)
        or not rest.strip(" .")
        and _parse_names_then_book(ref, head)
    ):
        return ref

    title_first = ""
    if head and _title_in_author_place(head):
        # APA without an author: "Title of the piece. (2019, May 3). Source, p. A12." — the
        # title moves to the front; a sentence in lower-case words names no group
        _parse_rest(ref, f"{head} {rest.lstrip(':,').strip()}")
        title = ref.title
        _set_title(ref, head, 0.7)  # the one sentence before the date, whatever came after
        if title != ref.title:
            ref.confidence["title"] = 0.5
        return ref
    if head:
        role = _EDITOR_ROLE.search(head)
        names, leftovers = _family_first_names(head[: role.start()] if role else head)
        after = _EDITOR_ROLE_AFTER_YEAR.match(rest) if not role and rest[:1] == "(" else None
        if after:  # "Surname, A. and Surname, B. (2012)(Eds.). Title": the role after the year
            role, rest = after, rest[after.end() :]
        if leftovers and not role:
            # "Title. Elkin, I., Falconnier, L. (2006). Journal, 16(2), 144-160.": a listing
            # that puts the title first; the authors are what parses cleanly after it.
            for boundary in _BOUNDARY.finditer(head):
                later, later_left = _family_first_names(head[boundary.end() :])
                if later and not later_left:
                    title_first = head[: boundary.end()].strip()
                    names, leftovers = later, []
                    break
        if role:
            ref.editor = names
            ref.type = "book"
            conf["editor"] = 0.9 if names else 0.3
        else:
            ref.author = names
            conf["author"] = 0.95 if names and not leftovers else 0.5
            if names and not any(n.get("given") or n.get("literal") for n in names):
                conf["author"] = 0.7  # surnames alone: a group's name would read the same
        ref.unparsed.extend(leftovers)
        if year.re is _YEAR_AFTER_NAMES and head.count(",") >= 2 and not _AND.search(head):
            # "Wigram, Nygaard Pedersen, Bonde 2002.": three names or more without initials
            # are surnames ("Surname, Given" is two); flagged, a given name reads the same
            ref.author = [{"family": part.strip()} for part in head.split(",")]
            conf["author"] = 0.6

    # "(2019): Title" (Taylor & Francis "To cite"), "(2019), "Title"" (Emerald)
    rest = rest.strip().lstrip(":,").strip()
    if rest:
        _parse_rest(ref, rest)
    if (
        ref.URL
        and ref.type == "book"
        and ref.publisher
        and not ref.publisher_place
        and _DAY_OR_MONTH.search(year.group(0))
    ):
        # "(2019, July 31). Title. Psychiatric News. https://…": a dated page or news item;
        # the name after its title is the site's or the paper's, not a publisher's
        _set_container(ref, ref.publisher, 0.7)
        ref.publisher, ref.type = "", "webpage"
        ref.confidence.pop("publisher", None)
    if title_first and not ref.title:
        _set_title(ref, title_first, 0.7)
    if ref.status and ref.status != "in press" and ref.type == "article-journal":
        conf.setdefault("status", 0.95)
    return ref


_DAY_OR_MONTH = re.compile(rf"\d{{4}},\s*(?:{_MONTH_WORD}|\d{{1,2}}\s+{_MONTH_WORD})")
_SECTION_PAGE = re.compile(
    rf",\s*pp?\.\s*(?P<page>[A-Z]\d{{1,3}}(?:\s*{_DASH}\s*[A-Z]?\d{{1,3}})?)[\s.]*$"
)


_ACRONYM_END = re.compile(r"\s\([A-Z]{2,}[A-Z\d&-]*\)\.$")


def _title_in_author_place(head: str) -> bool:
    """A title where the authors go: one sentence, three words or more in lower case, and
    nothing that looks like a person's initials or a list of names."""
    if head[-1:] not in ".?!" or "," in head or "&" in head:
        return False
    if head.endswith(").") and _ACRONYM_END.search(head):
        return False  # "Institut national de la santé (INSERM).": a group and its acronym
    if re.search(rf"(?:^|\s)[{_UP}]\.", head):
        return False
    return len(_LOWER_WORD.findall(head)) >= 3 and not _BOUNDARY.search(head.rstrip(".?! "))


# "Journal, in press." — the status typed where the volume would be.
_IN_PRESS_TAIL = re.compile(r"[.,;]?\s*\(?\b(?:in press|forthcoming)\b\)?[\s.]*$", re.I)
# A closing sentence in parentheses ("(Changes may still occur…)", "(available from … upon
# request)"): a note for the reader, kept in ``unparsed``; "(2nd ed.)" is no such note.
_PAREN_NOTE = re.compile(r"\s*\((?P<note>[A-Za-z][^()]*\s[^()]*\s[^()]*)\)[\s.]*$")
# and any short one after the last full stop: "… 51, 3-16. (Australia)", "Author. (Guidelines)"
_NOTE_AFTER_STOP = re.compile(r"(?<=\.)\s*\((?P<note>[A-Z][^()]{2,60})\)[\s.]*$")
_BOOK_PAREN_WORDS = re.compile(r"\b(?:ed|eds|edn|edition|pp?|vol|no|Hrsg|red)\b\.?", re.I)
# What an APA writer puts where a publisher would be for work that has none.
_NOT_PUBLISHED = re.compile(
    r"^(?:Unpublished\b|Manuscript (?:submitted|in preparation|under review|under revision)|"
    r"(?:Paper|Poster) presented\b|Preside\w* address\b|Keynote\b|Invited address\b|"
    r"Symposium\b|Workshop\b|Submitted for publication\b)",
    re.I,
)


# where a reference was read, its address lost: no publisher
_ACCESS_LABEL = re.compile(r"(?:Available|Retrieved|Accessed)(?:\s+(?:at|from|online))?", re.I)
_LOCATION_ONLY = re.compile(
    rf"^(?P<volume>\d+[A-Za-z]?)\s*(?:\((?P<issue>[^()]{{1,20}})\))?\s*:\s*(?P<page>{_LOCATOR})"
    r"[\s.]*$"
)


_CHICAGO_VOLUME = re.compile(r"\s(?P<volume>\d+[A-Za-z]?)(?:,\s*no\.\s*(?P<issue>[\w-]+))?$")
_CHICAGO_PAGES = re.compile(rf"^(?::\s*(?P<page>{_LOCATOR}))?[\s.]*$")


def _parse_chicago_unquoted(ref: ParsedReference, head: str, rest: str) -> bool:
    """Chicago with its quotation marks lost: "Authors. Title. Journal 7, no. 2 (2023): 6-11"."""
    volume, pages = _CHICAGO_VOLUME.search(head), _CHICAGO_PAGES.match(rest)
    if volume is None or pages is None:
        return False
    leading = _leading_names(head[: volume.start()].strip())
    if not leading:
        return False
    title, journal = _title_and_journal(leading[1])
    if not (title and journal):
        return False
    ref.author, ref.confidence["author"] = leading[0], 0.8
    _set_title(ref, title, 0.8)
    _set_container(ref, journal, 0.8)
    ref.volume, ref.confidence["volume"] = volume.group("volume"), 0.85
    if volume.group("issue"):
        ref.issue, ref.confidence["issue"] = volume.group("issue"), 0.85
    if pages.group("page"):
        _set_locator(ref, pages.group("page"), 0.85)
    ref.style = "chicago"
    return True


# An encyclopedia's or a law review's bibliography: "Robert E. Hales and Stuart C. Yudofsky
# (eds.), Essentials of Clinical Psychiatry (1999)", "Glen O. Gabbard, Psychodynamic Psychiatry,
# 3rd ed. (2000)": names given name first, a comma, the book's title, the year alone at the end
_NAMES_THEN_BOOK = re.compile(
    r"^(?P<names>[^,()]{3,160}?)(?:\s*\((?P<role>eds?)\.?\)|,\s*(?P<role2>eds?)\.)?,\s+"
    rf"(?P<title>[{_UP}\d][^()]{{2,300}}?)"
    r"(?:,\s*(?P<edition>\d+\s*(?:st|nd|rd|th)\s*ed(?:ition|n)?\.?))?"
    r"(?:,\s*(?P<volumes>\d+\s+vols?\.?))?$",
    re.I,
)


_GROUP_NAME = re.compile(rf"\b{_GROUP_WORDS}\b")


def _parse_names_then_book(ref: ParsedReference, head: str) -> bool:
    """A book as "Given Surname and Given Surname, Title (Year)": the year its last word.

    Taken only where every name before the first comma is written given name first with an
    initial or a second given name ("Kay Redfield Jamison"), or is a group's ("American Academy
    of Pediatrics"); a surname-first list is left to the other readers."""
    match = _NAMES_THEN_BOOK.match(head.strip(" ."))
    if not match:
        return False
    parts = [p for p in re.split(r"\s*&\s*|\s+and\s+", match["names"]) if p]
    if _GROUP_NAME.search(match["names"]) and not (match["role"] or match["role2"]):
        # "American Academy of Pediatrics, Clinical Practice Guidelines (2001)": a group's report
        names = [{"literal": match["names"].strip()}]
    elif all(_GIVEN_FIRST.match(p) and len(p.split()) >= 2 for p in parts):
        names = [_given_first(p) for p in parts]
        if not all(n.get("given") and len(n["given"]) > 1 and n.get("family") for n in names):
            return False
    else:
        return False
    if match["role"] or match["role2"]:
        ref.editor, ref.confidence["editor"] = names, 0.85
    else:
        ref.author, ref.confidence["author"] = names, 0.85
    ref.type = "book"
    _set_title(ref, match["title"], 0.8)
    if match["edition"]:
        ref.edition = re.match(r"\d+", match["edition"])[0]
        ref.confidence["edition"] = 0.85
    if match["volumes"]:
        ref.unparsed.append(match["volumes"])
    ref.style = "chicago"
    return True


def _parse_journal_first(ref: ParsedReference, head: str, rest: str) -> bool:
    """Springer's "Hollon, S.D. Cognitive Therapy and Research (2003) 27: 71": the authors,
    the journal, the year, then volume and page; no title."""
    location = _LOCATION_ONLY.match(rest)
    if location is None:
        return False
    for boundary in _BOUNDARY.finditer(head):
        names, leftovers = _family_first_names(head[: boundary.end()])
        journal = head[boundary.end() :].strip()
        if names and not leftovers and "given" in names[-1] and _JOURNAL_ONLY.match(journal):
            ref.author, ref.confidence["author"] = names, 0.85
            _set_container(ref, journal, 0.75)
            ref.volume, ref.confidence["volume"] = location.group("volume"), 0.9
            if location.group("issue"):
                ref.issue, ref.confidence["issue"] = location.group("issue"), 0.9
            _set_locator(ref, location.group("page"), 0.9)
            return True
    return False


def _parse_web_page(ref: ParsedReference, text: str) -> bool:
    """ "Society of Clinical Psychology. About this resource. https://… Accessed June 6, 2017."
    — a web page without a date: who wrote it, its title, and (AMA) the site's name."""
    sentences = [p for p in re.split(r"(?<=[.?!])\s+", text.strip(" .")) if p.strip(" .")]
    site = ""
    if (
        len(sentences) == 3
        and not re.search(r"\d", sentences[2])
        and len(sentences[2].split()) <= 8
    ):
        site = sentences.pop().rstrip(".")
    if len(sentences) != 2 or re.search(r"\d", sentences[0]):
        return False
    _set_container(ref, site, 0.5)
    names, leftovers = _family_first_names(sentences[0].rstrip("."))
    ref.author = names if names and not leftovers else [{"literal": sentences[0].rstrip(".")}]
    ref.confidence["author"] = 0.6
    _set_title(ref, sentences[1], 0.6)
    ref.type = "webpage"
    return True


# A title's translation in square brackets after its full stop, before the journal or book
_TRANSLATED_TITLE = re.compile(rf"(?<=[.?!])\s*\[[^\[\]]{{3,250}}\](?=\s*[{_UP}])")


_CHAPTER_PAGES_IN = re.compile(
    rf"[.,]\s*(?P<chapter>Chapter\s+\d+),\s*[Pp]p?\.?\s*(?P<pages>\d+\s*{_DASH}\s*\d+)\s+in\s+(?=[A-Z])"
)
_HASH_ISSUE = re.compile(r"\s*,?\s*#\s*(\d{1,3})\b")
_PP_WITHOUT_STOP = re.compile(r"\bpp\s+(?=\d)")
_NUMBERS_AFTER_STOP = re.compile(
    rf"(?<=[A-Za-z]{{4}})\.\s+(?=\d{{1,4}}(?:\s*\(?\d{{1,3}}\)?)?(?:[,:]\s*(?:pp?\.?\s*)?\d+(?:\s*{_DASH}\s*\d+)?)?[\s.]*$)"
)


# Wikipedia's cite book with a chapter: the chapter quoted, its full stop after the quote, the
# book's title, then the publisher (and its place); pages as the page's language labels them
_WIKI_CHAPTER = re.compile(
    r'^["\u201c](?P<chapter>[^"\u201c\u201d]{2,300})["\u201d]\.\s+'
    rf"(?P<book>[{_UP}][^.]{{2,200}}?)\.\s+(?!Retrieved|Accessed|Available|Archived)"
    rf"(?P<after>[{_UP}].{{1,200}})$"
)
_WIKI_ARTICLE = re.compile(r"\d\s*[(:]")
_WIKI_PAGES = re.compile(
    rf"[.,]?\s*(?:pp?|S|σελ|σ|с|str|s)\.\s*(?P<pages>\d+(?:\s*{_DASH}\s*\d+)?)\.?$"
)


def _parse_rest(ref: ParsedReference, rest: str) -> None:
    conf = ref.confidence
    rest = rest.strip()
    in_press = _IN_PRESS_TAIL.search(rest)
    if in_press and in_press.start() > 0:
        ref.status, conf["status"] = "in press", 0.9
        rest = rest[: in_press.start()].strip()
    note = _PAREN_NOTE.search(rest) or (
        _NOTE_AFTER_STOP.search(rest) if rest.endswith((")", ").")) else None
    )
    if note and _THESIS_PAREN.search(rest):
        note = None  # "(Unpublished doctoral thesis, University)": the degree and its school
    if note and not _BOOK_PAREN_WORDS.search(note.group("note")) and note.start() > 0:
        ref.unparsed.append(note.group(0).strip(" ."))
        rest = rest[: note.start()].strip()
    # A note in brackets after the reference ("[cited in…]") is kept, but out of the way.
    while rest.endswith("]") and (note := _TRAILING_NOTE.search(rest)):
        ref.unparsed.insert(0, note.group(0).strip())
        rest = rest[: note.start()].strip()
    translated = _TRANSLATED_TITLE.search(rest) if "[" in rest else None
    if translated:  # APA 7: "Titre original. [English title.] Journal": kept, out of the way
        ref.unparsed.append(translated.group(0).strip())
        rest = f"{rest[: translated.start()]} {rest[translated.end() :]}".strip()
    wiki = _WIKI_CHAPTER.match(rest) if rest[:1] in '"\u201c' else None
    if wiki and (" " not in wiki.group("book") or _WIKI_ARTICLE.search(wiki.group("after"))):
        wiki = None  # '"Title". Hum. Mol. Genet. 12: R125–33.': a journal's abbreviation, a volume
    if wiki and ref.type != "book":  # '"Chapter". Book. Place: Publisher. p. 302.' (a wiki)
        pages = _WIKI_PAGES.search(wiki.group("after"))
        after = wiki.group("after")[: pages.start()] if pages else wiki.group("after")
        _parse_chapter(ref, wiki.group("chapter"), f"{wiki.group('book')}. {after}")
        if pages and not ref.page:
            _set_locator(ref, _dash(pages.group("pages")), 0.8)
        return
    numbered = _CHAPTER_PAGES_IN.search(rest) if "hapter" in rest else None
    if numbered and ref.type != "book":  # "Title. Chapter 6, Pp. 127-152 in Book. Place: Pub."
        ref.unparsed.append(numbered.group("chapter"))
        _parse_chapter(ref, rest[: numbered.start()], rest[numbered.end() :])
        _set_locator(ref, _dash(numbered.group("pages")), 0.85)
        return
    in_book = _IN_BOOK.search(rest) if "In" in rest or ", in " in rest or ". I " in rest else None
    if in_book and not _EDITORS_ROLE.search(rest) and (_journal_tail(rest) or _alt_tail(rest)):
        in_book = None  # "In Session: Psychotherapy in Practice, 1, 33–46" is a journal
    if in_book and ref.type != "book":
        _parse_chapter(ref, rest[: in_book.start()], rest[in_book.end() :])
        return

    section = _SECTION_PAGE.search(rest) if "p." in rest else None
    if section and ref.type != "book":
        # A newspaper's section page, "Title. The Daily Example, p. A12.": no volume, and a
        # letter before the number that no book's page range has
        title, container = _title_and_journal(rest[: section.start()])
        if title and container:
            ref.type = "article-journal"  # the admin's kinds have no newspaper
            _set_title(ref, title, 0.85)
            _set_container(ref, container, 0.8)
            ref.page, conf["page"] = _dash(section.group("page")), 0.85
            return

    if "#" in rest:  # "Vol 17, #1, pp 68-77": the issue numbered with "#"
        rest = _HASH_ISSUE.sub(r" (\1)", rest)
    if "pp " in rest:
        rest = _PP_WITHOUT_STOP.sub("pp. ", rest)
    numbers = (
        _NUMBERS_AFTER_STOP.search(rest, max(0, len(rest) - 40))
        if rest[-1:].isdigit() or rest[-2:-1].isdigit()
        else None
    )
    if numbers and _JOURNAL_NAME.search(_split_last_sentence(rest[: numbers.start()])[1] or ""):
        # "Title. Journal of Family Therapy. 23 1, pp 46 – 62.": the comma typed as a stop
        rest = f"{rest[: numbers.start()]}, {rest[numbers.end() :]}"
    # Taylor & Francis "…, Journal, 16:02, 161-172" before APA reads "161-172" as a volume
    tail = (
        next((m for p in _early_tails(rest) if (m := p.search(rest)) and m.start() > 0), None)
        or _journal_tail(rest)
        or _alt_tail(rest)
    )
    if (
        tail
        and not (tail.group("issue") or tail.group("page"))
        and _VOLUME_BEFORE.search(rest, 0, tail.start())
    ):
        tail = _alt_tail(rest) or tail  # "Nature 465, 989.": the volume is before the comma
    if tail and ref.type == "book" and not (tail.group("issue") and tail.group("page")):
        tail = None  # editors of a special issue ("(Eds.). (2018). Title. Journal, 55(4), 1-9")
    pages_only = None if tail or ref.type == "book" else _PAGES_ONLY.search(rest)
    if pages_only and not _title_and_journal(rest[: pages_only.start()])[0]:
        pages_only = None
    if pages_only:  # "Title. Journal, 1–15.": an article whose volume is not given yet
        title, container = _title_and_journal(rest[: pages_only.start()])
        ref.type = "article-journal"
        _set_title(ref, title, 0.85)
        _set_container(ref, container, 0.8)
        ref.page, conf["page"] = _dash(pages_only.group("page")), 0.8
        return
    if tail and (tail.group("volume") or tail.group("issue")):
        head = rest[: tail.start()]
        title, container = _title_and_journal(head)
        ref.type = "article-journal"
        _set_title(ref, title, 0.9 if title else 0.0)
        _set_container(ref, container, 0.9 if title else 0.5)
        if tail.group("volume"):
            ref.volume = _dash(tail.group("volume"))
            conf["volume"] = 0.95
        issue = tail.group("issue") or (tail.groupdict().get("issue2") or "")
        page = tail.group("page")
        if not issue and page and _SPACED_ISSUE.search(tail.group(0)):
            issue, page = page, ""  # Semantic Scholar's "Journal, 58 4": volume and issue
        if issue:
            # "62(2-A)": a lettered part of the issue (Dissertation Abstracts' A and B) is no range
            issue = issue.strip()
            ref.issue = issue if _LETTERED_ISSUE.fullmatch(issue) else _dash(issue)
            conf["issue"] = 0.95
        if tail.groupdict().get("number"):
            ref.number = tail.group("number").strip(".")
            conf["number"] = 0.95
        elif page and not re.search(_DASH, page) and (re.match("[A-Za-z]", page) or len(page) > 5):
            ref.number = page  # e.g. "e100100" or "CD004687": an article number, not a page
            conf["number"] = 0.8
        elif page:
            ref.page = _dash(page)
            conf["page"] = 0.95
        return

    if ref.status:
        # Advance-online and in-press articles have no volume yet: "Title. Journal."
        title, container = _title_and_journal(rest)
        _set_title(ref, title if container and title else rest, 0.85)
        if container and title:
            _set_container(ref, container, 0.8)
        return

    _parse_book(ref, rest)


_ALT_TAILS = (
    # "Psychological Bulletin, 86 (1): 80 – 92", "J. Clin. Psychol. 51:5740–49",
    # "Psychotherapy 38: 171–185", "Am J Psychiatry. 156 (10): 1563–9", "Journal, 12, (3): 271"
    re.compile(
        rf"[\s,.;]+(?:Vol\.?\s*)?(?P<volume>\d+[A-Za-z]?)\s*(?:,?\s*\(\s*(?P<issue>[^()]{{1,24}}?)\s*\))?"
        rf"\s*:\s*(?:pp?\.\s*)?(?P<page>{_LOCATOR})[\s.,;)]*$"
    ),
    # Taylor & Francis "19:4-5, 418-428", "16:02, 161-172" and "21: 2, 125 — 140"; "49:3 1-10";
    # by hand "48:1, pp. 80-87"
    re.compile(
        rf"[\s,]+(?P<volume>\d+):\s?(?P<issue>\w+(?:{_DASH}\w+)?)(?:,\s*|\s+)(?:pp?\.\s*)?"
        rf"(?P<page>{_LOCATOR})"
        r"[\s.,;]*$"
    ),
    # "55 (4). pp. 399-410", "Journal, 5, 8 – 14)", "Journal, 11 (2), p. 60 – 66"
    re.compile(
        rf"[\s,;]+(?P<volume>\d+)\s*(?:\((?P<issue>[^()]{{1,24}})\))?\s*(?:[.,;]\s*|\s+(?=pp?\.))"
        rf"(?:pp?\.\s*)?(?P<page>\d+\s*{_DASH}\s*\d+)[\s.,;)]*$"
    ),
    # "The Clinical Supervisor 22 (1), July 2004, 21-33" and "Family Process, 38, (4), 399-414"
    re.compile(
        rf"[\s,]+(?P<volume>\d+)\s*,?\s*\((?P<issue>[^()]{{1,24}})\)\s*,\s*"
        rf"(?:(?:{_MONTH})?\s*\d{{4}}\s*,\s*)?(?P<page>\d+\s*{_DASH}\s*\d+)[\s.,;]*$"
    ),
    # "…Physical Activity 9, Article 23"
    re.compile(
        r"\s(?P<volume>\d+)\s*(?:\((?P<issue>[^()]{1,24})\))?,\s*(?:Article|Art\.)"
        # "…Reviews, 19, Article ID: CD004381"
        r"(?:\s+(?:ID|No\.?|number))?\s*:?\s*(?P<page>\w+)[\s.]*$"
    ),
    # "Vol 78(1), Feb 2010, pages 72-79", "Volume 31, Issue 6 , August 2011, Pages 1032–1040"
    re.compile(
        rf"[\s,]+Vol(?:ume)?\.?\s*(?P<volume>\d+)\s*(?:\((?P<issue>[^()]{{1,24}})\)|\s*,\s*Issue\s*(?P<issue2>\w+))?"
        rf"\s*,?(?:\s*(?:{_MONTH})?\s*\d{{4}})?\s*,\s*(?:pages?|pp?\.)?\s*(?P<page>{_LOCATOR})[\s.,;]*$",
        re.I,
    ),
    # "Journal 25(3) 301-309" (no commas at all) and "Journal, 25, 3, 301-309"
    re.compile(rf"\s(?P<volume>\d+)\s*\((?P<issue>[^()]{{1,24}})\)\s+(?P<page>{_LOCATOR})[\s.]*$"),
    # Elsevier's Harvard "Nature 465, 989." and "Journal 12, 45-67": no comma after the name
    re.compile(
        rf"(?<=[A-Za-z])\s(?P<volume>(?!(?:1[89]|20)\d\d\b)\d{{1,4}}[A-Za-z]?),\s*(?P<issue>)"
        rf"(?P<page>{_LOCATOR})[\s.]*$"
    ),
    # "…Journal of Counseling, (2). 86.": the issue without its volume, pages after a stop
    re.compile(
        rf",\s*(?P<volume>)\((?P<issue>\d{{1,3}})\)[.,:]\s*(?:pp?\.\s*)?(?P<page>{_LOCATOR})[\s.]*$"
    ),
    # "…Cochrane Database of Systematic Reviews(7).": the issue glued to the name, no volume
    re.compile(r"(?<=[a-z])(?P<volume>)\((?P<issue>\d{1,3})\)(?P<page>)[\s.]*$"),
    # "…Journal, 58 4" and "…Journal, 44" (Semantic Scholar's volume and issue)
    re.compile(r",\s*(?P<volume>\d{1,4})(?:\s+(?P<issue>\d{1,3}))?(?P<page>)\s*$"),
)


_LETTERED_ISSUE = re.compile(r"\d+-[A-Z]")
_VOLUME_BEFORE = re.compile(r"[A-Za-z]\s\d{1,4}[A-Za-z]?$")
_PAGES_ONLY = re.compile(rf"[,.]\s*(?P<page>\d+\s*{_DASH}\s*\d+)[\s.]*$")
# Two numbers apart by a space only: volume and issue (the page would follow a comma or colon)
_SPACED_ISSUE = re.compile(r"\d\s+\d{1,3}[\s.]*$")


# Tails that APA's pattern would misread ("Journal, 25, 3, 301-309" as volume 3): tried first.
# Chicago author-date's "Journal 46, no. 1: 59-81" (its year already read at the start),
# and "Journal 287, no. 5 (February 6)" before a link; looked for only where "no." is
_CHICAGO_NO_TAIL = re.compile(
    rf"(?<=[A-Za-z]),?\s(?P<volume>\d+[A-Za-z]?),\s*no\.\s*(?P<issue>[\w{DASHES}]+)"
    rf"(?:\s*\((?:{_MONTH})[^()]{{0,12}}\))?(?:\s*:\s*(?P<page>{_LOCATOR}))?[\s.,]*$"
)
_EARLY_TAILS = (
    _ALT_TAILS[1],
    # "Journal of Family Therapy. 23 1, pp 46 – 62.": volume and issue apart by a space only
    re.compile(
        rf"[\s,.]+(?P<volume>\d{{1,4}})\s+(?P<issue>\d{{1,3}}),\s*pp?\.?\s*"
        rf"(?P<page>\d+\s*{_DASH}\s*\d+)[\s.]*$"
    ),
    # EBSCO's "Copy citation": "Journal. Vol. 57 Issue 5, p629-644. 16p." (and its page count)
    re.compile(
        rf"[\s,.]+Vol\.\s*(?P<volume>\d+)\s+Issue\s+(?P<issue>[\w{DASHES}]+),\s*"
        rf"p\.?\s?(?P<page>\d+\s*{_DASH}\s*\d+|\d+)\.?(?:\s*\d+p\.?)?\s*$"
    ),
    # "Journal, 25, 3, 301-309"
    re.compile(
        rf",\s*(?P<volume>\d+),\s*(?P<issue>\d{{1,2}}),\s*(?P<page>\d+\s*{_DASH}\s*\d+)[\s.]*$"
    ),
    # "Journal, Vol. 25, No. 3, pp. 301-309", "Journal, 25, No. 3, 301-309" and Emerald's
    # "Journal, Vol. 25 No. 3, pp. 301-309"
    re.compile(
        rf"[\s,]+(?:Vol(?:ume)?\.?\s*)?(?P<volume>\d+)\s*,?\s*(?:No|Issue)\.?\s*(?P<issue>\w+)\s*,"
        rf"\s*(?:pp?\.\s*)?(?P<page>{_LOCATOR})[\s.]*$",
        re.I,
    ),
)


def _early_tails(text: str) -> tuple[re.Pattern[str], ...]:
    if "no." in text:
        return (_EARLY_TAILS[0], _CHICAGO_NO_TAIL, *_EARLY_TAILS[1:])
    return _EARLY_TAILS


def _alt_tail(text: str) -> re.Match[str] | None:
    """Volume, issue and pages as people type them when they do not follow APA."""
    text = text.rstrip()
    for pattern in _ALT_TAILS:
        match = pattern.search(text)
        if match and match.start() > 0 and not _year_as_volume(text, match):
            return match
    return None


def _year_as_volume(text: str, match: re.Match[str]) -> bool:
    """ "…, May 2005, 164-176": the year of an issue's date is not its volume, nor is the day
    of "December 14, 2018" a volume with its page."""
    volume, page = match.group("volume") or "", match.group("page") or ""
    year = r"(?:1[89]|20)\d{2}"
    return bool(
        (re.fullmatch(year, volume) or re.fullmatch(year, page))
        and re.search(rf"(?:{_MONTH})\s*$", text[: match.start("volume")])
    )


_JOURNAL_WORDS = re.compile(r"^(?:in\s+)?(?P<journal>[A-Z][^:?!]{1,120})$")


# A lower-case word running into a capitalised one ("LiteratureThe Personnel…"); names such
# as "McClendon" or "DeRubeis" have one or two lower-case letters before the capital.
_GLUED_JOURNAL = re.compile(rf"(?<=[a-z]{{3}})[a-z](?=[{_UP}][a-z]+\s)")


_LOWER_JOURNAL = re.compile(
    r"(?<!\bvs)(?<!\bcf)[.?!]\s+(?P<journal>(?-i:(?=[a-z]))[^.?!]{0,100}?\b(?:journal|review|bulletin|quarterly|annals|"
    r"archives|psycholog\w*|psychiatr\w*|psychotherapy|therapy|research|medicine)\b[^.?!]*)$",
    re.I,
)


# The last sentence in lower case after a full stop (not after "vs." or "e.g."): the journal
_LOWER_LAST_SENTENCE = re.compile(
    r"(?<!\bvs)(?<!\bcf)(?<!\bal)(?<!\.[a-z])\.\s+(?P<journal>[a-z][^.?!A-Z\d]*[a-z])$"
)
# A journal whose subtitle lists capitalised words: "Psychotherapy: Theory, Research & Practice"
_LISTED_JOURNAL = re.compile(
    rf"^[{_UP}][^,:.?!]{{0,60}}:\s+[{_UP}][a-z]+(?:(?:,\s+|,?\s+(?:and|&)\s+)[{_UP}][a-z]+)+$"
)
_SIGNIFICANT_WORD = re.compile(r"(?<![\w'\u2019-])[^\W\d_]{4,}")  # not after a hyphen


def _title_cased(text: str) -> bool:
    return all(w[0].isupper() for w in _SIGNIFICANT_WORD.findall(text))


def _comma_before_journal(text: str) -> int:
    """Where ", " starts a journal that has commas or a colon of its own, or -1."""
    pos = text.find(", ")
    if pos < 0 or (text.find(", ", pos + 2) < 0 and text.find(": ", pos + 2) < 0):
        return -1
    while pos > 0:
        rest = text[pos + 2 :]
        if ", " in rest and (is_known_title(rest) or _LISTED_JOURNAL.match(rest)):
            return pos
        # "…instruments, Journal of Psychotherapy, Practice and Research": a name in title
        # case with a journal's word after a title in sentence case
        if (
            (", " in rest or ": " in rest)
            and rest[:1].isupper()
            and _title_cased(rest)
            and _JOURNAL_NAME.search(rest)
            and not _title_cased(text[:pos])
        ):
            return pos
        pos = text.find(", ", pos + 2)
    return -1


_JOURNAL_STARTS = re.compile(
    rf"(?<=[a-z])\s+(?=(?:The\s+)?(?:Journal|Annals|Archives|Bulletin)\s+(?:of|on|for)\s+[{_UP}])"
)
_TRAILING_MONTH = re.compile(rf"[\s.,;]+(?:{_MONTH})[\s.;,]*$")
_TRAILING_YEAR = re.compile(r"[.,;]\s*(?:1[89]|20)\d{2}\s*[;,]?$")
_TRAILING_VOL = re.compile(r"[\s,]+Vol(?:ume)?\.?$", re.I)


# "Philosophy, Psychiatry, & Psychology": the last of a series of words names no journal alone
_SERIES_END = re.compile(r"(?:&|and)\s")


def _title_and_journal(head: str) -> tuple[str, str]:
    """Split "Title. Journal" — or "Title, Journal" when the full stop was typed as a comma."""
    head = _TRAILING_MONTH.sub("", head.strip()).rstrip(".,").strip()
    head = _TRAILING_YEAR.sub("", head).strip()  # "Journal, 2006;"
    head = _TRAILING_VOL.sub("", head)  # "Journal, Vol 12(2)"
    stop = head.rfind(". ")
    lower = None
    if stop >= 0 and head[stop + 2 : stop + 3].islower():
        lower = _LOWER_LAST_SENTENCE.search(head, stop)
    if lower:  # "…An update. world psychiatry": a journal typed in lower case
        return head[: lower.start() + 1], lower.group("journal")
    title, container = _split_title_container(head)
    if container and ", " in container:
        # "Does feedback work? A meta-analysis, Psychotherapy Research": the question ends
        # no title; the journal is after the comma when what is before it names no journal
        # (a title in sentence case, "A meta-analytic review", names none).
        comma = _comma_before_journal(container)
        first, last = container.split(", ", 1)[0], container.rsplit(", ", 1)[1]
        if (
            comma < 0
            and not _SERIES_END.match(last)
            and (
                is_known_title(last)
                or (
                    _JOURNAL_ONLY.match(last)
                    and not (_title_cased(first) and _JOURNAL_NAME.search(first))
                )
            )
        ):
            comma = container.rindex(", ")
        if comma >= 0:
            return f"{title} {container[:comma]}", container[comma + 2 :]
    if container:
        return title, container
    comma = _comma_before_journal(head)
    if comma >= 0:  # "Repairing alliance ruptures, Psychotherapy: Theory, Research, Practice…"
        return head[:comma], head[comma + 2 :]
    glued = _GLUED_JOURNAL.search(head)
    if glued:  # "…self-efficacyTraining and Education…": the full stop and space were lost
        return head[: glued.start() + 1], head[glued.start() + 1 :]
    asked = re.search(r"[?!][\u201d\"']?,\s+(?=[A-Z])", head)
    if asked:  # "Time to give psychology away?, Journal of Critical Psychology, Counselling…"
        return head[: asked.start() + 1], head[asked.end() :]
    lower = _LOWER_JOURNAL.search(head)
    if lower:  # "…distraction. annals of behavioral medicine": a journal typed in lower case
        return head[: lower.start() + 1], lower.group("journal")
    # "Healing elements of therapeutic conversation: Dialogue…, Family Process"
    if ", " in head:
        before, after = head.rsplit(", ", 1)
        journal = _JOURNAL_WORDS.match(after.strip())
        if journal and len(after.split()) <= 12:
            return before, journal.group("journal")
    known = known_journal_at_end(head)
    if known and len(known) < len(head):  # "…personality disorder BMC Psychiatry"
        return head[: -len(known)].rstrip(" ,;:"), known
    starts = list(_JOURNAL_STARTS.finditer(head))
    if starts and len(head[starts[-1].end() :].split()) <= 10:
        # "…a brief clinical measure Journal of Brief Therapy": the words a journal's name
        # opens with, capitalised after a lower-case word, start the journal
        return head[: starts[-1].start()], head[starts[-1].end() :]
    return "", head


def _journal_tail(text: str) -> re.Match[str] | None:
    """Match ", 48(1), 80–87." at the end, trying only the last few commas (fast)."""
    commas, pos = [], len(text)
    while len(commas) < 4 and (pos := text.rfind(",", 0, pos)) >= 0:
        commas.append(pos)
    for pos in reversed(commas):  # leftmost first, as a regex search would
        match = _JOURNAL_TAIL.match(text, pos)
        if match and (match.group("volume") or match.group("issue")):
            if re.search(_DASH, match.group("volume") or "") and not (
                match.group("issue") or match.group("page") or match.group("number")
            ):
                continue  # "Journal, 1–15.": a page range alone, not a volume
            return match
    return None


_PUBLISHER_WORDS = re.compile(
    r"\b(?:Press|Publications?|Publishing|Publishers?|Sons|Wiley|Routledge|Guilford|Sage|Books|"
    r"Associates|Erlbaum|Norton|Springer|Elsevier|Blackwell|Verlag|University|Institute|"
    r"Foundation|Association|Ltd|Inc|Bantam|Plume|Pearson|Penguin|Macmillan|Brown|Karnac|imprint)\b"
)
# A sentence that can only be a journal's name: "(International) Journal of …", "… Bulletin",
# "… Quarterly", "Annals of …" (capitalised: "a journal of recovery" is a subtitle)
_JOURNAL_SENTENCE = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w'\u2019\u2013-]*\s+){0,4}(?:Journal|Annals|Archives)\s+(?:of|for)\s+\w"
    r"|^(?:The\s+)?(?:[A-Z][\w'\u2019\u2013-]*\s+){1,6}(?:Journal|Bulletin|Quarterly)[\s.]*$"
)
_JOURNAL_NAME = re.compile(
    r"\b(?:Journal|Review|Bulletin|Quarterly|Annals|Archives|Psycholog\w*|Psychiatr\w*|"
    r"Psychotherapy|Therapy|Research|Science|Medicine|Lancet|JAMA|BMJ)\b",
    re.I,
)
# A DOI only a journal article gets, whatever the journal is called: Springer's "s" + the
# journal's number ("10.1007/s10488-017-0790-5"; its books are "10.1007/978-…"), Elsevier's
# "j." and "S0…" item codes, Taylor & Francis's ISSN-year-number, SAGE's sixteen digits,
# APA's "pst0000172" and "a0022140".
_ARTICLE_DOI = re.compile(
    r"10\.(?:1007/s\d{5}-|1016/(?:j\.|S\d{4}-)|1080/\d{8}\.\d{4}\.|1177/\d{16}|"
    r"1037/(?:[a-z]{3}\d{7}|a\d{7})\b)",
    re.I,
)
_THESIS = re.compile(
    r"^(?:\[\s*)?(?:Unpublished\s+)?(?:(?:doctoral|master'?s|PhD|Ph\.D\.)\s+)?(?:dissertation|thesis)"
    r"(?:\s*\])?\s*[,.]?\s*",
    re.I,
)
_BOOK_PAGES = re.compile(rf",?\s*\bpp?\.?\s*(?P<pages>\d+\s*{_DASH}\s*\d+)\s*\.?$")


_EDITION_AFTER_COMMA = re.compile(
    rf",\s*(?:(?P<ed>\d+)(?:st|nd|rd|th)|(?P<word>{'|'.join(_ORDINAL_WORDS)}))\s+(?:Edition|edn?)\.?\s*$",
    re.I,
)
# A name that can only be a journal's ("Clinical Psychology Review", "Journal of …").
_JOURNAL_ONLY = re.compile(
    r"^(?:(?:The\s+)?(?:Journal|Annals|Archives|Bulletin)\b.*|.*\b(?:Journal|Review|Bulletin|"
    r"Quarterly|Research|Psychotherapy|Psychiatry|Psychology|Medicine|Science|Therapy)\.?)$"
)


_THESIS_BRACKETS = re.compile(
    r"\.?\s*\[(?:Unpublished\s+)?(?:(?:doctoral|master'?s|PhD|Ph\.D\.)\s+)?(?:dissertation|thesis)"
    r"(?:,\s*(?P<school>[^\]]+))?\]\.?",
    re.I,
)
_EDITION_SENTENCE = re.compile(
    rf"\.\s*(?:(?P<ed>\d+)(?:st|nd|rd|th)|(?P<word>{'|'.join(_ORDINAL_WORDS)}))\s+ed(?:ition|n)?\.?\s*$",
    re.I,
)
_THESIS_PAREN = re.compile(
    r"\s*[(\[](?:Unpublished\s+)?(?:(?:doctoral|master'?s|PhD|Ph\.D\.)\s+)?(?:dissertation|thesis)"
    r"(?:,\s*(?P<school>[^()\[\]]+))?[)\]][\s.]*$",
    re.I,
)


# A word in lower case that no publisher's name holds ("approach", "with"): its small words
# ("of", "and", "for", "the", "&") and particles aside
_LOWER_WORD = re.compile(
    r"(?<![\w'\u2019-])(?!(?:of|and|for|the|de|der|des|du|la|le|und|van|von|at|in|on)\b)"
    r"[a-z][a-z]+\b"
)


# "(Report No. 12)"; a series' number: "(Technical report series 804)", "(Research Series No 3)"
_REPORT_NUMBER = re.compile(
    r"\s*\([A-Z][\w-]*\s+(?:[\w-]+\s+){0,3}(?:No\.|[Ss]eries(?:,?\s+No\.?)?)"
    r"\s*(?P<number>\d[\w.\u2010-\u2013-]*|[A-Z][\w.\u2010-\u2013-]*\d[\w.-]*)\s*\)(?=[\s.])"
)


_EDITION_NO_STOP = re.compile(
    r"(?P<paren>\((?:[^()]*(?:\b|(?<=\d[a-z]{2}))ed(?:ition|n)?\b\.?)\))\s+(?=[A-Z][a-z])", re.I
)


# A series or document code in parentheses as a sentence of its own after the title
_SERIES_CODE = re.compile(r"(?<=\.)\s*\((?P<code>[A-Z]{2,}[A-Z\d]*[-\s]?\d+[A-Za-z]?)\)(?=\.\s)")


def _edition_number(match: re.Match[str]) -> str:
    return match.group("ed") or _ORDINAL_WORDS[match.group("word").lower()]


# "(R. Álvarez, Trans.)" after a translated book's title: the translator, kept aside; also
# with the role first, "(transl. W. Kaufmann, 1970)", "(trans. R. G. Smith)", "(trad. …)"
_TRANSLATOR_PAREN = re.compile(
    r"\s*\((?:[^()]{2,80}?,?\s*(?:Trans|Trad|Übers)\."
    r"|(?i:trans(?:l(?:ated)?)?|trad|übers)\.?\s+(?:by\s+)?[A-Z][^()]{1,80})\)"
)
# "Manual (5th ed.) (DSM-5)": the book's short name after its edition, kept aside
_CODE_AFTER_PAREN = re.compile(r"(?<=\))\s*\((?P<code>[A-Z]{2,}[A-Z\d-]*)\)[\s.]*$")


def _comma_place(text: str) -> tuple[str, str] | None:
    match = _COMMA_PLACE.match(text.strip(" ."))
    if match is None:
        return None
    return match.group("title"), f"{match.group('place')}: {match.group('publisher')}"


def _parse_book(ref: ParsedReference, rest: str) -> None:
    ref.type = "book"
    if ")" in rest:  # "Title (2nd ed.) New York: Press": the edition's full stop left out
        rest = _EDITION_NO_STOP.sub(r"\g<paren>. ", rest)
    report = _REPORT_NUMBER.search(rest) if "No" in rest or "eries" in rest else None
    if report:  # APA 7: "Title (Report No. 12). Publisher." — the report's number
        ref.type, ref.number = "report", report.group("number")
        ref.confidence["number"] = 0.85
        before, after = rest[: report.start()], rest[report.end() :]
        if before.endswith(".") and after.startswith("."):
            after = after[1:]  # "Title. (Technical report series 804). Publisher."
        rest = f"{before}{after}"
    code = _SERIES_CODE.search(rest) if "(" in rest else None
    if code:  # "Title. (ACA-13). Place: Publisher.": a series code, kept for the editor
        ref.unparsed.append(code.group("code"))
        rest = f"{rest[: code.start()]}{rest[code.end() + 1 :]}"  # and its full stop
    degree = _THESIS_BRACKETS.search(rest)
    if degree and degree.start() > 0:
        # APA 7: "Title [Doctoral dissertation, University of Ottawa]. Database."
        ref.type = "thesis"
        _set_title(ref, rest[: degree.start()], 0.85)
        if degree.group("school"):
            _set_publisher(ref, degree.group("school"))
        where = rest[degree.end() :].strip(" .")
        if where:
            ref.unparsed.append(where)
        return
    pages = _BOOK_PAGES.search(rest)
    if pages:  # "Flourish, Nicolas Brealey Publishing, p. 47 – 48"
        ref.page, ref.confidence["page"] = _dash(pages.group("pages")), 0.8
        rest = rest[: pages.start()]
    title, publisher = _split_last_sentence(rest)
    endnote = _PLACE_THEN_PUBLISHER.match(rest.strip(" .")) if publisher is None else None
    if endnote and _REGION.match(endnote.group("publisher")):
        endnote = None  # "Title, Harmondsworth, Middlesex": a town and its county, no publisher
    if endnote:  # EndNote's Harvard: "Title, 3rd Edition, Mahwah, NJ, Lawrence Erlbaum."
        title = endnote.group("title")
        publisher = f"{endnote.group('place')}: {endnote.group('publisher')}"
    elif (
        ref.DOI
        and (lower := _LOWER_LAST_SENTENCE.search(rest.strip(" .")))
        and _JOURNAL_NAME.search(lower.group("journal"))
    ):
        # "Title. british journal of psychiatry. https://doi.org/…": the journal in lower case
        ref.type = "article-journal"
        _set_title(ref, rest[: lower.start()], 0.8)
        _set_container(ref, lower.group("journal"), 0.7)
        return
    elif publisher is None and (comma_place := _comma_place(rest)):
        title, publisher = comma_place  # "Title, Alexandria, VA: Author"
    elif publisher is None:
        title, publisher = rest, ""
        # "The Heroic Client, John Wiley & Sons": the full stop typed as a comma
        if ", " in rest.rstrip(" ,"):
            before, after = rest.rstrip(" ,").rsplit(", ", 1)
            if _PUBLISHER_WORDS.search(after):
                title, publisher = before.rstrip(" ,"), after
            elif (
                (
                    _JOURNAL_ONLY.match(after)
                    or (ref.DOI and (_JOURNAL_NAME.search(after) or _ARTICLE_DOI.match(ref.DOI)))
                )
                and not _PUBLISHER_WORDS.search(after)
                and len(after.split()) <= 10
            ):
                # "Title, Psychotherapy Research, DOI: …" (Taylor & Francis, online first)
                ref.type = "article-journal"
                _set_title(ref, before, 0.75)
                _set_container(ref, after, 0.7)
                return
    elif (
        ref.DOI
        and (_JOURNAL_NAME.search(publisher) or _ARTICLE_DOI.match(ref.DOI))
        and not _PUBLISHER_WORDS.search(publisher)
        and ":" not in publisher
    ):
        # "Title. Annual Review of Clinical Psychology. https://doi.org/…": an article
        # whose volume the writer left out, not a book from a publisher of that name.
        ref.type = "article-journal"
        _set_title(ref, title, 0.8)
        _set_container(ref, publisher, 0.7)
        return
    elif (
        title
        and ":" not in publisher
        and not _PUBLISHER_WORDS.search(publisher)
        and (
            _JOURNAL_SENTENCE.search(publisher)
            or is_known_title(publisher.strip(" ."))
            or expand_journal(publisher.strip(" ."))[1]
        )
    ):
        # "Title. International Journal of Adolescence and Youth." and "Title. Clin Child
        # Psychol Psychiatry.": an article typed without its volume (or online first) ends
        # with its journal, which no publisher is named like.
        ref.type = "article-journal"
        _set_title(ref, title, 0.8)
        _set_container(ref, publisher, 0.7)
        return
    elif (
        (ref.URL or (_LOWER_WORD.search(publisher) and not _NOT_PUBLISHED.match(publisher)))
        and len(publisher.split()) >= 6
        and not _PUBLISHER_WORDS.search(publisher)
        and not ((place := _PLACE.match(publisher)) and len(place.group("place").split()) <= 4)
    ):
        # "Title. Results from trials: The available evidence. http://…": a page's title
        # of two sentences, not a publisher; nor is a long sentence with words in lower case
        # ("An integrated approach to …"). With neither, the title is flagged for checking.
        title, publisher = f"{title.rstrip()} {publisher}", ""
    alone = _THESIS_PAREN.match(publisher)
    if alone:  # "Title. (Unpublished doctoral thesis, City University)": a sentence of its own
        ref.type = "thesis"
        publisher = alone.group("school") or ""
    thesis = _THESIS.match(publisher)
    if thesis:
        ref.type = "thesis"
        publisher = publisher[thesis.end() :]
    publisher = _springer_publisher(ref, re.sub(r"^Available from\s+", "", publisher))
    degree = _THESIS_PAREN.search(title)
    if degree:  # "Title (Doctoral dissertation, University of Ottawa)"
        ref.type = "thesis"
        title, publisher = title[: degree.start()], degree.group("school") or publisher
    if ")" in title:
        translator = _TRANSLATOR_PAREN.search(title)
        if translator:  # "Title (R. Name, Trans.)": who translated it, kept aside
            ref.unparsed.append(translator.group(0).strip())
            title = f"{title[: translator.start()]}{title[translator.end() :]}"
        code = _CODE_AFTER_PAREN.search(title)
        if code:  # "Manual (5th ed.) (DSM-5)"
            ref.unparsed.append(code.group("code"))
            title = title[: code.start()]
    paren = _BOOK_PAREN.search(title.rstrip(" .")) if ")" in title or "]" in title else None
    if paren:
        _apply_book_paren(ref, paren.group("inner"))
        title = title.rstrip(" .")[: paren.start()]
    edition = _EDITION_AFTER_COMMA.search(title) or _EDITION_SENTENCE.search(title)
    if edition:  # "Handbook of psychotherapy, 6th Edition", "Title. 2nd ed.", "Second Edition."
        ref.edition, ref.confidence["edition"] = _edition_number(edition), 0.9
        title = title[: edition.start()]
    title, publisher = _place_sentence(title, publisher)
    _set_title(ref, title, 0.85 if publisher else 0.5)
    _set_publisher(ref, publisher)


_CHAPTER_PAREN = re.compile(
    rf"\s*\((?P<inner>[^()]*(?:pp?\.|ed\.|edn\.?|edition|Vol\.)[^()]*?|\s*\d+\s*{_DASH}\s*\d+\s*)"
    rf"(?:\)|(?<=\d)(?=\s+[A-Z][A-Za-z]+(?:[ ,][A-Z][A-Za-z.]*)*:))\.?\s*",
    re.I,
)
_TRAILING_LOCATOR = re.compile(
    rf"(?:[:,.]\s*|\s+)(?:[Pp]p?[.:]?|S\.?)\s*(?P<pages>\d+\s*{_DASH}\s*\d+)\s*\.?\s*$"
    # "… London: Example Press, 33–56." — a chapter's range after its publisher, no "pp."
    rf"|(?<=[A-Za-z]),\s*(?P<bare>\d+\s*{_DASH}\s*\d+)\s*\.?\s*$"
)


# "(Eds.)" in APA; "eds." and "editors." in NLM and AMA ("In: Norcross JC, Lambert MJ, eds.")
_EDITORS_ROLE = re.compile(
    r"\s*(?:\((?:Eds?|Ed\.s|red|Hrsg|Hg|szerk|toim)\.?(?:\s*(?:&|and)\s*Trans\.?)?\)"
    r"|,?\s+(?:eds?|editors?)\.(?=\s))"
    r"\s*[.,]?\s*",
    re.I,
)
_NLM_BOOK_TAIL = re.compile(
    rf"""^(?P<book>.+?)(?:,\s+(?P<ed_comma>\d+)(?:st|nd|rd|th)\s+ed)?\.\s+(?:(?P<ed>\d+)(?:st|nd|rd|th)\s+ed\.\s+)?
    (?:(?P<place>[{_UP}][^.:;]{{1,40}}?)\s*:\s*)?(?P<publisher>(?:[^.;:]|{_COMPANY}){{2,80}}?)\s*[;,]\s*
    (?P<year>(?:1[89]|20)\d{{2}})
    (?:\s*:\s*(?P<pages>\d+\s*{_DASH}\s*\d+)|[.,]?\s*pp?\.\s*(?P<pages2>\d+\s*{_DASH}\s*\d+))?
    (?:[.,]?\s*(?P<chapter>Chapter\s+\w+))?  # NLM's book on the Internet: "2012. Chapter 18."
    [\s.]*$""",
    re.X,
)


def _nlm_book_tail(ref: ParsedReference, book: str) -> bool:
    """ "Book. 2nd ed. New York, NY: Publisher; 2011:100-120." (AMA) or "…; 2011. p. 100-20."
    (NLM): the book, edition, place, publisher, year and pages of a chapter."""
    match = _NLM_BOOK_TAIL.match(book.strip())
    if match is None:
        return False
    conf = ref.confidence
    ref.container_title, conf["container-title"] = match.group("book").strip(), 0.85
    if match.group("ed") or match.group("ed_comma"):  # "Book. 3rd ed." or "Book, 3rd ed."
        ref.edition, conf["edition"] = match.group("ed") or match.group("ed_comma"), 0.9
    ref.publisher_place = (match.group("place") or "").strip()  # AMA 11 leaves it out
    ref.publisher = match.group("publisher").strip()
    conf["publisher"] = 0.85 if ref.publisher_place else 0.75
    if not ref.issued:
        ref.issued, conf["issued"] = {"date-parts": [[int(match.group("year"))]]}, 0.9
    pages = match.group("pages") or match.group("pages2")
    if pages:
        ref.page, conf["page"] = _dash(pages), 0.9
    if match.group("chapter"):
        ref.unparsed.append(match.group("chapter"))
    return True


# Chicago author-date's chapter, the year already read at the start
_CHICAGO_DATE_CHAPTER = re.compile(
    rf"^(?P<book>[^,]+(?:,[^,]+?)??),\s+(?:edited\s+by|eds?\.?)\s+(?P<editors>[^,]+),\s*"
    rf"(?P<page>\d+\s*{_DASH}\s*\d+)\.\s*(?P<place>[{_UP}][^:.]{{1,40}}):\s*(?P<publisher>[^:]{{2,80}})$"
)


_GIVEN_FIRST_NAME = rf"(?:[{_UP}]\.\s?(?:{_DASH}\s?)?)+[{_UP}][\w'\u2019{DASHES}]+"
_EDITORS_WITHOUT_ROLE = re.compile(
    rf"(?P<names>{_GIVEN_FIRST_NAME}(?:(?:,\s*|\s*,?\s*(?:&|and)\s+){_GIVEN_FIRST_NAME})*),\s+(?=[{_UP}][a-z])"
)
_PAGES_BEFORE_IN = re.compile(rf"[\s.]*\(pp?\.?\s*(?P<page>\d+\s*{_DASH}\s*\d+)\)[\s.)]*$")


def _parse_chapter(ref: ParsedReference, title: str, after_in: str) -> None:
    conf = ref.confidence
    ref.type = "chapter"
    pages = _PAGES_BEFORE_IN.search(title) if "p" in title[-30:] else None
    if pages:  # "Title (pp. 91-106). In A. Editor (Ed.), Book.": the pages before the book
        _set_locator(ref, _dash(pages.group("page")), 0.85)
        title = title[: pages.start()]
    _set_title(ref, title, 0.9)
    chicago = _CHICAGO_DATE_CHAPTER.match(after_in.strip())
    if chicago:  # "In Book, edited by A. Name and B. Name, 1-10. Place: Publisher."
        ref.editor = _edited_by(chicago.group("editors"))
        conf["editor"] = 0.8 if ref.editor else 0.3
        ref.container_title, conf["container-title"] = chicago.group("book").strip(), 0.8
        ref.page, conf["page"] = _dash(chicago.group("page")), 0.85
        ref.publisher_place = chicago.group("place").strip()
        ref.publisher, conf["publisher"] = chicago.group("publisher").strip(" ."), 0.8
        return
    role = _EDITORS_ROLE.search(after_in)
    unroled = None if role else _EDITORS_WITHOUT_ROLE.match(after_in)
    if role:
        ref.editor = _given_first_names(after_in[: role.start()])
        conf["editor"] = 0.9 if ref.editor else 0.3
        book = after_in[role.end() :]
    elif unroled:  # "In S. Name & H. Name, Book (5th ed.)": the "(Eds.)" left out, flagged
        ref.editor, conf["editor"] = _given_first_names(unroled.group("names")), 0.6
        book = after_in[unroled.end() :]
    else:
        book = after_in
    if _nlm_book_tail(ref, book):
        return
    # The book's own parenthetical ("6th ed., pp. 169–218") separates its title from the
    # publisher even when the book title itself contains full stops.
    paren = _CHAPTER_PAREN.search(book)
    if paren:
        book_title, publisher = book[: paren.start()], book[paren.end() :]
        _apply_book_paren(ref, paren.group("inner"))
        edition = _EDITION_AFTER_COMMA.search(book_title)
        if edition:  # "Handbook, 6th Edition (pp. 443-494)"
            ref.edition, ref.confidence["edition"] = _edition_number(edition), 0.9
            book_title = book_title[: edition.start()]
        # "(2nd ed.) (pp. 132-152)": a second parenthesis belongs to the same book
        more = _CHAPTER_PAREN.match(publisher)
        if more:
            _apply_book_paren(ref, more.group("inner"))
            publisher = publisher[more.end() :]
        pages = re.match(
            rf"^[,.]?\s*pp?(?:\.\s*|\s+)(?P<pages>\d+\s*{_DASH}\s*\d+)[.,]?\s*", publisher
        )
        if pages:  # "Book (6th ed.), pp. 219-257. New York: Wiley." (or "pp 219-257")
            ref.page, ref.confidence["page"] = _dash(pages.group("pages")), 0.9
            publisher = publisher[pages.end() :]
        last = None if ref.page else _TRAILING_LOCATOR.search(publisher)
        if last:  # "Book (2nd ed.). New York: Publisher, pp. 224-238."
            ref.page, ref.confidence["page"] = _dash(last.group("pages")), 0.85
            publisher = publisher[: last.start()]
    else:
        inline = re.search(
            rf"[:,.]\s*pp?(?:\.\s*|\s+)(?P<pages>\d+\s*{_DASH}\s*\d+)\.\s+(?=[A-Z])", book
        )
        if inline:  # "Succesful psychotherapy: pp. 271-279. New York: Brunner/ Mazel."
            ref.page, ref.confidence["page"] = _dash(inline.group("pages")), 0.85
            book = f"{book[: inline.start()]}. {book[inline.end() :]}"
        locator = _TRAILING_LOCATOR.search(book)
        if locator:  # "…, 5th edn. Wiley, New York, pp 227–306" / ": pp. 271-279"
            pages = locator.group("pages") or locator.group("bare")
            ref.page, ref.confidence["page"] = (
                _dash(pages),
                0.85 if locator.group("pages") else 0.75,
            )
            book = book[: locator.start()]
        edition = re.search(r"[,.]\s*(?P<ed>\d+)(?:st|nd|rd|th)\s+(?:edition|edn?)\.?", book, re.I)
        if edition:  # "Book, 5th edn." and Springer's "Book. 5th edn. Wiley, New York"
            ref.edition, ref.confidence["edition"] = edition.group("ed"), 0.85
            book = book[: edition.start()] + "." + book[edition.end() :]
        split = _split_last_sentence(book)
        book_title, publisher = (split[0], split[1]) if split[1] is not None else (book, "")
        if split[1] is None and (comma_place := _comma_place(book)):
            book_title, publisher = comma_place  # "Book, New York: Haworth Press, pp. 33–48."
        if (
            publisher
            and len(publisher.split()) >= 5
            and len(_LOWER_WORD.findall(publisher)) >= 3
            and ":" not in publisher
            and not _PUBLISHER_WORDS.search(publisher)
        ):
            # "Handbook on waiting. Theoretical foundations and guidelines for practice.": the
            # book's subtitle after a full stop, no publisher given
            book_title, publisher = f"{book_title} {publisher}", ""
        inline = re.match(r"^(?P<title>[^:]+?):\s*$", book_title)
        if inline:
            book_title = inline.group("title")
        publisher = _springer_publisher(ref, publisher)
        book_title, publisher = _place_sentence(book_title, publisher)
    ref.container_title = book_title.strip(" .,")
    conf["container-title"] = 0.9 if paren else 0.6
    _set_publisher(ref, publisher)


def _springer_publisher(ref: ParsedReference, publisher: str) -> str:
    """ "Wiley, New York" (publisher, place) → "New York: Wiley", as _set_publisher reads it."""
    match = re.fullmatch(
        r"\s*(?P<publisher>[^,:]{2,80}),\s*(?P<place>[A-Z][^,:]{1,40}(?:,\s*[A-Z]{2})?)\s*\.?\s*",
        publisher,
    )
    if (
        match
        and _PUBLISHER_WORDS.search(match.group("publisher"))
        and not _PUBLISHER_WORDS.search(match.group("place"))
    ):
        return f"{match.group('place')}: {match.group('publisher')}"
    return publisher


def _apply_book_paren(ref: ParsedReference, inner: str) -> None:
    conf = ref.confidence
    leftover = inner
    edition = _EDITION.search(inner)
    if edition:
        word = edition.group("word")
        ref.edition = edition.group("ed") or (_ORDINAL_WORDS[word.lower()] if word else "Rev.")
        conf["edition"] = 0.95
        leftover = leftover.replace(edition.group(0), "")
    pages = _PAGES.search(inner) or re.fullmatch(rf"\s*(?P<pages>\d+\s*{_DASH}\s*\d+)\s*", inner)
    if pages:
        ref.page = _dash(pages.group("pages"))
        conf["page"] = 0.95
        leftover = leftover.replace(pages.group(0), "")
    volume = _VOLUME.search(inner)
    if volume:
        ref.volume = volume.group("vol")
        conf["volume"] = 0.9
        leftover = leftover.replace(volume.group(0), "")
    if not _ONLY_PUNCT.match(leftover):
        ref.unparsed.append(leftover.strip(" ,.;"))


def _set_title(ref: ParsedReference, title: str, confidence: float) -> None:
    title = title.strip().rstrip(",;").rstrip()  # "Title, (2 nd edn), Place": no title ends so
    if "[" in title:
        for bracket in _BRACKETED.findall(title):
            ref.unparsed.append(bracket.strip())
        title = re.sub(r"\.\s*\.$", ".", _BRACKETED.sub("", title).strip())
    quoted = re.fullmatch(r"[\u201c\"'\u2018](?P<inner>.+?)[.,]?[\u201d\"'\u2019\u2018]\.?", title)
    if quoted:  # "“Title.”" — some pages quote APA titles too
        title = quoted.group("inner").strip()
    if title.endswith("."):
        title = title[:-1].rstrip()
    elif len(title) > 1 and title[-1] in _QUOTE_CLOSE and title[-2] == ".":
        title = title[:-2] + title[-1]  # APA puts the full stop inside closing quotes
    if title:
        ref.title = title
        ref.confidence["title"] = confidence


# Places where the books this digest cites are published: they tell "Publisher, Place" and
# "Publisher: Place" (both typed back to front) from APA's "Place: Publisher".
_PLACES = re.compile(
    r"^(?:New York(?: City)?|N\.\s?Y\.?|London|Washington|Oxford|Cambridge|Chichester|Hoboken|"
    r"Thousand Oaks|"
    r"Berlin|Heidelberg|Toronto|Philadelphia|Boston|Baltimore|Hillsdale|Mahwah|San Francisco|"
    r"Chicago|Los Angeles|Amsterdam|Paris|Montreal|Ottawa|Sydney|Melbourne|Edinburgh|Hove|"
    r"Abingdon|Milton Park|Malden|Belmont|Arlington|Madison|Göttingen|Stuttgart|Köln|Bern|"
    # the other towns books and reports in health come from, as lists with the place after
    # the publisher give them ("WHO, Geneva", "Addison-Wesley, Menlo Park", "Springer, Cham")
    r"Geneva|Genève|Cham|Dordrecht|Basingstoke|Maidenhead|Cheltenham|Buckingham|Milton Keynes|"
    r"Harmondsworth|Bristol|Manchester|Leicester|Glasgow|Dublin|Belfast|Cardiff|Copenhagen|"
    r"Stockholm|Oslo|Helsinki|Vienna|Wien|Zurich|Zürich|Basel|Munich|München|Leipzig|Hamburg|"
    r"Frankfurt(?: am Main)?|Leiden|Utrecht|Lisse|Brussels|Bruxelles|Madrid|Barcelona|Milan|"
    r"Milano|Rome|Roma|Lisbon|Athens|Warsaw|Prague|Budapest|Moscow|Jerusalem|Tel Aviv|Tokyo|"
    r"Beijing|Singapore|Hong Kong|New Delhi|Delhi|Auckland|Wellington|Canberra|Brisbane|Perth|"
    r"Adelaide|Cape Town|Menlo Park|Palo Alto|Berkeley|Oakland|San Diego|Newbury Park|"
    r"Beverly Hills|Englewood Cliffs|Upper Saddle River|Princeton|New Haven|Ann Arbor|"
    r"St\.? Louis|Minneapolis|Seattle|Atlanta|Bethesda|Rockville|Alexandria|Springfield|"
    r"Champaign|Itasca|Lanham|Northvale|Thorofare|Needham Heights|"
    # a state or a country alone, as hand-typed lists write it ("Publisher: New Jersey")
    r"New Jersey|California|Illinois|Massachusetts|Pennsylvania|Connecticut|Maryland|Virginia|"
    r"Florida|Texas|Ohio|Michigan|Minnesota|Wisconsin|Oregon|Colorado|Ontario|Quebec|"
    r"England|Scotland|Ireland|Canada|Australia|New Zealand|Germany|France|Switzerland|Italy)"
    r"(?:,\s*(?:[A-Z]{2}|D\.\s?C\.?|[A-Z][a-z]+))?$"
)
# What follows a town to say where it is: a county, a state, a country
_REGION = re.compile(
    rf"^(?:{_PLACES.pattern[1:-1]}|Middlesex|Surrey|(?:West |East )?Sussex|Kent|Essex|"
    r"Berks(?:hire)?|Hants|Hampshire|Herts|Hertfordshire|Oxon|Oxfordshire|Bucks|"
    r"Buckinghamshire|Ill|Mass|Calif|Conn|Pa)\.?$"
)
_STATE_ABBREVIATION = re.compile(r",\s*(?:Ill|Mass|Calif|Conn|Pa|Fla|Mich|Minn|Wis|Md|Va|Tex)$")
_TWO_PLACES = re.compile(rf"(?:{_PLACES.pattern[1:-1]})\s+(?:and|&)\s+(?:{_PLACES.pattern[1:-1]})")
# "West Sussex, England", "Oak Park, IL": a place not in the list, known by its state or country
_PLACE_BY_REGION = re.compile(
    r"^[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s*(?:[A-Z]{2}|England|Scotland|Wales|Ireland|Canada"
    r"|Australia|New Zealand|Germany|France|Switzerland|Italy|Netherlands|Sweden|Norway|Denmark)$"
)


# "New York Guilford Press" (a colon left out), but not "Oxford University Press"
_PLACE_FIRST = re.compile(
    rf"(?P<place>{_PLACES.pattern[1:-1]})\s+"
    r"(?!(?:University|College|School|Institute|Press|Academic|Medical|Scholars)\b)"
    # "Colorado Christian University", "Denver Seminary": a school named after its place
    r"(?!(?:\S+\s+){0,2}(?:University|College|Seminary)$)"
    rf"(?P<publisher>[{_UP}].*)"
)


_PLACE_THEN_PUBLISHER = re.compile(
    rf"^(?P<title>.+?),\s*(?P<place>{_PLACES.pattern[1:-1]}),\s*(?P<publisher>[^,:]{{2,80}})$"
)


# "Title, Hanover, MD: Author": the full stop before "Place: Publisher" typed as a comma
_COMMA_PLACE = re.compile(
    rf"^(?P<title>.+?),\s*(?P<place>{_PLACES.pattern[1:-1]}"
    r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s*[A-Z]{2}):\s*(?P<publisher>[^,:]{2,80})$"
)


_CHAPTER_NUMBER = re.compile(r"[.,]\s*Chapter\s+\d+$")
_COMPANY_WORDS = (" Inc", ",Inc", " Ltd", " Co", " Corp")
# "Example Press (7 - 8 Newbury Street, London, EC1A 7HU)": where to order it, kept aside
_ADDRESS_NOTE = re.compile(r"\s+\((?P<note>\d[^()]*\s[^()]*,[^()]*)\)$")


def company_stop(publisher: str, text: str) -> str:
    """``publisher`` (no full stop of its own) with the full stop of a company's abbreviation
    where ``text`` shows one and no sentence ends with it: "Sons, Inc. https://…" (at the very
    end the full stop is the reference's too, and the rendered set has none)."""
    if (
        publisher.endswith(_COMPANY_WORDS)
        and f"{publisher}." in text
        and not text.rstrip().endswith(f"{publisher}.")
    ):
        return f"{publisher}."
    return publisher


def _set_publisher(ref: ParsedReference, publisher: str) -> None:
    publisher = company_stop(publisher.strip(" .,;:"), ref.raw)
    if ref.year and publisher.endswith(str(ref.year), 0, len(publisher) - publisher[-1:].isalpha()):
        # "Belmont, CA: Wadsworth 2001a": the reference's own year typed again at its end
        publisher = re.sub(rf"[\s,]*\(?{ref.year}[a-z]?\)?$", "", publisher)
    note = _PAREN_NOTE.search(publisher) or _ADDRESS_NOTE.search(publisher)
    if note and note.start() > 0 and not _BOOK_PAREN_WORDS.search(note.group("note")):
        ref.unparsed.append(note.group(0).strip(" ."))  # "GIPSI (available from … on request)"
        publisher = publisher[: note.start()].strip(" .,;:")
    if _NOT_PUBLISHED.match(publisher) or _ACCESS_LABEL.fullmatch(publisher):
        # "Manuscript submitted for publication"; "Available: [accessed …]" with the address lost
        ref.unparsed.append(publisher)
        return
    chapter = _CHAPTER_NUMBER.search(publisher) if "hapter" in publisher else None
    if chapter and chapter.start() > 0:  # "… (7th ed.). Wiley. Chapter 5.": kept aside
        ref.unparsed.append(chapter.group(0).strip(" .,"))
        publisher = publisher[: chapter.start()].strip(" .,;:")
    if not publisher:
        return
    run_on = _JOURNAL_AND_VOLUME.fullmatch(publisher) if publisher[-1:].isdigit() else None
    if run_on and not ref.publisher_place and _journal_like(run_on.group("journal")):
        # "Title. J Holistic Healthcare 3": a journal and its volume, no pages (Springer's list)
        ref.type = "article-journal"
        _set_container(ref, run_on.group("journal"), 0.75)
        ref.volume = run_on.group("volume")
        ref.confidence["volume"] = 0.75
        return
    if "," in publisher and _PLACES.match(publisher) and not _PUBLISHER_WORDS.search(publisher):
        # "Harmondsworth, Middlesex", "Champaign, Ill.": a town and its county or state where
        # the publisher would be; no publisher's name
        stop = _STATE_ABBREVIATION.search(publisher) and f"{publisher}." in ref.raw
        ref.publisher_place = f"{publisher}." if stop else publisher
        ref.confidence["publisher-place"] = 0.75
        return
    confidence = 0.85
    place = _PLACE.match(publisher)
    swapped = re.fullmatch(
        r"(?P<publisher>[^,:]{2,80}?)\s*[,:]\s*(?P<place>[^,:]+(?:,\s*\S+)?)", publisher
    )
    if (
        swapped
        and (
            _PLACES.match(swapped.group("place"))
            or _TWO_PLACES.fullmatch(swapped.group("place"))  # "London and Philadelphia"
            or (
                _PLACE_BY_REGION.match(swapped.group("place"))
                and _PUBLISHER_WORDS.search(swapped.group("publisher"))
            )
        )
        and not _PLACES.match(swapped.group("publisher"))
    ):
        # "Aldine, New York" or "Guilford Publications: New York": publisher first
        ref.publisher_place = swapped.group("place").strip()
        publisher = swapped.group("publisher").strip()
        confidence = 0.75
    elif place and len(place.group("place").split()) <= 5:
        ref.publisher_place = place.group("place").strip()
        publisher = place.group("publisher").strip()
    elif (
        swapped
        and _PLACES.match(swapped.group("publisher"))
        and not re.search("[,;]", swapped.group("place"))
        and not _PLACES.match(swapped.group("place"))
    ):
        # "New York, Bruner Mazel": the colon typed as a comma after a known place
        ref.publisher_place = swapped.group("publisher").strip()
        publisher = swapped.group("place").strip()
        confidence = 0.75
    elif ";" in publisher and _PLACES.match(publisher.split(";", 1)[0].strip()):
        # "New York, NY; Routledge": the colon typed as a semicolon after a known place
        ref.publisher_place, publisher = (part.strip() for part in publisher.split(";", 1))
        confidence = 0.75
    elif (glued := _PLACE_FIRST.match(publisher)) and _PUBLISHER_WORDS.search(publisher):
        ref.publisher_place, publisher = glued.group("place"), glued.group("publisher")
        confidence = 0.75  # "New York Guilford Press": the colon left out
    ref.publisher = publisher
    ref.confidence["publisher"] = confidence


_JOURNAL_AND_VOLUME = re.compile(r"(?P<journal>[^\d,:;]{3,80}?)\s+(?P<volume>\d{1,4})")


def _journal_like(name: str) -> bool:
    """A known journal, a name only a journal has, or an NLM abbreviation's "J" first."""
    return bool(
        is_known_journal(name)
        or _JOURNAL_SENTENCE.match(name)
        or re.match(r"(?:J|Int J|Br J|Am J|Eur J)\.?\s[A-Z]", name)
    )


# "Washington D. C.: Publisher": a place's initials with a space between them end no sentence
# "New York: W. W. Norton", "Embodied empathy. Charles C. Thomas": an initial within the first
# words of a publisher's name, not the end of a sentence
_NAME_INITIAL = re.compile(rf"\s*(?:[{_UP}][\w&'-]*\.?\s+){{0,2}}(?:[{_UP}]\.)+\s+")
_SPACED_PLACE_INITIALS = re.compile(rf"(?<![^\s])[{_UP}]\.\s+[{_UP}]\.\s*[:,]")


def _publisher_initial(text: str, opened: int, match: re.Match[str]) -> bool:
    """An initial in the first words after a full stop or a colon, with no "Place:" after it:
    "New York: W. W. Norton", "Empathy. Charles C. Thomas" (not "Vitamin D. Boston: Press")."""
    at = match.start()
    if not (text[at - 1 : at].isupper() and not text[at - 2 : at - 1].isalpha()):
        return False  # no initial before the full stop
    start = max(opened, text.rfind(":", 0, at) + 1)
    return (
        start > 0
        and ":" not in text[match.end() :]
        and _NAME_INITIAL.fullmatch(text, start, match.end()) is not None
    )


def _place_sentence(title: str, publisher: str) -> tuple[str, str]:
    """ "Book. Los Angeles. Sage" and "Title. Washington, D.C. APA Press": a known place typed
    as a sentence of its own before the publisher, which then has no "Place:" of its own."""
    if not publisher or ":" in publisher or ". " not in title:
        return title, publisher
    before, place = title.rstrip(" .").rsplit(". ", 1)
    if place.endswith(" D.C") or place.endswith(" D. C"):
        place += "."
    if not _PLACES.match(place.strip()) or not before.strip():
        return title, publisher
    return before, f"{place.strip()}: {publisher}"


def _split_last_sentence(text: str) -> tuple[str, str | None]:
    """(everything before, the last sentence): APA puts the container after the title."""
    text = text.strip().rstrip(".").rstrip()
    last = None
    opened = 0  # where the sentence or the part after a colon began
    for match in _BOUNDARY.finditer(text):
        following = text[match.end() : match.end() + 1]
        if (
            following
            and not following.islower()
            and not _SPACED_PLACE_INITIALS.match(text, match.start() - 1)
            and not _publisher_initial(text, opened, match)
        ):
            last = match
            opened = match.end()
    if last is None:
        return text, None
    return text[: last.end()].strip(), text[last.end() :].strip()


def _dash(value: str) -> str:
    """One en dash for any dash or run of them: "1691--1702" is LaTeX's and pandoc's range."""
    return re.sub(rf"\s*{_DASH}+\s*", "\u2013", value.strip())


_FAMILY_WITH_STOP = re.compile(rf"[{_UP}][^\W\d_]+\.")
_NLM_INITIALS_ONLY = re.compile(rf"[{_UP}]{{2,3}}")
_BARE_INITIAL = re.compile(rf"(?<![^\s.{DASHES}])([{_UP}])(?=\s|$)")


def _name(family: str, given: str = "", suffix: str = "") -> dict[str, str]:
    family = family.strip()
    if family.endswith(".") and _FAMILY_WITH_STOP.fullmatch(family):
        family = family[:-1]  # "Huibers.M.": the full stop belongs to no surname
    name = {"family": family}
    if given:
        given = _INITIALS_SPACING.sub(". ", given.strip())
        if _NLM_INITIALS_ONLY.fullmatch(given) or _RUN_INITIALS_STOP.fullmatch(given):
            # "AC Muran": NLM initials before the surname; "Bonanno, GA.": run together
            given = _initials(given.rstrip("."))
        # "Carl R", "Michael J T": an initial always takes its full stop
        given = _BARE_INITIAL.sub(r"\1.", given)
        if given.endswith(".") and _FULL_GIVEN_END.search(given):
            given = given[:-1]  # "Doniger, Wendy. 1999.": the list's full stop, not an initial
        name["given"] = given
    if suffix:
        name["suffix"] = suffix.strip()
    return name


_RUN_INITIALS_STOP = re.compile(rf"[{_UP}]{{2,3}}\.")
_FULL_GIVEN_END = re.compile(r"(?:^|\s)[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]{2,}\.$")
_INITIALS_PARTICLE = re.compile(rf"^(?:[{_UP}]\.\s?)+\s*(?:{_PARTICLES})(?:\s(?:{_PARTICLES}))?$")


def _is_given(token: str) -> bool:
    if _INITIALS.match(token) or _INITIALS_PARTICLE.match(token):
        return True
    words = token.split()
    return 0 < len(words) <= 3 and all(_GIVEN_WORD.match(w) for w in words)


_GLUED_NAME = re.compile(
    # "Keck J.E": the last initial's full stop left out too
    rf"^(?P<family>[{_UP}][^\s,]*(?:\s[^\s,]+){{0,2}}?)\s+(?P<given>(?:[{_UP}]\.\s?)+(?:[{_UP}]$)?)$"
)
_NLM_TOKEN = re.compile(
    rf"^(?P<family>(?:(?:{_PARTICLES})\s)*[{_UP}][^\s.]+(?:\s[^\s.]+){{0,2}})\s+(?P<init>[{_UP}]{{1,3}})$"
)


_GIVEN_FIRST = re.compile(
    rf"^(?:[{_UP}]\.?\s?|[{_UP}][a-z\u00df-\u00ff]+(?:-[{_UP}]?[a-z]+)?\s)(?:[{_UP}]\.?\s?|[{_UP}][a-z]+\s)*"
    rf"(?:(?:{_PARTICLES})\s)*[{_UP}](?:[^\W\d_]|['\u2019])+(?:-[{_UP}][^\W\d_]+)?$"
)


_CHICAGO_START = re.compile(rf"[^,]{{2,60}},\s*[{_UP}][a-z\u00df-\u00ff]+[\s,]")
# A given name with at least one word in full: "Mark A.", "Rosaly", "Mary Ann"
_FULL_GIVEN = re.compile(rf"^[{_UP}][a-z\u00df-\u00ff]+(?:[\s-][{_UP}](?:[a-z]+|\.))*$")


def _chicago_list(text: str) -> list[dict[str, str]] | None:
    """ "Hlatky, Mark A., Derek Boothroyd, and Mary A. Whooley" (Chicago, MLA): the first
    name surname first with its given name in full, every other one given name first."""
    parts = [
        p.strip()
        for p in re.split(
            r",\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*", _ETAL.sub("", text).strip(" .,")
        )
        if p.strip()
    ]
    if len(parts) < 3 or not (_SURNAME.match(parts[0]) and _FULL_GIVEN.match(parts[1])):
        return None  # (the caller looks first: a given name in full must follow the surname)
    if not all(" " in p and _GIVEN_FIRST.match(p) and not _NLM_TOKEN.match(p) for p in parts[2:]):
        return None
    return _chicago_names(text)


_INITIALS_ONLY = re.compile(rf"(?:[{_UP}]\.\s?){{1,3}}")
_INITIALS_THEN_SURNAME = re.compile(
    rf"(?:[{_UP}]\.\s?){{1,3}}\s*(?:(?:{_PARTICLES})\s)?[{_UP}][\w'\u2019-]+"
)


def _endnote_list(text: str) -> list[dict[str, str]] | None:
    """ "Green, B. L., C. Wehling, D. Okafor" (EndNote's and Medline's export): the first name
    surname first with its initials, every other one initials first."""
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*", text)]
    if len(parts) < 3 or not (_SURNAME.match(parts[0]) and _INITIALS_ONLY.fullmatch(parts[1])):
        return None
    if not all(_INITIALS_THEN_SURNAME.fullmatch(p) for p in parts[2:]):
        return None
    return [_name(parts[0], parts[1])] + [_given_first(p) for p in parts[2:]]


# "Plessen CY Pfund RA": two NLM names whose comma was left out
_TWO_NLM_NAMES = re.compile(
    rf"^(?P<first>\S+(?:\s\S+)?\s[{_UP}]{{1,3}})\s+(?P<second>[{_UP}][a-z]\S*\s[{_UP}]{{1,3}})$"
)


# "Kleehammer K. Hart A.L.": the same with the initials' full stops
_TWO_DOTTED_NAMES = re.compile(
    rf"^(?P<first>[{_UP}][^\s.]+\s(?:[{_UP}]\.\s?)+)\s*(?P<second>[{_UP}][a-z][^\s.]*\s(?:[{_UP}]\.?\s?)+)$"
)


def _split_run_on(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        two = (
            _TWO_NLM_NAMES.match(token) or _TWO_DOTTED_NAMES.match(token)
            if token.count(" ") >= 3
            else None
        )
        out.extend(two.group("first", "second") if two else (token,))
    return out


def _given_first_list(text: str) -> list[dict[str, str]] | None:
    """ "R. Cabral, Timothy Smith" or "Robert L. Hatcher, Karin Lindqvist & Fredrik Falkenström":
    every name written given name first (Semantic Scholar, Taylor & Francis "To cite")."""
    parts = [
        p.strip() for p in re.split(r"\s*,\s*(?:&\s*|and\s+)?|\s*&\s*|\s+and\s+", text) if p.strip()
    ]
    if not parts or not all(_GIVEN_FIRST.match(p) and not _NLM_TOKEN.match(p) for p in parts):
        return None
    # One name alone is a person only with an initial ("B. Thorn", "Alan E. Kazdin"):
    # "American Psychological Association" is a group author.
    if len(parts) == 1 and not re.search(rf"(?:^|\s)(?:[{_UP}]\.?){{1,3}}\s", parts[0]):
        return None
    return [_given_first(p) for p in parts]


_RUN_ON_NAME = re.compile(
    rf"^(?P<given>(?:[{_UP}]\.\s?)+)\s*(?P<family>[{_UP}][a-z\u00df-\u00ff\u0100-\u017f'\u2019-]+)$"
)


# "Hodgson, Kate J. Shelton, Katherine H. and van den Bree, Marianne B. M." (Cambridge's
# "cited by" lists): the comma after each given name left out, so that one piece holds a given
# name and the next surname. A given name is one word and its initials (or initials alone); a
# surname is one word and its particles.
_GIVEN_ALONE = (
    rf"(?:[{_UP}][a-z\u00df-\u00ff]+(?:-[{_UP}][a-z\u00df-\u00ff]+)?(?:\s[{_UP}]\.?)*"
    rf"|(?:[{_UP}]\.\s?)+)"
)
_SURNAME_ALONE = (
    rf"(?:(?:{_PARTICLES})\s)*[{_UP}](?:[^\W\d_]|['\u2019])+(?:-[{_UP}](?:[^\W\d_]|['\u2019])+)?"
)
_ONE_GIVEN = re.compile(rf"^{_GIVEN_ALONE}$")
_ONE_FAMILY = re.compile(rf"^{_SURNAME_ALONE}$")
_GIVEN_THEN_FAMILY = re.compile(rf"^(?P<given>{_GIVEN_ALONE})\s*(?P<family>{_SURNAME_ALONE})$")


def _commas_left_out(tokens: list[str]) -> list[dict[str, str]] | None:
    """The names of a list whose commas after the given names were left out, or None.

    Read strictly in turn, surname then given name, a piece in a given name's place that
    holds a given name and a surname is split there. Only a list that reads whole that way,
    with at least one such piece, is taken: a double given name ("Mary Ann") leaves the turn
    out of step, and the list is read as usual."""
    if len(tokens) < 3 or not _ONE_FAMILY.match(tokens[0]):
        return None
    names: list[dict[str, str]] = []
    family, split = tokens[0], 0
    for token in tokens[1:]:
        if family is None:
            if not _ONE_FAMILY.match(token) or _ONE_GIVEN.match(token) and " " in token:
                return None
            family = token
        elif _ONE_GIVEN.match(token):
            names.append(_name(family, token))
            family = None
        elif pair := _GIVEN_THEN_FAMILY.match(token):
            names.append(_name(family, pair["given"]))
            family, split = pair["family"], split + 1
        else:
            return None
    return names if split and family is None else None


def _is_family(token: str) -> bool:
    """A surname has a few words and no sentence in it ("Title. Elkin" is not one)."""
    return len(token.split()) <= 4 and not re.search(r"[a-z]{3}\.\s", token)  # "St. John" is


_GROUP_WORD = re.compile(
    r"\b(?:Bureau|Department|Office|Agency|Administration|Association|Institute|Service|"
    r"Commission|Council|Ministry|Board|Surgeon General|Society|Foundation|Committee|Centers?)$"
)
_ONE_SURNAME = re.compile(rf"(?:(?:{_PARTICLES}|d'|O')\s?)*[{_UP}][\w'\u2019-]+")
_COUNTRY_CODE = re.compile(r"\s(?:UK|USA|US|NZ|EU|UN)\.?$")


_SURNAME_WORD = rf"[{_UP}][a-z\u00df-\u00ff'\u2019]+(?:-[{_UP}][a-z\u00df-\u00ff'\u2019]+)?"
_SURNAMES_ONLY = re.compile(
    rf"{_SURNAME_WORD}(?:,\s*{_SURNAME_WORD})*,?\s*(?:&|\band\b)\s*{_SURNAME_WORD}"
)


def _family_first_names(text: str) -> tuple[list[dict[str, str]], list[str]]:
    """Parse an APA author list ("Surname, I. I., Surname, I., & Surname, I.")."""
    if "," not in text and "&" not in text and _GROUP_WORD.search(text.strip(" .")):
        return [{"literal": text.strip().rstrip(".")}], []  # "U.S. Census Bureau"
    if " And " in text:  # "Okafor, D. And Lindgren, K.": the joining word capitalised
        text = re.sub(r"(?<=[.,])\s+And\s+(?=[A-Z])", " and ", text)
    given_first = _given_first_list(_ETAL.sub("", text).strip(" .,")) or (
        _chicago_list(text) if _CHICAGO_START.match(text) else None
    )
    if given_first:
        return given_first, []
    endnote = _endnote_list(_ETAL.sub("", text).strip(" .,"))
    if endnote:
        return endnote, []
    original = text
    if "&" in text or " and " in text:
        bare_names = _SURNAMES_ONLY.fullmatch(text.strip(" ."))
        if bare_names:  # "Greenspan & Wieder (2006)", "Perls, Hefferline & Goodman (1951)"
            return [{"family": n} for n in re.split(r",?\s*(?:&|\band\b|,)\s*", bare_names[0])], []
    if "et" in text and "," not in text:
        bare = _ETAL.sub("", text).strip(" .,")
        if bare != text.strip(" .,") and _ONE_SURNAME.fullmatch(bare) and not bare.isupper():
            return [{"family": bare}], []  # "Ashworth et al (2004)": the first surname alone
    if "," not in text and not re.search(rf"\b[{_UP}]{{1,3}}\b", _COUNTRY_CODE.sub("", text)):
        # "National Institute for Health and Care Excellence", "Diabetes UK": a group, not
        # "Family, Given" nor NLM's "Surname AB" (no initials read "UK", "USA" or "NZ")
        return [{"literal": text.strip().rstrip(".")}], []
    if "et" in text or "fl" in text:
        text = _ETAL.sub("", text)
    if "." in text or "\u2026" in text:
        text = _ELLIPSIS.sub(",", text)
    # "and" in the languages lists come in: Dutch, German, French, Spanish, Italian, Turkish
    # ("Allan, J. ve Brown, K."), Swedish, Norwegian and Danish, Hungarian
    text = re.sub(
        r"\s*&\s*|,?\s+(?:and|en|und|et|y|e|ve|och|og|és)\s+|\s*;\s*(?:and\s+)?", ",", text
    )
    tokens = [t.strip() for t in text.split(",")]
    tokens = _split_run_on([t for t in tokens if t and not _ONLY_PUNCT.match(t)])
    if run_on := _commas_left_out(tokens):
        return run_on, []
    names: list[dict[str, str]] = []
    leftovers: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        # "DEL RE, B. T." (Harvard in capitals) is a surname, not "Del R. E."
        self_contained = _GLUED_NAME.match(token) or (
            _NLM_TOKEN.match(token) and not (token.isupper() and _INITIALS.match(nxt or ""))
        )
        suffixed = _FAMILY_SUFFIX.match(token) if token.endswith(("I", "V", "r", "r.")) else None
        if suffixed and nxt is not None and _INITIALS.match(nxt):
            # "Wiesner III, V.", "Kivlighan Jr., D. M.": the suffix typed after the surname
            suffix = suffixed.group("suffix").rstrip(".")
            names.append(
                _name(
                    suffixed.group("family"),
                    nxt.rstrip(".") + ".",
                    f"{suffix}." if suffix in ("Jr", "Sr") else suffix,
                )
            )
            i += 2
            continue
        # (one name alone, "Bergman, R. Lindsey", is an initial and a middle name)
        run_on = _RUN_ON_NAME.match(nxt or "") if len(tokens) > 2 else None
        if run_on and not self_contained and _is_family(token):
            # "Linehan, M.M. Schmidt, H.": the comma after the initials was left out
            names.append(_name(token, run_on.group("given")))
            tokens[i + 1] = run_on.group("family")
            i += 1
            continue
        lower_initial = nxt is not None and len(nxt.rstrip(".")) == 1 and nxt[:1].islower()
        if (
            nxt is not None
            and (_is_given(nxt) or lower_initial)  # "Bateman, a, & Fonagy, P.": a slip
            and not _SUFFIX.match(nxt)
            and not self_contained
            and _is_family(token)
        ):
            if re.fullmatch(rf"[{_UP}]{{2,3}}", nxt):  # "Clark,DM": NLM initials
                given = _initials(nxt)
            elif lower_initial:
                given = nxt.rstrip(".") + "."
            else:
                given = nxt.rstrip(".") + "." if _INITIALS.match(nxt) else nxt
            name = _name(token, given)
            i += 2
            if i < len(tokens) and _SUFFIX.match(tokens[i]):
                suffix = tokens[i].rstrip(".")
                name["suffix"] = f"{suffix}." if suffix in ("Jr", "Sr") else suffix
                i += 1
            names.append(name)
            continue
        glued = _GLUED_NAME.match(token)
        nlm = _NLM_TOKEN.match(re.sub(rf"(?<=\s[{_UP}])([{_UP}]*)\.$", r"\1", token))
        if glued:  # "Safran J. D." with the comma forgotten
            names.append(_name(glued.group("family"), glued.group("given")))
        elif nlm:  # "Ackerman SJ": NLM names in an otherwise APA or Springer reference
            family, _sp, suffix = nlm.group("family").rpartition(" ")
            if not (family and suffix in ("Jr", "Sr")):  # "Alexander Sr J": the suffix first
                family, suffix = nlm.group("family"), ""
            names.append(_name(family, _initials(nlm.group("init")), suffix and f"{suffix}."))
        elif not names and nxt is None and not re.search(r"\d", token):
            names.append({"literal": token.rstrip(".")})  # a group author
        elif (
            names
            and nxt is None
            and _ONE_SURNAME.fullmatch(token.rstrip("."))
            and not _PUBLISHER_WORDS.search(token)  # "Beck, A. T., and Associates"
        ):
            names.append({"family": token.rstrip(".")})  # "Greenberg, L. S., & Watson (1998)"
        else:
            leftovers.append(token)
        i += 1
    if leftovers and re.search(r"\band\b|&", original):
        # "Okafor, P. B. and R. T. Lindgren" (Chicago author-date): only the first name is
        # written surname first.
        mixed = _chicago_names(original)
        if len(mixed) > 1 and all(
            n.get("given") and _GIVEN_FIRST.match(f"{n['given']} {n['family']}") for n in mixed
        ):
            return mixed, []
    return names, leftovers


_FAMILY_SUFFIX = re.compile(
    rf"^(?P<family>[{_UP}][^\s,]+(?:\s[{_UP}][^\s,]+)?)\s+(?P<suffix>II|III|IV|Jr\.?|Sr\.?)$"
)
_SURNAME_THEN_INITIALS = re.compile(
    rf"^(?P<family>[{_UP}][^\s.,]+)\s+(?P<given>(?:[{_UP}]\.\s?)+)$"
)


_BARE_INITIALS_FIRST = re.compile(rf"^(?P<given>(?:[{_UP}]\s)+)(?P<family>[{_UP}][a-z]\S*)$")


def _given_first_names(text: str) -> list[dict[str, str]]:
    """Parse an editor list as APA writes it after "In" ("J. C. Norcross & M. J. Lambert")."""
    text = _ELLIPSIS.sub(",", _ETAL.sub("", text.strip()))
    parts = [p.strip() for p in re.split(r"\s*,\s*(?:&\s*|and\s+)?|\s*&\s*|\s+and\s+", text)]
    names: list[dict[str, str]] = []
    pending_family = None
    for part in (p for p in parts if p):
        if names and pending_family is None and _SUFFIX.match(part):
            suffix = part.rstrip(".")  # "C. E. Watkins, Jr. (Ed.)": the last editor's suffix
            names[-1]["suffix"] = f"{suffix}." if suffix in ("Jr", "Sr") else suffix
            continue
        match = re.match(rf"^(?P<given>(?:[{_UP}]\.\s?(?:{_DASH}\s?)?)+)\s*(?P<family>\S.*)$", part)
        nlm = _NLM_TOKEN.match(part)
        dotted = _SURNAME_THEN_INITIALS.match(part) if not match else None
        whole = (nlm and not match) or dotted or (match and not _INITIALS.match(match["family"]))
        if pending_family is not None and whole:
            # "In Barkham, W. Lutz, and L.G. Castonguay (Eds.)": a surname typed without its
            # initials keeps its place before the next full name
            names.append({"family": pending_family})
            pending_family = None
        if nlm and not match:  # "Lambert MJ (ed)"
            names.append(_name(nlm.group("family"), _initials(nlm.group("init"))))
        elif dotted:  # "Norcross J.C. (ed)": surname first, no comma, initials with stops
            names.append(_name(dotted.group("family"), dotted.group("given")))
        elif pending_family is not None and _INITIALS.match(part):
            names.append(_name(pending_family, part))  # "Miller, S. D." written surname first
            pending_family = None
        elif match and not _INITIALS.match(match.group("family")):
            names.append(_name(match.group("family"), match.group("given")))
        elif pending_family is not None and _is_given(part):
            names.append(_name(pending_family, part))  # "Lambert, M. J." written surname first
            pending_family = None
        elif bare := _BARE_INITIALS_FIRST.match(part):
            names.append(_name(bare.group("family"), bare.group("given")))  # "In H Reis & …"
        elif names and pending_family is None and _INITIALS.match(part):
            continue  # "D. Fosha, D. Siegel, D., & M. Solomon": initials typed twice
        else:
            pending_family = part
    if pending_family:
        names.append({"family": pending_family})
    return names

"""Evidence-card extraction from a summary's text: design, sample sizes, setting, effect sizes
and follow-up, plus keyword rules for topic and research-type suggestions.

Pure Python (no Django import) so it can be fuzzed, benchmarked and reused outside the site.
Every public function takes any string and never raises; a field it cannot find stays empty.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from html import unescape
from html.parser import HTMLParser

__all__ = [
    "DESIGN_LABELS",
    "EffectSize",
    "EvidenceCard",
    "card_line",
    "extract_evidence",
    "html_to_text",
    "suggest_research_types_by_keywords",
    "suggest_topics_by_keywords",
]


# --------------------------------------------------------------------------- plain text


class _TextCollector(HTMLParser):
    # Block-level tags end a sentence-ish unit; without the break "…clients</p><p>Therapists"
    # would glue two paragraphs into one token.
    _BLOCK = {"p", "div", "br", "li", "ul", "ol", "blockquote", "tr", "td"}
    _BLOCK |= {"h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self, bullet: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._bullet = bullet
        self._pending = ""  # a list item's bullet, written before its first words

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
            if tag == "li":
                self._pending = self._bullet

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._skip:
            return
        if self._pending and data.strip():
            self.parts.append(self._pending)
            self._pending = ""
        self.parts.append(data)

    def handle_data_unescaped(self, text):
        # As HTMLParser hands text over (convert_charrefs): unescaped, never empty.
        if text:
            self.handle_data(unescape(text))


# A tag as rich text writes it: a name of letters and digits, attributes with quoted values
# or none, maybe self-closing; an end tag without attributes. HTML made of these tags and
# of text holding no "<" is read without HTMLParser (`_read_plain`).
_SPACE = "[ \t\n\r\f]"
_PLAIN_TAG = re.compile(
    rf"<(?:([a-zA-Z][a-zA-Z0-9]*)((?:{_SPACE}+[a-zA-Z_:][-a-zA-Z0-9_:.]*"
    rf"(?:{_SPACE}*={_SPACE}*(?:\"[^\"]*\"|'[^']*'))?)*){_SPACE}*(/?)"
    rf"|/([a-zA-Z][a-zA-Z0-9]*){_SPACE}*)>"
)
_RAW_TEXT = {"script", "style"}  # HTMLParser reads their content as raw text


def _read_plain(collector: _TextCollector, html: str) -> bool:
    """Hand `html` to the collector's handlers as HTMLParser would (names lowercased, text
    unescaped between tags, a self-closing tag as a start and an end), if it is made of
    plain tags and text only; False, having called nothing, if not. HTMLParser, in pure
    Python, costs ten times as much on a summary's body."""
    pieces = _PLAIN_TAG.split(html)
    # split() gives text, then the four groups of each tag, then text again.
    texts = pieces[::5]
    if any("<" in text for text in texts):
        return False
    for index in range(1, len(pieces), 5):
        name = (pieces[index] or pieces[index + 3]).lower()
        if name in _RAW_TEXT:
            return False
    collector.handle_data_unescaped(texts[0])
    for index in range(1, len(pieces), 5):
        start, _attrs, closing, end = pieces[index : index + 4]
        if start:
            collector.handle_starttag(start.lower(), [])
            if closing:
                collector.handle_endtag(start.lower())
        else:
            collector.handle_endtag(end.lower())
        collector.handle_data_unescaped(pieces[index + 4])
    return True


def html_to_text(html: str, *, bullet: str = "") -> str:
    """Plain text of an HTML fragment (rich-text field), one line per block (paragraph, list
    item, heading), list items starting with `bullet`. The site's one HTML-to-text function:
    evidence extraction, search passages, the API and the e-mails' text part all read it."""
    if not html:
        return ""
    collector = _TextCollector(bullet)
    html = str(html)
    if not _read_plain(collector, html):
        try:
            collector.feed(html)
            collector.close()
        except Exception:  # HTMLParser is lenient, but a malformed declaration can still raise
            return re.sub(r"<[^>]*>", " ", html)
    return _tidy("".join(collector.parts))


_BREAK = re.compile(r"\n\s*")


def _tidy(text: str) -> str:
    """`text` with each run of spaces and tabs one space, and a line break with the blanks
    around it one break (spaces and tabs before it, any whitespace after it), mostly by
    `str.replace`: a pattern that can match at every space is slow over a page of text."""
    text = text.replace("\xa0", " ").replace("\t", " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return _BREAK.sub("\n", text.replace(" \n", "\n")).strip()


# --------------------------------------------------------------------------- the card

# Keys are the research-type slugs of taxonomy/vocabulary.py (case-study has no research type);
# labels are what readers see on the card.
DESIGN_LABELS = {
    "meta-analysis": "Meta-analysis",
    "systematic-review": "Systematic review",
    "rct": "Randomised controlled trial",
    "naturalistic": "Naturalistic study",
    "longitudinal-cohort": "Longitudinal cohort study",
    "survey": "Survey",
    "qualitative": "Qualitative study",
    "analogue": "Analogue study",
    "expert-consensus": "Expert consensus",
    "narrative-review": "Narrative review",
    "case-study": "Case study",
    "book-chapter-essay": "Book chapter or essay",
}


@dataclass(frozen=True)
class EffectSize:
    statistic: str  # "d", "g", "r", "OR", "RR", "%"
    value: float
    ci_low: float | None = None
    ci_high: float | None = None

    def __str__(self) -> str:
        value = _format_number(self.value)
        text = f"{value}%" if self.statistic == "%" else f"{self.statistic} = {value}"
        if self.ci_low is not None and self.ci_high is not None:
            text += f" [{_format_number(self.ci_low)}, {_format_number(self.ci_high)}]"
        return text


@dataclass
class EvidenceCard:
    design: str = ""  # a DESIGN_LABELS key
    clients: int | None = None
    therapists: int | None = None
    studies: int | None = None
    setting: str = ""
    effect_sizes: list[EffectSize] = field(default_factory=list)
    follow_up_months: int | None = None

    def is_empty(self) -> bool:
        return not (
            self.design
            or self.clients
            or self.therapists
            or self.studies
            or self.setting
            or self.effect_sizes
            or self.follow_up_months
        )

    def as_dict(self) -> dict:
        return asdict(self)


def _format_number(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.2f}".rstrip("0")
    # APA drops the leading zero only for bounded statistics; keeping it is always readable.
    return text


def follow_up_label(months: int | None) -> str:
    if not months:
        return ""
    if months % 12 == 0 and months >= 24:
        return f"{months // 12}-year follow-up"
    return f"{months}-month follow-up"


def card_line(card: EvidenceCard) -> str:
    """One line for readers: "Naturalistic study · 605 clients · 79 therapists · primary care"."""
    parts: list[str] = []
    if card.design:
        parts.append(DESIGN_LABELS.get(card.design, card.design))
    for count, singular, plural in (
        (card.studies, "study", "studies"),
        (card.clients, "client", "clients"),
        (card.therapists, "therapist", "therapists"),
    ):
        if count:
            parts.append(f"{count:,} {singular if count == 1 else plural}")
    if card.setting:
        parts.append(card.setting)
    if card.follow_up_months:
        parts.append(follow_up_label(card.follow_up_months))
    parts.extend(str(effect) for effect in card.effect_sizes[:2])
    return " · ".join(parts)


# --------------------------------------------------------------------------- numbers

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SMALL_WORD = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(list(_UNITS)[:9]) + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
)
_NUMBER_WORDS = (
    rf"(?:(?:a|{_SMALL_WORD})\s+(?:hundred|thousand)(?:\s+(?:and\s+)?{_SMALL_WORD})?"
    rf"|a\s+dozen|{_SMALL_WORD})"
)
_DIGITS = r"(?:\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+)(?!\.\d)"
NUMBER = rf"(?:{_DIGITS}|{_NUMBER_WORDS})"


def _small_word_value(text: str) -> int:
    text = text.strip().replace("-", " ")
    total = 0
    for word in text.split():
        total += _UNITS.get(word, 0) + _TENS.get(word, 0)
    return total


def parse_number(text: str) -> int | None:
    """Integer value of "1,234", "605", "twenty-five", "two hundred", "a dozen"; else None."""
    text = (text or "").strip().lower()
    if not text:
        return None
    digits = re.sub(r"[,\u202f\u00a0 ]", "", text)
    if digits.isdigit():
        return int(digits)
    if text == "a dozen":
        return 12
    match = re.fullmatch(rf"(a|{_SMALL_WORD})\s+(hundred|thousand)(?:\s+(?:and\s+)?(.+))?", text)
    if match:
        head = 1 if match.group(1) == "a" else _small_word_value(match.group(1))
        scale = 100 if match.group(2) == "hundred" else 1000
        tail = _small_word_value(match.group(3)) if match.group(3) else 0
        return head * scale + tail
    value = _small_word_value(text)
    return value or None


# --------------------------------------------------------------------------- sample sizes

_CLIENT_NOUNS = (
    r"clients?|patients?|participants?|adults?|adolescents?|youths?|youth|children|"
    r"individuals?|people|persons?|veterans?|students?|outpatients?|inpatients?|couples?|"
    r"families|women|men|respondents?|cases|service users?|consumers?|treatment episodes?|"
    r"undergraduates?|volunteers?|"
    r"help[- ]seekers?"
)
_THERAPIST_NOUNS = (
    r"therapists?|psychotherapists?|clinicians?|counsell?ors?|trainees?|practitioners?|"
    r"psychologists?|psychiatrists?|providers?|supervisors?|social workers?|interns?|"
    r"professionals|experts"
)
# Plural only: "a three-round Delphi study" is one study, not a count of three.
_STUDY_NOUNS = r"studies|trials|RCTs|articles|samples|papers|reports|comparisons"
# Words that may stand between a number and its noun ("605 adult outpatient clients") are
# lowercase adjectives; these words instead mean the number counts something else.
_BREAKERS = {
    "of", "and", "or", "to", "from", "with", "in", "at", "on", "by", "for", "were", "was",
    "who", "per", "sessions", "session", "weeks", "week", "months", "month", "years", "year",
    "days", "day", "hours", "minutes", "items", "points", "percent", "times", "than", "more",
    "fewer", "less", "the", "a", "an", "their", "these", "those", "each", "every", "whom",
    "which", "that", "had", "have", "received", "over", "about", "after", "before", "visits",
}  # fmt: skip
_COUNT = re.compile(
    rf"(?<![\w.,%$£€-])(?P<num>{NUMBER})(?![\w%])(?P<between>(?-i:(?:[ -][a-z][a-z'-]*){{0,3}}?))"
    rf"[ -](?P<noun>{_CLIENT_NOUNS}|{_THERAPIST_NOUNS}|{_STUDY_NOUNS})\b",
    re.IGNORECASE,
)
_N_EQUALS = re.compile(rf"\b(?P<kind>[Nnk])\s*=\s*(?P<num>{_DIGITS})")
_SAMPLE_OF = re.compile(rf"\bsample (?:size )?of (?P<num>{_DIGITS})(?![\w%])(?!\s*(?:-|\w))")
_THERAPIST_RE = re.compile(rf"^(?:{_THERAPIST_NOUNS})$", re.IGNORECASE)
_STUDY_RE = re.compile(rf"^(?:{_STUDY_NOUNS})$", re.IGNORECASE)
# "3 studies" in a primary study's text usually means "three follow-up studies"; but "42
# randomised trials" in a review is the k. A preceding "previous"/"earlier" marks background.
_BACKGROUND = re.compile(r"\b(?:previous|prior|earlier|past|other|many|several)\s*$", re.I)


def _kind_of_noun(noun: str) -> str:
    noun = noun.strip()
    if _THERAPIST_RE.match(noun):
        return "therapists"
    if _STUDY_RE.match(noun):
        return "studies"
    return "clients"


def _sample_sizes(text: str) -> dict[str, int]:
    found: dict[str, list[int]] = {"clients": [], "therapists": [], "studies": []}
    for match in _COUNT.finditer(text):
        between = match.group("between").lower().split()
        if any(word.strip("-") in _BREAKERS for word in between):
            continue
        value = parse_number(match.group("num"))
        if not value:
            continue
        kind = _kind_of_noun(match.group("noun"))
        # "one study" is not a count of studies; "previous 12 trials" is background.
        background = _BACKGROUND.search(text[max(0, match.start() - 20) : match.start()])
        if kind == "studies" and (value < 2 or background):
            continue
        found[kind].append(value)
    for match in _N_EQUALS.finditer(text):
        value = parse_number(match.group("num"))
        if not value:
            continue
        if match.group("kind") == "k":
            found["studies"].append(value)
            continue
        after = text[match.end() : match.end() + 30]
        kind_match = re.match(
            rf"\s*(?:[a-z-]+\s+){{0,2}}({_THERAPIST_NOUNS}|{_STUDY_NOUNS})\b", after, re.I
        )
        found[_kind_of_noun(kind_match.group(1)) if kind_match else "clients"].append(value)
    for match in _SAMPLE_OF.finditer(text):
        value = parse_number(match.group("num"))
        if value:
            found["clients"].append(value)
    # The whole sample is mentioned alongside its subgroups ("605 clients, 120 of whom…"):
    # the largest figure is the headline one.
    return {kind: max(values) for kind, values in found.items() if values}


# --------------------------------------------------------------------------- design

# (design, pattern, weight). A design's score is the sum of its cues' weights, plus a bonus for
# the cue met first: summaries name the study's design early and mention others later
# ("consistent with earlier meta-analyses…").
_DESIGN_CUES: list[tuple[str, str, float]] = [
    ("meta-analysis", r"meta-?analy[sz](?:is|es|ed|ing|e)|meta-?analytic", 3),
    ("meta-analysis", r"\bk\s*=\s*\d", 2),
    ("meta-analysis", r"\bpooled (?:effect|estimate|data|across)", 1),
    ("systematic-review", r"systematic(?:ally)? review(?:ed)?", 3),
    ("rct", r"randomi[sz]ed (?:controlled |clinical |comparative |effectiveness )?trial", 3),
    ("rct", r"\bRCT\b", 3),
    ("rct", r"random(?:ly)? (?:assigned|allocated)|randomi[sz]ed (?:to|into|between)", 3),
    ("rct", r"\bwait(?:ing)?[- ]?list (?:control|condition)|control (?:group|condition)", 1),
    ("rct", r"\brandomi[sz]ed\b|\brandomi[sz]ation\b", 2),
    ("naturalistic", r"naturalistic", 3),
    ("naturalistic", r"practice[- ]based|practice research network", 3),
    (
        "naturalistic",
        r"routine (?:clinical )?(?:practice|care|outcome|services?|data|settings?)",
        2,
    ),
    ("naturalistic", r"archival|(?:clinical|electronic) records|real[- ]world|observational", 2),
    ("naturalistic", r"routinely collected|as usual in|everyday practice", 2),
    # Weaker: observational wording that primary studies of services use.
    (
        "naturalistic",
        r"(?:outcome )?data (?:from|on) |records of|multilevel|(?:seen|treated) by [\d,]+|"
        r"uncontrolled",
        1.5,
    ),
    ("longitudinal-cohort", r"longitudinal|\bcohort\b|prospective(?:ly)?", 3),
    (
        "longitudinal-cohort",
        r"(?:followed|tracked) (?:[\w,]+ ){0,4}(?:for|over) (?:[\w-]+ ){0,3}(?:years|decades)",
        2,
    ),
    ("survey", r"\bsurvey(?:s|ed)?\b|\bpolled\b", 3),
    (
        "survey",
        r"(?:mailed|sent|distributed|completed) (?:an? )?(?:online |anonymous )?"
        r"questionnaires?|\brespondents\b|response rate|were asked (?:to rate|whether|how|which)",
        2,
    ),
    ("qualitative", r"qualitative|thematic analysis|grounded theory|phenomenological", 3),
    ("qualitative", r"(?:in-depth|semi-structured|open-ended) interviews?|focus groups?", 3),
    ("qualitative", r"\binterviewed\b|consensual qualitative|themes emerged", 2),
    ("analogue", r"\banalog(?:ue)? (?:study|design|experiment|sample)", 3),
    (
        "analogue",
        r"vignettes?|simulated (?:session|client|therapy)|(?:watched|viewed) "
        r"(?:a )?(?:video|recorded)|undergraduates? (?:watched|read|rated|viewed)",
        3,
    ),
    ("analogue", r"(?:role-?played?|mock) (?:sessions?|clients?|therapy)", 2),
    ("expert-consensus", r"\bdelphi\b|expert panel|panel of (?:\w+ ){0,2}experts", 4),
    ("expert-consensus", r"consensus (?:statement|among|panel|process|recommendations)", 3),
    ("expert-consensus", r"experts? (?:agreed|reached|rated the)", 2),
    (
        "narrative-review",
        r"narrative review|scoping review|literature review|review of the "
        r"(?:\w+ ){0,2}(?:literature|research|evidence)",
        3,
    ),
    (
        "narrative-review",
        r"(?:reviews?|summari[sz]es) (?:the )?(?:\w+ ){0,2}(?:literature|"
        r"research|evidence) on",
        2,
    ),
    ("case-study", r"\bcase (?:study|report)|single[- ]case|\bn-of-1\b", 3),
    (
        "book-chapter-essay",
        r"\bessay\b|book chapter|in (?:this|a) chapter|commentary|"
        r"(?:the )?authors? (?:argues?|reflects?|proposes?)",
        2,
    ),
]
_DESIGN_PATTERNS = [(design, re.compile(p, re.I), w) for design, p, w in _DESIGN_CUES]
# Cues in a clause about other work ("previous meta-analyses", "unlike RCTs") are background.
_DESIGN_BACKGROUND = re.compile(
    r"\b(?:previous|prior|earlier|past|other|unlike|than|existing|many|several|future|"
    r"decades of|most)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# "…of 42 randomized trials", "data from RCTs": the design of the pooled studies, a weak hint.
_DESIGN_POOLED = re.compile(r"\b(?:of|from|including|across|in)\s+(?:[\w,-]+\s+){0,2}$", re.I)
# Phrases that say "this study is a…" outrank everything else.
_DESIGN_SELF = re.compile(
    r"(?:this|the (?:present|current)|their|in an?|an?|the authors'?|they (?:conducted|did|"
    r"ran|carried out|performed)(?: an?)?)\s+(?:\w+[- ]){0,3}$",
    re.I,
)
_REVIEWS = {"meta-analysis", "systematic-review", "narrative-review"}


def _design(text: str) -> str:
    scores: dict[str, float] = {}
    first: dict[str, int] = {}
    for design, pattern, weight in _DESIGN_PATTERNS:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 40) : match.start()]
            clause = re.split(r"[.;:!?\n]", before)[-1]
            bonus = 0.0
            if _DESIGN_BACKGROUND.search(clause):
                scores[design] = scores.get(design, 0) + weight * 0.25
                continue
            if _DESIGN_SELF.search(clause):
                bonus = 2.0
            elif weight >= 2 and _DESIGN_POOLED.search(clause):
                # Only names of designs are pooled; weak cues describe how data were gathered.
                scores[design] = scores.get(design, 0) + weight * 0.5
                continue
            scores[design] = scores.get(design, 0) + weight + bonus
            first[design] = min(first.get(design, len(text)), match.start())
    if not scores:
        return ""
    if first:
        earliest = min(first, key=first.get)
        scores[earliest] += 2
    # Reviews pool the other designs ("42 randomised trials"), never the reverse.
    for review in _REVIEWS & scores.keys():
        if scores[review] >= 3:
            scores[review] *= 1.5
    # "A systematic review and meta-analysis" is a meta-analysis.
    if scores.get("meta-analysis", 0) >= 3 and "systematic-review" in scores:
        scores["meta-analysis"] += scores.pop("systematic-review")
    best = max(scores, key=lambda d: (scores[d], -first.get(d, len(text))))
    return best if scores[best] >= 1.5 else ""


# --------------------------------------------------------------------------- setting

_SETTINGS: list[tuple[str, str]] = [
    (
        "university counselling centre",
        r"(?:university|college|campus|student)(?:-based)? counsell?ing (?:centre|center|"
        r"services?|clinics?)s?|counsell?ing (?:centre|center)s? (?:at|of) (?:a |the )?"
        r"(?:\w+ )?(?:university|college)|college counsell?ing|student mental health services?",
    ),
    (
        "training clinic",
        r"training clinics?|university(?:-based)? (?:psychology |psychotherapy )?"
        r"clinics?|psychology clinics?|training (?:centre|center)",
    ),
    (
        "primary care",
        r"primary (?:health )?care|general practi(?:ce|tioners?)|GP (?:surger|practice)|IAPT|"
        r"Improving Access to Psychological Therapies|family (?:medicine|physicians?)",
    ),
    (
        "community mental health",
        r"community (?:mental health|clinics?|agenc|services?|settings?)|"
        r"public mental health",
    ),
    ("private practice", r"private (?:practice|practitioners?)|independent practice"),
    (
        "inpatient",
        r"inpatients?|psychiatric (?:hospital|ward|unit)s?|hospitali[sz]ed|"
        r"acute (?:ward|unit)s?",
    ),
    ("day hospital", r"day (?:hospital|treatment|clinic) |partial hospitali[sz]ation"),
    ("residential", r"residential (?:treatment|care|programme|program|setting|facilit)"),
    (
        "outpatient clinic",
        r"outpatients?|out-patients?|(?:specialist|specialty|psychotherapy|"
        r"psychiatric|mental health) (?:clinic|service)s?",
    ),
    (
        "veterans' health services",
        r"Veterans Affairs|Veterans Health|\bVA\b (?:medical|"
        r"hospital|clinic|facilit|health)",
    ),
    ("managed care", r"managed care|health (?:insurance|plan)|employee assistance|\bEAP\b"),
    (
        "online",
        r"internet[- ](?:delivered|based)|online (?:therapy|treatment|intervention|"
        r"programme|program|sessions?|counsell?ing)|teletherapy|telehealth|videoconferenc|"
        r"video (?:sessions|therapy)|smartphone app",
    ),
    ("school", r"school-based|in (?:\w+ )?schools|school (?:counsell?|setting)"),
    ("forensic", r"prisons?|forensic|correctional|probation"),
    ("workplace", r"workplace|occupational health"),
]
_SETTING_PATTERNS = [(label, re.compile(p, re.I)) for label, p in _SETTINGS]


def _setting(text: str) -> str:
    best: tuple[int, int, str] | None = None
    for label, pattern in _SETTING_PATTERNS:
        match = pattern.search(text)
        if match:
            key = (match.start(), -(match.end() - match.start()), label)
            if best is None or key < best:
                best = key
    return best[2] if best else ""


# --------------------------------------------------------------------------- effect sizes

_VALUE = r"[-−–]?\s?(?:\d+\.\d+|\.\d+|\d+)"
_STATISTICS: list[tuple[str, str]] = [
    ("g", r"(?:Hedges'?s?\s*)?\bg\b"),
    ("d", r"(?:Cohen'?s\s*)?\bd\b"),
    ("r", r"\br\b|\bcorrelation(?: coefficient)?\b"),
    ("OR", r"\bOR\b|odds ratios?"),
    ("RR", r"\bRR\b|risk ratios?|relative risks?"),
    ("HR", r"\bHR\b|hazard ratios?"),
]
_EFFECT = re.compile(
    r"(?P<stat>" + "|".join(f"(?P<s_{name}>{p})" for name, p in _STATISTICS) + r")"
    r"(?:\s*\(\s*(?:[dgr]|OR)\s*\))?"
    r"(?P<verb>\s*(?:=|:|of|was|were|equal to|equals|of about|of around|of approximately|≈|~))?\s*"
    rf"(?:about |around |approximately )?(?P<value>{_VALUE})(?![\d%])"
    r"(?P<ci>\s*[,;(\[]?\s*(?:95\s*%\s*)?(?:CI|confidence interval)\s*(?:[:=,]|from)?\s*[\[(]?"
    rf"\s*(?P<low>{_VALUE})\s*(?:,|to|–|—|-|and)\s*(?P<high>{_VALUE})\s*[\])]?"
    rf"|\s*[\[(]\s*(?P<low2>{_VALUE})\s*[,;]\s*(?P<high2>{_VALUE})\s*[\])])?",
    re.IGNORECASE,
)
# A full stop followed by a capital or the end: not the point of "41.2" nor of "23% v. 74%".
_SENTENCE_END = re.compile(r"[.;!?](?=\s+[A-Z(\"]|\s*$)|;")
# A percentage is a headline effect only when the clause is about outcome, not demography.
_PERCENT = re.compile(r"(?<![\d.])(?P<value>\d{1,3}(?:\.\d+)?)\s?(?:%|per ?cent\b)")
_OUTCOME_WORDS = re.compile(
    r"recover|improv|respon(?:se|ded|ders?)|remission|remitted|deteriorat|got worse|reliabl|"
    r"dropped out|drop-?out|attrition|terminated prematurely|reduc|relaps|fewer|lower|higher|"
    r"more likely|less likely|success|symptom-free|variance|outcome|change|benefit|"
    r"recommended|endorsed|agreed|reported using|used|attend|missed|no-shows?|came only",
    re.I,
)
_DEMOGRAPHY = re.compile(
    r"women|female|\bmale|\bmen\b|white|black|married|employed|\baged?\b|ethnic|minority|"
    r"university degree|response rate|responded to|completed the survey|were diagnosed",
    re.I,
)


def _to_float(text: str | None) -> float | None:
    if text is None:
        return None
    text = text.replace("−", "-").replace("–", "-").replace(" ", "")
    try:
        return float(text)
    except ValueError:
        return None


def _effect_sizes(text: str) -> list[EffectSize]:
    effects: list[EffectSize] = []
    for match in _EFFECT.finditer(text):
        statistic = next(name for name, _ in _STATISTICS if match.group(f"s_{name}"))
        # Single letters are case-sensitive in reporting: "D = 3" or "R = 2" is something else,
        # and "OR"/"or" must not collide with the conjunction.
        raw = match.group("stat")
        if (
            len(raw) <= 2
            and raw not in ("d", "g", "r", "OR", "RR", "HR")
            and not raw.endswith(("d", "g"))
        ):
            continue
        # Ratios are often reported bare ("OR 1.8", "hazard ratio 0.70"); a bare letter is not.
        if not match.group("verb") and statistic in ("d", "g", "r"):
            continue
        value = _to_float(match.group("value"))
        if value is None:
            continue
        # Standardised differences and correlations are reported with decimals; "d = 3" is
        # a label or an item number, and |r| cannot exceed 1.
        if statistic in ("d", "g", "r") and "." not in match.group("value"):
            continue
        if statistic == "r" and abs(value) > 1:
            continue
        low = _to_float(match.group("low") or match.group("low2"))
        high = _to_float(match.group("high") or match.group("high2"))
        if low is not None and high is not None and low > high:
            low = high = None
        effects.append(EffectSize(statistic, value, low, high))
    for match in _PERCENT.finditer(text):
        # Sentence ends are looked for in the whole text: a slice would end in "v. " and look
        # like the end of a sentence.
        sentence_start = max(0, match.start() - 90)
        for end_mark in _SENTENCE_END.finditer(text, sentence_start):
            if end_mark.end() > match.start():
                break
            sentence_start = end_mark.end()
        end = min(len(text), match.end() + 70)
        stop = _SENTENCE_END.search(text, match.end(), end)
        if stop:
            end = stop.start()
        window = text[sentence_start:end]
        if not _OUTCOME_WORDS.search(window):
            continue
        near = text[max(sentence_start, match.start() - 25) : min(end, match.end() + 25)]
        if _DEMOGRAPHY.search(near) or re.match(
            r"\s?(?:%|per ?cent)\s*(?:CI|confidence)", text[match.end() - 1 : match.end() + 15]
        ):
            continue
        value = _to_float(match.group("value"))
        if value is not None and value <= 100:
            effects.append(EffectSize("%", value))
    seen: set[tuple[str, float]] = set()
    unique: list[EffectSize] = []
    for effect in effects:
        key = (effect.statistic, effect.value)
        if key not in seen:
            seen.add(key)
            unique.append(effect)
    return unique


# --------------------------------------------------------------------------- follow-up

_UNIT = r"(?P<unit>weeks?|months?|years?)"
_FOLLOW = r"follow[- ]?ups?"
_FOLLOW_UP_PATTERNS = [
    re.compile(
        rf"(?P<num>{NUMBER})[- ]{_UNIT}[- ](?:long[- ])?(?:post-treatment )?{_FOLLOW}", re.I
    ),
    re.compile(
        rf"{_FOLLOW}(?: (?:assessments?|period|interval|data))?(?: (?:of|at|after|lasting|over|"
        rf"for|to)){{1,2}} (?:up to |about |approximately |least |roughly )?(?P<num>{NUMBER})"
        rf"[- ]{_UNIT}",
        re.I,
    ),
    re.compile(
        rf"(?P<num>{NUMBER})[- ]{_UNIT} (?:after|following|post[- ]?|beyond) (?:the )?(?:end "
        rf"(?:of )?(?:the )?|completion of (?:the )?|termination of )?(?:their |the )?"
        r"(?:first )?(?:treatment|therapy|termination|discharge|intake|baseline|randomi[sz]ation|"
        r"assessment|admission|enrolment|enrollment|"
        r"the intervention|intervention|sessions|psychotherapy|completion|ending)",
        re.I,
    ),
    re.compile(
        rf"(?:followed(?: up)?|re-?assessed|re-?contacted)(?: [\w,]+){{0,4}} (?:for|over|after)"
        rf" (?:up to |about |approximately |a further |an additional )?(?P<num>{NUMBER})"
        rf"[- ]{_UNIT}",
        re.I,
    ),
    re.compile(rf"(?P<num>{NUMBER})[- ]{_UNIT} later", re.I),
    re.compile(rf"within (?P<num>{NUMBER})[- ]{_UNIT} of (?:discharge|(?:the )?end of )", re.I),
    # "over the following year": no number means one.
    re.compile(
        rf"(?:over|during|in|within) the (?:following|next|subsequent) (?:(?P<num>{NUMBER}) )?"
        rf"{_UNIT}",
        re.I,
    ),
]


def _follow_up_months(text: str) -> int | None:
    longest: int | None = None
    for pattern in _FOLLOW_UP_PATTERNS:
        for match in pattern.finditer(text):
            number = parse_number(match.group("num")) if match.group("num") else 1
            if not number or number > 600:
                continue
            unit = match.group("unit").lower()
            if unit.startswith("year"):
                months = number * 12
            elif unit.startswith("month"):
                months = number
            else:
                months = round(number / 4.345)
            if months and (longest is None or months > longest):
                longest = months
    return longest


# --------------------------------------------------------------------------- entry point


def extract_evidence(text: str) -> EvidenceCard:
    """The evidence card suggested by a summary's plain text (use html_to_text first)."""
    text = str(text or "")
    # Typographic variants that reporting uses interchangeably.
    text = text.replace("\u2011", "-").replace("\u2010", "-").replace("\u00a0", " ")
    sizes = _sample_sizes(text)
    design = _design(text)
    if not design and (sizes.get("clients") or sizes.get("therapists")):
        # Counts of people in services with no word on how they were assigned or asked:
        # in practice research that is an observational study of routine care.
        design = "naturalistic"
    return EvidenceCard(
        design=design,
        clients=sizes.get("clients"),
        therapists=sizes.get("therapists"),
        studies=sizes.get("studies"),
        setting=_setting(text),
        effect_sizes=_effect_sizes(text),
        follow_up_months=_follow_up_months(text),
    )


# --------------------------------------------------------------------------- keyword rules

# The fallback when the archive is too small to learn from: the network's 36 topics (SPEC §2),
# by the slug of their name, with the words that signal them in a summary.
TOPIC_KEYWORDS: dict[str, str] = {
    "adherence": r"adheren(?:ce|t)|treatment fidelity|\bfidelity\b|manual(?:i[sz]ed)?",
    "alliance": r"alliance|therapeutic relationship|ruptures?|"
    r"\bbond\b|working relationship|real relationship",
    "anxiety-disorders": r"anxi(?:ety|ous)|panic|phobi|obsessive|\bOCD\b|\bGAD\b|worry",
    "attachment": r"attachment",
    "attendance-attrition-dropout": r"drop(?:ped)?[- ]?outs?|attrition|attendance|"
    r"no-shows?|missed sessions|premature(?:ly)? terminat|unilateral(?:ly)? terminat",
    "client-factors": r"client (?:factors|characteristics|variables|expectations|motivation)|"
    r"patient characteristics|client expectanc|readiness",
    "client-preferences": r"preferences?|preferred (?:treatment|therapy)|shared decision",
    "cbt": r"cognitive[- ]behaviou?ral|"
    r"\bCBT\b|cognitive therapy|\bCT\b|exposure therapy|behavioural activation|"
    r"behavioral activation|cognitive processing therapy",
    "combination-therapy": r"combin(?:ed|ation) (?:treatment|therapy|with medication)|"
    r"psychotherapy plus (?:medication|antidepressants?)|medication (?:and|plus) psychotherapy",
    "common-factors": r"common factors|contextual model|nonspecific factors|"
    r"specific (?:ingredients|factors)",
    "cost-effectiveness": r"cost[- ]?(?:effective|offset|benefit|utility|saving)|costs?\b|"
    r"economic|health care utili[sz]ation",
    "depression": r"depress|dysthymi|\bMDD\b|\bPHQ-9\b|\bBDI\b",
    "efficacy": r"efficacy|effective(?:ness)? of (?:psychotherapy|treatment|"
    r"therapy)|bona fide|outperform|superior to|equivalen|dodo bird",
    "empathy": r"empath|compassion",
    "feedback": r"feedback|progress monitoring|routine outcome "
    r"monitoring|measurement-based care|\bOQ-45\b|\bPCOMS\b|not on track|off-track",
    "group-psychotherapy": r"group (?:psycho)?therapy|group treatment|group-based|groups? "
    r"cohesion|group members|group format",
    "illness-medical-comorbidities": r"medical (?:illness|comorbid|conditions?)|chronic "
    r"(?:illness|pain|disease)|cancer|diabetes|cardiac|heart disease|HIV|physical health",
    "ipt": r"interpersonal psychotherapy|interpersonal therapy|"
    r"\bIPT\b",
    "long-term-outcomes": r"long[- ]term (?:outcome|effect|follow|benefit)|years? after "
    r"(?:treatment|therapy)|follow-up of (?:two|three|four|five|\d+) years|\bdurab",
    "medications": r"medications?|pharmaco|antidepressants?|\bSSRIs?\b|"
    r"psychotropic|drug treatment",
    "miscellaneous": r"(?!x)x",  # chosen by the editor, never by a keyword
    "neuroscience": r"neuro|brain|\bfMRI\b|amygdala|cortex|cortisol|biomarker",
    "outcomes-deterioration": r"deteriorat|got worse|negative (?:effects|outcomes)|"
    r"harm|reliable (?:change|improvement)|clinically significant|recovery rates?|"
    r"treatment outcomes?",
    "personality-disorders": r"personality disorders?|borderline|\bBPD\b|antisocial|"
    r"narcissis|dialectical behaviou?r therapy|\bDBT\b|mentali[sz]ation",
    "placebo": r"placebo|pill|sham|expectancy effects?",
    "practice-based-research": r"practice[- ]based|practice "
    r"research networks?|naturalistic|routine (?:practice|care)|real[- ]world|"
    r"research-practice gap|clinicians? (?:and|with) researchers",
    "psychodynamic-therapy": r"psychodynamic|psychoanaly|\bPDT\b|short-term dynamic|"
    r"\bSTPP\b|interpretations?",
    "resistance-reactance": r"resist(?:ance|ant)|reactance|ambivalen|motivational "
    r"interviewing",
    "self-reflection": r"self-reflect|self-aware|reflective practice|"
    r"mindful|self-monitor|insight into their own|personal therapy",
    "suicide-crisis": r"suicid|self-harm|crisis|self-injur",
    "termination": r"terminat|ending (?:of )?(?:therapy|treatment)|final sessions?|"
    r"last session",
    "therapist-factors": r"therapist (?:effects?|factors|characteristics|differences|"
    r"variability|expertise|experience|skills?)|between-therapist|facilitative "
    r"interpersonal skills|supershrinks?|deliberate practice",
    "training": r"training|trainees?|supervis|graduate students|students in clinical|"
    r"competence development|deliberate practice",
    "transference-countertransference": r"transference|countertransference",
    "trauma-ptsd": r"trauma|PTSD|posttraumatic|post-traumatic|abuse|\bEMDR\b",
    "treatment-length": r"number of sessions|session frequency|dose[- ]"
    r"(?:response|effect)|treatment (?:length|duration)|twice[- ]weekly|weekly sessions|"
    r"how many sessions|good[- ]enough level|length of (?:treatment|therapy)",
}
_TOPIC_PATTERNS = {slug: re.compile(p, re.I) for slug, p in TOPIC_KEYWORDS.items()}


def suggest_topics_by_keywords(text: str, limit: int = 4) -> list[str]:
    """Topic slugs whose keywords occur in the text, the most mentioned first."""
    text = str(text or "")
    counts = []
    for order, (slug, pattern) in enumerate(_TOPIC_PATTERNS.items()):
        hits = len(pattern.findall(text))
        if hits:
            counts.append((-hits, order, slug))
    return [slug for _, _, slug in sorted(counts)[:limit]]


def suggest_research_types_by_keywords(text: str) -> list[str]:
    """The research type (a DESIGN_LABELS key) the text's wording points to, or none."""
    design = _design(str(text or ""))
    return [design] if design else []

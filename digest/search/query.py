"""What a reader typed, made safe and meaningful: words, "quoted phrases", OR, synonyms, stems.

Nothing from the query string reaches a search engine as syntax: it is cut into words made only
of letters and digits, so FTS operators, quotes and SQL fragments are just words (or nothing).
The result is a Wagtail search query (PlainText, Phrase, And, Or) that every backend runs.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from wagtail.search.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText

from .variants import fold_text, open_compound, spellings

MAX_QUERY_LENGTH = 500
MAX_CLAUSES = 12  # more words than this add nothing but cost

# Words with no meaning of their own; PostgreSQL's english configuration drops them too, so
# dropping them here keeps SQLite and PostgreSQL in step (and "AND"-ed queries findable).
STOP_WORDS = frozenset(
    """a about above after again all am an and any are as at be because been before being
    between both but by can could did do does doing down during each few for from further had
    has have having he her here hers him his how i if in into is it its itself just me more
    most my no nor not of off on once only or other our ours out over own same she should so
    some such than that the their theirs them then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would
    you your near say says said""".split()  # noqa: SIM905 (a word list reads better as text)
)
# Words a question or a long query carries that say little about the subject ("how many
# sessions are needed", "does online therapy work", "IPT vs CBT"): dropped when the query has
# other words, kept when it has nothing else.
QUESTION_WORDS = frozenset(
    """many much whether anything something really actually work works need needed needs
    help helps good best get gets vs versus like way ways use using make makes know tell
    research evidence show shows find findings effective""".split()  # noqa: SIM905
)
# Search-engine operators a reader may type; we understand OR, the others are ignored.
OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
PART = re.compile(r"[^\W_]+")


def is_plain(query):
    """True for the queries this site builds (words, phrases, AND, OR): no NOT, no match-all,
    which is what the engines' one-pass ranking handles; anything else takes Wagtail's path.
    (Here, below the engine modules, so that they and the backend do not import each other.)"""
    if isinstance(query, (PlainText, Phrase)):
        return True
    return isinstance(query, (And, Or)) and all(is_plain(q) for q in query.subqueries)


def fold_query(query):
    """A Wagtail query (or query string) with its words folded as the indexed text is, for the
    searches that do not come through `parse` (the admin's page search)."""
    if isinstance(query, str):
        return fold_text(query)
    if isinstance(query, PlainText):
        return PlainText(fold_text(query.query_string), query.operator, query.boost)
    if isinstance(query, Phrase):
        return Phrase(fold_text(query.query_string))
    if isinstance(query, Fuzzy):
        return Fuzzy(fold_text(query.query_string), query.operator, query.unaccent)
    if isinstance(query, (And, Or)):
        return type(query)([fold_query(q) for q in query.subqueries])
    if isinstance(query, Not):
        return Not(fold_query(query.subquery))
    if isinstance(query, Boost):
        return Boost(fold_query(query.subquery), query.boost)
    return query  # MatchAll


class QueryTooLong(ValueError):
    pass


@lru_cache(maxsize=1)
def _stemmer():
    # SQLite's FTS5 "porter" tokenizer implements the original Porter algorithm; the same one
    # here means highlighting marks exactly the words the index matched.
    return snowballstemmer.stemmer("porter")


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The word's stem as the index holds it: folded as the indexed text is (variants.py)."""
    # Cached: highlighting stems every word of ten summaries per page, mostly the same words.
    return _stemmer().stemWord(fold_text(word.lower()))


def words_of(text: str) -> list[str]:
    """Lower-case words of `text`, split where FTS5 splits them (hyphens, apostrophes)."""
    return [w.lower() for w in PART.findall(text or "")]


def clean(text: str) -> str:
    """The query without control characters and surplus spaces."""
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text or "")
    return " ".join(text.split())


@dataclass
class Clause:
    """One thing the reader asked for, as alternatives: each a tuple of words (a phrase)."""

    forms: list[tuple[str, ...]]
    exact: bool = False  # a "quoted phrase": no synonyms
    # How many of `forms`, from the first, are the reader's own words (their spellings and
    # compounds); the rest come from a synonym group. None: all of them.
    own: int | None = None

    @property
    def expanded(self):
        return self.own is not None and self.own < len(self.forms)

    def to_search_query(self, literal=False):
        """Any of the forms; with `literal`, any of the reader's own forms only."""
        forms = self.forms[: self.own] if literal else self.forms
        # Folded as the indexed text is (variants.py): "mentalizing" is searched as "mentaliz".
        # A hyphenated word is a phrase: on PostgreSQL, "well-being" as a phrase is its own
        # lexeme ('well-b'), where the words apart lose "being" (a stop word) and match "well".
        texts = dict.fromkeys(fold_text(" ".join(form)) for form in forms)
        parts = [Phrase(t) if " " in t or "-" in t else PlainText(t) for t in texts]
        return parts[0] if len(parts) == 1 else Or(parts)

    @property
    def label(self):
        """What the reader asked for, as the page names it back ("self harm")."""
        return " ".join(self.forms[0])


@dataclass
class ParsedQuery:
    text: str
    clauses: list[Clause] = field(default_factory=list)
    any_of: bool = False  # the reader wrote OR between every clause

    def __bool__(self):
        return bool(self.clauses)

    def search_query(self, any_of=None, literal=False):
        """The Wagtail query; with `literal`, without the synonym groups' other terms."""
        any_of = self.any_of if any_of is None else any_of
        parts = [c.to_search_query(literal) for c in self.clauses]
        if len(parts) == 1:
            return parts[0]
        return Or(parts) if any_of else And(parts)

    @property
    def expanded(self):
        """Whether a synonym group added terms the reader did not type."""
        return any(c.expanded for c in self.clauses)

    @property
    def stems(self) -> set[str]:
        """Every stem a matching document may contain, synonyms included (for highlighting)."""
        return {
            stem(w)
            for c in self.clauses
            for f in c.forms
            for token in f
            for w in words_of(token)
            if w not in STOP_WORDS or len(f) == 1
        }

    @property
    def plain_words(self) -> list[str]:
        return [w for c in self.clauses if not c.exact for w in c.forms[0]]


def _tokens(token):
    """A WORD token as the words it stands for, a hyphenated compound kept whole, lower case:
    "Self-Harm" → ["self-harm"]; "client's" → ["client", "s"] (as the engines split it)."""
    if "'" in token or "’" in token:
        return words_of(token)
    return ["-".join(words_of(token))]


def _key(form):
    """The stems of a form's words, hyphenated words apart: what a typed span must match."""
    return tuple(stem(w) for token in form for w in words_of(token))


@lru_cache(maxsize=8)
def _synonym_index(groups):
    """{stemmed first word: [(stemmed words, group forms)]}, longest terms first. A form keeps
    its hyphens ("self-care"), so that it is searched as written (see Clause)."""
    index = {}
    for group in groups:
        forms = []
        for term in group:
            form = tuple(token for t in WORD.findall(term) for token in _tokens(t))
            forms.append(form)
            # The words apart too ("cognitive behavioural therapy"), unless one is a stop word:
            # PostgreSQL drops it, and "well being" would find every "well". An editor who
            # wants such a form writes it in the group ("drop out").
            words = tuple(words_of(term))
            if words != form and not STOP_WORDS.intersection(words):
                forms.append(words)
        forms = list(dict.fromkeys(f for f in forms if f))
        for form in forms:
            key = _key(form)
            index.setdefault(key[0], []).append((key, forms))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


def parse(raw: str, synonym_groups=()) -> ParsedQuery:
    """Parse a reader's query; raise QueryTooLong past MAX_QUERY_LENGTH characters."""
    text = clean(raw)
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryTooLong(text)
    # Keyed by the groups' content, so an edited group is never served stale: building the
    # index (stemming every form of every group) costs more than parsing the query.
    synonyms = _synonym_index(tuple(tuple(group) for group in synonym_groups))
    # Balanced quotes make phrases; a lone quote is ignored.
    pieces = re.split(r'"([^"]*)"', text)
    clauses, joins = [], []
    pending_or = False
    for position, piece in enumerate(pieces):
        if position % 2:  # inside quotes
            words = tuple(words_of(piece))
            if words:
                clauses.append(Clause([words], exact=True))
                joins.append(pending_or)
                pending_or = False
            continue
        # Each word, with the length of the hyphenated token it starts ("self-harm": 2).
        words, spans = [], []
        for token in WORD.findall(piece.replace('"', " ")):
            if token in OPERATORS:
                if token == "OR" and (clauses or words):  # noqa: S105 (an operator, not a secret)
                    words.append(None)  # marks an OR between what comes before and after
                    spans.append(1)
                continue
            for part in _tokens(token):  # "self-harm" is one compound, "client's" two words
                parts = part.split("-")
                words.extend(parts)
                spans.extend([len(parts)] + [0] * (len(parts) - 1))
        content = [w for w in words if w and w not in STOP_WORDS and w not in QUESTION_WORDS]
        i = 0
        while i < len(words):
            word = words[i]
            if word is None:
                pending_or = True
                i += 1
                continue
            clause, used = _match_synonym(words, i, synonyms, spans[i])
            if clause is None and spans[i] > 1:
                clause, used = _compound(words[i : i + spans[i]]), spans[i]
            pair = tuple(words[i : i + 2])
            if clause is None and None not in pair and open_compound("".join(pair)) == pair:
                clause, used = _compound(pair), 2
            if clause is None:
                if word in STOP_WORDS or (word in QUESTION_WORDS and content):
                    i += 1
                    continue
                clause, used = _word(word), 1
            clauses.append(clause)
            joins.append(pending_or)
            pending_or = False
            i += used
    clauses, joins = clauses[:MAX_CLAUSES], joins[:MAX_CLAUSES]
    any_of = len(clauses) > 1 and all(joins[1:])
    return ParsedQuery(text=text, clauses=clauses, any_of=any_of)


def _word(word):
    """One word as any of its spellings, and as two words if it is a closed compound."""
    forms = [(word,), *((other,) for other in spellings(word))]
    parts = open_compound(word)
    if parts:
        forms += _compound(parts).forms[:-1]
    return Clause(forms)


def _compound(parts):
    """A hyphenated or open compound ("self-harm", "well being"): hyphenated, open (unless a
    word is a stop word, which PostgreSQL would drop: "well being" would find "well"), or
    closed ("selfharm", "wellbeing")."""
    forms = [("-".join(parts),)]
    if not any(part in STOP_WORDS for part in parts):
        forms.append(tuple(parts))
    return Clause([*forms, ("".join(parts),)])


def _match_synonym(words, start, synonyms, compound=0):
    """The clause of the synonym group whose term starts at `words[start]`, and how many words
    it took; (None, 0) if none does. `compound`: the length of the hyphenated word starting
    there ("drop-out": 2), whose closed and open forms are the reader's own too."""
    first = words[start]
    if first is None:
        return None, 0
    for key, forms in synonyms.get(stem(first), ()):
        span = words[start : start + len(key)]
        if None not in span and tuple(stem(w) for w in span) == key:
            # What the reader typed comes first (as the group writes it, hyphens kept, and as
            # typed unless a stop word would vanish from it), with its spellings and compound
            # forms; then the group's other forms, and the other spellings of one-word forms
            # ("behaviour" finds "behavior"). Ranking puts summaries with the reader's own
            # words first (engine.py), so a neighbouring word adds results after them.
            same = [f for f in forms if _key(f) == key]
            typed = [tuple(span)] if not STOP_WORDS.intersection(span) or not same else []
            own = [*same, *typed]
            if len(span) == 1:
                own += _word(span[0]).forms
            elif compound == len(span) or open_compound("".join(span)) == tuple(span):
                own += _compound(span).forms
            own = _with_spellings(own)
            others = _with_spellings([f for f in forms if _key(f) != key])
            ordered = list(dict.fromkeys([*own, *others]))
            return Clause(ordered, own=len(own)), len(key)
    return None, 0


def _with_spellings(forms):
    """`forms` and the other spellings of their one-word forms, without repeats."""
    spelt = [(other,) for f in forms if len(f) == 1 for other in spellings(f[0])]
    return list(dict.fromkeys([*forms, *spelt]))

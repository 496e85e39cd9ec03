"""The passage of a summary that best matches a query, escaped, with matching words in <mark>."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from digest.evidence.extraction import html_to_text

from .query import stem

TOKEN = re.compile(r"[^\W_]+")
WINDOW = 40  # words in a passage, from its first matching word
CONTEXT = 8  # words shown before it


@lru_cache(maxsize=1024)
def plain(rich_text: str) -> str:
    """Rich text as one line, its paragraphs apart ("going. Because", not "going.Because").

    Kept for the last thousand texts (a few MB): parsing the HTML is most of a passage's cost,
    and the same summaries come back for many queries and every later page of one."""
    return " ".join(html_to_text(rich_text or "").split())


def best_passage(texts, stems, window=WINDOW):
    """The window of `window` words, over `texts`, holding the most distinct matching stems.

    Returns (prefix, passage, suffix, [(start, end) spans to mark]), or None if nothing matches.
    """
    # Stemming keeps a word's first letter (Porter only rewrites endings), so a word whose
    # first letter starts no stem cannot match: most words are never stemmed at all.
    initials = {s[0] for s in stems if s}
    best = (0, 0, None)
    for text in texts:
        words = TOKEN.findall(text)
        # (A first letter's lower case can be two characters, as "İ"'s is: its first counts.)
        hits = [i for i, w in enumerate(words) if w[0].lower()[0] in initials and stem(w) in stems]
        last = 0  # hits[n:last] are the hits within `window` words of hits[n]
        for n, first in enumerate(hits):
            last = max(last, n)
            while last < len(hits) and hits[last] < first + window:
                last += 1
            inside = hits[n:last]
            score = (len({stem(words[i]) for i in inside}), len(inside))
            if score > best[:2]:
                best = (*score, (text, first, inside))
    if best[2] is None:
        return None
    text, first, inside = best[2]
    tokens = [m.span() for m in TOKEN.finditer(text)]  # where the winning text's words are
    # Start a few words before the first hit so the reader sees its context, and end with the
    # window, so every hit that made this passage the best is shown.
    start_token = max(0, first - CONTEXT)
    end_token = min(len(tokens), first + window) - 1
    # Whole text at either end, so opening or closing punctuation is not cut off.
    begin = tokens[start_token][0] if start_token else 0
    end = tokens[end_token][1] if end_token < len(tokens) - 1 else len(text)
    spans = [(tokens[i][0] - begin, tokens[i][1] - begin) for i in inside if i <= end_token]
    prefix = "… " if start_token else ""
    suffix = " …" if end_token < len(tokens) - 1 else ""
    return prefix, text[begin:end], suffix, spans


def highlight(texts, stems, window=WINDOW):
    """Safe HTML: the best passage of `texts` with every matching word in <mark>."""
    found = best_passage(texts, stems, window)
    if found is None:
        return ""
    prefix, passage, suffix, spans = found
    out, cursor = [prefix], 0
    for start, end in spans:
        out += [escape(passage[cursor:start]), "<mark>", escape(passage[start:end]), "</mark>"]
        cursor = end
    out += [escape(passage[cursor:]), suffix]
    return mark_safe("".join(out))  # noqa: S308 (every piece of text above is escaped)


def mark_words(text, stems):
    """`text` escaped, with matching words in <mark> (for headlines)."""
    out, cursor = [], 0
    for m in TOKEN.finditer(text):
        if stem(m.group()) in stems:
            out += [escape(text[cursor : m.start()]), "<mark>", escape(m.group()), "</mark>"]
            cursor = m.end()
    out.append(escape(text[cursor:]))
    return mark_safe("".join(out))  # noqa: S308 (escaped above)


def passage(summary, stems):
    """A summary's best matching passage: implications first, then body, preamble, references."""
    texts = [plain(summary.implications), plain(summary.body), plain(summary.preamble)]
    return highlight(texts + [r.raw for r in summary.references.all()], stems)

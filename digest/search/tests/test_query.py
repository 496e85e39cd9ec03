"""The query parser: words, phrases, OR, synonyms; nothing typed becomes engine syntax."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from wagtail.search.query import And, Or, Phrase, PlainText

from digest.search.highlight import TOKEN, best_passage, plain
from digest.search.query import MAX_QUERY_LENGTH, QueryTooLong, parse, stem

GROUPS = [
    ["CBT", "cognitive-behavioural therapy", "cognitive behavioral therapy"],
    ["dropout", "drop-out", "attrition"],
    ["behaviour", "behavior"],
]


def test_words_are_and_ed_and_stop_words_dropped():
    query = parse("the ruptures in alliance").search_query()
    assert isinstance(query, And)
    assert [q.query_string for q in query.subqueries] == ["ruptures", "alliance"]


def test_quoted_phrase_is_a_phrase_without_synonyms():
    parsed = parse('"drop out" rates', GROUPS)
    assert parsed.clauses[0].exact
    assert isinstance(parsed.search_query().subqueries[0], Phrase)


def test_abbreviation_expands_to_its_group():
    query = parse("CBT", GROUPS).search_query()
    assert isinstance(query, Or)
    assert {type(q) for q in query.subqueries} == {PlainText, Phrase}
    assert "cognitive behavioural therapy" in [q.query_string for q in query.subqueries]


def test_multi_word_synonym_is_recognised_in_the_query():
    parsed = parse("cognitive behavioral therapy for insomnia", GROUPS)
    assert ("cbt",) in parsed.clauses[0].forms
    assert parsed.clauses[1].forms == [("insomnia",)]


def test_hyphenated_spelling_matches_its_group_by_stem():
    parsed = parse("drop-outs", GROUPS)
    assert ("attrition",) in parsed.clauses[0].forms


def test_or_between_words_makes_an_or_query():
    parsed = parse("empathy OR alliance")
    assert parsed.any_of and isinstance(parsed.search_query(), Or)


def test_operators_and_unbalanced_quotes_are_just_text():
    parsed = parse('alliance" AND NOT (rupture* ^2 NEAR:title')
    words = [f for c in parsed.clauses for f in c.forms]
    assert words == [("alliance",), ("rupture",), ("2",), ("title",)]


def test_too_long_query_is_refused():
    with pytest.raises(QueryTooLong):
        parse("a" * (MAX_QUERY_LENGTH + 1))


def test_stems_cover_synonyms_for_highlighting():
    assert {stem("attrition"), stem("dropout")} <= parse("dropout", GROUPS).stems


@given(st.text(max_size=300))
def test_any_text_gives_only_alphanumeric_words(text):
    # A hyphenated compound ("self-harm") stays one word of a phrase: hyphens inside a phrase
    # are no syntax to any engine.
    parsed = parse(text, GROUPS)
    for clause in parsed.clauses:
        for form in clause.forms:
            for word in form:
                assert word == word.lower()
                assert all(part.isalnum() for part in word.split("-")), word


PASSAGE_WORDS = ["alliance", "ruptures", "repair", "the", "client"]


def _best_window(texts, stems, window):
    """The obvious reading of best_passage: every hit starts a window; the first window with
    the most distinct stems, then the most hits, wins."""
    best = (0, 0, None)
    for text in texts:
        words = [stem(m.group()) for m in TOKEN.finditer(text)]
        hits = [i for i, w in enumerate(words) if w in stems]
        for first in hits:
            inside = [i for i in hits if first <= i < first + window]
            score = (len({words[i] for i in inside}), len(inside))
            if score > best[:2]:
                best = (*score, (text, first))
    return best


@given(
    st.lists(
        st.lists(st.sampled_from(["alliance", "Rupture", "repair", "the", "İnter", "client"])),
        max_size=3,
    ),
    st.sets(st.sampled_from(["allianc", "ruptur", "repair", stem("İnter")])),
    st.integers(1, 12),
)
def test_the_passage_is_the_window_with_the_most_matching_words(texts, stems, window):
    texts = [" ".join(words) for words in texts]
    distinct, count, where = _best_window(texts, stems, window)
    found = best_passage(texts, stems, window)
    if where is None:
        assert found is None
        return
    prefix, passage, suffix, spans = found
    marked = [stem(passage[a:b]) for a, b in spans]
    assert len(set(marked)) == distinct and len(marked) == count
    assert all(word in stems for word in marked)


def test_paragraphs_stay_apart_in_plain_text():
    html = "<p>Clients noticed where therapy was going.</p><p>Because&nbsp;the <b>bond</b> held</p>"
    assert plain(html) == "Clients noticed where therapy was going. Because the bond held"

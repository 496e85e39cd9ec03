"""The query parser: words, phrases, OR, synonyms; nothing typed becomes engine syntax."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from wagtail.search.query import And, Or, Phrase, PlainText

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
    parsed = parse(text, GROUPS)
    for clause in parsed.clauses:
        for form in clause.forms:
            assert all(word.isalnum() and word == word.lower() for word in form)

"""Reading a shared list's ids from an address that anyone may have edited."""

from hypothesis import given
from hypothesis import strategies as st

from digest.reading.lists import MAX_IDS, read_ids


def test_ids_keep_the_order_given_and_drop_repeats():
    assert read_ids("12,7,31,7").ids == [12, 7, 31]


def test_words_that_are_not_ids_are_counted_not_kept():
    result = read_ids("12,abc,-3,0,7,1e3,,")
    assert result.ids == [12, 7]
    assert result.unreadable == 4


def test_a_list_longer_than_the_limit_is_cut_and_says_how_much():
    result = read_ids(",".join(str(n) for n in range(1, MAX_IDS + 6)))
    assert len(result.ids) == MAX_IDS
    assert result.over_limit == 5


def test_an_id_too_long_for_the_database_is_unreadable_not_an_overflow():
    assert read_ids("9" * 30).ids == []


@given(st.text())
def test_any_text_gives_unique_positive_ids_within_the_limit(text):
    result = read_ids(text)
    assert len(result.ids) <= MAX_IDS
    assert len(set(result.ids)) == len(result.ids)
    assert all(0 < pk < 10**18 for pk in result.ids)


@given(st.lists(st.integers(min_value=1, max_value=10**17), max_size=150))
def test_a_list_of_ids_reads_back_as_itself(ids):
    unique = list(dict.fromkeys(ids))
    result = read_ids(",".join(map(str, ids)))
    assert result.ids == unique[:MAX_IDS]
    assert result.over_limit == max(0, len(unique) - MAX_IDS)

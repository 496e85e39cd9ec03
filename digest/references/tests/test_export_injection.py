"""No field of a reference can break out of its RIS record or its BibTeX field.

RIS is line-based ("ER  -" ends a record) and BibTeX ends a field at the brace that balances
its opening one, so each writer folds line breaks and neutralises unbalanced braces. These
properties are checked on arbitrary text, with the hostile pieces mixed in on purpose.
"""

import bibtexparser
import rispy
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.references.exports import to_bibtex, to_ris

HOSTILE = st.sampled_from(
    [
        "\nER  - \nTY  - JOUR\nTI  - injected",
        "\r\nER  -",
        "\u2028ER  - ",
        "}",
        "{",
        "}, author = {Mallory",
        "\\",
        "\\}",
        "@article{x,",
        "\x00",
        "\x85",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=20), HOSTILE), max_size=6).map("".join)


def items(texts):
    title, journal, family, publisher, doi = texts
    return [
        {
            "type": "article-journal",
            "title": title or "t",
            "container-title": journal,
            "author": [{"family": family or "f", "given": "A."}],
            "issued": {"date-parts": [[2011]]},
            "publisher": publisher,
            "DOI": doi,
            "URL": "https://example.org/" + doi,
        },
        {"type": "book", "title": "Second record", "author": [{"family": "Safe", "given": "B."}]},
    ]


@settings(max_examples=150, deadline=None)
@given(st.tuples(TEXT, TEXT, TEXT, TEXT, TEXT))
def test_ris_keeps_one_record_per_reference(texts):
    records = rispy.loads(to_ris(items(texts)))
    assert len(records) == 2
    assert records[1]["title"] == "Second record"
    assert set(records[0]) <= {
        "type_of_reference", "title", "secondary_title", "authors", "year", "publisher",
        "doi", "urls", "journal_name",
    }  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.tuples(TEXT, TEXT, TEXT, TEXT, TEXT))
def test_bibtex_keeps_every_value_inside_its_own_field(texts):
    library = bibtexparser.parse_string(to_bibtex(items(texts)))
    assert not library.failed_blocks
    assert len(library.entries) == 2
    first, second = library.entries
    assert set(first.fields_dict) <= {
        "author", "title", "journal", "year", "publisher", "doi", "url",
    }  # fmt: skip
    assert second.fields_dict["title"].value == "Second record"


def test_a_line_break_then_er_cannot_start_a_new_ris_record():
    hostile = items(("Title\nER  - \nTY  - JOUR\nTI  - Injected", "J", "F", "", "10.1/x"))
    records = rispy.loads(to_ris(hostile))
    assert [r["title"] for r in records] == [
        "Title ER  - TY  - JOUR TI  - Injected",
        "Second record",
    ]


def test_a_closing_brace_cannot_end_a_bibtex_field():
    hostile = items(("T", "J", "F", "Press}, note = {pwned", "10.1/x"))
    [first, _second] = bibtexparser.parse_string(to_bibtex(hostile)).entries
    assert "note" not in first.fields_dict
    assert first.fields_dict["publisher"].value == "Press), note = (pwned"

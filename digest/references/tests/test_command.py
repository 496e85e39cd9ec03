"""`parse_references` reads references line by line and writes CSL-JSON lines."""

import io
import json

from django.core.management import call_command


def run(text):
    out = io.StringIO()
    call_command("parse_references", stdin=io.StringIO(text), stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_one_json_object_per_reference_line_with_raw_and_unparsed():
    lines = [
        "Safran, J. D., Muran, J. C., & Eubanks-Carter, C. (2011). Repairing alliance ruptures. "
        "Psychotherapy, 48(1), 80–87. https://doi.org/10.1037/a0022140",
        "",
        "Wampold, B. E. (2001). The great psychotherapy debate: Models, methods, and findings. "
        "Lawrence Erlbaum Associates.",
        "nothing to parse here",
    ]
    items = run("\n".join(lines) + "\n")
    assert len(items) == 3
    first, book, junk = items
    assert first["type"] == "article-journal" and first["DOI"] == "10.1037/a0022140"
    assert first["author"][0] == {"family": "Safran", "given": "J. D."}
    assert first["issued"] == {"date-parts": [[2011]]}
    assert first["raw"] == lines[0] and first["unparsed"] == []
    assert book["type"] == "book" and book["publisher"] == "Lawrence Erlbaum Associates"
    assert junk["unparsed"] == ["nothing to parse here"]


def test_non_ascii_is_written_as_is():
    [item] = run("Flückiger, C. (2018). T. Psychotherapy, 55(4), 316–340.\n")
    assert item["author"][0]["family"] == "Flückiger"

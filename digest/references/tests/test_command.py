"""`parse_references` reads references line by line and writes CSL-JSON lines."""

import io
import json
import sys

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


def test_binary_input_is_replaced_reported_and_written_as_valid_utf8():
    out, err = io.StringIO(), io.StringIO()
    data = b"Safran, J. D. (2011). Rep\xffairing. Psychotherapy, 48(1), 80\x96\x8787.\n\x00\xfe\n"
    call_command("parse_references", stdin=io.BytesIO(data), stdout=out, stderr=err)
    items = [json.loads(line) for line in out.getvalue().splitlines()]
    assert items[0]["author"][0]["family"] == "Safran" and "\ufffd" in items[0]["raw"]
    assert out.getvalue().encode("utf-8").decode("utf-8")  # no lone surrogates
    assert "line 1:" in err.getvalue() and "line 2:" in err.getvalue()


def test_binary_input_on_the_real_streams_gives_utf8_and_no_traceback(tmp_path):
    import os
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, str(root / "manage.py"), "parse_references"],
        input=bytes(range(256)) + b"\nFl\xc3\xbcckiger, C. (2018). T. Psychotherapy, 55, 1.\n",
        capture_output=True,
        env=env,
        cwd=root,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr
    lines = result.stdout.decode("utf-8").splitlines()  # strict: must be valid UTF-8
    assert json.loads(lines[-1])["author"][0]["family"] == "Flückiger"
    assert b"not UTF-8" in result.stderr

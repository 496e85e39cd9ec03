"""The fresh wild set is well-formed (issue 13 §3).

It was held out until its honest figure was taken; it is tuning material since (the bench
lists its misses). These tests read the data only and never run the parser: accuracy is the
bench's to measure. No network: addresses are checked as text.
"""

import json
import re
from pathlib import Path

import pytest

from digest.references.tests.data import make_wild

DATA = Path(__file__).parent / "data"
FRESH_TXT = DATA / "wild_references_fresh.txt"
FRESH_JSON = DATA / "wild_references_fresh.json"
OLD_TXT = DATA / "wild_references.txt"
HOLDOUT_URLS = Path("/work/shared/legacy/holdout-urls.txt")
# Label styles a reader can name; "apa" is the one the first set was tuned on most.
STYLES = {
    "apa",
    "vancouver",
    "nlm",
    "ama",
    "chicago",
    "harvard",
    "mla",
    "tandf",
    "eprints",
    "bjpsych",
    "springer",
    "annualreview",
    "other",
}
MIN_REFERENCES = 150
MIN_OTHER_STYLES = 50


def _groups(text: str):
    """(address, raw lines, label) for each labelled string; raises on any unlabelled one."""
    url, raw = "", []
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("#") and not raw:
            continue
        if line.startswith("@ "):
            assert not raw, f"line {number}: a string above this address has no '>' label"
            url = line[2:].strip()
            continue
        if line.startswith("> "):
            assert raw, f"line {number}: a label with no string above it"
            assert url, f"line {number}: a string with no '@' address above it"
            yield url, raw, line[2:]
            raw = []
            continue
        raw.append(line)
    assert not raw, "the file ends with a string that has no '>' label"


@pytest.fixture(scope="module")
def groups():
    return list(_groups(FRESH_TXT.read_text(encoding="utf-8")))


def _addresses(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line[2:].strip() for line in lines if line.startswith("@ ")}


def test_every_string_has_a_label_and_enough_were_collected(groups):
    assert len(groups) >= MIN_REFERENCES
    assert all(any(line.strip() for line in raw) for _url, raw, _label in groups)


def test_at_least_fifty_references_are_in_other_styles_than_apa(groups):
    styles = [label.split("|", 1)[0].strip() for _url, _raw, label in groups]
    assert set(styles) <= STYLES
    assert sum(1 for style in styles if style != "apa") >= MIN_OTHER_STYLES


def test_every_label_has_the_ten_cells_and_a_plain_year(groups):
    for _url, raw, label in groups:
        cells = label.split("|")
        assert len(cells) == 10, raw
        year = cells[2].strip()
        assert year == "" or re.fullmatch(r"(1[89]|20)\d\d", year), raw
        for part in (p.strip() for p in cells[9].split(" ; ") if p.strip()):
            assert part.partition("=")[0].strip() in make_wild.EXTRA_KEYS, raw


def test_addresses_are_public_pages_never_the_old_site_or_the_acceptance_set(groups):
    addresses = {url for url, _raw, _label in groups}
    assert all(re.match(r"https?://[^/\s]+\.[^/\s]+", url) for url in addresses)
    assert not [url for url in addresses if "pprnet" in url.lower()]
    assert not [url for url in addresses if "uottawa.ca" in url.lower()]
    if HOLDOUT_URLS.exists():
        held = {
            line.strip().rstrip("/")
            for line in HOLDOUT_URLS.read_text(encoding="utf-8").splitlines()
            if line.strip()
        }
        assert not {url.rstrip("/") for url in addresses} & held


def test_no_page_of_the_first_wild_set_is_used_again(groups):
    addresses = {url for url, _raw, _label in groups}
    assert not addresses & _addresses(OLD_TXT)


def test_the_json_is_built_from_the_text_and_holds_every_item_out():
    built = make_wild.document(FRESH_TXT)
    stored = json.loads(FRESH_JSON.read_text(encoding="utf-8"))
    assert stored == built, "run: python digest/references/tests/data/make_wild.py " + (
        FRESH_TXT.name
    )
    assert {item["split"] for item in stored["items"]} == {"fresh"}

"""Score the reference parser against labelled references (used by the tests and make bench).

Pure Python: a labelled item is ``{"raw": str, "expected": {CSL fields}}``.
"""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass, field

from digest.references.parsing import parse_reference

# The fields a reader checks, as the issue lists them; "pages" covers page or article number.
FIELDS = ("author", "year", "title", "container", "volume", "issue", "pages", "DOI")


def _names(people) -> list[tuple[str, ...]]:
    return [
        tuple(unicodedata.normalize("NFC", p.get(k, "")) for k in ("literal", "family", "given"))
        for p in people or []
    ]


def field_values(csl: dict) -> dict[str, object]:
    """The comparable value of each scored field in a CSL-JSON dict."""
    issued = csl.get("issued") or {}
    parts = issued.get("date-parts") or [[None]]
    return {
        "author": _names(csl.get("author")),
        "year": parts[0][0] if parts and parts[0] else None,
        "title": csl.get("title", ""),
        "container": csl.get("container-title", ""),
        "volume": csl.get("volume", ""),
        "issue": csl.get("issue", ""),
        "pages": csl.get("page", "") or csl.get("number", ""),
        "DOI": (csl.get("DOI") or "").lower(),
    }


def _comparable(csl: dict) -> dict:
    out = dict(csl)
    for key in ("author", "editor"):
        if key in out:
            out[key] = _names(out[key])
    if "DOI" in out:
        out["DOI"] = out["DOI"].lower()
    return out


# The wild set (references copied from real pages) is checked on every field an editor fills.
WILD_FIELDS = (
    *FIELDS,
    "editor",
    "edition",
    "publisher",
    "place",
    "status",
    "URL",
)


def wild_field_values(csl: dict) -> dict[str, object]:
    """``field_values`` plus the fields of books, chapters and web pages."""
    values = field_values(csl)
    values.update(
        {
            "editor": _names(csl.get("editor")),
            "edition": str(csl.get("edition", "") or ""),
            "publisher": csl.get("publisher", ""),
            "place": csl.get("publisher-place", ""),
            "status": csl.get("status", ""),
            "URL": csl.get("URL", ""),
        }
    )
    return values


@dataclass
class Report:
    fields: tuple[str, ...] = FIELDS
    total: int = 0
    exact: int = 0
    field_hits: dict[str, int] = field(default_factory=dict)
    field_counts: dict[str, int] = field(default_factory=dict)
    misses: list[tuple[str, str, object, object]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def field_accuracy(self) -> float:
        counted = sum(self.field_counts.values())
        return sum(self.field_hits.values()) / counted if counted else 0.0

    @property
    def exact_rate(self) -> float:
        return self.exact / self.total if self.total else 0.0

    @property
    def per_second(self) -> float:
        return self.total / self.seconds if self.seconds else 0.0

    def per_field(self) -> dict[str, float]:
        return {f: self.field_hits[f] / n for f, n in self.field_counts.items() if n}


def score(items: list[dict], parse=parse_reference) -> Report:
    """Parse every item and compare with its expected fields.

    A field counts when either side has a value (two empty values are not a success worth
    reporting); a reference matches exactly when every expected CSL variable is equal and
    the parser invented nothing else.
    """
    report = Report(field_hits=dict.fromkeys(FIELDS, 0), field_counts=dict.fromkeys(FIELDS, 0))
    started = time.perf_counter()
    parsed = [parse(item["raw"]) for item in items]
    report.seconds = time.perf_counter() - started
    for item, ref in zip(items, parsed, strict=True):
        report.total += 1
        got_csl = ref.to_csl()
        want, got = field_values(item["expected"]), field_values(got_csl)
        for name in FIELDS:
            if not want[name] and not got[name]:
                continue
            report.field_counts[name] += 1
            if want[name] == got[name]:
                report.field_hits[name] += 1
            else:
                report.misses.append((item["raw"], name, want[name], got[name]))
        if _comparable(got_csl) == _comparable(item["expected"]):
            report.exact += 1
    return report


def score_wild(items: list[dict], parse=parse_reference) -> Report:
    """Score references copied from real pages on every field a reader checks.

    An item is ``{"raw": str, "expected": {CSL fields}}``; ``parse`` turns a raw string into a
    ``ParsedReference`` (the product's parser by default). A reference is exact when every
    field of :data:`WILD_FIELDS` matches (the CSL type is not scored: the set labels what a
    reader sees, not how a citation manager files it).
    """
    report = Report(
        fields=WILD_FIELDS,
        field_hits=dict.fromkeys(WILD_FIELDS, 0),
        field_counts=dict.fromkeys(WILD_FIELDS, 0),
    )
    started = time.perf_counter()
    parsed = [parse(item["raw"]) for item in items]
    report.seconds = time.perf_counter() - started
    for item, ref in zip(items, parsed, strict=True):
        report.total += 1
        want, got = wild_field_values(item["expected"]), wild_field_values(ref.to_csl())
        all_equal = True
        for name in WILD_FIELDS:
            if not want[name] and not got[name]:
                continue
            report.field_counts[name] += 1
            if want[name] == got[name]:
                report.field_hits[name] += 1
            else:
                all_equal = False
                report.misses.append((item["raw"], name, want[name], got[name]))
        if all_equal:
            report.exact += 1
    return report

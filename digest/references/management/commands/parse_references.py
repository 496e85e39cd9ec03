"""`./manage.py parse_references`: one pasted reference per line in, one CSL-JSON object out."""

import json
import sys

from django.core.management.base import BaseCommand

from digest.references.parsing import parse_reference


def _lines(stdin):
    """(line number, text, whether bytes had to be replaced) for each line of `stdin`.

    Input is read as bytes: a text stream would either die on the first byte that is not
    UTF-8 or smuggle it through as a lone surrogate and write invalid UTF-8 back out.
    """
    source = getattr(stdin, "buffer", stdin)
    for number, line in enumerate(source, 1):
        if isinstance(line, str):  # a text stream handed in by a caller (tests, scripts)
            line = line.encode("utf-8", "surrogateescape")
        try:
            yield number, line.decode("utf-8"), False
        except UnicodeDecodeError:
            yield number, line.decode("utf-8", "replace"), True


class Command(BaseCommand):
    help = (
        "Read one reference per line on standard input; write one CSL-JSON object per line "
        "(with the raw text, the unplaced parts and the style recognised) on standard output. "
        "Bytes that are not "
        "UTF-8 are replaced by U+FFFD and reported on standard error."
    )
    stealth_options = ("stdin",)  # tests pass a file object instead of the real stdin

    def handle(self, *args, **options):
        stdin = options.get("stdin") or sys.stdin
        out = getattr(self.stdout, "_out", None)
        if out is sys.stdout and hasattr(out, "reconfigure"):
            out.reconfigure(encoding="utf-8")  # the output is UTF-8 whatever the locale says
        for number, line, replaced in _lines(stdin):
            text = line.rstrip("\r\n")
            if replaced:
                self.stderr.write(
                    f"line {number}: bytes that are not UTF-8 were replaced by U+FFFD"
                )
            if not text.strip():
                continue  # blank lines separate nothing here: one reference is one line
            ref = parse_reference(text)
            item = ref.to_csl()
            item["raw"] = ref.raw
            item["unparsed"] = ref.unparsed
            item["style"] = ref.style  # not CSL: how the reference was written
            self.stdout.write(json.dumps(item, ensure_ascii=False))

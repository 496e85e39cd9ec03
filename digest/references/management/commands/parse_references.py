"""`./manage.py parse_references`: one pasted reference per line in, one CSL-JSON object out."""

import json
import sys

from django.core.management.base import BaseCommand

from digest.references.parsing import parse_reference


class Command(BaseCommand):
    help = (
        "Read one reference per line on standard input; write one CSL-JSON object per line "
        "(with the raw text and the unplaced parts) on standard output."
    )
    stealth_options = ("stdin",)  # tests pass a file object instead of the real stdin

    def handle(self, *args, **options):
        stdin = options.get("stdin") or sys.stdin
        for line in stdin:
            text = line.rstrip("\r\n")
            if not text.strip():
                continue  # blank lines separate nothing here: one reference is one line
            ref = parse_reference(text)
            item = ref.to_csl()
            item["raw"] = ref.raw
            item["unparsed"] = ref.unparsed
            self.stdout.write(json.dumps(item, ensure_ascii=False))

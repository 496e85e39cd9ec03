"""Reading the `ids` of a shared reading list (/list/?ids=12,7,31): pure Python, no Django.

A list is whatever a reader's browser put in the address, so nothing in it is trusted: words
that are not ids are counted and dropped, repeats are kept once (first place wins), and only
the first MAX_IDS are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_IDS = 100
# Ids are database keys; anything longer than 18 digits cannot be one (and would overflow).
_ID = re.compile(r"[1-9][0-9]{0,17}")


@dataclass
class ListIds:
    ids: list[int] = field(default_factory=list)
    unreadable: int = 0  # parts of the address that are not ids
    over_limit: int = 0  # ids past MAX_IDS


def read_ids(value: str, limit: int = MAX_IDS) -> ListIds:
    result = ListIds()
    seen: set[int] = set()
    for part in re.split(r"[,\s]+", value or ""):
        if not part:
            continue
        if not _ID.fullmatch(part):
            result.unreadable += 1
            continue
        pk = int(part)
        if pk in seen:
            continue
        seen.add(pk)
        if len(result.ids) >= limit:
            result.over_limit += 1
        else:
            result.ids.append(pk)
    return result

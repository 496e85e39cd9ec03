"""Importing an existing member list (CSV: email,language[,topics]) with its consent source
recorded.

An import is all-or-nothing: every row is checked first (decoding, CSV syntax, address,
language, topics, the database's own limits) and every problem is reported with its line
number; only a file without problems is imported, in one transaction.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from digest.taxonomy.models import Topic, TopicAlias

from .models import Subscriber, normalise_email

# A member list is a few megabytes at most; anything far larger is not one, and is refused
# before it is held in memory.
MAX_FILE_BYTES = 20 * 1024 * 1024
# No valid field is longer than an address (254) or a list of topic slugs; the csv module's
# own limit (128 KiB) would stop the reader with an exception instead of a line number.
MAX_FIELD_CHARS = 4096
SLUG = re.compile(r"^[-\w]+$", re.ASCII)
COLUMNS = ("email", "language", "topics")


@dataclass
class ImportRow:
    line: int
    email: str
    language: str
    topics: list[Topic]


@dataclass
class ImportReport:
    added: int = 0
    confirmed: int = 0
    unchanged: int = 0
    kept_unsubscribed: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def imported(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.problems:
            return _(
                "Nothing was imported: the file has %(problems)d problems. Correct them and "
                "import the whole file again."
            ) % {"problems": len(self.problems)}
        return _(
            "%(added)d added, %(confirmed)d pending now confirmed, %(unchanged)d already "
            "subscribed, %(kept)d left unsubscribed."
        ) % {
            "added": self.added,
            "confirmed": self.confirmed,
            "unchanged": self.unchanged,
            "kept": self.kept_unsubscribed,
        }


def _decode(data: bytes, report: ImportReport) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        report.problems.append(
            _("Line %(n)d: byte %(byte)s is not UTF-8 text; save the file as CSV UTF-8.")
            % {"n": line, "byte": f"0x{data[exc.start]:02X}"}
        )
        return None


def _topic_lookup() -> dict[str, Topic]:
    # Current slugs and the former slugs of renamed or merged topics both name a topic.
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    for alias in TopicAlias.objects.select_related("topic"):
        topics.setdefault(alias.slug, alias.topic)
    return topics


def _columns(header: list[str]) -> dict[str, int] | None:
    names = [name.strip().lower() for name in header]
    if "email" not in names:
        return None
    return {name: names.index(name) for name in COLUMNS if name in names}


def _row_reader(row: list[str], positions: dict[str, int]):
    def column(name: str) -> str:
        index = positions.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    return column


def check_rows(text: str, report: ImportReport) -> list[ImportRow]:
    """Every row of the file, checked; each problem is added to `report` with its line."""
    email_max = Subscriber._meta.get_field("email").max_length
    languages = dict(settings.LANGUAGES)
    topics = None
    positions = {name: index for index, name in enumerate(COLUMNS)}
    rows, seen = [], {}
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            # The reader cannot resume after a syntax error: report where, and stop.
            report.problems.append(
                _("Line %(n)d: this is not valid CSV (%(error)s); the rest was not read.")
                % {"n": line, "error": exc}
            )
            break
        if not row or not "".join(row).strip():
            continue
        if line == 1 and "@" not in row[0]:
            found = _columns(row)
            if found is None:
                report.problems.append(_('Line 1: a header row must name an "email" column.'))
                return rows
            positions = found
            continue
        if any(len(value) > MAX_FIELD_CHARS for value in row):
            report.problems.append(
                _("Line %(n)d: a field is longer than %(max)d characters.")
                % {"n": line, "max": MAX_FIELD_CHARS}
            )
            continue
        column = _row_reader(row, positions)
        raw = column("email")
        email = normalise_email(raw)
        try:
            validate_email(email)
            if len(email) > email_max:
                raise ValidationError("too long")
        except ValidationError:
            report.problems.append(
                _("Line %(n)d: %(value)s is not an e-mail address (at most %(max)d characters).")
                % {"n": line, "value": repr(raw[:80]), "max": email_max}
            )
            email = None
        if email and email in seen:
            report.problems.append(
                _("Line %(n)d: %(email)s appears twice (first on line %(first)d).")
                % {"n": line, "email": email, "first": seen[email]}
            )
            email = None

        code = column("language").lower().replace("_", "-")
        language = code.split("-")[0] if code else settings.LANGUAGE_CODE
        if language not in languages:
            report.problems.append(
                _("Line %(n)d: unknown language %(value)s (use %(codes)s).")
                % {"n": line, "value": repr(code[:20]), "codes": ", ".join(languages)}
            )
            language = None

        chosen, unknown = [], []
        for slug in filter(None, (part.strip() for part in column("topics").split(";"))):
            if topics is None:
                topics = _topic_lookup()
            topic = topics.get(slug) if SLUG.match(slug) else None
            if topic is None:
                unknown.append(slug)
            elif topic not in chosen:
                chosen.append(topic)
        if unknown:
            report.problems.append(
                _("Line %(n)d: unknown topic %(slugs)s.")
                % {"n": line, "slugs": ", ".join(repr(slug[:80]) for slug in unknown)}
            )

        if email:
            seen[email] = line
            if language and not unknown:
                rows.append(ImportRow(line, email, language, chosen))
    return rows


def _save(rows: list[ImportRow], consent_source: str, report: ImportReport) -> None:
    now = timezone.now()
    for row in rows:
        consent = {
            "consent_source": consent_source,
            "consent_text": "",
            "consent_language": row.language,
            "consent_requested_at": now,
            "consent_given_at": now,
            "confirmed_at": now,
        }
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=row.email,
            defaults={"status": Subscriber.Status.CONFIRMED, "language": row.language, **consent},
        )
        if created:
            report.added += 1
        elif subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            # Someone who unsubscribed stays unsubscribed: an old list never overrides that.
            report.kept_unsubscribed += 1
            continue
        elif subscriber.status == Subscriber.Status.PENDING:
            for name, value in consent.items():
                setattr(subscriber, name, value)
            subscriber.status = Subscriber.Status.CONFIRMED
            subscriber.save()
            report.confirmed += 1
        else:
            report.unchanged += 1
        if row.topics:
            subscriber.topics.add(*row.topics)


def import_bytes(data: bytes, consent_source: str) -> ImportReport:
    """Check the whole file, then add every address as confirmed, or add nothing."""
    report = ImportReport()
    source_max = Subscriber._meta.get_field("consent_source").max_length
    if len(consent_source) > source_max:
        report.problems.append(
            _("The consent source is %(length)d characters long; at most %(max)d.")
            % {"length": len(consent_source), "max": source_max}
        )
    text = _decode(data, report)
    if text is None:
        return report
    rows = check_rows(text, report)
    if report.problems:
        return report
    try:
        with transaction.atomic():
            _save(rows, consent_source, report)
    except DatabaseError as exc:
        # Nothing is kept: the counts describe a transaction that was rolled back.
        report = ImportReport()
        report.problems.append(_("The database refused the import (%(error)s).") % {"error": exc})
    return report


def import_file(binary, consent_source: str) -> ImportReport:
    """`binary`: an uploaded or opened file; UTF-8 (with or without BOM)."""
    data = binary.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        report = ImportReport()
        report.problems.append(
            _("The file is larger than %(size)d MB: it is not a member list.")
            % {"size": MAX_FILE_BYTES // (1024 * 1024)}
        )
        return report
    return import_bytes(data, consent_source)

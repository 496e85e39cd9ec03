"""Importing an existing member list (CSV: email,language) with its consent source recorded."""

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Subscriber, normalise_email


@dataclass
class ImportReport:
    added: int = 0
    confirmed: int = 0
    unchanged: int = 0
    kept_unsubscribed: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return _(
            "%(added)d added, %(confirmed)d pending now confirmed, %(unchanged)d already "
            "subscribed, %(kept)d left unsubscribed, %(problems)d rows with problems."
        ) % {
            "added": self.added,
            "confirmed": self.confirmed,
            "unchanged": self.unchanged,
            "kept": self.kept_unsubscribed,
            "problems": len(self.problems),
        }


def _language(value: str) -> str:
    code = (value or "").strip().lower()[:2]
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def import_rows(lines, consent_source: str) -> ImportReport:
    """Add every valid address as confirmed, recording where its consent comes from.

    Someone who unsubscribed stays unsubscribed: an old list never overrides that choice.
    """
    report = ImportReport()
    now = timezone.now()
    seen = set()
    for number, row in enumerate(csv.reader(lines), start=1):
        if not row or not "".join(row).strip():
            continue
        raw = row[0].strip()
        if number == 1 and "@" not in raw:
            continue  # a header row
        email = normalise_email(raw)
        try:
            validate_email(email)
        except ValidationError:
            report.problems.append(
                _("Line %(n)d: %(value)r is not an e-mail address.") % {"n": number, "value": raw}
            )
            continue
        if email in seen:
            report.problems.append(
                _("Line %(n)d: %(email)s appears twice.") % {"n": number, "email": email}
            )
            continue
        seen.add(email)
        language = _language(row[1] if len(row) > 1 else "")
        consent = {
            "consent_source": consent_source,
            "consent_text": "",
            "consent_language": language,
            "consent_requested_at": now,
            "consent_given_at": now,
            "confirmed_at": now,
        }
        with transaction.atomic():
            subscriber, created = Subscriber.objects.select_for_update().get_or_create(
                email=email,
                defaults={"status": Subscriber.Status.CONFIRMED, "language": language, **consent},
            )
            if created:
                report.added += 1
            elif subscriber.status == Subscriber.Status.UNSUBSCRIBED:
                report.kept_unsubscribed += 1
            elif subscriber.status == Subscriber.Status.PENDING:
                for name, value in consent.items():
                    setattr(subscriber, name, value)
                subscriber.status = Subscriber.Status.CONFIRMED
                subscriber.save()
                report.confirmed += 1
            else:
                report.unchanged += 1
    return report


def import_file(binary, consent_source: str) -> ImportReport:
    """`binary`: an uploaded or opened file; UTF-8 (with or without BOM)."""
    try:
        text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
        return import_rows(text, consent_source)
    except UnicodeDecodeError:
        report = ImportReport()
        report.problems.append(_("The file is not UTF-8 text; save it as CSV UTF-8."))
        return report

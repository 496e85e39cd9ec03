"""The e-mails the newsletter sends: the issue (rendered once per language, then personalised by
putting the subscriber's topics first and swapping in their links) and the subscription e-mails
(confirm, already subscribed).

Every e-mail is HTML with CSS inlined by css-inline and a plain-text twin; every link is
absolute, built on BASE_URL.
"""

import re
import secrets
import textwrap
from dataclasses import dataclass
from email.utils import formataddr, parseaddr
from urllib.parse import urlsplit

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from digest.evidence.extraction import html_to_text

from . import tokens

# Stand-ins rendered into the shared frame and replaced per subscriber. They survive HTML
# escaping and CSS inlining unchanged.
UNSUBSCRIBE_MARK = "__newsletter_unsubscribe_url__"
PREFERENCES_MARK = "__newsletter_preferences_url__"

_INLINER = css_inline.CSSInliner()
_RELATIVE_LINK = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)"')


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    return path if "://" in path else base_url() + path


def absolutise_links(markup: str) -> str:
    # Rich text links to our own pages come out site-relative; in an inbox they must not.
    return _RELATIVE_LINK.sub(lambda m: f'{m.group(1)}{absolute_url(m.group(2))}"', markup)


def mail_text(markup: str) -> str:
    """Rich text as plain-text mail: one paragraph per block, list items bulleted, wrapped at
    78 characters."""
    return "\n\n".join(
        textwrap.fill(" ".join(line.split()), 78, break_long_words=False, break_on_hyphens=False)
        for line in html_to_text(markup, bullet="- ").splitlines()
    )


def wrap_long_lines(markup: str, width: int = 500) -> str:
    """Break HTML lines at spaces so none nears SMTP's 998-octet limit: Django then sends the
    body as plain 8bit instead of quoted-printable, several times faster to build."""
    out = []
    for line in markup.splitlines():
        if len(line) <= width:
            out.append(line)
        else:
            out.extend(
                textwrap.wrap(
                    line,
                    width,
                    break_long_words=False,
                    break_on_hyphens=False,
                    replace_whitespace=False,
                )
            )
    return "\n".join(out)


def sender() -> str:
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return formataddr((settings.NEWSLETTER_SENDER_NAME, address))


def mail_domain() -> str:
    return urlsplit(base_url()).hostname or "localhost"


def subscriber_language(subscriber) -> str:
    codes = dict(settings.LANGUAGES)
    return subscriber.language if subscriber.language in codes else settings.LANGUAGE_CODE


def subscriber_links(subscriber) -> dict:
    """The subscriber's own links, in their language's part of the site."""
    with translation.override(subscriber_language(subscriber)):
        return {
            "unsubscribe_url": absolute_url(
                reverse("newsletter:unsubscribe", args=[tokens.unsubscribe_token(subscriber)])
            ),
            "preferences_url": absolute_url(
                reverse("newsletter:preferences", args=[tokens.preferences_token(subscriber)])
            ),
        }


def _frame_context() -> dict:
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "sender_name": settings.NEWSLETTER_SENDER_NAME,
        "postal_address": settings.NEWSLETTER_POSTAL_ADDRESS,
        "home_url": absolute_url(reverse("wagtail_serve", args=[""])),
    }


def render_pair(template_base: str, context: dict, language: str) -> tuple[str, str]:
    """(text, html) of one e-mail in `language`, the HTML with its CSS inlined."""
    with translation.override(language):
        context = {**_frame_context(), **context}
        text = render_to_string(f"{template_base}.txt", context)
        markup = render_to_string(f"{template_base}.html", context)
    return text.strip() + "\n", wrap_long_lines(_INLINER.inline(absolutise_links(markup)))


@dataclass(frozen=True)
class Body:
    """One rendered body (text or HTML) cut at its marked sections: what comes before the
    summaries, each summary's block by id, the two section lines, and what comes after."""

    head: str
    blocks: dict
    yours: str
    others: str
    tail: str

    def assemble(self, order, theirs) -> str:
        """The summaries in the editor's `order`; those in `theirs` first, under a line."""
        if not theirs:
            return self.head + "".join(self.blocks[pk] for pk in order) + self.tail
        first = [pk for pk in order if pk in theirs]
        rest = [pk for pk in order if pk not in theirs]
        parts = [self.head, self.yours, *(self.blocks[pk] for pk in first)]
        if rest:
            parts += [self.others, *(self.blocks[pk] for pk in rest)]
        return "".join([*parts, self.tail])


class Marks:
    """Comments that mark the sections of a rendered issue. A random nonce, so no text an
    editor writes can forge one; HTML comments survive escaping and CSS inlining."""

    def __init__(self):
        self.nonce = secrets.token_hex(8)
        self.end = mark_safe(f"<!--{self.nonce}:end-->")
        self.yours = self.begin("yours")
        self.others = self.begin("others")
        self._pattern = re.compile(
            rf"<!--{self.nonce}:(?P<key>[a-z0-9]+)-->(?P<body>.*?)<!--{self.nonce}:end-->\n?",
            re.DOTALL,
        )

    def begin(self, key) -> str:
        return mark_safe(f"<!--{self.nonce}:{key}-->")

    def cut(self, rendered: str) -> Body:
        matches = list(self._pattern.finditer(rendered))
        sections = {m.group("key"): m.group("body") for m in matches}
        head = rendered[: matches[0].start()] if matches else rendered
        tail = rendered[matches[-1].end() :] if matches else ""
        blocks = {int(key): body for key, body in sections.items() if key.isdigit()}
        return Body(head, blocks, sections.get("yours", ""), sections.get("others", ""), tail)


@dataclass(frozen=True)
class Frame:
    subject: str
    text: Body
    html: Body


class IssueEmail:
    """An issue as e-mail. The expensive part (templates, CSS inlining) runs once per language,
    each summary's block included; each message then only puts the blocks in the subscriber's
    order (their topics first) and swaps in their links, so sending stays fast and memory
    stays flat however many subscribers there are."""

    def __init__(self, issue):
        self.issue = issue
        self._frames: dict[str, Frame] = {}
        self._summaries = None
        self._marks = Marks()

    def summaries(self):
        if self._summaries is None:
            self._summaries = list(self.issue.summaries())
        return self._summaries

    def order(self) -> list[int]:
        return [summary.pk for summary in self.summaries()]

    def on_topics(self, topic_ids) -> set[int]:
        """The summaries of this issue tagged with any of `topic_ids`."""
        wanted = set(topic_ids or ())
        return {s.pk for s in self.summaries() if wanted & {topic.pk for topic in s.topics.all()}}

    def frame(self, language: str) -> Frame:
        if language not in self._frames:
            with translation.override(language):
                month = formats.date_format(self.issue.month, "F Y")
                subject = _("%(site)s: %(month)s") % {
                    "site": settings.WAGTAIL_SITE_NAME,
                    "month": month,
                }
                context = {
                    "issue": self.issue,
                    "month": month,
                    "intro_text": mail_text(self.issue.intro),
                    "issue_url": absolute_url(self.issue.get_url() or "/"),
                    "summaries": [_summary_context(s, self._marks) for s in self.summaries()],
                    "marks": self._marks,
                    "unsubscribe_url": UNSUBSCRIBE_MARK,
                    "preferences_url": PREFERENCES_MARK,
                }
            text, markup = render_pair("newsletter/email/issue", context, language)
            cut = self._marks.cut
            self._frames[language] = Frame(subject, cut(text), cut(markup))
        return self._frames[language]

    def message(
        self, subscriber, *, topic_ids=None, message_id=None, connection=None, subject_prefix=""
    ):
        """The issue for `subscriber`, summaries on their topics first. `topic_ids`: their
        topics when the caller has them already (a batch reads them in one query)."""
        frame = self.frame(subscriber_language(subscriber))
        if topic_ids is None and subscriber.pk:
            topic_ids = subscriber.topics.values_list("pk", flat=True)
        theirs = self.on_topics(topic_ids)
        order = self.order()
        return _personal_message(
            subscriber,
            subject_prefix + frame.subject,
            frame.text.assemble(order, theirs),
            frame.html.assemble(order, theirs),
            message_id=message_id,
            connection=connection,
        )


def _summary_context(summary, marks) -> dict:
    return {
        "page": summary,
        "begin": marks.begin(str(summary.pk)),
        "url": absolute_url(summary.get_url() or "/"),
        "references": list(summary.references.all()),
        "implications_text": mail_text(summary.implications),
    }


def _personal_message(subscriber, subject, text, markup, *, message_id=None, connection=None):
    """A newsletter e-mail to one subscriber: their links swapped in, the unsubscribe headers
    of RFC 2369 and RFC 8058, a stable Message-ID for a re-send after a crash."""
    links = subscriber_links(subscriber)

    def personalise(body):
        return body.replace(UNSUBSCRIBE_MARK, links["unsubscribe_url"]).replace(
            PREFERENCES_MARK, links["preferences_url"]
        )

    headers = {
        # Mail clients show an unsubscribe button that POSTs here.
        "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"{settings.WAGTAIL_SITE_NAME} <newsletter.{mail_domain()}>",
    }
    if message_id:
        # The same id if a message must be re-sent after a crash: many mailboxes then
        # show it once.
        headers["Message-ID"] = f"<{message_id}@{mail_domain()}>"
    message = EmailMultiAlternatives(
        subject,
        personalise(text),
        sender(),
        [subscriber.email],
        headers=headers,
        connection=connection,
    )
    message.attach_alternative(personalise(markup), "text/html")
    return message


class AlertEmail:
    """A day's alert. Every summary of the day is rendered once per language; each message
    keeps only the blocks of the subscriber's own summaries, newest last, as published."""

    def __init__(self, summaries):
        self._queryset = summaries
        self._summaries = None
        self._frames: dict[str, Body] = {}
        self._marks = Marks()

    def summaries(self):
        if self._summaries is None:
            self._summaries = list(
                self._queryset.for_listing().order_by("first_published_at", "pk")
            )
        return self._summaries

    def body(self, language: str) -> tuple[Body, Body]:
        if language not in self._frames:
            context = {
                "summaries": [_summary_context(s, self._marks) for s in self.summaries()],
                "marks": self._marks,
                "unsubscribe_url": UNSUBSCRIBE_MARK,
                "preferences_url": PREFERENCES_MARK,
            }
            text, markup = render_pair("newsletter/email/alert", context, language)
            self._frames[language] = (self._marks.cut(text), self._marks.cut(markup))
        return self._frames[language]

    def message(self, subscriber, summary_ids, *, message_id=None, connection=None):
        """The alert for `subscriber` with those of `summary_ids` still published; None when
        none is (unpublished since the alert was prepared)."""
        language = subscriber_language(subscriber)
        text, markup = self.body(language)
        ids = [pk for pk in summary_ids if pk in text.blocks]
        if not ids:
            return None
        with translation.override(language):
            subject = ngettext(
                "%(site)s: a new summary on your topics",
                "%(site)s: %(count)d new summaries on your topics",
                len(ids),
            ) % {"site": settings.WAGTAIL_SITE_NAME, "count": len(ids)}
        return _personal_message(
            subscriber,
            subject,
            text.assemble(ids, None),
            markup.assemble(ids, None),
            message_id=message_id,
            connection=connection,
        )


def subscription_message(subscriber, kind: str) -> EmailMultiAlternatives:
    """`kind` "confirm": the double opt-in link; "already": a reminder with the preferences link
    (sent instead, so the form's answer never tells whether an address is subscribed)."""
    language = subscriber_language(subscriber)
    links = subscriber_links(subscriber)
    with translation.override(language):
        confirm_url = absolute_url(
            reverse("newsletter:confirm", args=[tokens.confirm_token(subscriber)])
        )
        if kind == "confirm":
            subject = _("Please confirm your subscription to %(site)s")
        else:
            subject = _("You are already subscribed to %(site)s")
        subject = subject % {"site": settings.WAGTAIL_SITE_NAME}
    text, markup = render_pair(
        f"newsletter/email/{kind}", {"confirm_url": confirm_url, **links}, language
    )
    message = EmailMultiAlternatives(subject, text, sender(), [subscriber.email])
    message.attach_alternative(markup, "text/html")
    return message

"""Summaries, issues and terms as plain dicts for the API (absolute URLs, expanded rich text)."""

from wagtail.rich_text import expand_db_html

from digest.search.highlight import plain


def absolute(request, path):
    return request.build_absolute_uri(path) if path else ""


def page_url(request, page):
    return absolute(request, page.get_url(request=request))


def term(request, value):
    return {
        "slug": value.slug,
        "name": value.name,
        "url": absolute(request, value.get_absolute_url()),
    }


def _people(values):
    return [p for p in values or () if isinstance(p, dict)]


def reference(value):
    return {
        "raw": value.raw,
        "kind": value.kind,
        "authors": _people(value.authors),
        "editors": _people(value.editors),
        "year": value.year,
        "status": value.status,
        "title": value.title,
        "container_title": value.container_title,
        "volume": value.volume,
        "issue": value.issue,
        "pages": value.pages,
        "article_number": value.article_number,
        "publisher": value.publisher,
        "doi": value.doi,
        "url": value.url,
        "csl": value.to_csl(),
    }


def evidence_card(summary):
    if not summary.evidence_confirmed:  # readers only ever see a confirmed card (SPEC §2)
        return None
    return {
        "text": summary.evidence_card,
        "design": summary.design,
        "n_clients": summary.n_clients,
        "n_therapists": summary.n_therapists,
        "n_studies": summary.n_studies,
        "setting": summary.setting,
        "effect_sizes": summary.effect_sizes,
        "follow_up": summary.follow_up,
    }


def month(value):
    return value.strftime("%Y-%m") if value else None


def summary(request, value):
    issue = value.issue
    return {
        "id": value.pk,
        "headline": value.title,
        "url": page_url(request, value),
        "month": month(value.month),
        "issue": (
            {"month": month(issue.month), "title": issue.title, "url": page_url(request, issue)}
            if issue
            else None
        ),
        "first_published_at": (
            value.first_published_at.isoformat() if value.first_published_at else None
        ),
        "references": [reference(r) for r in value.references.all()],
        "topics": [term(request, t) for t in value.listed_topics],
        "research_types": [term(request, t) for t in value.listed_types],
        "evidence_card": evidence_card(value),
        "preamble_html": expand_db_html(value.preamble),
        "body_html": expand_db_html(value.body),
        "practice_implications_html": expand_db_html(value.implications),
        "practice_implications_text": plain(value.implications),
        "author_email": value.author_email,
    }


def issue(request, value, summaries):
    return {
        "month": month(value.month),
        "title": value.title,
        "url": page_url(request, value),
        "intro_html": expand_db_html(value.intro),
        "summaries": [
            {"id": s.pk, "headline": s.title, "url": page_url(request, s)} for s in summaries
        ],
    }

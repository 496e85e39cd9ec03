"""A synthetic, deterministic corpus of issues and summaries for benchmarks and scale tests.

`generate_corpus(n, seed)` writes n published summaries in monthly issues back to January 2013
(two or three per issue; when n needs more than that, the rest are dealt out evenly over the
issues older than two years). Rows are bulk-inserted with tree paths computed here, not
published one by one through revisions: that is what makes 100 000 summaries take minutes
instead of hours. So the pages have no revision history and are not in the search index (run
`manage.py update_index`).
"""

import datetime
import random
import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site

from digest.core.adapters import django_orm, treebeard
from digest.issues.models import IssuePage
from digest.references.models import Reference
from digest.summaries.models import SummaryPage
from digest.taxonomy.models import ResearchType, Topic

FIRST_MONTH = datetime.date(2013, 1, 1)
RECENT_ISSUES = 24  # these keep two or three summaries however large the corpus
BATCH = 2000

# ---- the vocabulary the text is assembled from ---------------------------------------------

TOPIC_PHRASES = {
    "adherence": "treatment adherence",
    "alliance": "the therapeutic alliance",
    "anxiety-disorders": "anxiety disorders",
    "attachment": "attachment style",
    "attendance-attrition-dropout": "drop-out",
    "client-factors": "client characteristics",
    "client-preferences": "client preferences",
    "cbt": "cognitive-behavioural therapy",
    "combination-therapy": "combined psychotherapy and medication",
    "common-factors": "common factors",
    "cost-effectiveness": "cost-effectiveness",
    "depression": "depressive symptoms",
    "efficacy": "treatment efficacy",
    "empathy": "therapist empathy",
    "feedback": "routine progress feedback",
    "group-psychotherapy": "group psychotherapy",
    "illness-medical-comorbidities": "chronic medical illness",
    "ipt": "interpersonal psychotherapy",
    "long-term-outcomes": "long-term outcomes",
    "medications": "antidepressant medication",
    "miscellaneous": "everyday practice",
    "neuroscience": "neural change",
    "outcomes-deterioration": "deterioration",
    "personality-disorders": "borderline personality disorder",
    "placebo": "placebo response",
    "practice-based-research": "practice research networks",
    "psychodynamic-therapy": "psychodynamic therapy",
    "resistance-reactance": "client reactance",
    "self-reflection": "therapist self-awareness",
    "suicide-crisis": "suicidal crises",
    "termination": "ending therapy",
    "therapist-factors": "therapist effects",
    "training": "clinical training",
    "transference-countertransference": "countertransference",
    "trauma-ptsd": "posttraumatic stress",
    "treatment-length": "treatment length",
}
# The archive's real distribution is lopsided: some topics come up every few months.
FREQUENT_TOPICS = {
    "alliance": 6,
    "outcomes-deterioration": 4,
    "depression": 4,
    "therapist-factors": 3,
}

POPULATIONS = [
    "adults in primary care",
    "university students",
    "older adults",
    "adolescents",
    "veterans",
    "couples",
    "clients in private practice",
    "inpatients",
    "community mental health clients",
    "clients seen online",
]
SETTINGS = [
    "primary care",
    "university counselling centre",
    "private practice",
    "community mental health service",
    "outpatient clinic",
    "inpatient unit",
    "online therapy service",
    "training clinic",
]
JOURNALS = [
    "Psychotherapy",
    "Psychotherapy Research",
    "Journal of Consulting and Clinical Psychology",
    "Journal of Counseling Psychology",
    "Clinical Psychology Review",
    "Journal of Clinical Psychology",
    "Counselling and Psychotherapy Research",
    "Clinical Psychology & Psychotherapy",
    "Canadian Psychology",
    "Administration and Policy in Mental Health and Mental Health Services Research",
]
BOOKS = [
    ("Handbook of psychotherapy process research", "Oxford University Press"),
    ("Practice-based research in the psychological therapies", "Routledge"),
    ("Psychotherapy relationships that work", "Oxford University Press"),
    ("The therapist's companion to outcome research", "Guilford Press"),
]
SURNAMES = [
    "Abbott", "Bélanger", "Chen", "Dubois", "Eriksen", "Fischer", "García", "Haddad", "Ito",
    "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nguyen", "O'Neill", "Patel", "Quinn", "Rossi",
    "Schmidt", "Tanaka", "Ulrich", "Vasquez", "Walsh", "Xu", "Yilmaz", "Zimmermann", "Baker",
    "Côté", "Delgado", "Evans", "Fortin", "Gauthier", "Hughes", "Ivanova", "Kim", "Laurent",
    "Murphy", "Novak", "Okafor", "Pelletier", "Roy", "Silva", "Tremblay", "van Dijk", "Weber",
]  # fmt: skip
INITIALS = "ABCDEFGHJKLMNPRSTW"

# research type → (evidence-card design, the subtitle its articles carry)
TYPE_STYLES = {
    "meta-analysis": ("Meta-analysis", "A meta-analysis"),
    "systematic-review": ("Systematic review", "A systematic review"),
    "narrative-review": ("Narrative review", "A narrative review"),
    "rct": ("Randomised controlled trial", "A randomized controlled trial"),
    "naturalistic": ("Naturalistic study", "A naturalistic study"),
    "longitudinal-cohort": ("Longitudinal cohort", "A longitudinal study"),
    "survey": ("Survey", "A survey of practitioners"),
    "qualitative": ("Qualitative study", "A qualitative study"),
    "analogue": ("Analogue study", "An analogue study"),
    "expert-consensus": ("Expert consensus", "A Delphi study"),
    "book-chapter-essay": ("Book chapter", "Clinical perspectives"),
}
TYPE_WEIGHTS = {
    "meta-analysis": 5, "naturalistic": 5, "rct": 4, "systematic-review": 2,
    "narrative-review": 2, "longitudinal-cohort": 2, "survey": 2, "qualitative": 2,
    "analogue": 1, "expert-consensus": 1, "book-chapter-essay": 1,
}  # fmt: skip

HEADLINES = [
    "{Topic} Predicts Outcome for {population}",
    "What {n} Studies Say About {topic}",
    "Does {topic} Matter for {population}?",
    "Clients Notice {topic} More Than Therapists Think",
    "{Topic}: Small Changes, Lasting Effects",
    "New Evidence on {topic} in {setting}",
    "Rethinking {topic}",
    "When {topic} Goes Wrong, and How to Repair It",
    "{Topic} in Routine Practice: Lessons From {setting}",
    "A Closer Look at {topic}",
]
OPENINGS = [
    "Clinicians often ask whether {topic} makes a difference for {population}.",
    "This {design} examined {topic} among {population}.",
    "{Topic} has been debated for decades, but few studies have looked at {population}.",
    "The authors set out to test a simple idea about {topic}.",
]
FINDINGS = [
    "Clients whose therapists attended to {topic} improved more over the course of treatment.",
    "The association between {topic} and outcome was modest but consistent across sites.",
    "Effects were larger for clients who started treatment with more severe difficulties.",
    "Differences between therapists explained more of the variation than the treatment model.",
    "Gains were largely maintained at follow-up, although some clients relapsed.",
    "The effect held when the analysis controlled for early symptom change.",
    "Results were similar for face-to-face and online sessions.",
]
# Findings only a summary on the topic carries. In real summaries the specific words follow
# the topic; a first version of this corpus put "dropped out" among the stock findings, so
# three quarters of its summaries talked about drop-out and a search for it matched most of
# the archive, which says more about the generator than about search at scale.
TOPIC_FINDINGS = {
    "attendance-attrition-dropout": [
        "Clients who dropped out early reported weaker agreement on the goals of therapy.",
        "Most of the attrition happened between the first and the third session.",
    ],
    "termination": [
        "Clients who ended therapy by mutual agreement kept more of their gains than those "
        "who stopped without notice.",
    ],
}
CAVEATS = [
    "As with any {design}, the findings describe associations more securely than causes.",
    "The sample was drawn from a single {setting}, which limits how far the results travel.",
    "Measures were completed by clients, and therapists' views may differ.",
    "The authors call for replication in more diverse samples.",
]
IMPLICATIONS = [
    "Ask clients directly about {topic}; a short check-in at the end of a session is enough.",
    "Track progress session by session so that clients who are not improving are noticed.",
    "Discuss the rationale for treatment early and revisit it when progress stalls.",
    "Consider {topic} when planning supervision and training.",
    "Adapt the pace of therapy to the client rather than to a fixed protocol.",
    "Share these findings with clients who wonder whether therapy can help them.",
]


@dataclass
class Plan:
    """Which months get an issue and how many summaries each holds, newest first."""

    months: list = field(default_factory=list)  # [(date, count)]


def plan_months(n: int, rng: random.Random, until: datetime.date) -> Plan:
    months = []
    month = until.replace(day=1)
    while month >= FIRST_MONTH:
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    counts = []
    remaining = n
    for _month in months:
        if remaining <= 0:
            break
        take = min(remaining, rng.choice((2, 3)))
        if remaining - take == 1:  # never leave a lone summary for the oldest issue
            take = 5 - take
        counts.append(take)
        remaining -= take
    # More summaries than 2–3 a month back to 2013 can hold: deal the rest out evenly over the
    # older issues, so the home page and recent issues look like the real ones at any size.
    older = list(range(min(RECENT_ISSUES, len(counts) - 1), len(counts)))
    for i in range(remaining):
        counts[older[i % len(older)]] += 1
    return Plan(list(zip(months, counts, strict=False)))


def _weighted(rng, weights: dict, k: int):
    keys = list(weights)
    chosen = []
    while len(chosen) < k:
        pick = rng.choices(keys, weights=[weights[key] for key in keys])[0]
        if pick not in chosen:
            chosen.append(pick)
    return chosen


def _fill(template, rng, context):
    return template.format(
        Topic=context["topic"][0].upper() + context["topic"][1:],
        **context,
        n=rng.randint(8, 120),
    )


SMALL_WORDS = {"a", "an", "and", "for", "from", "in", "of", "or", "the", "to"}


def _headline_case(text):
    """Editors write headlines in title case ("Does the Alliance Matter for Older Adults?")."""
    words = text.split(" ")
    return " ".join(
        word if i and word in SMALL_WORDS else word[:1].upper() + word[1:]
        for i, word in enumerate(words)
    )


def _authors(rng, count):
    names = rng.sample(SURNAMES, count)
    return [
        {
            "family": family,
            "given": " ".join(f"{c}." for c in rng.sample(INITIALS, rng.randint(1, 2))),
        }
        for family in names
    ]


def _apa_authors(authors):
    names = [f"{a['family']}, {a['given']}" for a in authors]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def fake_reference(rng, seed, number, month, context, type_slug):
    year = max(2010, month.year - rng.choice((0, 0, 1, 1, 2)))
    authors = _authors(rng, rng.choice((1, 2, 2, 3, 3, 4, 5, 6, 8)))
    title = (
        f"{context['topic'][0].upper()}{context['topic'][1:]} among {context['population']}: "
        f"{TYPE_STYLES[type_slug][1]}"
    )
    doi = f"10.5555/digest.{seed}.{number}"
    if type_slug == "book-chapter-essay":
        book, publisher = rng.choice(BOOKS)
        editors = _authors(rng, rng.choice((1, 2)))
        start = rng.randint(1, 400)
        pages = f"{start}–{start + rng.randint(12, 40)}"
        raw = (
            f"{_apa_authors(authors)} ({year}). {title}. In {_apa_authors(editors)} "
            f"(Ed{'s' if len(editors) > 1 else ''}.), {book} (pp. {pages}). {publisher}."
        )
        return {
            "raw": raw, "kind": Reference.Kind.CHAPTER, "authors": authors, "editors": editors,
            "year": year, "title": title, "container_title": book, "pages": pages,
            "publisher": publisher,
        }  # fmt: skip
    journal = rng.choice(JOURNALS)
    if rng.random() < 0.04:
        raw = (
            f"{_apa_authors(authors)} ({year}). {title}. {journal}. Advance online publication. "
            f"https://doi.org/{doi}"
        )
        return {
            "raw": raw, "authors": authors, "year": year, "status": "advance online publication",
            "title": title, "container_title": journal, "doi": doi,
        }  # fmt: skip
    volume = str(max(1, year - 1960 + JOURNALS.index(journal)))
    issue = str(rng.randint(1, 6))
    start = rng.randint(1, 900)
    pages = f"{start}–{start + rng.randint(8, 24)}"
    raw = (
        f"{_apa_authors(authors)} ({year}). {title}. {journal}, {volume}({issue}), {pages}. "
        f"https://doi.org/{doi}"
    )
    return {
        "raw": raw, "authors": authors, "year": year, "title": title, "container_title": journal,
        "volume": volume, "issue": issue, "pages": pages, "doi": doi,
    }  # fmt: skip


def fake_evidence(rng, type_slug, context):
    design = TYPE_STYLES[type_slug][0]
    card = {"design": design, "evidence_confirmed": rng.random() < 0.85}
    if type_slug in ("meta-analysis", "systematic-review"):
        card["n_studies"] = rng.randint(8, 300)
        card["n_clients"] = rng.randint(400, 60000)
        card["effect_sizes"] = f"g = {rng.uniform(0.05, 0.9):.2f}"
    elif type_slug == "rct":
        card["n_clients"] = rng.randint(40, 600)
        card["effect_sizes"] = f"d = {rng.uniform(0.1, 1.1):.2f}"
        card["follow_up"] = rng.choice(("3 months", "6 months", "12 months", "2 years"))
        card["setting"] = context["setting"]
    elif type_slug in ("naturalistic", "longitudinal-cohort"):
        card["n_clients"] = rng.randint(150, 40000)
        card["n_therapists"] = rng.randint(10, 400)
        card["setting"] = context["setting"]
        card["effect_sizes"] = f"r = .{rng.randint(5, 45):02d}"
    elif type_slug in ("survey", "expert-consensus"):
        card["n_therapists"] = rng.randint(20, 1500)
        card["effect_sizes"] = f"{rng.randint(10, 90)}%"
    elif type_slug in ("qualitative", "analogue"):
        card["n_clients"] = rng.randint(8, 160)
        card["setting"] = context["setting"]
    return card


def fake_summary(rng, seed, number, month):
    """One summary's fields as plain data: a pure function of (rng state, seed, number, month)."""
    topics = _weighted(
        rng, {slug: FREQUENT_TOPICS.get(slug, 1) for slug in TOPIC_PHRASES}, rng.randint(1, 3)
    )
    types = _weighted(rng, TYPE_WEIGHTS, 2 if rng.random() < 0.1 else 1)
    context = {
        "topic": TOPIC_PHRASES[topics[0]],
        "population": rng.choice(POPULATIONS),
        "setting": rng.choice(SETTINGS),
        "design": TYPE_STYLES[types[0]][0].lower(),
    }
    title = _headline_case(_fill(rng.choice(HEADLINES), rng, context))
    paragraphs = [_fill(rng.choice(OPENINGS), rng, context)]
    findings = FINDINGS + [s for slug in topics for s in TOPIC_FINDINGS.get(slug, ())]
    for _ in range(rng.randint(1, 5)):
        sentences = rng.sample(findings, rng.randint(2, 4)) + [rng.choice(CAVEATS)]
        paragraphs.append(" ".join(_fill(s, rng, context) for s in sentences))
    implications = rng.sample(IMPLICATIONS, rng.randint(1, 3))
    essay = types == ["book-chapter-essay"] and rng.random() < 0.5
    references = []
    if not essay:
        references.append(fake_reference(rng, seed, number, month, context, types[0]))
        if rng.random() < 0.05:
            references.append(fake_reference(rng, seed, f"{number}b", month, context, types[0]))
    author_email = ""
    if references and rng.random() < 0.3:
        family = slugify(references[0]["authors"][0]["family"]) or "author"
        author_email = f"{family}@university.example"
    return {
        "title": title,
        "body": "".join(f"<p>{p}</p>" for p in paragraphs),
        "implications": "".join(f"<p>{_fill(i, rng, context)}</p>" for i in implications),
        "topics": topics,
        "research_types": types,
        "references": references,
        "author_email": author_email,
        "day": rng.randint(1, 28),
        **fake_evidence(rng, types[0], context),
    }


# ---- writing it to the database -------------------------------------------------------------


@dataclass
class _Parent:
    """An issue we are appending to: where its next child goes and which slugs it has."""

    page: Page
    next_step: int
    slugs: set
    existing: bool


def _last_step(parent: Page) -> int:
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return treebeard.step_of(Page, last) if last else 0


def _page_row(page_class, *, parent, step, title, slug, url_path, published, locale_id):
    return page_class(
        title=title,
        draft_title=title,
        slug=slug,
        path=treebeard.child_path(parent, step),
        depth=parent.depth + 1,
        numchild=0,
        url_path=url_path,
        live=True,
        has_unpublished_changes=False,
        first_published_at=published,
        last_published_at=published,
        locale_id=locale_id,
        # Not content: a fresh key keeps the (translation_key, locale) pair unique on re-runs.
        translation_key=uuid.uuid4(),
    )


def _insert_pages(model, rows):
    """Multi-table rows: bulk_create the wagtailcore_page part, then the model's own table.

    Django's bulk_create refuses multi-table inheritance, so the child table is written apart
    (digest/core/adapters/django_orm.py).
    """
    bases = [
        Page(**{f.attname: getattr(row, f.attname) for f in Page._meta.concrete_fields})
        for row in rows
    ]
    for base, row in zip(Page.objects.bulk_create(bases, batch_size=500), rows, strict=True):
        row.id = row.page_ptr_id = base.id
    django_orm.insert_own_rows(model, rows, batch_size=500)
    return rows


def _ensure_issues(plan, home, locale_id):
    """The IssuePage of every planned month, creating the missing ones in one batch."""
    months = [month for month, _count in plan.months]
    existing = {issue.month: issue for issue in IssuePage.objects.filter(month__in=months)}
    step = _last_step(home)
    new = []
    for month, count in plan.months:
        if month in existing:
            continue
        step += 1
        title = IssuePage.default_title(month)
        row = _page_row(
            IssuePage, parent=home, step=step, title=title, slug=month.strftime("%Y-%m"),
            url_path=home.url_path + month.strftime("%Y/%m/"),
            published=timezone.make_aware(datetime.datetime(month.year, month.month, 1, 8)),
            locale_id=locale_id,
        )  # fmt: skip
        row.month = month
        row.numchild = count
        new.append(row)
    _insert_pages(IssuePage, new)
    Page.objects.filter(pk=home.pk).update(numchild=F("numchild") + len(new))
    parents = {}
    for month, _count in plan.months:
        if month in existing:
            issue = existing[month]
            slugs = set(Page.objects.child_of(issue).values_list("slug", flat=True))
            parents[month] = _Parent(issue, _last_step(issue), slugs, existing=True)
    for row in new:
        parents[row.month] = _Parent(row, 0, set(), existing=False)
    return parents, len(new)


def _unique_slug(title, taken):
    base = slugify(title)[:70].strip("-") or "summary"
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


@dataclass
class CorpusReport:
    issues_created: int
    summaries_created: int


@transaction.atomic
def generate_corpus(n: int, seed: int, until: datetime.date | None = None, progress=None):
    """Write n summaries; the same (n, seed, until) always gives the same content."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    until = until or timezone.localdate()
    plan = plan_months(n, rng, until)
    home = Site.objects.get(is_default_site=True).root_page
    parents, issues_created = _ensure_issues(plan, home, home.locale_id)
    summary_ct = ContentType.objects.get_for_model(SummaryPage)
    topic_ids = dict(Topic.objects.values_list("slug", "pk"))
    type_ids = dict(ResearchType.objects.values_list("slug", "pk"))

    pending, number, written = [], 0, 0
    for month, count in plan.months:
        parent = parents[month]
        for _ in range(count):
            number += 1
            data = fake_summary(rng, seed, number, month)
            pending.append((parent, month, data))
            if len(pending) >= BATCH:
                written += _write_batch(pending, summary_ct, topic_ids, type_ids, home.locale_id)
                pending = []
                if progress:
                    progress(written, n)
    written += _write_batch(pending, summary_ct, topic_ids, type_ids, home.locale_id)
    # Issues created above already carry their numchild; existing ones gain what we appended.
    for month, count in plan.months:
        if parents[month].existing:
            Page.objects.filter(pk=parents[month].page.pk).update(numchild=F("numchild") + count)
    return CorpusReport(issues_created, written)


def _write_batch(pending, summary_ct, topic_ids, type_ids, locale_id):
    rows, extras = [], []
    for parent, month, data in pending:
        parent.next_step += 1
        slug = _unique_slug(data["title"], parent.slugs)
        published = timezone.make_aware(
            datetime.datetime(month.year, month.month, data["day"], 9, parent.next_step % 60)
        )
        row = _page_row(
            SummaryPage, parent=parent.page, step=parent.next_step, title=data["title"],
            slug=slug, url_path=f"{parent.page.url_path}{slug}/", published=published,
            locale_id=locale_id,
        )  # fmt: skip
        row.content_type_id = summary_ct.pk
        row.month = month
        row.issue_id = parent.page.pk
        for name in (
            "body", "implications", "author_email", "design", "setting", "effect_sizes",
            "follow_up", "evidence_confirmed",
        ):  # fmt: skip
            setattr(row, name, data.get(name, getattr(row, name)))
        for name in ("n_clients", "n_therapists", "n_studies"):
            setattr(row, name, data.get(name))
        rows.append(row)
        extras.append(data)
    _insert_pages(SummaryPage, rows)
    references = [
        Reference(summary_id=row.pk, sort_order=position, **fields)
        for row, data in zip(rows, extras, strict=True)
        for position, fields in enumerate(data["references"])
    ]
    for reference in references:
        reference.store_formatted()  # as save() does: a corpus reads like a real archive
    Reference.objects.bulk_create(references, batch_size=500)
    pairs = list(zip(rows, extras, strict=True))
    for relation, key, ids in (
        ("topics", "topic_id", topic_ids),
        ("research_types", "researchtype_id", type_ids),
    ):
        through = getattr(SummaryPage, relation).through
        through.objects.bulk_create(
            [
                through(summarypage_id=row.pk, **{key: ids[slug]})
                for row, data in pairs
                for slug in data[relation]
            ],
            batch_size=900,
        )
    return len(rows)

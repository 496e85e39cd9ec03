"""A judged set for measuring search: summaries we wrote (bibliographic facts of real articles,
our own prose) and queries a clinician might type, each with the summaries it should find.

A query may also name a topic: every summary tagged with it then counts as relevant too (a
search for "countertransference" is well answered by any summary on that topic, including the
synthetic corpus's). Used by bench/bench_search.py and digest/search/tests/test_judged.py; it
lives outside the shipped package because it builds pages with the test factories.
"""

import math
from dataclasses import dataclass


def _ref(raw, authors, year, title, journal, doi=""):
    return {
        "raw": raw,
        "authors": [{"family": f, "given": g} for f, g in authors],
        "year": year,
        "title": title,
        "container_title": journal,
        "doi": doi,
    }


SUMMARIES = {
    "rupture": dict(
        title="Experts Agree on Strategies to Repair Alliance Ruptures",
        topics=["alliance"],
        types=["meta-analysis"],
        body="<p>Tensions and breakdowns in the collaboration between client and therapist are "
        "common. Pooling studies of rupture resolution, the authors found that repairing a "
        "rupture went with better outcomes, and that training therapists in repair helped.</p>",
        implications="<p>Invite clients to say when something in the session feels off, and "
        "respond without defensiveness; acknowledging your part helps repair the alliance.</p>",
        references=[
            _ref(
                "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018). Alliance rupture repair: "
                "A meta-analysis. Psychotherapy, 55(4), 508–519.",
                [("Eubanks", "C. F."), ("Muran", "J. C."), ("Safran", "J. D.")],
                2018,
                "Alliance rupture repair: A meta-analysis",
                "Psychotherapy",
                "10.1037/pst0000185",
            )
        ],
    ),
    "dropout": dict(
        title="One Client in Five Leaves Therapy Early",
        topics=["attendance-attrition-dropout"],
        types=["meta-analysis"],
        body="<p>Across hundreds of studies, about a fifth of adult clients discontinued "
        "treatment prematurely. Rates were higher for younger clients and in university "
        "clinics staffed by trainees.</p>",
        implications="<p>Talk about the expected length of treatment at the start and check "
        "in about the client's role; premature discontinuation is often preventable.</p>",
        references=[
            _ref(
                "Swift, J. K., & Greenberg, R. P. (2012). Premature discontinuation in adult "
                "psychotherapy: A meta-analysis. Journal of Consulting and Clinical Psychology, "
                "80(4), 547–559.",
                [("Swift", "J. K."), ("Greenberg", "R. P.")],
                2012,
                "Premature discontinuation in adult psychotherapy: A meta-analysis",
                "Journal of Consulting and Clinical Psychology",
                "10.1037/a0028226",
            )
        ],
    ),
    "alliance_meta": dict(
        title="The Working Alliance Still Predicts Outcome",
        topics=["alliance"],
        types=["meta-analysis"],
        body="<p>An update of earlier reviews, covering nearly three hundred studies, found a "
        "moderate link between the strength of the alliance and treatment outcome, across "
        "treatment approaches and countries.</p>",
        implications="<p>Agree on goals and tasks explicitly, and ask about the bond.</p>",
        references=[
            _ref(
                "Flückiger, C., Del Re, A. C., Wampold, B. E., & Horvath, A. O. (2018). The "
                "alliance in adult psychotherapy: A meta-analytic synthesis. Psychotherapy, "
                "55(4), 316–340.",
                [
                    ("Flückiger", "C."),
                    ("Del Re", "A. C."),
                    ("Wampold", "B. E."),
                    ("Horvath", "A. O."),
                ],
                2018,
                "The alliance in adult psychotherapy: A meta-analytic synthesis",
                "Psychotherapy",
                "10.1037/pst0000172",
            )
        ],
    ),
    "empathy": dict(
        title="Empathy Is One of the Best Predictors of Outcome",
        topics=["empathy"],
        types=["meta-analysis"],
        body="<p>Clients of more empathic therapists improved more. The association held for "
        "different orientations and was strongest when clients rated their therapist's "
        "understanding.</p>",
        implications="<p>Check your understanding with clients rather than assuming it.</p>",
        references=[
            _ref(
                "Elliott, R., Bohart, A. C., Watson, J. C., & Murphy, D. (2018). Therapist "
                "empathy and client outcome: An updated meta-analysis. Psychotherapy, 55(4), "
                "399–410.",
                [("Elliott", "R."), ("Bohart", "A. C."), ("Watson", "J. C."), ("Murphy", "D.")],
                2018,
                "Therapist empathy and client outcome: An updated meta-analysis",
                "Psychotherapy",
                "10.1037/pst0000175",
            )
        ],
    ),
    "feedback": dict(
        title="Progress Feedback Helps the Clients Who Are Not On Track",
        topics=["feedback"],
        types=["meta-analysis"],
        body="<p>When therapists received session-by-session reports of client progress, "
        "clients at risk of deterioration did better and fewer got worse.</p>",
        implications="<p>Use a brief outcome measure every session and look at it with the "
        "client, especially when progress stalls.</p>",
        references=[
            _ref(
                "Lambert, M. J., Whipple, J. L., & Kleinstäuber, M. (2018). Collecting and "
                "delivering progress feedback: A meta-analysis of routine outcome monitoring. "
                "Psychotherapy, 55(4), 520–537.",
                [("Lambert", "M. J."), ("Whipple", "J. L."), ("Kleinstäuber", "M.")],
                2018,
                "Collecting and delivering progress feedback: A meta-analysis of routine "
                "outcome monitoring",
                "Psychotherapy",
                "10.1037/pst0000167",
            )
        ],
    ),
    "commonfactors": dict(
        title="How Much Do the Common Factors Matter?",
        topics=["common-factors"],
        types=["narrative-review"],
        body="<p>The author reviews evidence that the relationship, expectations and the "
        "therapist contribute more to outcome than the specific ingredients of a given "
        "treatment.</p>",
        implications="<p>Invest in the relationship as much as in technique.</p>",
        references=[
            _ref(
                "Wampold, B. E. (2015). How important are the common factors in psychotherapy? "
                "An update. World Psychiatry, 14(3), 270–277.",
                [("Wampold", "B. E.")],
                2015,
                "How important are the common factors in psychotherapy? An update",
                "World Psychiatry",
                "10.1002/wps.20238",
            )
        ],
    ),
    "ipt": dict(
        title="Interpersonal Psychotherapy Works Beyond Depression",
        topics=["ipt", "depression"],
        types=["meta-analysis"],
        body="<p>Trials of IPT showed clear effects for acute depression and for preventing "
        "relapse, and promising effects for eating disorders and anxiety.</p>",
        implications="<p>IPT is a well-supported option when interpersonal problems dominate.</p>",
        references=[
            _ref(
                "Cuijpers, P., Donker, T., Weissman, M. M., Ravitz, P., & Cristea, I. A. "
                "(2016). Interpersonal psychotherapy for mental health problems: A "
                "comprehensive meta-analysis. American Journal of Psychiatry, 173(7), 680–687.",
                [("Cuijpers", "P."), ("Donker", "T."), ("Weissman", "M. M."), ("Ravitz", "P.")],
                2016,
                "Interpersonal psychotherapy for mental health problems: A comprehensive "
                "meta-analysis",
                "American Journal of Psychiatry",
            )
        ],
    ),
    "ltpp": dict(
        title="Long-Term Psychodynamic Psychotherapy for Complex Problems",
        topics=["psychodynamic-therapy", "treatment-length"],
        types=["meta-analysis"],
        body="<p>For clients with personality disorders and chronic conditions, psychodynamic "
        "treatment lasting a year or more produced large and stable gains.</p>",
        implications="<p>Some clients need more than brief therapy; plan for it.</p>",
        references=[
            _ref(
                "Leichsenring, F., & Rabung, S. (2008). Effectiveness of long-term "
                "psychodynamic psychotherapy: A meta-analysis. JAMA, 300(13), 1551–1565.",
                [("Leichsenring", "F."), ("Rabung", "S.")],
                2008,
                "Effectiveness of long-term psychodynamic psychotherapy: A meta-analysis",
                "JAMA",
            )
        ],
    ),
    "dbt": dict(
        title="Dialectical Behavior Therapy Halves Suicide Attempts",
        topics=["suicide-crisis", "personality-disorders"],
        types=["rct"],
        body="<p>Women with borderline personality disorder and recent suicidal behaviour "
        "were randomised to DBT or to treatment by community experts. Over two years, DBT "
        "clients made fewer suicide attempts and used crisis services less.</p>",
        implications="<p>Structured skills training and consultation teams are part of why "
        "the treatment works.</p>",
        references=[
            _ref(
                "Linehan, M. M., Comtois, K. A., Murray, A. M., et al. (2006). Two-year "
                "randomized controlled trial and follow-up of dialectical behavior therapy vs "
                "therapy by experts for suicidal behaviors and borderline personality disorder. "
                "Archives of General Psychiatry, 63(7), 757–766.",
                [("Linehan", "M. M."), ("Comtois", "K. A."), ("Murray", "A. M.")],
                2006,
                "Two-year randomized controlled trial and follow-up of dialectical behavior "
                "therapy vs therapy by experts",
                "Archives of General Psychiatry",
            )
        ],
    ),
    "cbt_review": dict(
        title="What Hundreds of Meta-Analyses Say About CBT",
        topics=["cbt", "efficacy"],
        types=["systematic-review"],
        body="<p>A review of meta-analyses of cognitive-behavioural therapy found the strongest "
        "support for anxiety disorders, somatoform problems and general stress.</p>",
        implications="<p>CBT remains a first choice for anxiety; evidence elsewhere varies.</p>",
        references=[
            _ref(
                "Hofmann, S. G., Asnaani, A., Vonk, I. J. J., Sawyer, A. T., & Fang, A. "
                "(2012). The efficacy of cognitive behavioral therapy: A review of "
                "meta-analyses. Cognitive Therapy and Research, 36(5), 427–440.",
                [("Hofmann", "S. G."), ("Asnaani", "A."), ("Vonk", "I. J. J."), ("Fang", "A.")],
                2012,
                "The efficacy of cognitive behavioral therapy: A review of meta-analyses",
                "Cognitive Therapy and Research",
            )
        ],
    ),
    "ptsd": dict(
        title="Trauma-Focused Treatments for Adults With PTSD Compared",
        topics=["trauma-ptsd"],
        types=["systematic-review"],
        body="<p>Exposure-based therapy, cognitive processing therapy and EMDR had the "
        "strongest evidence for reducing symptoms of posttraumatic stress in adults.</p>",
        implications="<p>Offer a trauma-focused therapy rather than general support.</p>",
        references=[
            _ref(
                "Cusack, K., Jonas, D. E., Forneris, C. A., et al. (2016). Psychological "
                "treatments for adults with posttraumatic stress disorder: A systematic review "
                "and meta-analysis. Clinical Psychology Review, 43, 128–141.",
                [("Cusack", "K."), ("Jonas", "D. E."), ("Forneris", "C. A.")],
                2016,
                "Psychological treatments for adults with posttraumatic stress disorder",
                "Clinical Psychology Review",
            )
        ],
    ),
    "alliance_variability": dict(
        title="It Is the Therapist's Contribution to the Alliance That Counts",
        topics=["alliance", "therapist-factors"],
        types=["naturalistic"],
        body="<p>Separating therapist and client contributions to the alliance, the authors "
        "found that therapist variability in the alliance predicted outcome, whereas client "
        "variability did not.</p>",
        implications="<p>Therapists can improve outcomes by improving how they form alliances.</p>",
        references=[
            _ref(
                "Baldwin, S. A., Wampold, B. E., & Imel, Z. E. (2007). Untangling the "
                "alliance-outcome correlation. Journal of Consulting and Clinical Psychology, "
                "75(6), 842–852.",
                [("Baldwin", "S. A."), ("Wampold", "B. E."), ("Imel", "Z. E.")],
                2007,
                "Untangling the alliance-outcome correlation",
                "Journal of Consulting and Clinical Psychology",
            )
        ],
    ),
    "doseresponse": dict(
        title="How Many Sessions Does It Take?",
        topics=["treatment-length"],
        types=["naturalistic"],
        body="<p>Pooling data from clinical trials and routine services, the authors estimated "
        "the number of sessions needed before half of clients recovered: more than most "
        "clients actually attend. The dose-response curve flattened after about twenty "
        "sessions.</p>",
        implications="<p>Session limits set by payers may be too short for many clients.</p>",
        references=[
            _ref(
                "Hansen, N. B., Lambert, M. J., & Forman, E. M. (2002). The psychotherapy "
                "dose-response effect and its implications for treatment delivery services. "
                "Clinical Psychology: Science and Practice, 9(3), 329–343.",
                [("Hansen", "N. B."), ("Lambert", "M. J."), ("Forman", "E. M.")],
                2002,
                "The psychotherapy dose-response effect and its implications for treatment "
                "delivery services",
                "Clinical Psychology: Science and Practice",
            )
        ],
    ),
    "reactance": dict(
        title="Highly Reactant Clients Do Better With Less Directive Therapists",
        topics=["resistance-reactance"],
        types=["meta-analysis"],
        body="<p>Clients who resist being told what to do benefited more from non-directive, "
        "self-guided approaches; clients low in reactance did well with directive ones.</p>",
        implications="<p>Offer choices to resistant clients and hold back on homework "
        "prescriptions.</p>",
        references=[
            _ref(
                "Beutler, L. E., Edwards, C., & Someah, K. (2018). Adapting psychotherapy to "
                "patient reactance level: A meta-analytic review. Journal of Clinical "
                "Psychology, 74(11), 1952–1963.",
                [("Beutler", "L. E."), ("Edwards", "C."), ("Someah", "K.")],
                2018,
                "Adapting psychotherapy to patient reactance level: A meta-analytic review",
                "Journal of Clinical Psychology",
            )
        ],
    ),
    "countertransference": dict(
        title="Managing Countertransference Improves Outcomes",
        topics=["transference-countertransference"],
        types=["meta-analysis"],
        body="<p>Therapists' reactions rooted in their own history were linked to poorer "
        "outcomes, while their ability to manage those reactions was linked to better ones.</p>",
        implications="<p>Supervision and personal reflection help therapists notice and manage "
        "their reactions.</p>",
        references=[
            _ref(
                "Hayes, J. A., Gelso, C. J., Goldberg, S., & Kivlighan, D. M. (2018). "
                "Countertransference management and effective psychotherapy: Meta-analytic "
                "findings. Psychotherapy, 55(4), 496–507.",
                [
                    ("Hayes", "J. A."),
                    ("Gelso", "C. J."),
                    ("Goldberg", "S."),
                    ("Kivlighan", "D. M."),
                ],
                2018,
                "Countertransference management and effective psychotherapy",
                "Psychotherapy",
            )
        ],
    ),
    "preferences": dict(
        title="Accommodating What Clients Want From Therapy",
        topics=["client-preferences"],
        types=["meta-analysis"],
        body="<p>Clients who received the treatment, therapist or format they preferred were "
        "less likely to stop early and had somewhat better outcomes.</p>",
        implications="<p>Ask clients what they prefer and honour it where you can.</p>",
        references=[
            _ref(
                "Swift, J. K., Callahan, J. L., Cooper, M., & Parkin, S. R. (2018). The impact "
                "of accommodating client preference in psychotherapy: A meta-analysis. Journal "
                "of Clinical Psychology, 74(11), 1924–1937.",
                [("Swift", "J. K."), ("Callahan", "J. L."), ("Cooper", "M."), ("Parkin", "S. R.")],
                2018,
                "The impact of accommodating client preference in psychotherapy",
                "Journal of Clinical Psychology",
            )
        ],
    ),
    "combination": dict(
        title="Adding Psychotherapy to Antidepressants Pays Off",
        topics=["combination-therapy", "medications"],
        types=["meta-analysis"],
        body="<p>For depression and several anxiety disorders, combining medication with "
        "psychotherapy worked better than pharmacotherapy alone.</p>",
        implications="<p>Clients on antidepressants may still gain from therapy.</p>",
        references=[
            _ref(
                "Cuijpers, P., Sijbrandij, M., Koole, S. L., Andersson, G., Beekman, A. T., & "
                "Reynolds, C. F. (2014). Adding psychotherapy to antidepressant medication in "
                "depression and anxiety disorders: A meta-analysis. World Psychiatry, 13(1), "
                "56–67.",
                [("Cuijpers", "P."), ("Sijbrandij", "M."), ("Koole", "S. L.")],
                2014,
                "Adding psychotherapy to antidepressant medication in depression and anxiety "
                "disorders",
                "World Psychiatry",
            )
        ],
    ),
    "experience": dict(
        title="Therapists Do Not Automatically Improve With Experience",
        topics=["therapist-factors", "training"],
        types=["longitudinal-cohort"],
        body="<p>Following 170 therapists over as many as eighteen years, the authors found "
        "that client outcomes did not improve with years of practice, and on average "
        "slightly declined.</p>",
        implications="<p>Deliberate practice and outcome feedback, not time alone, are needed "
        "to get better.</p>",
        references=[
            _ref(
                "Goldberg, S. B., Rousmaniere, T., Miller, S. D., et al. (2016). Do "
                "psychotherapists improve with time and experience? A longitudinal analysis of "
                "outcomes in a clinical setting. Journal of Counseling Psychology, 63(1), 1–11.",
                [("Goldberg", "S. B."), ("Rousmaniere", "T."), ("Miller", "S. D.")],
                2016,
                "Do psychotherapists improve with time and experience?",
                "Journal of Counseling Psychology",
            )
        ],
    ),
    "therapist_effects": dict(
        title="Some Therapists Get Better Results Than Others",
        topics=["therapist-factors"],
        types=["naturalistic"],
        body="<p>In a large managed-care sample, about five percent of the variability in "
        "outcomes was due to therapists, more than the treatment delivered.</p>",
        implications="<p>Services should track outcomes by therapist and support those whose "
        "clients improve less.</p>",
        references=[
            _ref(
                "Wampold, B. E., & Brown, G. S. (2005). Estimating variability in outcomes "
                "attributable to therapists: A naturalistic study of outcomes in managed care. "
                "Journal of Consulting and Clinical Psychology, 73(5), 914–923.",
                [("Wampold", "B. E."), ("Brown", "G. S.")],
                2005,
                "Estimating variability in outcomes attributable to therapists",
                "Journal of Consulting and Clinical Psychology",
            )
        ],
    ),
    "ethics_online": dict(
        title="The Ethics of Seeing Clients Online",
        topics=["miscellaneous"],
        types=["book-chapter-essay"],
        body="<p>An essay on confidentiality, consent and emergencies when therapy happens by "
        "video: what to agree on before the first session.</p>",
        implications="<p>Have a plan for crises and agree on a backup channel.</p>",
        references=[],
    ),
}

# (query, summaries that must be found, topic whose summaries are all relevant too)
QUERIES = [
    ("rupture", ["rupture"], None),
    ("alliance ruptures", ["rupture"], None),
    ("repairing the alliance", ["rupture"], None),
    ("Eubanks", ["rupture"], None),
    ("Safran Muran", ["rupture"], None),
    ("dropout", ["dropout"], "attendance-attrition-dropout"),
    ("drop-out", ["dropout"], "attendance-attrition-dropout"),
    ("attrition", ["dropout"], "attendance-attrition-dropout"),
    ("premature discontinuation", ["dropout"], None),
    ("clients dropping out", ["dropout"], "attendance-attrition-dropout"),
    ("Swift Greenberg", ["dropout"], None),
    ("alliance outcome Horvath", ["alliance_meta"], None),
    ("Flückiger", ["alliance_meta"], None),
    ("empathy meta-analysis", ["empathy"], "empathy"),
    ("empathic therapists", ["empathy"], "empathy"),
    ("progress feedback", ["feedback"], "feedback"),
    ("routine outcome monitoring", ["feedback"], "feedback"),
    ("Lambert", ["feedback", "doseresponse"], None),
    ("common factors Wampold", ["commonfactors"], None),
    (
        "Wampold",
        ["commonfactors", "alliance_variability", "therapist_effects", "alliance_meta"],
        None,
    ),
    ("IPT", ["ipt"], "ipt"),
    ("interpersonal psychotherapy Cuijpers", ["ipt"], None),
    ("PDT", ["ltpp"], "psychodynamic-therapy"),
    ("long-term psychodynamic psychotherapy", ["ltpp"], None),
    ("Leichsenring", ["ltpp"], None),
    ("DBT", ["dbt"], None),
    ("dialectical behavior therapy suicide", ["dbt"], None),
    ("borderline suicide attempts", ["dbt"], None),
    ("CBT review of meta-analyses", ["cbt_review"], None),
    ("cognitive-behavioral therapy Hofmann", ["cbt_review"], None),
    ("PTSD", ["ptsd"], "trauma-ptsd"),
    ("posttraumatic stress disorder EMDR", ["ptsd"], None),
    ("trauma-focused", ["ptsd"], None),
    ("therapist variability", ["alliance_variability", "therapist_effects"], None),
    ("dose-response", ["doseresponse"], None),
    ("how many sessions", ["doseresponse"], None),
    ("reactance", ["reactance"], "resistance-reactance"),
    ("resistant clients directive", ["reactance"], None),
    ("countertransference management", ["countertransference"], None),
    ("client preference", ["preferences"], "client-preferences"),
    ("psychotherapy antidepressant medication", ["combination"], None),
    ("pharmacotherapy combined", ["combination"], None),
    ("therapist experience", ["experience"], None),
    ("online ethics", ["ethics_online"], None),
    ('"progress feedback"', ["feedback"], "feedback"),
    ("behaviour suicidal", ["dbt"], None),
    ("Journal of Counseling Psychology", ["experience"], None),
]


def relevant_ids(query_entry, ids_by_key, ids_by_topic):
    """The set of summary ids judged relevant for one QUERIES entry."""
    _, keys, topic = query_entry
    relevant = {ids_by_key[k] for k in keys}
    if topic:
        relevant |= set(ids_by_topic.get(topic, ()))
    return relevant


def recall_at(ranked, relevant, k=10):
    """Share of what could be found in the top k that was (capped at k relevant)."""
    return len(set(ranked[:k]) & relevant) / min(k, len(relevant))


def precision_at(ranked, relevant, k=5):
    """Share of the first k results that are relevant (a short list counts its blanks)."""
    return len(set(ranked[:k]) & relevant) / k


def ndcg_at(ranked, relevant, k=10):
    dcg = sum(1 / math.log2(i + 2) for i, pk in enumerate(ranked[:k]) if pk in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal


def load():
    """Create the judged summaries (one issue per month from January 2019); {key: page id}."""
    from digest.core.tests.factories import make_issue, make_summary

    ids = {}
    for position, (key, fields) in enumerate(SUMMARIES.items()):
        issue = make_issue(f"{2019 + position // 12}-{position % 12 + 1:02d}")
        ids[key] = make_summary(issue, **fields).pk
    return ids


def ranked(query, limit=10):
    """The ids the site's search returns first for `query`, as /search/ would list them."""
    from digest.search import engine
    from digest.summaries.facets import Facets

    parsed = engine.parse_query(query)
    if not parsed:
        return []
    return [summary.pk for summary in engine.find(parsed, Facets()).results[:limit]]


def evaluate(queryset, ids_by_key, queries=None):
    """Recall@10, nDCG@10 and precision@5 of every query in `queries` (default QUERIES)."""
    from digest.summaries.models import SummaryPage

    queries = QUERIES if queries is None else queries
    through = SummaryPage.topics.through
    topics = {topic for _, _, topic in queries if topic}
    ids_by_topic = {}
    for summary_id, slug in through.objects.filter(
        topic__slug__in=topics, summarypage__in=queryset
    ).values_list("summarypage_id", "topic__slug"):
        ids_by_topic.setdefault(slug, []).append(summary_id)
    rows = []
    for entry in queries:
        found = ranked(entry[0])
        relevant = relevant_ids(entry, ids_by_key, ids_by_topic)
        rows.append(
            Row(
                entry[0],
                recall_at(found, relevant),
                ndcg_at(found, relevant),
                precision_at(found, relevant),
                bool(found),
            )
        )
    return Scores(rows)


@dataclass
class Row:
    query: str
    recall: float  # recall@10
    ndcg: float  # nDCG@10
    precision: float  # precision@5
    found: bool  # found anything at all


@dataclass
class Scores:
    rows: list[Row]

    def only(self, queries):
        """The scores of these queries (a part of the judged set) alone."""
        wanted = {q for q, _, _ in queries}
        return Scores([row for row in self.rows if row.query in wanted])

    def _mean(self, name):
        return sum(getattr(row, name) for row in self.rows) / max(1, len(self.rows))

    recall = property(lambda self: self._mean("recall"))
    ndcg = property(lambda self: self._mean("ndcg"))
    precision = property(lambda self: self._mean("precision"))

    @property
    def misses(self):
        """(query, its recall@10) for each query that missed something."""
        return [(row.query, round(row.recall, 2)) for row in self.rows if row.recall < 1]

    @property
    def empty(self):
        """The queries that found nothing."""
        return [row.query for row in self.rows if not row.found]

    @property
    def empty_share(self):
        return len(self.empty) / max(1, len(self.rows))

    def __iter__(self):  # recall, ndcg, misses = evaluate(...)
        return iter((self.recall, self.ndcg, self.misses))

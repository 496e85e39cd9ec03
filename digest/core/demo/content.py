"""The demo issues and summaries as plain data.

Bibliographic facts (authors, year, title, journal, volume, issue, pages, DOI, sample sizes) are
those of the published articles; every headline, summary and implication is our own writing.
Each summary is keyed by its slug, which is also how `load_demo` recognises it on a second run.
"""


def _authors(*names):
    """("Eubanks", "C. F."), … → the CSL author list the Reference model stores."""
    return [{"family": family, "given": given} for family, given in names]


ISSUES = [
    {
        "month": "2026-06",
        "intro": (
            "<p>This month I blog about the relationship itself: what two large meta-analyses "
            "say about the alliance and about empathy, and what a task force concluded when it "
            "pulled the evidence together. None of it is new, and all of it is easy to forget "
            "on a busy Tuesday afternoon.</p>"
        ),
    },
    {
        "month": "2026-07",
        "intro": (
            "<p>Ruptures and endings. A meta-analysis shows that repaired ruptures are good "
            "news, another counts how many clients leave early, and I add a short essay on how "
            "we end therapy when the ending is ours to plan.</p>"
        ),
    },
    {
        "month": "2026-08",
        "intro": (
            "<p>How do we know how our clients are doing? Three studies from three angles: "
            "routine progress feedback, how clinicians rate their own effectiveness, and "
            "whether therapists get better with years of practice.</p>"
        ),
    },
    {
        "month": "2026-09",
        "intro": (
            "<p>Depression and what works: a landmark trial of behavioural activation, an "
            "update on the common factors debate, and a handbook chapter that is still the "
            "best single answer to “does psychotherapy work?”.</p>"
        ),
    },
    {
        "month": "2026-10",
        "intro": (
            "<p>This month I blog about treatments for clients many of us find hardest to "
            "help — suicidal clients with borderline personality disorder and survivors of "
            "sexual assault — and about how long therapy needs to last.</p>"
        ),
    },
]


SUMMARIES = [
    # ---- June 2026: the relationship -------------------------------------------------------
    {
        "issue": "2026-06",
        "slug": "the-alliance-predicts-outcome-across-therapies",
        "title": "The Alliance Predicts Outcome Across Therapies, Formats and Clients",
        "references": [
            {
                "raw": (
                    "Flückiger, C., Del Re, A. C., Wampold, B. E., & Horvath, A. O. (2018). "
                    "The alliance in adult psychotherapy: A meta-analytic synthesis. "
                    "Psychotherapy, 55(4), 316–340. https://doi.org/10.1037/pst0000172"
                ),
                "authors": _authors(
                    ("Flückiger", "C."),
                    ("Del Re", "A. C."),
                    ("Wampold", "B. E."),
                    ("Horvath", "A. O."),
                ),
                "year": 2018,
                "title": "The alliance in adult psychotherapy: A meta-analytic synthesis",
                "container_title": "Psychotherapy",
                "volume": "55",
                "issue": "4",
                "pages": "316–340",
                "doi": "10.1037/pst0000172",
            }
        ],
        "body": (
            "<p>The working alliance — agreement on the goals of therapy, on the tasks that "
            "will get there, and the bond that makes the work possible — is the most studied "
            "relationship variable in psychotherapy research. This meta-analysis, prepared for "
            "the third edition of the APA task force on evidence-based relationships, brings "
            "together 295 independent studies covering more than 30,000 adult clients.</p>"
            "<p>Across all of them, the correlation between the alliance and treatment outcome "
            "was about r = .28. That is a moderate association by the standards of the field, "
            "and it was remarkably robust: it held across treatment approaches (cognitive-"
            "behavioural, psychodynamic, humanistic and others), across diagnoses, across "
            "face-to-face and internet-based formats, and whether the alliance was rated by "
            "the client, the therapist or an observer.</p>"
            "<p>The authors are careful about causality. An alliance measured early in therapy "
            "could partly reflect early improvement, and clients who find it easy to form "
            "relationships may also be those with better prognoses. Still, the consistency of "
            "the finding, and the many studies in which the alliance predicted later change "
            "after controlling for earlier change, make it hard to treat the alliance as a mere "
            "by-product of symptom relief.</p>"
        ),
        "implications": (
            "<p>Treat the alliance as something to monitor, not something to assume. A brief "
            "alliance measure in the first few sessions costs minutes and catches the clients "
            "who are quietly disagreeing about where therapy is going.</p>"
            "<p>Because the association held across models, no approach gets a pass: a well-"
            "delivered protocol still depends on the client's agreement with its goals and "
            "tasks. Explain the rationale for what you propose, ask whether it makes sense to "
            "the client, and adjust when it does not.</p>"
        ),
        "topics": ["alliance", "common-factors", "outcomes-deterioration"],
        "types": ["meta-analysis"],
        "evidence": {
            "design": "Meta-analysis",
            "n_studies": 295,
            "setting": "adult outpatient therapy, face-to-face and online",
            "effect_sizes": "r = .28",
        },
    },
    {
        "issue": "2026-06",
        "slug": "clients-who-feel-understood-do-better",
        "title": "Clients Who Feel Understood Do Better",
        "references": [
            {
                "raw": (
                    "Elliott, R., Bohart, A. C., Watson, J. C., & Murphy, D. (2018). Therapist "
                    "empathy and client outcome: An updated meta-analysis. Psychotherapy, 55(4), "
                    "399–410. https://doi.org/10.1037/pst0000175"
                ),
                "authors": _authors(
                    ("Elliott", "R."),
                    ("Bohart", "A. C."),
                    ("Watson", "J. C."),
                    ("Murphy", "D."),
                ),
                "year": 2018,
                "title": "Therapist empathy and client outcome: An updated meta-analysis",
                "container_title": "Psychotherapy",
                "volume": "55",
                "issue": "4",
                "pages": "399–410",
                "doi": "10.1037/pst0000175",
            }
        ],
        "body": (
            "<p>Empathy is one of the oldest ideas in psychotherapy and one of the easiest to "
            "take for granted. This updated meta-analysis pooled 82 independent samples with "
            "6,138 clients to ask how strongly therapist empathy is related to outcome.</p>"
            "<p>The answer was an average correlation of about r = .28 — of the same order as "
            "the alliance, and larger than the differences usually found between named "
            "treatments. The association appeared across theoretical orientations, including "
            "cognitive-behavioural therapies where empathy is rarely described as an active "
            "ingredient.</p>"
            "<p>How empathy was measured mattered. Ratings made by clients, who report whether "
            "they felt understood, predicted outcome better than measures of the therapist's "
            "accuracy in guessing what the client felt. In other words, what seems to help is "
            "not the therapist's private insight but the client's experience of being "
            "understood.</p>"
        ),
        "implications": (
            "<p>Empathy is communicated, not just felt. Reflect back what you have understood, "
            "including the feeling under the content, and check it: “Have I got that right?” "
            "gives the client a chance to correct you and to experience being understood.</p>"
            "<p>Because clients' perceptions predict outcome best, ask them. A question at the "
            "end of a session about whether they felt heard is a cheap way to find the "
            "sessions where empathy did not land.</p>"
        ),
        "topics": ["empathy", "common-factors", "therapist-factors"],
        "types": ["meta-analysis"],
        "evidence": {
            "design": "Meta-analysis",
            "n_studies": 82,
            "n_clients": 6138,
            "effect_sizes": "r = .28",
        },
    },
    {
        "issue": "2026-06",
        "slug": "what-a-task-force-concluded-about-the-relationship",
        "title": "What a Task Force Concluded About the Therapy Relationship",
        "references": [
            {
                "raw": (
                    "Norcross, J. C., & Wampold, B. E. (2011). Evidence-based therapy "
                    "relationships: Research conclusions and clinical practices. "
                    "Psychotherapy, 48(1), 98–102. https://doi.org/10.1037/a0022161"
                ),
                "authors": _authors(("Norcross", "J. C."), ("Wampold", "B. E.")),
                "year": 2011,
                "title": (
                    "Evidence-based therapy relationships: Research conclusions and clinical "
                    "practices"
                ),
                "container_title": "Psychotherapy",
                "volume": "48",
                "issue": "1",
                "pages": "98–102",
                "doi": "10.1037/a0022161",
            }
        ],
        "body": (
            "<p>Evidence-based practice is often read as a list of treatments for disorders. "
            "This short article closed a special issue in which a task force of two APA "
            "divisions reviewed, one meta-analysis at a time, what the research says about the "
            "therapy relationship, and it sets out their conclusions.</p>"
            "<p>The panel judged several elements of the relationship to be demonstrably "
            "effective, among them the alliance, cohesion in group therapy, empathy and "
            "collecting client feedback; others, such as goal consensus, collaboration and "
            "positive regard, were judged probably effective. They also concluded that "
            "adapting the relationship to the individual client — for example to their "
            "preferences or their readiness for change — improves outcomes.</p>"
            "<p>The authors argue that practice guidelines that address only techniques leave "
            "out a large part of what makes therapy work, and they name relationship behaviours "
            "to avoid: confrontational, critical or rigid responding and assumptions made "
            "without checking them with the client.</p>"
        ),
        "implications": (
            "<p>Use the relationship findings the way you use treatment guidelines: as a "
            "checklist for your own practice. Which of the demonstrably effective elements do "
            "you attend to deliberately, and which do you leave to chance?</p>"
            "<p>Tailoring is part of the evidence. Asking about a client's preferences and "
            "adjusting how directive you are is not a departure from evidence-based practice; "
            "it is part of it.</p>"
        ),
        "topics": ["alliance", "therapist-factors", "client-preferences"],
        "types": ["expert-consensus"],
        "evidence": {
            "design": "Expert consensus (task force review of meta-analyses)",
            "setting": "psychotherapy across approaches",
        },
    },
    # ---- July 2026: ruptures and endings ------------------------------------------------------
    {
        "issue": "2026-07",
        "slug": "repairing-alliance-ruptures-goes-with-better-outcomes",
        "title": "Repairing Alliance Ruptures Goes With Better Outcomes",
        "references": [
            {
                "raw": (
                    "Eubanks, C. F., Muran, J. C., & Safran, J. D. (2018). Alliance rupture "
                    "repair: A meta-analysis. Psychotherapy, 55(4), 508–519. "
                    "https://doi.org/10.1037/pst0000185"
                ),
                "authors": _authors(("Eubanks", "C. F."), ("Muran", "J. C."), ("Safran", "J. D.")),
                "year": 2018,
                "title": "Alliance rupture repair: A meta-analysis",
                "container_title": "Psychotherapy",
                "volume": "55",
                "issue": "4",
                "pages": "508–519",
                "doi": "10.1037/pst0000185",
            }
        ],
        "body": (
            "<p>Ruptures are moments when the collaboration between client and therapist "
            "breaks down. Some are loud — a client who criticises the therapist or the "
            "treatment (confrontation ruptures). Many are quiet — a client who changes the "
            "subject, agrees too readily or stops bringing what matters (withdrawal "
            "ruptures).</p>"
            "<p>This meta-analysis pooled 11 studies with 1,314 clients that related "
            "rupture-repair episodes to outcome. Sessions or treatments in which ruptures were "
            "repaired were associated with better outcomes, with an average correlation of "
            "about r = .29. A separate and smaller group of studies looked at training "
            "therapists in rupture-resolution skills; the evidence there was more tentative.</p>"
            "<p>The authors read the findings as support for treating ruptures as "
            "opportunities rather than failures: working through a breakdown in the "
            "relationship can give clients a corrective experience of conflict that does not "
            "end in rejection.</p>"
        ),
        "implications": (
            "<p>Look for withdrawal as well as confrontation. Over-compliance, vague answers "
            "and a sudden change of topic are ruptures too, and they are easy to miss.</p>"
            "<p>When you notice a rupture, name it without blame, invite the client's view, "
            "and acknowledge your own part (“I think I pushed the homework too hard; how did "
            "that feel?”). Non-defensive curiosity is the repair.</p>"
        ),
        "topics": ["alliance", "resistance-reactance", "training"],
        "types": ["meta-analysis"],
        "evidence": {
            "design": "Meta-analysis",
            "n_studies": 11,
            "n_clients": 1314,
            "effect_sizes": "r = .29",
        },
    },
    {
        "issue": "2026-07",
        "slug": "one-client-in-five-ends-therapy-early",
        "title": "One Client in Five Ends Therapy Early",
        "references": [
            {
                "raw": (
                    "Swift, J. K., & Greenberg, R. P. (2012). Premature discontinuation in adult "
                    "psychotherapy: A meta-analysis. Journal of Consulting and Clinical "
                    "Psychology, 80(4), 547–559. https://doi.org/10.1037/a0028226"
                ),
                "authors": _authors(("Swift", "J. K."), ("Greenberg", "R. P.")),
                "year": 2012,
                "title": "Premature discontinuation in adult psychotherapy: A meta-analysis",
                "container_title": "Journal of Consulting and Clinical Psychology",
                "volume": "80",
                "issue": "4",
                "pages": "547–559",
                "doi": "10.1037/a0028226",
            }
        ],
        "body": (
            "<p>Estimates of drop-out from psychotherapy range from a few percent to more than "
            "half, largely because studies define it differently. This meta-analysis gathered "
            "669 studies with 83,834 adult clients to produce a more stable figure.</p>"
            "<p>The weighted average drop-out rate was about 20% (19.7%): roughly one client in "
            "five leaves before the therapist judges treatment complete. Rates varied with how "
            "drop-out was defined, with the setting, and with characteristics of clients and "
            "therapists; clients who were younger, and those treated by therapists still in "
            "training, were among the groups with higher rates.</p>"
            "<p>Perhaps as notable is what did not matter much: the main treatment approaches "
            "had broadly similar drop-out rates. Leaving early seems less a property of a "
            "therapy model than of the fit between a client, a therapist and the way treatment "
            "is set up.</p>"
        ),
        "implications": (
            "<p>Plan for drop-out from the first session. Talk about how long therapy is likely "
            "to take, what improvement usually looks like, and what to do if the client feels "
            "it is not helping — clients who know they can say so are more likely to raise "
            "doubts than to disappear.</p>"
            "<p>Supervisors of trainees should expect higher drop-out and treat it as a "
            "training topic rather than a private failure.</p>"
        ),
        "topics": ["attendance-attrition-dropout", "termination", "client-factors"],
        "types": ["meta-analysis"],
        "evidence": {
            "design": "Meta-analysis",
            "n_studies": 669,
            "n_clients": 83834,
            "effect_sizes": "drop-out 19.7%",
        },
    },
    {
        "issue": "2026-07",
        "slug": "ending-well-notes-on-planned-termination",
        "title": "Ending Well: Notes on Planned Termination",
        "references": [],
        "body": (
            "<p>Most of what we read about endings is about endings we did not choose: drop-"
            "out, missed sessions, the client who stops answering messages. Planned endings "
            "get less attention, perhaps because they feel like success. Yet how a good "
            "therapy ends shapes what the client takes away from it.</p>"
            "<p>Three things seem worth doing deliberately. First, name the ending early enough "
            "that it can be discussed rather than announced — for a weekly therapy, several "
            "sessions' notice is rarely too much. Second, review the work together: what "
            "changed, what the client did to change it, and what remains. Clients often credit "
            "the therapist for changes that were their own, and an explicit review helps them "
            "keep those skills as theirs. Third, talk about what happens if difficulties "
            "return, including how to come back.</p>"
            "<p>Endings also stir feelings in therapists: relief, pride, worry, sometimes a "
            "reluctance to let go. Noticing these reactions helps us avoid prolonging therapy "
            "for our own reasons, or ending it abruptly to escape them.</p>"
        ),
        "implications": (
            "<p>Put the ending on the agenda before the last session: agree on a date, spread "
            "out the final sessions if that suits the client, and use them to consolidate.</p>"
            "<p>Write down, with the client, a short plan for setbacks — early warning signs, "
            "what helped, and when to get in touch. A concrete plan makes a relapse less "
            "likely to feel like a failure of the whole therapy.</p>"
        ),
        "topics": ["termination", "miscellaneous"],
        "types": ["book-chapter-essay"],
        "evidence": {"design": "Essay"},
    },
    # ---- August 2026: knowing how clients are doing -----------------------------------------
    {
        "issue": "2026-08",
        "slug": "progress-feedback-helps-modestly-and-unevenly",
        "title": "Progress Feedback Helps — Modestly, and More in Some Settings",
        "references": [
            {
                "raw": (
                    "de Jong, K., Conijn, J. M., Gallagher, R. A. V., Reshetnikova, A. S., "
                    "Heij, M., & Lutz, M. C. (2021). Using progress feedback to improve outcomes "
                    "and reduce drop-out, treatment duration, and deterioration: A multilevel "
                    "meta-analysis. Clinical Psychology Review, 85, 102002. "
                    "https://doi.org/10.1016/j.cpr.2021.102002"
                ),
                "authors": _authors(
                    ("de Jong", "K."),
                    ("Conijn", "J. M."),
                    ("Gallagher", "R. A. V."),
                    ("Reshetnikova", "A. S."),
                    ("Heij", "M."),
                    ("Lutz", "M. C."),
                ),
                "year": 2021,
                "title": (
                    "Using progress feedback to improve outcomes and reduce drop-out, treatment "
                    "duration, and deterioration: A multilevel meta-analysis"
                ),
                "container_title": "Clinical Psychology Review",
                "volume": "85",
                "article_number": "102002",
                "doi": "10.1016/j.cpr.2021.102002",
            }
        ],
        "body": (
            "<p>Routine outcome monitoring asks clients to complete a short measure every "
            "session and feeds the results back to the therapist, often with a warning when a "
            "client is not on track. Earlier reviews, many based on a handful of feedback "
            "systems, were enthusiastic. This multilevel meta-analysis took a wider view: 58 "
            "studies with 21,699 clients.</p>"
            "<p>Feedback improved symptom outcomes, but the average effect was small "
            "(d = 0.15), and studies differed a good deal. The review also examined drop-out, "
            "treatment duration and deterioration, and looked for features of the feedback "
            "systems and of the settings that might explain why feedback helps more in some "
            "places than in others.</p>"
            "<p>A small average effect can still matter when it applies to every client in a "
            "service, and the largest benefits in the feedback literature have usually been "
            "for clients who are not on track. But the results are a caution against treating "
            "any measurement system as a guarantee.</p>"
        ),
        "implications": (
            "<p>Collecting scores is not the intervention; using them is. Look at the results "
            "with the client, especially when they are worse than expected, and let them "
            "change what you do next.</p>"
            "<p>Services introducing outcome monitoring should plan for the human side — "
            "training, supervision time to review not-on-track cases, and a culture in which a "
            "bad score is information rather than a judgement on the therapist.</p>"
        ),
        "topics": ["feedback", "outcomes-deterioration", "attendance-attrition-dropout"],
        "types": ["meta-analysis"],
        "evidence": {
            "design": "Multilevel meta-analysis",
            "n_studies": 58,
            "n_clients": 21699,
            "effect_sizes": "d = 0.15",
        },
    },
    {
        "issue": "2026-08",
        "slug": "most-clinicians-think-they-are-above-average",
        "title": "Most Clinicians Think They Are Above Average",
        "references": [
            {
                "raw": (
                    "Walfish, S., McAlister, B., O'Donnell, P., & Lambert, M. J. (2012). An "
                    "investigation of self-assessment bias in mental health providers. "
                    "Psychological Reports, 110(2), 639–644. "
                    "https://doi.org/10.2466/02.07.17.PR0.110.2.639-644"
                ),
                "authors": _authors(
                    ("Walfish", "S."),
                    ("McAlister", "B."),
                    ("O'Donnell", "P."),
                    ("Lambert", "M. J."),
                ),
                "year": 2012,
                "title": "An investigation of self-assessment bias in mental health providers",
                "container_title": "Psychological Reports",
                "volume": "110",
                "issue": "2",
                "pages": "639–644",
                "doi": "10.2466/02.07.17.PR0.110.2.639-644",
            }
        ],
        "body": (
            "<p>How good are we at judging our own effectiveness? In this survey, 129 mental "
            "health professionals were asked to compare their clinical skills and outcomes with "
            "those of other clinicians, and to estimate how many of their clients improved, "
            "stayed the same or got worse.</p>"
            "<p>The answers showed a familiar bias. About a quarter of the respondents placed "
            "themselves at or above the 90th percentile, and none placed themselves below "
            "average. Their estimates of how many clients deteriorate in their care were low "
            "compared with the rates found when outcomes are actually measured.</p>"
            "<p>The study is small and relies on self-report, but it is consistent with a wider "
            "literature on self-assessment in medicine and elsewhere: people are poor judges of "
            "their own performance, and the least effective are often the most confident.</p>"
        ),
        "implications": (
            "<p>Our sense of how well we are doing is not data. Measuring outcomes — even "
            "informally, with a brief scale — is the only way to learn which clients are not "
            "improving.</p>"
            "<p>Approach your own numbers with curiosity rather than defensiveness. Finding "
            "that some clients are getting worse is not proof of incompetence; not looking is "
            "the bigger risk.</p>"
        ),
        "topics": ["self-reflection", "therapist-factors", "outcomes-deterioration"],
        "types": ["survey"],
        "evidence": {
            "design": "Survey of clinicians",
            "n_therapists": 129,
            "effect_sizes": "25% rated themselves at the 90th percentile or above",
        },
    },
    {
        "issue": "2026-08",
        "slug": "do-therapists-improve-with-experience",
        "title": "Do Therapists Improve With Experience? Not Automatically",
        "references": [
            {
                "raw": (
                    "Goldberg, S. B., Rousmaniere, T., Miller, S. D., Whipple, J., Nielsen, "
                    "S. L., Hoyt, W. T., & Wampold, B. E. (2016). Do psychotherapists improve "
                    "with time and experience? A longitudinal analysis of outcomes in a clinical "
                    "setting. Journal of Counseling Psychology, 63(1), 1–11. "
                    "https://doi.org/10.1037/cou0000131"
                ),
                "authors": _authors(
                    ("Goldberg", "S. B."),
                    ("Rousmaniere", "T."),
                    ("Miller", "S. D."),
                    ("Whipple", "J."),
                    ("Nielsen", "S. L."),
                    ("Hoyt", "W. T."),
                    ("Wampold", "B. E."),
                ),
                "year": 2016,
                "title": (
                    "Do psychotherapists improve with time and experience? A longitudinal "
                    "analysis of outcomes in a clinical setting"
                ),
                "container_title": "Journal of Counseling Psychology",
                "volume": "63",
                "issue": "1",
                "pages": "1–11",
                "doi": "10.1037/cou0000131",
            }
        ],
        "body": (
            "<p>Most professions assume that experience brings expertise. This study tested the "
            "assumption with routine outcome data from a university counselling centre: 6,591 "
            "clients seen by 170 therapists, with some therapists followed for as long as 18 "
            "years.</p>"
            "<p>Following the same therapists over time, the authors found no average "
            "improvement in client outcomes as therapists gained experience. If anything, "
            "outcomes declined very slightly, although the change was small and therapists "
            "differed: some improved, others did not.</p>"
            "<p>The finding does not mean that experience is worthless, nor that training does "
            "not matter. It suggests that simply seeing more clients, without systematic "
            "feedback on results, does not reliably make a therapist more effective.</p>"
        ),
        "implications": (
            "<p>Experience needs feedback to turn into expertise. Track your outcomes over "
            "years, not just per client, and compare them with a benchmark for your "
            "setting.</p>"
            "<p>Deliberate practice — reviewing recordings, rehearsing difficult moments with "
            "a supervisor or peer, and seeking out the cases that do not go well — is a more "
            "plausible route to improvement than accumulating hours.</p>"
        ),
        "topics": ["therapist-factors", "training", "practice-based-research"],
        "types": ["longitudinal-cohort", "naturalistic"],
        "evidence": {
            "design": "Longitudinal naturalistic study",
            "n_clients": 6591,
            "n_therapists": 170,
            "setting": "university counselling centre",
            "follow_up": "up to 18 years per therapist",
        },
    },
    # ---- September 2026: depression and what works -------------------------------------------
    {
        "issue": "2026-09",
        "slug": "behavioural-activation-holds-its-own-in-severe-depression",
        "title": "Behavioural Activation Holds Its Own in Severe Depression",
        "references": [
            {
                "raw": (
                    "Dimidjian, S., Hollon, S. D., Dobson, K. S., Schmaling, K. B., Kohlenberg, "
                    "R. J., Addis, M. E., Gallop, R., McGlinchey, J. B., Markley, D. K., Gollan, "
                    "J. K., Atkins, D. C., Dunner, D. L., & Jacobson, N. S. (2006). Randomized "
                    "trial of behavioral activation, cognitive therapy, and antidepressant "
                    "medication in the acute treatment of adults with major depression. Journal "
                    "of Consulting and Clinical Psychology, 74(4), 658–670. "
                    "https://doi.org/10.1037/0022-006X.74.4.658"
                ),
                "authors": _authors(
                    ("Dimidjian", "S."),
                    ("Hollon", "S. D."),
                    ("Dobson", "K. S."),
                    ("Schmaling", "K. B."),
                    ("Kohlenberg", "R. J."),
                    ("Addis", "M. E."),
                    ("Gallop", "R."),
                    ("McGlinchey", "J. B."),
                    ("Markley", "D. K."),
                    ("Gollan", "J. K."),
                    ("Atkins", "D. C."),
                    ("Dunner", "D. L."),
                    ("Jacobson", "N. S."),
                ),
                "year": 2006,
                "title": (
                    "Randomized trial of behavioral activation, cognitive therapy, and "
                    "antidepressant medication in the acute treatment of adults with major "
                    "depression"
                ),
                "container_title": "Journal of Consulting and Clinical Psychology",
                "volume": "74",
                "issue": "4",
                "pages": "658–670",
                "doi": "10.1037/0022-006X.74.4.658",
            }
        ],
        "body": (
            "<p>Behavioural activation (BA) helps depressed clients re-engage with activities "
            "that give them pleasure or a sense of mastery, and targets avoidance directly. It "
            "began life as one component of cognitive therapy. This trial asked whether the "
            "component could stand on its own.</p>"
            "<p>241 adults with major depression were randomly assigned to behavioural "
            "activation, cognitive therapy, antidepressant medication, or pill placebo. Among "
            "clients with milder depression the active treatments did not differ much. Among "
            "the more severely depressed, behavioural activation did as well as medication, and "
            "both did better than cognitive therapy on several measures.</p>"
            "<p>One trial does not settle a question, and later work has given a more mixed "
            "picture of how BA and cognitive therapy compare. But the study changed the field's "
            "view of what a simpler, more behavioural treatment can achieve, even for severe "
            "depression.</p>"
        ),
        "implications": (
            "<p>For a severely depressed client who cannot yet engage with cognitive work, "
            "starting with activity scheduling and the analysis of avoidance is a well-"
            "supported choice, not a watered-down one.</p>"
            "<p>Behavioural activation is comparatively easy to learn and to deliver, which "
            "makes it a good candidate for services that need to train many clinicians or offer "
            "therapy in primary care.</p>"
        ),
        "topics": ["depression", "cbt", "medications", "efficacy"],
        "types": ["rct"],
        "evidence": {
            "design": "Randomised controlled trial",
            "n_clients": 241,
            "setting": "outpatient research clinic",
            "follow_up": "acute phase",
        },
    },
    {
        "issue": "2026-09",
        "slug": "how-important-are-the-common-factors",
        "title": "How Important Are the Common Factors? An Update",
        "references": [
            {
                "raw": (
                    "Wampold, B. E. (2015). How important are the common factors in "
                    "psychotherapy? An update. World Psychiatry, 14(3), 270–277. "
                    "https://doi.org/10.1002/wps.20238"
                ),
                "authors": _authors(("Wampold", "B. E.")),
                "year": 2015,
                "title": "How important are the common factors in psychotherapy? An update",
                "container_title": "World Psychiatry",
                "volume": "14",
                "issue": "3",
                "pages": "270–277",
                "doi": "10.1002/wps.20238",
            }
        ],
        "body": (
            "<p>The debate between those who credit specific techniques and those who credit "
            "factors shared by all therapies is an old one. In this review Wampold sets out the "
            "contextual model, which explains psychotherapy's benefits through three pathways: "
            "a real relationship with the therapist, expectations created by a convincing "
            "explanation and a treatment that fits it, and the specific actions that lead "
            "clients to do something healthier.</p>"
            "<p>He then reviews meta-analytic evidence for a series of common factors — the "
            "alliance, empathy, expectations, cultural adaptation of treatments, and "
            "differences between therapists — and compares it with the evidence for specific "
            "ingredients, such as differences between treatments and the results of "
            "dismantling studies. On his reading, the common factors account for more of the "
            "variation in outcomes than the specific ones.</p>"
            "<p>The review is an argument as well as a summary, and researchers who emphasise "
            "specific effects, particularly for anxiety disorders, read parts of the evidence "
            "differently. It remains one of the clearest statements of the common-factors "
            "position.</p>"
        ),
        "implications": (
            "<p>A treatment works best when the client believes in it. Give a clear, "
            "plausible explanation of the client's difficulties and of how the treatment "
            "addresses them, and check that it makes sense to them.</p>"
            "<p>The common factors are not a licence to do anything. In the contextual model, "
            "specific treatment actions matter because they give the relationship and the "
            "explanation something to work through — choose a coherent approach and deliver "
            "it well.</p>"
        ),
        "topics": ["common-factors", "efficacy", "therapist-factors"],
        "types": ["narrative-review"],
        "evidence": {"design": "Narrative review", "setting": "psychotherapy across approaches"},
    },
    {
        "issue": "2026-09",
        "slug": "the-handbook-answer-to-does-therapy-work",
        "title": "The Handbook Answer to “Does Therapy Work?”",
        "references": [
            {
                "raw": (
                    "Lambert, M. J. (2013). The efficacy and effectiveness of psychotherapy. In "
                    "M. J. Lambert (Ed.), Bergin and Garfield's handbook of psychotherapy and "
                    "behavior change (6th ed., pp. 169–218). John Wiley & Sons."
                ),
                "kind": "chapter",
                "authors": _authors(("Lambert", "M. J.")),
                "editors": _authors(("Lambert", "M. J.")),
                "year": 2013,
                "title": "The efficacy and effectiveness of psychotherapy",
                "container_title": (
                    "Bergin and Garfield's handbook of psychotherapy and behavior change"
                ),
                "pages": "169–218",
                "publisher": "John Wiley & Sons",
            }
        ],
        "body": (
            "<p>Every edition of the Bergin and Garfield handbook opens its review of outcome "
            "research with a chapter on whether psychotherapy works. Lambert's chapter in the "
            "sixth edition brings together decades of controlled trials, meta-analyses and "
            "studies of routine practice.</p>"
            "<p>The overall answer is yes: clients who receive psychotherapy improve more than "
            "those who do not, for a wide range of problems, and the benefits of many "
            "treatments last well beyond the end of therapy. Effects seen in routine services "
            "are often close to those of controlled trials, although services differ.</p>"
            "<p>The chapter is equally clear about the limits. A sizeable minority of clients "
            "do not improve, and a small proportion — Lambert's estimate is around 5 to 10 "
            "percent of adults — get worse during treatment. Many clients need more sessions "
            "than brief treatment packages allow before they reach reliable improvement.</p>"
        ),
        "implications": (
            "<p>When clients ask whether therapy works, there is a confident, honest answer: "
            "for most people, yes, and the benefits tend to last.</p>"
            "<p>Deterioration is common enough to plan for. Build some way of noticing when a "
            "client is getting worse into your routine, rather than waiting for the client to "
            "tell you.</p>"
        ),
        "topics": ["efficacy", "outcomes-deterioration", "long-term-outcomes"],
        "types": ["book-chapter-essay", "narrative-review"],
        "evidence": {
            "design": "Book chapter (narrative review)",
            "effect_sizes": "5–10% of adult clients deteriorate",
        },
    },
    # ---- October 2026: hard cases and how long therapy takes --------------------------------
    {
        "issue": "2026-10",
        "slug": "dbt-halves-suicide-attempts-compared-with-expert-therapy",
        "title": "DBT Halves Suicide Attempts Compared With Therapy by Experts",
        "references": [
            {
                "raw": (
                    "Linehan, M. M., Comtois, K. A., Murray, A. M., Brown, M. Z., Gallop, R. J., "
                    "Heard, H. L., Korslund, K. E., Tutek, D. A., Reynolds, S. K., & "
                    "Lindenboim, N. (2006). Two-year randomized controlled trial and follow-up of "
                    "dialectical behavior therapy vs therapy by experts for suicidal behaviors "
                    "and borderline personality disorder. Archives of General Psychiatry, 63(7), "
                    "757–766. https://doi.org/10.1001/archpsyc.63.7.757"
                ),
                "authors": _authors(
                    ("Linehan", "M. M."),
                    ("Comtois", "K. A."),
                    ("Murray", "A. M."),
                    ("Brown", "M. Z."),
                    ("Gallop", "R. J."),
                    ("Heard", "H. L."),
                    ("Korslund", "K. E."),
                    ("Tutek", "D. A."),
                    ("Reynolds", "S. K."),
                    ("Lindenboim", "N."),
                ),
                "year": 2006,
                "title": (
                    "Two-year randomized controlled trial and follow-up of dialectical behavior "
                    "therapy vs therapy by experts for suicidal behaviors and borderline "
                    "personality disorder"
                ),
                "container_title": "Archives of General Psychiatry",
                "volume": "63",
                "issue": "7",
                "pages": "757–766",
                "doi": "10.1001/archpsyc.63.7.757",
            }
        ],
        "body": (
            "<p>Early trials of dialectical behaviour therapy (DBT) compared it with usual "
            "care, which left open whether any good, committed therapy would have done as "
            "well. This trial set a higher bar: the comparison condition was treatment by "
            "community therapists nominated by experts as especially skilled with difficult "
            "clients.</p>"
            "<p>101 women with borderline personality disorder and recent suicidal or self-"
            "injuring behaviour received a year of DBT or of community treatment by experts, "
            "and were followed for a further year. Women in DBT were half as likely to make a "
            "suicide attempt, needed fewer hospital admissions for suicidal ideation and fewer "
            "emergency visits, and were less likely to drop out of treatment.</p>"
            "<p>Both groups improved on several other measures, such as suicidal ideation and "
            "depression, which is a reminder that skilled therapy of any kind helps. The "
            "advantage of DBT was specific to the most dangerous behaviours — the ones that "
            "make these clients so hard to treat.</p>"
        ),
        "implications": (
            "<p>For clients with borderline personality disorder and repeated suicidal "
            "behaviour, a structured treatment with an explicit focus on self-harm — such as "
            "DBT — offers more than general expertise and goodwill.</p>"
            "<p>Elements that clinicians outside DBT programmes can borrow include a clear "
            "hierarchy of targets with life-threatening behaviour first, detailed analysis of "
            "each episode, and consultation for the therapist, who also needs support.</p>"
        ),
        "topics": ["personality-disorders", "suicide-crisis", "efficacy"],
        "types": ["rct"],
        "evidence": {
            "design": "Randomised controlled trial",
            "n_clients": 101,
            "setting": "outpatient, women with borderline personality disorder",
            "follow_up": "1 year after a year of treatment",
        },
    },
    {
        "issue": "2026-10",
        "slug": "cpt-and-prolonged-exposure-both-help-after-sexual-assault",
        "title": "Cognitive Processing and Prolonged Exposure Both Help After Sexual Assault",
        "references": [
            {
                "raw": (
                    "Resick, P. A., Nishith, P., Weaver, T. L., Astin, M. C., & Feuer, C. A. "
                    "(2002). A comparison of cognitive-processing therapy with prolonged "
                    "exposure and a waiting condition for the treatment of chronic posttraumatic "
                    "stress disorder in female rape victims. Journal of Consulting and Clinical "
                    "Psychology, 70(4), 867–879. https://doi.org/10.1037/0022-006X.70.4.867"
                ),
                "authors": _authors(
                    ("Resick", "P. A."),
                    ("Nishith", "P."),
                    ("Weaver", "T. L."),
                    ("Astin", "M. C."),
                    ("Feuer", "C. A."),
                ),
                "year": 2002,
                "title": (
                    "A comparison of cognitive-processing therapy with prolonged exposure and a "
                    "waiting condition for the treatment of chronic posttraumatic stress "
                    "disorder in female rape victims"
                ),
                "container_title": "Journal of Consulting and Clinical Psychology",
                "volume": "70",
                "issue": "4",
                "pages": "867–879",
                "doi": "10.1037/0022-006X.70.4.867",
            }
        ],
        "body": (
            "<p>Cognitive processing therapy (CPT) and prolonged exposure (PE) are two of the "
            "best-supported treatments for posttraumatic stress disorder, built on different "
            "ideas: CPT works mainly on the meanings a person has drawn from the trauma, PE on "
            "repeated, emotionally engaged recall of it and on facing avoided situations.</p>"
            "<p>In this trial, 171 women with chronic PTSD after rape were randomly assigned to "
            "CPT, PE or a period of minimal attention followed by treatment. Both therapies "
            "produced large reductions in PTSD and depression compared with waiting, and they "
            "did not differ much from each other; CPT had some advantage on measures of guilt. "
            "The improvements held up over follow-up.</p>"
            "<p>The study showed that survivors of sexual assault, often thought too fragile "
            "for trauma-focused work, can tolerate and benefit from it — and that there is "
            "more than one effective way in.</p>"
        ),
        "implications": (
            "<p>Trauma-focused therapy should be offered, not withheld out of fear of "
            "overwhelming the client. Explain how the treatment works and what the first "
            "weeks will feel like; most clients who understand the rationale can do it.</p>"
            "<p>Since the two approaches work about equally well, the client's preference — "
            "talking about meanings or facing memories directly — is a reasonable basis for "
            "choosing between them.</p>"
        ),
        "topics": ["trauma-ptsd", "cbt", "efficacy", "client-preferences"],
        "types": ["rct"],
        "evidence": {
            "design": "Randomised controlled trial",
            "n_clients": 171,
            "setting": "outpatient, women with chronic PTSD after rape",
            "follow_up": "9 months",
        },
    },
    {
        "issue": "2026-10",
        "slug": "the-good-enough-level-of-treatment-length",
        "title": "How Many Sessions? The “Good Enough Level”",
        "references": [
            {
                "raw": (
                    "Barkham, M., Connell, J., Stiles, W. B., Miles, J. N. V., Margison, F., "
                    "Evans, C., & Mellor-Clark, J. (2006). Dose-effect relations and responsive "
                    "regulation of treatment duration: The good enough level. Journal of "
                    "Consulting and Clinical Psychology, 74(1), 160–167. "
                    "https://doi.org/10.1037/0022-006X.74.1.160"
                ),
                "authors": _authors(
                    ("Barkham", "M."),
                    ("Connell", "J."),
                    ("Stiles", "W. B."),
                    ("Miles", "J. N. V."),
                    ("Margison", "F."),
                    ("Evans", "C."),
                    ("Mellor-Clark", "J."),
                ),
                "year": 2006,
                "title": (
                    "Dose-effect relations and responsive regulation of treatment duration: "
                    "The good enough level"
                ),
                "container_title": "Journal of Consulting and Clinical Psychology",
                "volume": "74",
                "issue": "1",
                "pages": "160–167",
                "doi": "10.1037/0022-006X.74.1.160",
            }
        ],
        "body": (
            "<p>The classic dose-effect curve suggests that more sessions bring more "
            "improvement, with diminishing returns. That curve is usually drawn by pooling "
            "clients who stayed in therapy for different lengths of time. This study, using "
            "routine outcome data from 1,868 clients of UK psychological therapy services, "
            "looked at clients grouped by how many sessions they actually had.</p>"
            "<p>Recovery rates were not higher for clients who had more sessions. Instead, "
            "clients who ended after fewer sessions had improved faster. The authors propose a "
            "“good enough level” model: in routine practice, client and therapist adjust the "
            "length of treatment to progress, and therapy tends to end when the client has "
            "improved enough for their purposes.</p>"
            "<p>The data are naturalistic, so it is hard to rule out other explanations, and "
            "the model describes what happens in services rather than what should happen. But "
            "it fits clinical experience well and argues against fixed session limits applied "
            "to everyone.</p>"
        ),
        "implications": (
            "<p>Let progress, not a fixed number, guide the length of therapy where your "
            "setting allows. Review progress regularly and discuss with the client whether "
            "they have reached a good enough point.</p>"
            "<p>For services, the finding cautions against one-size session limits: some "
            "clients need only a few sessions, while others need many more to reach the same "
            "place.</p>"
        ),
        "topics": ["treatment-length", "practice-based-research", "outcomes-deterioration"],
        "types": ["naturalistic"],
        "evidence": {
            "design": "Naturalistic practice-based study",
            "n_clients": 1868,
            "setting": "UK routine psychological therapy services",
        },
    },
]


# Teaching packs (written by us): an editor's curated reading for a seminar. Summaries are named
# by the slug of their issue's month and their own slug.
PACKS_INDEX = {
    "title": "Teaching packs",
    "intro": (
        "<p>Short, ordered reading lists from the archive, put together for seminars, "
        "supervision groups and journal clubs. Each prints as a handout and exports its "
        "references for a reference manager.</p>"
    ),
}

PACKS = [
    {
        "slug": "the-therapeutic-relationship",
        "title": "The Therapeutic Relationship: A Four-Week Seminar",
        "description": "Alliance, empathy and rupture repair, read in that order.",
        "introduction": (
            "<p>Four summaries for a first-year practicum seminar. Read one a week; bring one "
            "case in which the relationship helped or hindered, and one thing you would try "
            "differently after reading.</p>"
        ),
        "items": [
            (
                "the-alliance-predicts-outcome-across-therapies",
                "Start here: the size of the alliance–outcome link and what it does not prove.",
            ),
            ("clients-who-feel-understood-do-better", ""),
            (
                "repairing-alliance-ruptures-goes-with-better-outcomes",
                "Read this one before the role-play session.",
            ),
            ("what-a-task-force-concluded-about-the-relationship", ""),
        ],
    },
]

# The About page and the issues' byline, as an editor would write them (our own words).
INTRO_BYLINE = "The network's director, writing for the Practice Digest team"

ABOUT = {
    "title": "About Practice Digest",
    "intro": (
        "Practice Digest turns recent psychotherapy research into short summaries that a "
        "busy clinician can read between sessions."
    ),
    "body": (
        "<h2>Who writes the summaries</h2>"
        "<p>Each monthly issue is written by the director of the practice-research network, "
        "a clinical psychologist who still sees clients, with help from two graduate students "
        "who check every reference and number against the original article. Summaries are "
        "reviewed by a second clinician before they are published.</p>"
        "<h2>How articles are chosen</h2>"
        "<p>We read the main psychotherapy journals every month and pick two or three articles "
        "that could change what a clinician does on Monday morning: meta-analyses and "
        "well-run trials first, but also naturalistic studies from routine practice and, now "
        "and then, an essay that puts a debate in plain words. We say what kind of study it "
        "is, how many clients it involved, and how far its findings reach.</p>"
        "<h2>How to suggest an article</h2>"
        '<p>Write to the editor at <a href="mailto:editor@example.org">editor@example.org</a> '
        "with the full reference (a DOI is enough) and a line on why it matters for practice. "
        "We read every suggestion; those we summarise are credited in the issue.</p>"
        "<h2>What we do not do</h2>"
        "<p>We do not summarise industry-funded studies of our own members, and a summary is "
        "never advice about a particular client: read the article, and talk it over in "
        "supervision.</p>"
    ),
}

"""Full titles of the journals a psychotherapy digest cites, keyed by their NLM abbreviation.

No maintained abbreviation list is packaged on PyPI for this direction (the ``iso4`` package
only abbreviates, and has not been released since 2021), so this is a small curated table
of psychology and psychiatry journals, taken from the NLM Catalog's "Title Abbreviation"
field. Look-ups ignore case, full stops and extra spaces, so "J. Consult. Clin. Psychol."
and "J Consult Clin Psychol" both match. An abbreviation that is not here is kept as typed.

Pure Python (no Django).
"""

from __future__ import annotations

import re

__all__ = ["expand_journal", "is_known_journal", "known_journal_at_end", "JOURNALS"]

JOURNALS = {
    "Acta Psychiatr Scand": "Acta Psychiatrica Scandinavica",
    "Adm Policy Ment Health": (
        "Administration and Policy in Mental Health and Mental Health Services Research"
    ),
    "Adv Psychiatr Treat": "Advances in Psychiatric Treatment",
    "AIDS Patient Care STDS": "AIDS Patient Care and STDs",
    "Am J Psychiatry": "American Journal of Psychiatry",
    "Am J Psychother": "American Journal of Psychotherapy",
    "Am J Orthopsychiatry": "American Journal of Orthopsychiatry",
    "Am Psychol": "American Psychologist",
    "Ann Behav Med": "Annals of Behavioral Medicine",
    "Annu Rev Clin Psychol": "Annual Review of Clinical Psychology",
    "Annu Rev Psychol": "Annual Review of Psychology",
    "Arch Gen Psychiatry": "Archives of General Psychiatry",
    "Aust N Z J Psychiatry": "Australian and New Zealand Journal of Psychiatry",
    "Behav Cogn Psychother": "Behavioural and Cognitive Psychotherapy",
    "Behav Modif": "Behavior Modification",
    "Behav Res Ther": "Behaviour Research and Therapy",
    "Behav Ther": "Behavior Therapy",
    "BMC Psychiatry": "BMC Psychiatry",
    "BMJ": "BMJ",
    "Br J Clin Psychol": "British Journal of Clinical Psychology",
    "Br J Psychiatry": "British Journal of Psychiatry",
    "Br J Psychother": "British Journal of Psychotherapy",
    "Can J Psychiatry": "Canadian Journal of Psychiatry",
    "Can Psychol": "Canadian Psychology",
    "Clin Child Fam Psychol Rev": "Clinical Child and Family Psychology Review",
    "Clin Psychol": "Clinical Psychologist",
    "Clin Psychol Psychother": "Clinical Psychology & Psychotherapy",
    "Clin Psychol Rev": "Clinical Psychology Review",
    "Clin Psychol Sci": "Clinical Psychological Science",
    "Clin Psychol Sci Pract": "Clinical Psychology: Science and Practice",
    "Clin Psychol-Sci Pract": "Clinical Psychology: Science and Practice",
    "Cochrane Database Syst Rev": "Cochrane Database of Systematic Reviews",
    "Cogn Behav Pract": "Cognitive and Behavioral Practice",
    "Cogn Behav Ther": "Cognitive Behaviour Therapy",
    "Cogn Ther Res": "Cognitive Therapy and Research",
    "Cognit Ther Res": "Cognitive Therapy and Research",
    "Compr Psychiatry": "Comprehensive Psychiatry",
    "Couns Psychol": "The Counseling Psychologist",
    "Couns Psychother Res": "Counselling and Psychotherapy Research",
    "Curr Opin Psychiatry": "Current Opinion in Psychiatry",
    "Curr Opin Psychol": "Current Opinion in Psychology",
    "Curr Psychiatry Rep": "Current Psychiatry Reports",
    "Depress Anxiety": "Depression and Anxiety",
    "Eur Child Adolesc Psychiatry": "European Child & Adolescent Psychiatry",
    "Eur Psychiatry": "European Psychiatry",
    "Evid Based Ment Health": "Evidence-Based Mental Health",
    "Fam Process": "Family Process",
    "Front Psychiatry": "Frontiers in Psychiatry",
    "Front Psychol": "Frontiers in Psychology",
    "Int Clin Psychopharmacol": "International Clinical Psychopharmacology",
    "Int J Eat Disord": "International Journal of Eating Disorders",
    "Int J Group Psychother": "International Journal of Group Psychotherapy",
    "Int J Psychoanal": "International Journal of Psychoanalysis",
    "Int J Geriatr Psychiatry": "International Journal of Geriatric Psychiatry",
    "J Abnorm Psychol": "Journal of Abnormal Psychology",
    "J Affect Disord": "Journal of Affective Disorders",
    "J Am Acad Child Adolesc Psychiatry": (
        "Journal of the American Academy of Child and Adolescent Psychiatry"
    ),
    "J Anxiety Disord": "Journal of Anxiety Disorders",
    "J Behav Ther Exp Psychiatry": "Journal of Behavior Therapy and Experimental Psychiatry",
    "J Child Psychol Psychiatry": "Journal of Child Psychology and Psychiatry",
    "J Clin Child Adolesc Psychol": "Journal of Clinical Child and Adolescent Psychology",
    "J Clin Psychiatry": "Journal of Clinical Psychiatry",
    "J Clin Psychol": "Journal of Clinical Psychology",
    "J Consult Clin Psychol": "Journal of Consulting and Clinical Psychology",
    "J Consult Psychol": "Journal of Consulting Psychology",
    "J Couns Psychol": "Journal of Counseling Psychology",
    "J Contemp Psychother": "Journal of Contemporary Psychotherapy",
    "J Marital Fam Ther": "Journal of Marital and Family Therapy",
    "J Med Internet Res": "Journal of Medical Internet Research",
    "J Nerv Ment Dis": "Journal of Nervous and Mental Disease",
    "J Pers Disord": "Journal of Personality Disorders",
    "J Pers Soc Psychol": "Journal of Personality and Social Psychology",
    "J Psychiatr Res": "Journal of Psychiatric Research",
    "J Psychosom Res": "Journal of Psychosomatic Research",
    "J Psychother Integr": "Journal of Psychotherapy Integration",
    "J Psychother Pract Res": "Journal of Psychotherapy Practice and Research",
    "J Trauma Stress": "Journal of Traumatic Stress",
    "JAMA": "JAMA",
    "JAMA Psychiatry": "JAMA Psychiatry",
    "Lancet": "The Lancet",
    "Lancet Psychiatry": "The Lancet Psychiatry",
    "Nord J Psychiatry": "Nordic Journal of Psychiatry",
    "Pers Disord": "Personality Disorders",
    "PLoS Med": "PLoS Medicine",
    "PLoS One": "PLoS ONE",
    "Prof Psychol Res Pr": "Professional Psychology: Research and Practice",
    "Psychiatr Serv": "Psychiatric Services",
    "Psychol Assess": "Psychological Assessment",
    "Psychol Bull": "Psychological Bulletin",
    "Psychol Med": "Psychological Medicine",
    "Psychol Psychother": "Psychology and Psychotherapy: Theory, Research and Practice",
    "Psychol Rev": "Psychological Review",
    "Psychol Sci": "Psychological Science",
    "Psychol Sci Public Interest": "Psychological Science in the Public Interest",
    "Psychosom Med": "Psychosomatic Medicine",
    "Psychother Psychosom": "Psychotherapy and Psychosomatics",
    "Psychother Psychosom Med Psychol": "Psychotherapie, Psychosomatik, Medizinische Psychologie",
    "Psychother Res": "Psychotherapy Research",
    "Psychotherapy (Chic)": "Psychotherapy",
    "Psychotherapy (Chic Ill)": "Psychotherapy",
    "Soc Psychiatry Psychiatr Epidemiol": "Social Psychiatry and Psychiatric Epidemiology",
    "World Psychiatry": "World Psychiatry",
}

_KEY = re.compile(r"[.\s]+")


def _key(title: str) -> str:
    return _KEY.sub(" ", title.replace("&", " ")).strip().casefold()


_BY_KEY = {_key(abbreviation): full for abbreviation, full in JOURNALS.items()}
_FULL_KEYS = {_key(full) for full in JOURNALS.values()}
_LONGEST = max(len(k.split()) for k in (*_BY_KEY, *_FULL_KEYS))


def expand_journal(title: str) -> tuple[str, bool]:
    """(full title, True) when `title` is a known abbreviation; else (`title`, False)."""
    full = _BY_KEY.get(_key(title or ""))
    if full is None:
        return title, False
    return full, full != title


def is_known_journal(title: str) -> bool:
    """Whether `title` is one of the table's abbreviations."""
    return _key(title or "") in _BY_KEY


def known_journal_at_end(text: str) -> str:
    """The journal of the table (abbreviated or in full) that ends ``text``, as typed, or "".

    "…antisocial personality disorder BMC Psychiatry" → "BMC Psychiatry": a title and its
    journal written with no full stop between them.
    """
    words = (text or "").split()
    for size in range(min(_LONGEST, len(words) - 1), 0, -1):
        candidate = " ".join(words[-size:])
        key = _key(candidate)
        if key in _BY_KEY or key in _FULL_KEYS:
            return candidate
    return ""

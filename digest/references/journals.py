"""Full titles of the journals a psychotherapy digest cites, keyed by their NLM abbreviation.

No maintained abbreviation list is packaged on PyPI for this direction (the ``iso4`` package
only abbreviates, and has not been released since 2021), so this is a small curated table
of psychology and psychiatry journals, taken from the NLM Catalog's "Title Abbreviation"
field. Look-ups ignore case, full stops and extra spaces, so "J. Consult. Clin. Psychol."
and "J Consult Clin Psychol" both match. An abbreviation that is not here is kept as typed.

Pure Python (no Django).
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "expand_journal",
    "is_known_journal",
    "is_known_title",
    "known_journal_at_end",
    "JOURNALS",
]

JOURNALS = {
    "Acta Psychiatr Scand": "Acta Psychiatrica Scandinavica",
    "Adm Policy Ment Health": (
        "Administration and Policy in Mental Health and Mental Health Services Research"
    ),
    "Adv Psychiatr Treat": "Advances in Psychiatric Treatment",
    "AIDS Patient Care STDS": "AIDS Patient Care and STDs",
    "Am J Addict": "The American Journal on Addictions",
    "Am J Orthopsychiatry": "American Journal of Orthopsychiatry",
    "Am J Psychiatry": "American Journal of Psychiatry",
    "Am J Psychother": "American Journal of Psychotherapy",
    "Am J Public Health": "American Journal of Public Health",
    "Am Psychol": "American Psychologist",
    "Ann Behav Med": "Annals of Behavioral Medicine",
    "Annu Rev Clin Psychol": "Annual Review of Clinical Psychology",
    "Annu Rev Psychol": "Annual Review of Psychology",
    "Arch Gen Psychiatry": "Archives of General Psychiatry",
    "Arch Suicide Res": "Archives of Suicide Research",
    "Arch Womens Ment Health": "Archives of Women's Mental Health",
    "Aust N Z J Psychiatry": "Australian and New Zealand Journal of Psychiatry",
    "Behav Cogn Psychother": "Behavioural and Cognitive Psychotherapy",
    "Behav Modif": "Behavior Modification",
    "Behav Res Ther": "Behaviour Research and Therapy",
    "Behav Ther": "Behavior Therapy",
    "Bipolar Disord": "Bipolar Disorders",
    "BMC Psychiatry": "BMC Psychiatry",
    "BMJ": "BMJ",
    "BMJ Open": "BMJ Open",
    "Borderline Personal Disord Emot Dysregul": (
        "Borderline Personality Disorder and Emotion Dysregulation"
    ),
    "Br J Clin Psychol": "British Journal of Clinical Psychology",
    "Br J Med Psychol": "British Journal of Medical Psychology",
    "Br J Psychiatry": "British Journal of Psychiatry",
    "Br J Psychol": "British Journal of Psychology",
    "Br J Psychother": "British Journal of Psychotherapy",
    "Bull Menninger Clin": "Bulletin of the Menninger Clinic",
    "Can J Psychiatry": "Canadian Journal of Psychiatry",
    "Can Psychol": "Canadian Psychology",
    "Child Abuse Negl": "Child Abuse & Neglect",
    "Child Dev": "Child Development",
    "Clin Child Fam Psychol Rev": "Clinical Child and Family Psychology Review",
    "Clin Psychol": "Clinical Psychologist",
    "Clin Psychol Psychother": "Clinical Psychology & Psychotherapy",
    "Clin Psychol Rev": "Clinical Psychology Review",
    "Clin Psychol Sci": "Clinical Psychological Science",
    "Clin Psychol Sci Pract": "Clinical Psychology: Science and Practice",
    "Clin Psychol-Sci Pract": "Clinical Psychology: Science and Practice",
    "Clin Superv": "The Clinical Supervisor",
    "Cochrane Database Syst Rev": "Cochrane Database of Systematic Reviews",
    "Cogn Behav Pract": "Cognitive and Behavioral Practice",
    "Cogn Behav Ther": "Cognitive Behaviour Therapy",
    "Cogn Emot": "Cognition and Emotion",
    "Cogn Ther Res": "Cognitive Therapy and Research",
    "Cognit Ther Res": "Cognitive Therapy and Research",
    "Community Ment Health J": "Community Mental Health Journal",
    "Compr Psychiatry": "Comprehensive Psychiatry",
    "Couns Psychol": "The Counseling Psychologist",
    "Couns Psychol Q": "Counselling Psychology Quarterly",
    "Couns Psychother Res": "Counselling and Psychotherapy Research",
    "Curr Opin Psychiatry": "Current Opinion in Psychiatry",
    "Curr Opin Psychol": "Current Opinion in Psychology",
    "Curr Psychiatry Rep": "Current Psychiatry Reports",
    "Depress Anxiety": "Depression and Anxiety",
    "Dev Psychopathol": "Development and Psychopathology",
    "Epidemiol Psychiatr Sci": "Epidemiology and Psychiatric Sciences",
    "Eur Child Adolesc Psychiatry": "European Child & Adolescent Psychiatry",
    "Eur Eat Disord Rev": "European Eating Disorders Review",
    "Eur J Psychotraumatol": "European Journal of Psychotraumatology",
    "Eur Psychiatry": "European Psychiatry",
    "Evid Based Ment Health": "Evidence-Based Mental Health",
    "Fam Process": "Family Process",
    "Front Psychiatry": "Frontiers in Psychiatry",
    "Front Psychol": "Frontiers in Psychology",
    "Gen Hosp Psychiatry": "General Hospital Psychiatry",
    "Harv Rev Psychiatry": "Harvard Review of Psychiatry",
    "Health Psychol": "Health Psychology",
    "Implement Sci": "Implementation Science",
    "Int Clin Psychopharmacol": "International Clinical Psychopharmacology",
    "Int J Cogn Ther": "International Journal of Cognitive Therapy",
    "Int J Eat Disord": "International Journal of Eating Disorders",
    "Int J Geriatr Psychiatry": "International Journal of Geriatric Psychiatry",
    "Int J Group Psychother": "International Journal of Group Psychotherapy",
    "Int J Psychiatry Med": "International Journal of Psychiatry in Medicine",
    "Int J Psychoanal": "International Journal of Psychoanalysis",
    "J Abnorm Child Psychol": "Journal of Abnormal Child Psychology",
    "J Abnorm Psychol": "Journal of Abnormal Psychology",
    "J Affect Disord": "Journal of Affective Disorders",
    "J Am Acad Child Adolesc Psychiatry": (
        "Journal of the American Academy of Child and Adolescent Psychiatry"
    ),
    "J Am Psychoanal Assoc": "Journal of the American Psychoanalytic Association",
    "J Anxiety Disord": "Journal of Anxiety Disorders",
    "J Behav Ther Exp Psychiatry": "Journal of Behavior Therapy and Experimental Psychiatry",
    "J Child Fam Stud": "Journal of Child and Family Studies",
    "J Child Psychol Psychiatry": "Journal of Child Psychology and Psychiatry",
    "J Clin Child Adolesc Psychol": "Journal of Clinical Child and Adolescent Psychology",
    "J Clin Psychiatry": "Journal of Clinical Psychiatry",
    "J Clin Psychol": "Journal of Clinical Psychology",
    "J Clin Psychol Med Settings": "Journal of Clinical Psychology in Medical Settings",
    "J Cogn Psychother": "Journal of Cognitive Psychotherapy",
    "J Consult Clin Psychol": "Journal of Consulting and Clinical Psychology",
    "J Consult Psychol": "Journal of Consulting Psychology",
    "J Contemp Psychother": "Journal of Contemporary Psychotherapy",
    "J Couns Psychol": "Journal of Counseling Psychology",
    "J Fam Psychol": "Journal of Family Psychology",
    "J Fam Ther": "Journal of Family Therapy",
    "J Interpers Violence": "Journal of Interpersonal Violence",
    "J Marital Fam Ther": "Journal of Marital and Family Therapy",
    "J Med Internet Res": "Journal of Medical Internet Research",
    "J Ment Health": "Journal of Mental Health",
    "J Nerv Ment Dis": "Journal of Nervous and Mental Disease",
    "J Pers Assess": "Journal of Personality Assessment",
    "J Pers Disord": "Journal of Personality Disorders",
    "J Pers Soc Psychol": "Journal of Personality and Social Psychology",
    "J Psychiatr Pract": "Journal of Psychiatric Practice",
    "J Psychiatr Res": "Journal of Psychiatric Research",
    "J Psychosom Res": "Journal of Psychosomatic Research",
    "J Psychother Integr": "Journal of Psychotherapy Integration",
    "J Psychother Pract Res": "Journal of Psychotherapy Practice and Research",
    "J Subst Abuse Treat": "Journal of Substance Abuse Treatment",
    "J Trauma Stress": "Journal of Traumatic Stress",
    "JAMA": "JAMA",
    "JAMA Netw Open": "JAMA Network Open",
    "JAMA Psychiatry": "JAMA Psychiatry",
    "Lancet": "The Lancet",
    "Lancet Psychiatry": "The Lancet Psychiatry",
    "N Engl J Med": "The New England Journal of Medicine",
    "Nord J Psychiatry": "Nordic Journal of Psychiatry",
    "Pers Disord": "Personality Disorders",
    "Perspect Psychol Sci": "Perspectives on Psychological Science",
    "PLoS Med": "PLoS Medicine",
    "PLoS One": "PLoS ONE",
    "Prof Psychol Res Pr": "Professional Psychology: Research and Practice",
    "Psychiatr Clin North Am": "Psychiatric Clinics of North America",
    "Psychiatr Rehabil J": "Psychiatric Rehabilitation Journal",
    "Psychiatr Serv": "Psychiatric Services",
    "Psychiatry Res": "Psychiatry Research",
    "Psychoanal Psychol": "Psychoanalytic Psychology",
    "Psychoanal Q": "The Psychoanalytic Quarterly",
    "Psychol Addict Behav": "Psychology of Addictive Behaviors",
    "Psychol Assess": "Psychological Assessment",
    "Psychol Bull": "Psychological Bulletin",
    "Psychol Health": "Psychology & Health",
    "Psychol Med": "Psychological Medicine",
    "Psychol Methods": "Psychological Methods",
    "Psychol Psychother": "Psychology and Psychotherapy: Theory, Research and Practice",
    "Psychol Rev": "Psychological Review",
    "Psychol Sci": "Psychological Science",
    "Psychol Sci Public Interest": "Psychological Science in the Public Interest",
    "Psychol Serv": "Psychological Services",
    "Psychosom Med": "Psychosomatic Medicine",
    "Psychother Psychosom": "Psychotherapy and Psychosomatics",
    "Psychother Psychosom Med Psychol": "Psychotherapie, Psychosomatik, Medizinische Psychologie",
    "Psychother Res": "Psychotherapy Research",
    "Psychother Theory Res Pract Train": "Psychotherapy: Theory, Research, Practice, Training",
    "Psychotherapy (Chic Ill)": "Psychotherapy",
    "Psychotherapy (Chic)": "Psychotherapy",
    "Sci Rep": "Scientific Reports",
    "Schizophr Bull": "Schizophrenia Bulletin",
    "Schizophr Res": "Schizophrenia Research",
    "Soc Psychiatry Psychiatr Epidemiol": "Social Psychiatry and Psychiatric Epidemiology",
    "Suicide Life Threat Behav": "Suicide and Life-Threatening Behavior",
    "Train Educ Prof Psychol": "Training and Education in Professional Psychology",
    "World Psychiatry": "World Psychiatry",
}

_KEY = re.compile(r"[.\s]+")


def _key(title: str) -> str:
    return _KEY.sub(" ", title.replace("&", " ")).strip().casefold()


_THE = re.compile(r"^the\s+", re.I)
_BY_KEY = {_key(abbreviation): full for abbreviation, full in JOURNALS.items()}
_FULL_KEYS = {_key(full) for full in JOURNALS.values()}
_LONGEST = max(len(k.split()) for k in (*_BY_KEY, *_FULL_KEYS))
# Words a full title has and an abbreviation drops ("Journal of the …" → "J …").
_SMALL_WORDS = frozenset(("of", "the", "and", "in", "on", "for"))


def _words(key: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s:,\-]+", key) if w and w not in _SMALL_WORDS)


_FULL_WORDS = {_words(_key(full)): full for full in set(JOURNALS.values())}


def expand_journal(title: str) -> tuple[str, bool]:
    """(full title, True) when `title` is a known abbreviation; else (`title`, False).

    An abbreviation not in the table is expanded too when every word of it begins one word
    of exactly one full title, in order, and at least one word is cut short ("Eur Child
    Adolescent psychiatry" → "European Child & Adolescent Psychiatry"). A title typed in
    full is kept as typed, whatever its case and with or without its leading "The".
    """
    full = _BY_KEY.get(_key(title or ""))
    if full is None:
        full = _unique_prefix_match(_words(_key(title or "")))
    if full is None or _key(_THE.sub("", full)) == _key(_THE.sub("", title)):
        return title, False  # "Lancet Psychiatry", "PloS One": already the title, as typed
    return full, full != title


@functools.lru_cache(maxsize=4096)
def _unique_prefix_match(typed: tuple[str, ...]) -> str | None:
    if len(typed) < 2:
        return None
    found = [
        full
        for words, full in _FULL_WORDS.items()
        if len(words) == len(typed)
        and all(w.startswith(t) for t, w in zip(typed, words, strict=True))
        and any(len(t) < len(w) for t, w in zip(typed, words, strict=True))
    ]
    return found[0] if len(found) == 1 else None


def is_known_journal(title: str) -> bool:
    """Whether `title` is one of the table's abbreviations."""
    return _key(title or "") in _BY_KEY


def is_known_title(title: str) -> bool:
    """Whether `title` names a journal of the table, abbreviated or in full, in any case."""
    key = _key(_THE.sub("", title or ""))
    return key in _BY_KEY or key in _FULL_KEYS or f"the {key}" in _FULL_KEYS


def known_journal_at_end(text: str) -> str:
    """The journal of the table (abbreviated or in full) that ends ``text``, as typed, or "".

    "…antisocial personality disorder BMC Psychiatry" → "BMC Psychiatry": a title and its
    journal written with no full stop between them.
    """
    words = (text or "").split()
    # one word alone ("Psychotherapy") ends too many titles to be taken for the journal
    for size in range(min(_LONGEST, len(words) - 1), 1, -1):
        candidate = " ".join(words[-size:])
        key = _key(candidate)
        if key in _BY_KEY or key in _FULL_KEYS:
            return candidate
    return ""

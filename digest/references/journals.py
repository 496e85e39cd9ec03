"""Full titles of the journals a psychotherapy digest cites, keyed by their NLM abbreviation.

No maintained abbreviation list is packaged on PyPI for this direction (the ``iso4`` package
only abbreviates, and has not been released since 2021), so this is a small curated table
of psychology and psychiatry journals, and of the medical journals their articles cite most,
taken from the NLM Catalog's "Title Abbreviation" field (full titles as the Catalog writes
them, with their leading "The" or "L'"). Look-ups ignore case, full stops and extra spaces,
so "J. Consult. Clin. Psychol." and "J Consult Clin Psychol" both match. An abbreviation
that is not here is kept as typed.

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
    "Acad Med": "Academic Medicine",
    "Acta Neurol Belg": "Acta Neurologica Belgica",
    "Acta Psychiatr Scand": "Acta Psychiatrica Scandinavica",
    "Actas Esp Psiquiatr": "Actas Españolas de Psiquiatría",
    "Addict Behav": "Addictive Behaviors",
    "Adm Policy Ment Health": (
        "Administration and Policy in Mental Health and Mental Health Services Research"
    ),
    "Adv Psychiatr Treat": "Advances in Psychiatric Treatment",
    "Aging Ment Health": "Aging & Mental Health",
    "AIDS Patient Care STDS": "AIDS Patient Care and STDs",
    "Alcohol Clin Exp Res": "Alcoholism, Clinical and Experimental Research",
    "Am J Addict": "The American Journal on Addictions",
    "Am J Drug Alcohol Abuse": "The American Journal of Drug and Alcohol Abuse",
    "Am J Epidemiol": "American Journal of Epidemiology",
    "Am J Geriatr Psychiatry": "The American Journal of Geriatric Psychiatry",
    "Am J Orthopsychiatry": "American Journal of Orthopsychiatry",
    "Am J Prev Med": "American Journal of Preventive Medicine",
    "Am J Psychiatry": "American Journal of Psychiatry",
    "Am J Psychother": "American Journal of Psychotherapy",
    "Am J Public Health": "American Journal of Public Health",
    "Am Psychol": "American Psychologist",
    "Ann Behav Med": "Annals of Behavioral Medicine",
    "Ann Fam Med": "Annals of Family Medicine",
    "Ann Intern Med": "Annals of Internal Medicine",
    "Annu Rev Clin Psychol": "Annual Review of Clinical Psychology",
    "Annu Rev Psychol": "Annual Review of Psychology",
    "Anxiety Stress Coping": "Anxiety, Stress, and Coping",
    "Arch Dis Child": "Archives of Disease in Childhood",
    "Arch Gen Psychiatry": "Archives of General Psychiatry",
    "Arch Intern Med": "Archives of Internal Medicine",
    "Arch Suicide Res": "Archives of Suicide Research",
    "Arch Womens Ment Health": "Archives of Women's Mental Health",
    "Asian J Psychiatr": "Asian Journal of Psychiatry",
    "Aust Fam Physician": "Australian Family Physician",
    "Aust N Z J Psychiatry": "Australian and New Zealand Journal of Psychiatry",
    "Behav Anal Pract": "Behavior Analysis in Practice",
    "Behav Cogn Psychother": "Behavioural and Cognitive Psychotherapy",
    "Behav Modif": "Behavior Modification",
    "Behav Res Ther": "Behaviour Research and Therapy",
    "Behav Ther": "Behavior Therapy",
    "Biol Psychiatry": "Biological Psychiatry",
    "Bipolar Disord": "Bipolar Disorders",
    "BMC Med": "BMC Medicine",
    "BMC Psychiatry": "BMC Psychiatry",
    "BMC Public Health": "BMC Public Health",
    "BMJ": "BMJ",
    "BMJ Open": "BMJ Open",
    "Borderline Personal Disord Emot Dysregul": (
        "Borderline Personality Disorder and Emotion Dysregulation"
    ),
    "Br J Clin Psychol": "British Journal of Clinical Psychology",
    "Br J Gen Pract": "The British Journal of General Practice",
    "Br J Med Psychol": "British Journal of Medical Psychology",
    "Br J Psychiatry": "The British Journal of Psychiatry",
    "Br J Psychol": "British Journal of Psychology",
    "Br J Psychother": "British Journal of Psychotherapy",
    "Brain Behav Immun": "Brain, Behavior, and Immunity",
    "Bull Menninger Clin": "Bulletin of the Menninger Clinic",
    "Can Fam Physician": "Canadian Family Physician",
    "Can J Psychiatry": "Canadian Journal of Psychiatry",
    "Can Psychol": "Canadian Psychology",
    "Child Abuse Negl": "Child Abuse & Neglect",
    "Child Adolesc Psychiatry Ment Health": "Child and Adolescent Psychiatry and Mental Health",
    "Child Care Health Dev": "Child: Care, Health and Development",
    "Child Dev": "Child Development",
    "Child Maltreat": "Child Maltreatment",
    "Clin Child Fam Psychol Rev": "Clinical Child and Family Psychology Review",
    "Clin Exp Allergy": "Clinical and Experimental Allergy",
    "Clin J Pain": "The Clinical Journal of Pain",
    "Clin Child Psychol Psychiatry": "Clinical Child Psychology and Psychiatry",
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
    "Dev Med Child Neurol": "Developmental Medicine and Child Neurology",
    "Dev Psychopathol": "Development and Psychopathology",
    "Diabet Med": "Diabetic Medicine",
    "Diabetes Res Clin Pract": "Diabetes Research and Clinical Practice",
    "Drug Alcohol Depend": "Drug and Alcohol Dependence",
    "Eat Behav": "Eating Behaviors",
    "Encephale": "L'Encephale",
    "Epidemiol Psychiatr Sci": "Epidemiology and Psychiatric Sciences",
    "Epilepsy Behav": "Epilepsy & Behavior",
    "Eur Child Adolesc Psychiatry": "European Child & Adolescent Psychiatry",
    "Eur Eat Disord Rev": "European Eating Disorders Review",
    "Eur J Pain": "European Journal of Pain",
    "Eur J Psychotraumatol": "European Journal of Psychotraumatology",
    "Eur Psychiatry": "European Psychiatry",
    "Evid Based Ment Health": "Evidence-Based Mental Health",
    "Fam Pract": "Family Practice",
    "Fam Process": "Family Process",
    "Front Psychiatry": "Frontiers in Psychiatry",
    "Front Psychol": "Frontiers in Psychology",
    "Gen Hosp Psychiatry": "General Hospital Psychiatry",
    "Harv Rev Psychiatry": "Harvard Review of Psychiatry",
    "Health Psychol": "Health Psychology",
    "Health Qual Life Outcomes": "Health and Quality of Life Outcomes",
    "Implement Sci": "Implementation Science",
    "Int Clin Psychopharmacol": "International Clinical Psychopharmacology",
    "Int J Cogn Ther": "International Journal of Cognitive Therapy",
    "Int J Eat Disord": "International Journal of Eating Disorders",
    "Int J Epidemiol": "International Journal of Epidemiology",
    "Int J Geriatr Psychiatry": "International Journal of Geriatric Psychiatry",
    "Int J Group Psychother": "International Journal of Group Psychotherapy",
    "Int J Ment Health Nurs": "International Journal of Mental Health Nursing",
    "Int J Nurs Stud": "International Journal of Nursing Studies",
    "Int J Psychiatry Med": "International Journal of Psychiatry in Medicine",
    "Int J Psychoanal": "International Journal of Psychoanalysis",
    "Int Psychogeriatr": "International Psychogeriatrics",
    "Invest Ophthalmol Vis Sci": "Investigative Ophthalmology & Visual Science",
    "Ir J Psychol Med": "Irish Journal of Psychological Medicine",
    "J Abnorm Child Psychol": "Journal of Abnormal Child Psychology",
    "J Abnorm Psychol": "Journal of Abnormal Psychology",
    "J Adolesc Health": "The Journal of Adolescent Health",
    "J Adv Nurs": "Journal of Advanced Nursing",
    "J Affect Disord": "Journal of Affective Disorders",
    "J Am Acad Child Adolesc Psychiatry": (
        "Journal of the American Academy of Child and Adolescent Psychiatry"
    ),
    "J Am Coll Health": "Journal of American College Health",
    "J Am Geriatr Soc": "Journal of the American Geriatrics Society",
    "J Am Psychoanal Assoc": "Journal of the American Psychoanalytic Association",
    "J Anxiety Disord": "Journal of Anxiety Disorders",
    "J Appl Behav Anal": "Journal of Applied Behavior Analysis",
    "J Autism Dev Disord": "Journal of Autism and Developmental Disorders",
    "J Behav Med": "Journal of Behavioral Medicine",
    "J Behav Ther Exp Psychiatry": "Journal of Behavior Therapy and Experimental Psychiatry",
    "J Child Fam Stud": "Journal of Child and Family Studies",
    "J Child Psychol Psychiatry": "Journal of Child Psychology and Psychiatry",
    "J Clin Child Adolesc Psychol": "Journal of Clinical Child and Adolescent Psychology",
    "J Clin Epidemiol": "Journal of Clinical Epidemiology",
    "J Clin Oncol": "Journal of Clinical Oncology",
    "J Clin Psychiatry": "The Journal of Clinical Psychiatry",
    "J Clin Psychol": "Journal of Clinical Psychology",
    "J Clin Psychol Med Settings": "Journal of Clinical Psychology in Medical Settings",
    "J Clin Psychopharmacol": "Journal of Clinical Psychopharmacology",
    "J Cogn Psychother": "Journal of Cognitive Psychotherapy",
    "J Consult Clin Psychol": "Journal of Consulting and Clinical Psychology",
    "J Consult Psychol": "Journal of Consulting Psychology",
    "J Contemp Psychother": "Journal of Contemporary Psychotherapy",
    "J Context Behav Sci": "Journal of Contextual Behavioral Science",
    "J Couns Psychol": "Journal of Counseling Psychology",
    "J Exp Anal Behav": "Journal of the Experimental Analysis of Behavior",
    "J Fam Psychol": "Journal of Family Psychology",
    "J Fam Ther": "Journal of Family Therapy",
    "J Gen Intern Med": "Journal of General Internal Medicine",
    "J Health Psychol": "Journal of Health Psychology",
    "J Hum Nutr Diet": "Journal of Human Nutrition and Dietetics",
    "J Interpers Violence": "Journal of Interpersonal Violence",
    "J Marital Fam Ther": "Journal of Marital and Family Therapy",
    "J Med Internet Res": "Journal of Medical Internet Research",
    "J Ment Health": "Journal of Mental Health",
    "J Nerv Ment Dis": "The Journal of Nervous and Mental Disease",
    "J Neurol Neurosurg Psychiatry": "Journal of Neurology, Neurosurgery, and Psychiatry",
    "J Nutr Educ": "Journal of Nutrition Education",
    "J Nutr Educ Behav": "Journal of Nutrition Education and Behavior",
    "J Pain": "The Journal of Pain",
    "J Pediatr": "The Journal of Pediatrics",
    "J Pediatr Psychol": "Journal of Pediatric Psychology",
    "J Pers Assess": "Journal of Personality Assessment",
    "J Pers Disord": "Journal of Personality Disorders",
    "J Pers Soc Psychol": "Journal of Personality and Social Psychology",
    "J Psychiatr Ment Health Nurs": "Journal of Psychiatric and Mental Health Nursing",
    "J Psychiatr Pract": "Journal of Psychiatric Practice",
    "J Psychiatr Res": "Journal of Psychiatric Research",
    "J Psychopharmacol": "Journal of Psychopharmacology",
    "J Psychosom Res": "Journal of Psychosomatic Research",
    "J Psychother Integr": "Journal of Psychotherapy Integration",
    "J Psychother Pract Res": "Journal of Psychotherapy Practice and Research",
    "J Sleep Res": "Journal of Sleep Research",
    "J Stud Alcohol Drugs": "Journal of Studies on Alcohol and Drugs",
    "J Subst Abuse Treat": "Journal of Substance Abuse Treatment",
    "J Trauma Dissociation": "Journal of Trauma & Dissociation",
    "J Trauma Stress": "Journal of Traumatic Stress",
    "JAMA": "JAMA",
    "JAMA Intern Med": "JAMA Internal Medicine",
    "JAMA Netw Open": "JAMA Network Open",
    "JAMA Pediatr": "JAMA Pediatrics",
    "JAMA Psychiatry": "JAMA Psychiatry",
    "Lancet": "The Lancet",
    "Lancet Neurol": "The Lancet Neurology",
    "Lancet Psychiatry": "The Lancet Psychiatry",
    "Med Econ": "Medical Economics",
    "Med Educ": "Medical Education",
    "Med J Aust": "The Medical Journal of Australia",
    "Med Teach": "Medical Teacher",
    "Mol Psychiatry": "Molecular Psychiatry",
    "N Engl J Med": "The New England Journal of Medicine",
    "Natl Vital Stat Rep": "National Vital Statistics Reports",
    "Neurosci Biobehav Rev": "Neuroscience and Biobehavioral Reviews",
    "Nord J Psychiatry": "Nordic Journal of Psychiatry",
    "Otolaryngol Head Neck Surg": "Otolaryngology--Head and Neck Surgery",
    "Palliat Med": "Palliative Medicine",
    "Patient Educ Couns": "Patient Education and Counseling",
    "Pediatr Diabetes": "Pediatric Diabetes",
    "Pers Disord": "Personality Disorders",
    "Perspect Psychol Sci": "Perspectives on Psychological Science",
    "PLoS Med": "PLoS Medicine",
    "PLoS One": "PLoS ONE",
    "Postgrad Med J": "Postgraduate Medical Journal",
    "Prev Med": "Preventive Medicine",
    "Proc Natl Acad Sci U S A": (
        "Proceedings of the National Academy of Sciences of the United States of America"
    ),
    "Prof Psychol Res Pr": "Professional Psychology: Research and Practice",
    "Psychiatr Clin North Am": "Psychiatric Clinics of North America",
    "Psychiatr Q": "Psychiatric Quarterly",
    "Psychiatr Rehabil J": "Psychiatric Rehabilitation Journal",
    "Psychiatr Serv": "Psychiatric Services",
    "Psychiatry Clin Neurosci": "Psychiatry and Clinical Neurosciences",
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
    "Psychol Trauma": "Psychological Trauma: Theory, Research, Practice and Policy",
    "Psychooncology": "Psycho-Oncology",
    "Psychosom Med": "Psychosomatic Medicine",
    "Psychother Psychosom": "Psychotherapy and Psychosomatics",
    "Psychother Psychosom Med Psychol": "Psychotherapie, Psychosomatik, Medizinische Psychologie",
    "Psychother Res": "Psychotherapy Research",
    "Psychother Theory Res Pract Train": "Psychotherapy: Theory, Research, Practice, Training",
    "Psychotherapy (Chic Ill)": "Psychotherapy",
    "Psychotherapy (Chic)": "Psychotherapy",
    "Public Health Rep": "Public Health Reports",
    "Qual Life Res": "Quality of Life Research",
    "Rev Bras Psiquiatr": "Revista Brasileira de Psiquiatria",
    "Schizophr Bull": "Schizophrenia Bulletin",
    "Schizophr Res": "Schizophrenia Research",
    "Sci Rep": "Scientific Reports",
    "Sleep Med Rev": "Sleep Medicine Reviews",
    "Soc Psychiatry Psychiatr Epidemiol": "Social Psychiatry and Psychiatric Epidemiology",
    "Soc Sci Med": "Social Science & Medicine",
    "Stat Med": "Statistics in Medicine",
    "Subst Use Misuse": "Substance Use & Misuse",
    "Suicide Life Threat Behav": "Suicide and Life-Threatening Behavior",
    "Support Care Cancer": "Supportive Care in Cancer",
    "Train Educ Prof Psychol": "Training and Education in Professional Psychology",
    "Trauma Violence Abuse": "Trauma, Violence & Abuse",
    "World Psychiatry": "World Psychiatry",
    "Z Psychosom Med Psychother": "Zeitschrift für Psychosomatische Medizin und Psychotherapie",
}

_KEY = re.compile(r"[.\s]+")


def _key(title: str) -> str:
    return _KEY.sub(" ", title.replace("&", " ")).strip().casefold()


_AND = re.compile(r"\band\b", re.I)


def _loose_key(title: str) -> str:
    """The key with "and" dropped too: "Clinical Child Psychology & Psychiatry", typed by
    hand, names the table's "… Psychology and Psychiatry"."""
    return _key(_AND.sub(" ", title))


_THE = re.compile(r"^the\s+", re.I)
_BY_KEY = {_key(abbreviation): full for abbreviation, full in JOURNALS.items()}
_FULL_KEYS = {_key(full) for full in JOURNALS.values()}
_LOOSE_FULL_KEYS = {_loose_key(_THE.sub("", full)) for full in JOURNALS.values()}
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


def is_known_title(title: str, *, loose: bool = True) -> bool:
    """Whether `title` names a journal of the table, abbreviated or in full, in any case;
    ``loose``: also with "and" and "&" left out or swapped."""
    key = _key(_THE.sub("", title or ""))
    return (
        key in _BY_KEY
        or key in _FULL_KEYS
        or f"the {key}" in _FULL_KEYS
        or (loose and " " in key and _loose_key(_THE.sub("", title)) in _LOOSE_FULL_KEYS)
    )


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

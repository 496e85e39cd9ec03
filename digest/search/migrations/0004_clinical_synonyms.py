"""Seed the clinical synonym vocabulary of issue 20: lay and neighbouring words a practitioner
would recognise. Rows an editor has already changed or added are left alone."""

from django.db import migrations

# (terms, note, fallback): fallback groups are searched only when a query finds nothing.
SEED = [
    (
        "telehealth, telepsychology, online therapy, videoconference, videoconferencing, "
        "teletherapy, telemental health, internet-delivered, internet-based",
        "same idea",
        False,
    ),
    (
        "medication, pharmacotherapy, pharmacological, drug, drugs, meds, psychotropic",
        "same idea",
        False,
    ),
    ("burnout, burn-out, well-being, wellbeing, self-care, selfcare", "therapists", False),
    (
        "harm, negative effects, deterioration, adverse effects, adverse events, side effects, "
        "unwanted effects",
        "same idea",
        False,
    ),
    (
        "sessions, dose, dosage, treatment length, treatment duration, frequency, "
        "dose-response, dose-effect",
        "same idea",
        False,
    ),
    (
        "self-harm, self-injury, self-injuring, deliberate self-harm, nonsuicidal self-injury, "
        "NSSI",
        "same idea",
        False,
    ),
    ("therapist, clinician, practitioner, psychotherapist, provider", "neighbours", True),
    ("client, patient", "neighbours", True),
]
OLD_DROPOUT = "dropout, drop-out, attrition, premature termination"
# "drop out" written open as well: the hyphenated form is searched as written, and its open
# twin is not derived when it holds a stop word (see query._synonym_index).
NEW_DROPOUT = (
    "dropout, drop-out, drop out, attrition, premature termination, "
    "premature discontinuation, early termination, early withdrawal"
)


def seed(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    for terms, note, fallback in SEED:
        SearchSynonym.objects.get_or_create(
            terms=terms, defaults={"note": note, "fallback": fallback}
        )
    SearchSynonym.objects.filter(terms=OLD_DROPOUT).update(terms=NEW_DROPOUT)


def unseed(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    SearchSynonym.objects.filter(terms__in=[terms for terms, _, _ in SEED]).delete()
    SearchSynonym.objects.filter(terms=NEW_DROPOUT).update(terms=OLD_DROPOUT)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_learned_abbreviations")]

    operations = [migrations.RunPython(seed, unseed)]

"""The network's initial vocabularies as data: read by the data migration and by tests.

Each entry is (slug, name, legacy id). Old-site topic ids run 11–22 for the first twelve topics
and 28–51 for the other twenty-four; the research-type ids (cat_1) are coarse groups.
"""

TOPICS = [
    ("adherence", "Adherence", 11),
    ("alliance", "Alliance and Therapeutic Relationship", 12),
    ("anxiety-disorders", "Anxiety Disorders", 13),
    ("attachment", "Attachment", 14),
    ("attendance-attrition-dropout", "Attendance, Attrition, and Drop-Out", 15),
    ("client-factors", "Client Factors", 16),
    ("client-preferences", "Client Preferences", 17),
    ("cbt", "Cognitive Therapy (CT) and Cognitive-Behavioural Therapy (CBT)", 18),
    ("combination-therapy", "Combination Therapy", 19),
    ("common-factors", "Common Factors", 20),
    ("cost-effectiveness", "Cost-effectiveness", 21),
    ("depression", "Depression and Depressive Symptoms", 22),
    ("efficacy", "Efficacy of Treatments", 28),
    ("empathy", "Empathy", 29),
    ("feedback", "Feedback and Progress Monitoring", 30),
    ("group-psychotherapy", "Group Psychotherapy", 31),
    ("illness-medical-comorbidities", "Illness and Medical Comorbidities", 32),
    ("ipt", "Interpersonal Psychotherapy (IPT)", 33),
    ("long-term-outcomes", "Long-term Outcomes", 34),
    ("medications", "Medications/Pharmacotherapy", 35),
    ("miscellaneous", "Miscellaneous", 36),
    ("neuroscience", "Neuroscience and Brain", 37),
    ("outcomes-deterioration", "Outcomes and Deterioration", 38),
    ("personality-disorders", "Personality Disorders", 39),
    ("placebo", "Placebo Effect", 40),
    ("practice-based-research", "Practice-Based Research and Practice Research Networks", 41),
    ("psychodynamic-therapy", "Psychodynamic Therapy (PDT)", 42),
    ("resistance-reactance", "Resistance and Reactance", 43),
    ("self-reflection", "Self-Reflection and Awareness", 44),
    ("suicide-crisis", "Suicide and Crisis Intervention", 45),
    ("termination", "Termination", 46),
    ("therapist-factors", "Therapist Factors", 47),
    ("training", "Training", 48),
    ("transference-countertransference", "Transference and Countertransference", 49),
    ("trauma-ptsd", "Trauma and/or PTSD", 50),
    ("treatment-length", "Treatment Length and Frequency", 51),
]

# Slugs the old site (or an earlier name) used, kept answering: the old site misspelt Adherence.
TOPIC_ALIASES = [("adherance", "adherence")]

# cat_1 on the old site: 24 primary studies, 25 meta-analyses and systematic reviews,
# 26 narrative reviews and book chapters, 27 randomised controlled trials.
RESEARCH_TYPES = [
    ("meta-analysis", "Meta-analysis", 25),
    ("systematic-review", "Systematic review", 25),
    ("narrative-review", "Narrative or scoping review", 26),
    ("rct", "Randomised controlled trial", 27),
    ("naturalistic", "Naturalistic / practice-based study", 24),
    ("longitudinal-cohort", "Longitudinal cohort", 24),
    ("survey", "Survey", 24),
    ("qualitative", "Qualitative study", 24),
    ("analogue", "Analogue study", 24),
    ("expert-consensus", "Expert consensus", 24),
    ("book-chapter-essay", "Book chapter or essay", 26),
]

# French names, as a francophone clinician (in Quebec or France) would look for them: the
# interface at /fr/ shows these; slugs and legacy ids are the same in both languages.
TOPIC_NAMES_FR = {
    "adherence": "Adhésion au traitement",
    "alliance": "Alliance thérapeutique et relation thérapeutique",
    "anxiety-disorders": "Troubles anxieux",
    "attachment": "Attachement",
    "attendance-attrition-dropout": "Assiduité, attrition et abandon du traitement",
    "client-factors": "Facteurs liés au client",
    "client-preferences": "Préférences du client",
    "cbt": "Thérapie cognitive (TC) et thérapie cognitivo-comportementale (TCC)",
    "combination-therapy": "Traitements combinés",
    "common-factors": "Facteurs communs",
    "cost-effectiveness": "Coût-efficacité",
    "depression": "Dépression et symptômes dépressifs",
    "efficacy": "Efficacité des traitements",
    "empathy": "Empathie",
    "feedback": "Rétroaction et suivi des progrès",
    "group-psychotherapy": "Psychothérapie de groupe",
    "illness-medical-comorbidities": "Maladies et comorbidités médicales",
    "ipt": "Thérapie interpersonnelle (TIP)",
    "long-term-outcomes": "Résultats à long terme",
    "medications": "Médicaments/Pharmacothérapie",
    "miscellaneous": "Divers",
    "neuroscience": "Neurosciences et cerveau",
    "outcomes-deterioration": "Résultats thérapeutiques et détérioration",
    "personality-disorders": "Troubles de la personnalité",
    "placebo": "Effet placebo",
    "practice-based-research": (
        "Recherche fondée sur la pratique et réseaux de recherche en pratique clinique"
    ),
    "psychodynamic-therapy": "Thérapie psychodynamique (TPD)",
    "resistance-reactance": "Résistance et réactance",
    "self-reflection": "Réflexivité et conscience de soi",
    "suicide-crisis": "Suicide et intervention de crise",
    "termination": "Fin de la thérapie",
    "therapist-factors": "Facteurs liés au thérapeute",
    "training": "Formation",
    "transference-countertransference": "Transfert et contre-transfert",
    "trauma-ptsd": "Traumatisme et/ou TSPT",
    "treatment-length": "Durée et fréquence du traitement",
}

RESEARCH_TYPE_NAMES_FR = {
    "meta-analysis": "Méta-analyse",
    "systematic-review": "Revue systématique",
    "narrative-review": "Revue narrative ou exploratoire",
    "rct": "Essai contrôlé randomisé",
    "naturalistic": "Étude naturaliste / fondée sur la pratique",
    "longitudinal-cohort": "Cohorte longitudinale",
    "survey": "Enquête par questionnaire",
    "qualitative": "Étude qualitative",
    "analogue": "Étude analogue",
    "expert-consensus": "Consensus d'experts",
    "book-chapter-essay": "Chapitre de livre ou essai",
}

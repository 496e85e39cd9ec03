"""The learned labeller's alignment and read-back (the experiment in bench_references_learned)."""

from digest.references.tests import learned
from digest.references.tests.evaluation import wild_field_values

RAW = (
    "Tracey, T. J. G., & Gidden-Tracey, C. E. (2010a). Repairing alliance ruptures. "
    "Clin Psychol Rev, 48(1), 80-87. doi:10.1037/a0022140"
)
EXPECTED = {
    "author": [
        {"family": "Tracey", "given": "T. J. G."},
        {"family": "Gidden-Tracey", "given": "C. E."},
    ],
    "issued": {"date-parts": [[2010]]},
    "title": "Repairing alliance ruptures",
    "container-title": "Clinical Psychology Review",
    "volume": "48",
    "issue": "1",
    "page": "80\u201387",
    "DOI": "10.1037/a0022140",
}


def test_gold_labels_read_back_to_the_labelled_fields():
    spans = learned.tokenise(RAW)
    labels, missed = learned.align(RAW, EXPECTED, spans)
    assert missed == 0
    assert wild_field_values(learned.to_csl(RAW, spans, labels)) == wild_field_values(EXPECTED)


def test_a_model_trained_on_one_string_labels_most_of_it_back():
    prepared = learned.prepare([{"raw": RAW, "expected": EXPECTED}], with_rules=True)
    model = learned.train(prepared, epochs=10)
    fields, _exact, _hits, _counted = learned.score_csl(
        [{"expected": EXPECTED}], learned.predict(model, prepared)
    )
    assert fields >= 0.75

"""What the CPD form on a summary page starts from: a suggested reading time."""

import math

from django import template

from digest.evidence.extraction import html_to_text

register = template.Library()

WORDS_PER_MINUTE = 200  # careful reading of research prose
REFLECTION_MINUTES = 5


@register.simple_tag
def cpd_minutes(summary):
    """Minutes to read the summary and write a reflection, rounded up to five."""
    words = sum(
        len(html_to_text(html).split())
        for html in (summary.preamble, summary.body, summary.implications)
    )
    minutes = words / WORDS_PER_MINUTE + REFLECTION_MINUTES
    return max(5, 5 * math.ceil(minutes / 5))

"""Template tags for pages that embed a subscribe box."""

from django import template

from ..forms import CONSENT_TEXT

register = template.Library()


@register.simple_tag
def consent_text():
    return CONSENT_TEXT

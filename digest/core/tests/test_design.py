"""The site's one stylesheet: found by the static-files machinery and carrying its print rules."""

from django.contrib.staticfiles import finders


def test_the_stylesheet_is_found_by_staticfiles():
    assert finders.find("css/digest.css") is not None

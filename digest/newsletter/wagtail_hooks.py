"""Registers the newsletter's admin screens and a "Newsletter" button on every issue page."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from digest.issues.models import IssuePage

from .admin_views import NewsletterGroup


@hooks.register("register_admin_viewset")
def register_newsletter():
    return NewsletterGroup()


@hooks.register("register_page_header_buttons")
def newsletter_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, IssuePage) and user.has_perm("newsletter.add_issuesend"):
        yield Button(
            _("Newsletter"),
            url=reverse("newsletter_sends:detail", args=[page.pk]),
            icon_name="mail",
            priority=80,
        )

"""The admin dashboard: the editor's month at a glance (dashboard.py) instead of bare counts."""

from wagtail import hooks

from .dashboard import dashboard_panels


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels[:0] = dashboard_panels()

"""How the snapshot makes a page's bytes. Every address is answered by the site's own view,
called directly with an anonymous request rather than through the middleware (which adds
headers, not bytes, to these pages). Summaries and issues, nearly every file of a large
export, are rendered by their own `get_context` and templates from data read once per run
(`LoadedSummaries`) instead of routing each through Wagtail's page tree. The requests share
one `fragments` dict, so what many pages show alike (a summary's card, its line in a list, the
footer) is rendered once per run (`{% shared %}`). The bytes are the live site's:
`digest/snapshot/tests/test_rendering.py` compares them with pages served through Django's
test client for every kind of page."""

import gc

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import Resolver404, resolve
from django.utils import translation

from digest.core.adapters import wagtail

HTML = "text/html; charset=utf-8"


class Renderer:
    """Renders addresses for one export run; `page_of` maps an address to its page id."""

    def __init__(self, host, page_of, default_language, *, bulk=True, through_client=False):
        from wagtail.models import Site

        self.host = host
        self.page_of = page_of
        self.default_language = default_language
        self.client = Client(HTTP_HOST=host)
        self.factory = RequestFactory(HTTP_HOST=host)
        self.site = Site.objects.get(is_default_site=True)
        self._loaded = None
        # bulk: most pages are to be rendered, so every summary is read at once; a run of a
        # few pages (after one publish) reads what each page's view reads.
        self.bulk = bulk
        self.through_client = through_client  # every page from the client: the tests' oracle
        self.fragments = {}
        self._fast = None  # the page ids a run of a few pages renders from `loaded`
        # Wagtail reads its sites' root paths from the cache once per request; a run reads
        # them once.
        self.site_root_paths = Site.get_site_root_paths()

    @property
    def loaded(self):
        # Read on first use, so a forked worker inherits it from the parent when it was read
        # before the fork, and an incremental run of a few pages reads only if it needs it.
        if self._loaded is None:
            from digest.summaries.models import LoadedSummaries

            # Tens of thousands of objects that all live to the end of the run: the cyclic
            # collector would otherwise walk them over and over while they are made (half the
            # time of reading them), and again in later collections; frozen, it leaves them
            # alone (and a forked worker does not touch their pages: copy on write).
            gc.disable()
            try:
                self._loaded = LoadedSummaries()
            finally:
                gc.enable()
            gc.freeze()
        return self._loaded

    def prepare(self):
        """Read what the fast path needs now (before workers are forked)."""
        if self.bulk:
            self.loaded  # noqa: B018 (read now, so the workers share it)

    def load_for(self, addresses):
        """A run of a few pages: read only what their summaries and issues show, so they too
        are rendered from memory rather than by each page's own queries. An issue's page
        shows its summaries' cards (read in full); a summary's page shows itself (in full),
        and its issue's other summaries and its related ones as lines (headline, address)."""
        from digest.summaries.models import LoadedSummaries, SummaryPage

        pks = {self.page_of[address] for address in addresses if address in self.page_of}
        issue_of = dict(
            SummaryPage.objects.live().public().filter(pk__in=pks).values_list("pk", "issue_id")
        )
        loaded = self._loaded = LoadedSummaries(issues=pks - set(issue_of))
        loaded.include(issue_of)
        summaries = [loaded.summaries[pk] for pk in issue_of if pk in loaded.summaries]
        loaded.include_lines(
            {pk for summary in summaries for pk in summary.related_ids()},
            issues=set(issue_of.values()),
        )
        self._fast = {summary.pk for summary in summaries}
        self._fast |= {pk for pk in pks if loaded.issue(pk) is not None}

    def get(self, address):
        """(status, content type, bytes) of `address`."""
        if self.through_client:
            response = self.client.get(address)
            return response.status_code, response.get("Content-Type", ""), response.content
        language = self._language(address)
        with translation.override(language):
            request = self._request(address, language)
            page = self._page(address)
            if page is not None:
                return 200, HTML, self._render_page(page, request)
            return self._view(request)

    def _page(self, address):
        """The loaded summary or issue at `address`, if it is one."""
        pk = self.page_of.get(address)
        if pk is None or not (self.bulk or (self._fast and pk in self._fast)):
            return None
        loaded = self.loaded
        if pk in loaded.summaries:
            return loaded.summaries[pk]
        return loaded.issue(pk)

    def _request(self, address, language):
        """An anonymous GET of `address`, as the middleware would hand it to a view."""
        request = self.factory.get(address)
        request.user = AnonymousUser()
        request.LANGUAGE_CODE = language
        request.fragments = self.fragments
        if self.bulk:
            request.loaded_summaries = self.loaded
        wagtail.remember_site(request, self.site)
        request._wagtail_cached_site_root_paths = self.site_root_paths
        return request

    def _render_page(self, page, request):
        """What `wagtail.views.serve` answers for a live, public page of the default site,
        which these pages are (`Page.serve`: its template with its context)."""
        request.is_preview = False
        page._wagtail_cached_site_root_paths = self.site_root_paths  # for `page.url`
        context = page.get_context(request, loaded=self.loaded)
        return render_to_string(page.get_template(request), context, request).encode()

    def _view(self, request):
        try:
            match = resolve(request.path_info)
            response = match.func(request, *match.args, **match.kwargs)
        except (Http404, Resolver404):
            return 404, "", b""
        if hasattr(response, "render"):
            response.render()
        return response.status_code, response.get("Content-Type", ""), response.content

    def _language(self, address):
        code = address.split("/")[1]
        prefixed = {c for c, _name in _languages()} - {self.default_language}
        return code if code in prefixed else self.default_language


def _languages():
    from django.conf import settings

    return settings.LANGUAGES

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

    def __init__(
        self, host, page_of, default_language, *, bulk=True, through_client=False, fragments=None
    ):
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
        self.fragments = {} if fragments is None else fragments
        self._fast = None  # the page ids a run of a few pages renders from `loaded`
        # Wagtail reads its sites' root paths from the cache once per request; a run reads
        # them once.
        self.site_root_paths = Site.get_site_root_paths()
        # The run knows every page's address in each language (`page_of`, from their
        # url_path): `{% page_url %}` reads them here instead of asking Wagtail once a page.
        for address, pk in page_of.items():
            self.fragments.setdefault((self._language(address), "page_url", pk), address)

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


class KeptFragments:
    """What a long-lived process (the task worker) keeps of a run's fragments for its next
    run: those that show one summary or issue and nothing else that a publish changes alone
    (its card, its line in a list, its handout entry, its feed item, its address), keyed by
    that page's id. Before a run, those of every page whose state differs from the one they
    were made from are dropped; all of them when the pages' set, addresses or tags, the
    taxonomy or the languages differ. A topic's handout then renders its hundreds of entries
    from memory, not afresh after each publish."""

    # Fragments whose key is (language, name, the page's id, variants…).
    PER_PAGE = frozenset(
        {
            "summary_item",
            "summary_item_body",
            "digest_entry",
            "sibling",
            "related",
            "kicker",
            "page_url",
            "feed_description",
        }
    )

    # A summary's line in another summary's lists: all a summary page shows of the others.
    LINES = ("sibling", "related")

    def __init__(self):
        self.fragments = {}
        self._made_from = None  # what the whole set depends on
        self._pages = {}  # page id (str) -> its state when its fragments were made
        self.warm = False  # whether `Snapshot.warm` filled it since it was last emptied
        # The lines dropped by the last `for_run`, and the state of their pages they showed.
        self.replaced, self.replaced_from = {}, {}

    def for_run(self, state, languages):
        """The fragments still true of `state` (`Snapshot._state`): a run's starting dict."""
        made_from = (tuple(languages), state["taxonomy"], state["urls"])
        pages = state["pages"]
        stale = set()
        if made_from != self._made_from or pages.keys() != self._pages.keys():
            stale = None
        else:
            for pk, now in pages.items():
                before = self._pages[pk]
                if before[2:] != now[2:]:  # retagged: lists and counts move
                    stale = None
                    break
                if before != now:
                    stale.add(int(pk))
        self.replaced, self.replaced_from = {}, {}
        if stale is None:
            self.fragments, self.warm = {}, False
        else:
            self.replaced = {
                key: text
                for key, text in self.fragments.items()
                if key[1] in self.LINES and key[2] in stale
            }
            self.replaced_from = {pk: self._pages[str(pk)] for pk in stale}
            self.fragments = {
                key: text
                for key, text in self.fragments.items()
                if key[1] in self.PER_PAGE and key[2] not in stale
            }
        self._made_from, self._pages = made_from, pages
        return self.fragments

    def keep(self, fragments):
        """Keep the per-page fragments of a run of a few pages (a full run's would be every
        summary's, a memory the next run of a few pages does not need)."""
        self.fragments = {key: text for key, text in fragments.items() if key[1] in self.PER_PAGE}

    def old_line(self, language, kind, pk, state):
        """The line of summary `pk` as the files show it, if kept: that is, made from
        `state` (the manifest's), the state it had in the last run."""
        if self.replaced_from.get(pk) != state:
            return None
        return self.replaced.get((language, kind, pk))

    def forget(self):
        self.fragments, self._made_from, self._pages, self.warm = {}, None, {}, False
        self.replaced, self.replaced_from = {}, {}


def _languages():
    from django.conf import settings

    return settings.LANGUAGES

"""Reader-facing newsletter pages: subscribe, confirm, unsubscribe (with RFC 8058 one-click)
and preferences.

CSRF: subscribe boxes sit on publicly cached pages, which must not carry a per-visitor token
(a CSRF cookie would make them uncacheable, and a cached token would be someone else's). So
the subscribe endpoint accepts a POST that either carries a valid token (the /subscribe/ page's
own form) or comes from our own origin (Origin header, else Referer), the same origin check
Django's CSRF middleware makes first. See the README's Newsletter section.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from digest.core.clients import client_ip

from . import conf, tokens
from .forms import CONSENT_TEXT, SOURCES, PreferencesForm, SubscribeForm
from .models import Subscriber, normalise_email
from .subscriptions import client_fingerprint
from .tasks import queue_subscription_request


def _trusted_origins(request) -> set[str]:
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return {
        f"{request.scheme}://{request.get_host()}",
        f"{base.scheme}://{base.netloc}",
        *settings.CSRF_TRUSTED_ORIGINS,
    }


def _same_origin(request) -> bool | None:
    """True/False when the browser told us where the form was; None when it did not."""
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return origin in _trusted_origins(request)
    referer = request.headers.get("Referer")
    if referer:
        parts = urlsplit(referer)
        return f"{parts.scheme}://{parts.netloc}" in _trusted_origins(request)
    return None


def _has_valid_csrf_token(request) -> bool:
    # Django's own check, run by hand because the view is exempt from the middleware.
    def view(request):
        return None

    return CsrfViewMiddleware(lambda r: None).process_view(request, view, (), {}) is None


def _address_key(group, request):
    return client_fingerprint(normalise_email(request.POST.get("email", "")))


def _render(request, template, context=None, status=200):
    return render(request, f"newsletter/{template}", context or {}, status=status)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST or None, initial={"source": "page"})
    if request.method != "POST":
        return _render(request, "subscribe.html", {"form": form, "consent_text": CONSENT_TEXT})
    same_origin = _same_origin(request)
    if same_origin is False or (same_origin is None and not _has_valid_csrf_token(request)):
        return _render(request, "forbidden.html", status=403)
    if is_ratelimited(
        request,
        group="newsletter.subscribe.client",
        key="ip",
        rate=conf.get("NEWSLETTER_RATE_PER_CLIENT"),
        increment=True,
    ):
        return _render(request, "rate_limited.html", status=429)
    if not form.is_valid():
        context = {"form": form, "consent_text": CONSENT_TEXT}
        return _render(request, "subscribe.html", context, status=400)
    address_limited = is_ratelimited(
        request,
        group="newsletter.subscribe.address",
        key=_address_key,
        rate=conf.get("NEWSLETTER_RATE_PER_ADDRESS"),
        increment=True,
    )
    # A filled honeypot or an address asked for too often gets the same answer as anyone,
    # but no e-mail: the answer never tells what happened to the address.
    if not form.cleaned_data["website"] and not address_limited:
        language = translation.get_language()
        source = form.cleaned_data["source"] or "page"
        queue_subscription_request(
            form.cleaned_data["email"],
            language=language,
            source=f"web form: {SOURCES[source]} ({request.path})",
            consent_text=str(CONSENT_TEXT),
            ip=client_ip(request),
        )
    return redirect("newsletter:subscribe_sent")


@never_cache
def subscribe_sent(request):
    return _render(request, "subscribe_sent.html")


def _invalid_link(request):
    return _render(request, "invalid_link.html", status=404)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    # GET only shows a button: mail scanners that follow links must not confirm anyone.
    try:
        subscriber = tokens.subscriber_for_confirm_token(token)
    except tokens.LinkExpired:
        form = SubscribeForm(initial={"source": "page"})
        context = {"form": form, "consent_text": CONSENT_TEXT}
        return _render(request, "link_expired.html", context, status=410)
    if subscriber is None:
        return _invalid_link(request)
    if request.method == "POST" and subscriber.status != Subscriber.Status.CONFIRMED:
        subscriber.confirm()
    context = {"subscriber": subscriber, "preferences_token": tokens.preferences_token(subscriber)}
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return _render(request, "confirmed.html", context)
    return _render(request, "confirm.html", context)


@csrf_exempt  # RFC 8058: mail providers POST here without any cookie or token.
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    subscriber = tokens.subscriber_for_unsubscribe_token(token)
    if subscriber is None:
        return _invalid_link(request)
    # GET never unsubscribes (link scanners); the page's button and one-click both POST.
    if request.method == "POST":
        subscriber.unsubscribe()
        return _render(request, "unsubscribed.html", {"subscriber": subscriber})
    return _render(request, "unsubscribe.html", {"subscriber": subscriber})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token):
    subscriber = tokens.subscriber_for_preferences_token(token)
    if subscriber is None:
        return _invalid_link(request)
    form = PreferencesForm(request.POST or None, instance=subscriber)
    context = {
        "form": form,
        "subscriber": subscriber,
        "unsubscribe_token": tokens.unsubscribe_token(subscriber),
    }
    if request.method == "POST":
        if not form.is_valid():
            return _render(request, "preferences.html", context, status=400)
        form.save()
        context["saved"] = True
    return _render(request, "preferences.html", context)

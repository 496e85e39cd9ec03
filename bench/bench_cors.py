"""What django-cors-headers' middleware adds to a request: a reader page (not CORS-enabled)
and an API call from another site's script (issue 18)."""

import timeit

from django.http import HttpResponse
from django.test import RequestFactory

CALLS = 20_000


def view(request):
    return HttpResponse("x")


def main():
    from corsheaders.middleware import CorsMiddleware

    middleware = CorsMiddleware(view)
    for name, path in (("reader page", "/archive/"), ("API call", "/api/summaries")):
        request = RequestFactory().get(path, HTTP_ORIGIN="https://elsewhere.example")
        bare = min(timeit.repeat(lambda r=request: view(r), number=CALLS, repeat=7)) / CALLS
        wrapped = (
            min(timeit.repeat(lambda r=request: middleware(r), number=CALLS, repeat=7)) / CALLS
        )
        added, alone = (wrapped - bare) * 1e6, bare * 1e6
        print(f"{name:12} +{added:5.1f} µs a request (view alone {alone:.1f})")


if __name__ == "__main__":
    import django

    django.setup()
    main()

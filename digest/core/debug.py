"""The development server (`make run`) answers hostile requests as production does, 400 or
404, never a 500: uploads it serves itself, and bodies Django's debug page cannot show."""

from django.http import Http404, HttpResponseBadRequest
from django.views.static import serve


class RefuseUndecodableForms:
    """A form body in another encoding than UTF-8 is refused with 400 before anything reads it.

    Django refuses it too (BadRequest, a 400 in production), but with DEBUG on its error page
    then reads the body again to show it and fails, a 500. So `make run` (dev settings only)
    makes the same refusal first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.content_type == "application/x-www-form-urlencoded":
            charset = request.content_params.get("charset", "utf-8")
            if charset.strip().lower().replace("_", "-") not in ("utf-8", "utf8"):
                return HttpResponseBadRequest(
                    "Forms must be sent in UTF-8.", content_type="text/plain"
                )
        return self.get_response(request)


def serve_media(request, path, document_root=None):
    """`django.views.static.serve` for uploads under `make run`; a name the file system
    cannot hold (too long, say) is simply not there."""
    try:
        return serve(request, path, document_root=document_root)
    except OSError as exc:
        raise Http404(path) from exc

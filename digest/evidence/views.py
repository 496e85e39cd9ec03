"""Admin views: suggestions for the text in the editor (JSON for the panel's script), and the
review page where an editor applies chosen suggestions to a new draft revision (no script)."""

import json

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.rich_text import get_rich_text_editor_widget

from digest.evidence.services import find_duplicates, suggest, suggest_for_page
from digest.references.models import Reference
from digest.summaries.models import SummaryPage
from digest.taxonomy.models import ResearchType, Topic


def _editable_summary(request, page_id) -> SummaryPage:
    page = get_object_or_404(SummaryPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def _rich_text(data, name) -> str:
    # The editor posts Draftail's JSON; its widget turns that into the stored HTML.
    try:
        return get_rich_text_editor_widget().value_from_datadict(data, {}, name) or ""
    except (ValueError, TypeError, KeyError, AttributeError):
        return ""


# The structured fields of a Reference form, as posted (the JSON lists are handled apart).
_STRUCTURED_FIELDS = (
    "kind",
    "status",
    "title",
    "container_title",
    "volume",
    "issue",
    "pages",
    "article_number",
    "edition",
    "publisher",
    "publisher_place",
    "doi",
    "url",
)
MAX_FIELD = 10_000
_NAME_PARTS = {"family", "given", "literal", "suffix", "dropping-particle", "non-dropping-particle"}


def _people(value) -> list[dict]:
    """Authors or editors as posted: the JSON list the form stores, or one "Family, G." a line
    (a widget may post either); anything else counts as none."""
    value = (value or "").strip()
    try:
        people = json.loads(value or "[]")
    except ValueError:
        people = []
        for line in value.splitlines():
            family, _comma, given = line.partition(",")
            if family.strip():
                people.append({"family": family.strip(), "given": given.strip()})
    if not isinstance(people, list):
        return []
    # Only CSL name parts, only text: the formatter is handed nothing it could choke on.
    cleaned = (
        {k: v for k, v in person.items() if k in _NAME_PARTS and isinstance(v, str) and v}
        for person in people
        if isinstance(person, dict)
    )
    return [person for person in cleaned if person]


def _reference_from(data, prefix="") -> Reference:
    """An unsaved Reference from one reference form's fields (names after `prefix`)."""
    values = {name: (data.get(prefix + name) or "").strip() for name in _STRUCTURED_FIELDS}
    if values["kind"] not in Reference.Kind.values:
        values["kind"] = Reference.Kind.ARTICLE
    year = (data.get(prefix + "year") or "").strip()
    return Reference(
        raw=(data.get(prefix + "raw") or "").strip(),
        year=int(year) if year.isdigit() and len(year) <= 4 else None,
        authors=_people(data.get(prefix + "authors")),
        editors=_people(data.get(prefix + "editors")),
        **values,
    )


def _posted_references(data) -> list[Reference]:
    """The references in the editor's form (InlinePanel formset "references"), unsaved."""
    try:
        total = min(int(data.get("references-TOTAL_FORMS", 0)), 50)
    except ValueError:
        total = 0
    return [
        _reference_from(data, f"references-{index}-")
        for index in range(total)
        if not data.get(f"references-{index}-DELETE")
    ]


@require_POST
def suggest_json(request):
    """Suggestions for the summary as it is in the editor's form, unsaved changes included."""
    data = request.POST
    page = None
    if data.get("page_id"):
        if not data["page_id"].isdigit():
            return JsonResponse({"error": _("Unknown summary.")}, status=400)
        page = _editable_summary(request, int(data["page_id"]))
    suggestions = suggest(
        title=data.get("title", ""),
        preamble=_rich_text(data, "preamble"),
        body=_rich_text(data, "body"),
        implications=_rich_text(data, "implications"),
        page=page,
        references=_posted_references(data),
        current_topics=Topic.objects.filter(
            pk__in=[v for v in data.getlist("topics") if v.isdigit()]
        ).values_list("slug", flat=True),
        current_types=ResearchType.objects.filter(
            pk__in=[v for v in data.getlist("research_types") if v.isdigit()]
        ).values_list("slug", flat=True),
    )
    # Compare against the form's values, not the saved ones, for "already set".
    for item in suggestions.evidence:
        item.current = data.get(item.name, "")
        if isinstance(item.value, int) and str(item.current).isdigit():
            item.current = int(item.current)
    html = render_to_string(
        "evidence/_suggestion_lists.html",
        {"suggestions": suggestions, "accept_buttons": True},
        request=request,
    )
    return JsonResponse({**suggestions.as_json(), "html": html})


class ApplySuggestionsForm(forms.Form):
    """Ticks for each suggestion on offer; only what is ticked is applied."""

    topics = forms.MultipleChoiceField(
        label=gettext_lazy("Add these topics"), required=False, widget=forms.CheckboxSelectMultiple
    )
    research_types = forms.MultipleChoiceField(
        label=gettext_lazy("Add these research types"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    evidence = forms.MultipleChoiceField(
        label=gettext_lazy("Use these evidence-card values"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("Confirm the evidence card (readers then see it)"), required=False
    )

    def __init__(self, *args, suggestions, **kwargs):
        super().__init__(*args, **kwargs)
        self.suggestions = suggestions
        self.fields["topics"].choices = [
            (str(s.term.pk), s.term.name) for s in suggestions.topics if not s.already_tagged
        ]
        self.fields["research_types"].choices = [
            (str(s.term.pk), s.term.name)
            for s in suggestions.research_types
            if not s.already_tagged
        ]
        self.fields["evidence"].choices = [
            (f.name, f"{f.label}: {f.value}") for f in suggestions.evidence if f.differs
        ]


@require_http_methods(["GET", "POST"])
def review(request, page_id):
    """Suggestions for the latest draft, applied to a new draft revision when the editor
    ticks them; the page's live version is untouched until the editor publishes."""
    page = _editable_summary(request, page_id)
    draft = page.get_latest_revision_as_object()
    suggestions = suggest_for_page(draft)
    form = ApplySuggestionsForm(request.POST or None, suggestions=suggestions)
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data
        if chosen["topics"]:
            draft.topics = [*draft.topics.all(), *Topic.objects.filter(pk__in=chosen["topics"])]
        if chosen["research_types"]:
            draft.research_types = [
                *draft.research_types.all(),
                *ResearchType.objects.filter(pk__in=chosen["research_types"]),
            ]
        values = {f.name: f.value for f in suggestions.evidence}
        for name in chosen["evidence"]:
            setattr(draft, name, values[name])
        if chosen["confirm"]:
            draft.evidence_confirmed = True
        if any(chosen.values()):
            draft.save_revision(user=request.user, log_action=True)
            messages.success(
                request, _("Suggestions applied to a new draft. Publish it when you are ready.")
            )
        else:
            messages.warning(request, _("Nothing was ticked, so nothing changed."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "evidence/review.html",
        {
            "page": page,
            "suggestions": suggestions,
            "form": form,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
        status=400 if form.is_bound else 200,
    )


@require_admin_access
@require_POST
def reference_preview(request):
    """Staff-only: one reference form's fields as readers will see them (APA 7), and the
    earlier summaries of the same article. Nothing is saved."""
    data = request.POST
    if any(len(value) > MAX_FIELD for value in data.values()):
        return JsonResponse({"error": _("That text is too long to be one reference.")}, status=400)
    page_id = None
    if data.get("page_id"):
        if not data["page_id"].isdigit():
            return JsonResponse({"error": _("Unknown summary.")}, status=400)
        page_id = _editable_summary(request, int(data["page_id"])).pk
    reference = _reference_from(data)
    # What saving would do: an unparsed paste is read when every structured field is empty.
    reference.fill_from_raw_if_empty()
    duplicates = find_duplicates([reference], exclude_page_id=page_id)
    html = render_to_string(
        "evidence/_reference_preview.html",
        {"reference": reference, "duplicates": duplicates},
        request=request,
    )
    return JsonResponse(
        {
            "html": html,
            "formatted": reference.as_text() if reference.has_structure() else "",
            "duplicates": len(duplicates),
        }
    )

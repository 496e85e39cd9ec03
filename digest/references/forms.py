"""The reference's admin form: authors, editors and unplaced text as lines a person reads and
edits ("Norcross, J. C."), stored as the CSL lists the rest of the site uses.

Without JavaScript each list is a text box, one entry a line. With it, `people.js` turns a
person list into rows (family and given name) that can be reordered, added and removed; the
rows write the same lines back into the box, so the server reads one format. The box also
accepts the JSON list the paste script writes into it."""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel, get_form_for_model

# The CSL name parts a line carries: "Family, Given, Suffix".
_PERSON_KEYS = ("family", "given", "suffix")


def person_to_line(person) -> str:
    """{"family": "Norcross", "given": "J. C."} → "Norcross, J. C."; a group author
    ({"literal": "World Health Organization"}) is its name alone, with no comma; a family name
    alone keeps a trailing comma so that it reads back as a family name."""
    if not isinstance(person, dict):
        return str(person)
    if "literal" in person:
        return person["literal"]
    parts = [person.get(key, "") for key in _PERSON_KEYS]
    while len(parts) > 1 and not parts[-1]:
        parts.pop()
    return ", ".join(parts) if len(parts) > 1 else f"{parts[0]},"


def line_to_person(line: str, number: int) -> dict:
    parts = [part.strip() for part in line.split(",")]
    if len(parts) == 1:
        return {"literal": parts[0]}
    if len(parts) > 3:
        raise ValidationError(
            _(
                "Line %(number)s (“%(line)s”) holds more than one person: put each person "
                "on a line of their own, as “Family, Given”."
            ),
            code="several",
            params={"number": number, "line": line},
        )
    if not parts[0]:
        raise ValidationError(
            _("Line %(number)s (“%(line)s”) has no family name before the comma."),
            code="no_family",
            params={"number": number, "line": line},
        )
    return {key: value for key, value in zip(_PERSON_KEYS, parts, strict=False) if value}


class _LinesField(forms.Field):
    """A list stored as JSON and edited as lines of text (a JSON list is also read)."""

    def __init__(self, *, rows=3, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": rows}))
        super().__init__(**kwargs)

    def to_line(self, item) -> str:
        raise NotImplementedError

    def from_line(self, line: str, number: int):
        raise NotImplementedError

    def prepare_value(self, value):
        # A list from the database shows as lines; text the editor sent back shows as sent.
        if isinstance(value, list):
            return "\n".join(self.to_line(item) for item in value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        text = (value or "").strip()
        if text.startswith("["):
            return self.from_json(text)
        lines = [line.strip() for line in text.splitlines()]
        items, errors = [], []
        for number, line in enumerate(lines, start=1):
            if not line:
                continue
            try:
                items.append(self.from_line(line, number))
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return items

    def from_json(self, text):
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        if not isinstance(value, list) or not all(self.valid_item(item) for item in value):
            raise ValidationError(
                _("This list could not be read. Write one entry a line, e.g. “%(example)s”."),
                code="invalid",
                params={"example": self.example},
            )
        return value

    def has_changed(self, initial, data):
        try:
            return self.to_python(data) != (initial or [])
        except ValidationError:
            return True


class PersonListField(_LinesField):
    example = "Norcross, J. C."

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text", _("One person a line, in order: “Family, Given” (e.g. Norcross, J. C.).")
        )
        super().__init__(widget=PersonListWidget(), **kwargs)

    def to_line(self, item):
        return person_to_line(item)

    def from_line(self, line, number):
        return line_to_person(line, number)

    @staticmethod
    def valid_item(item):
        return (
            isinstance(item, dict)
            and bool(item)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in item.items())
        )


class TextListField(_LinesField):
    example = "[seen in a newsletter]"

    def to_line(self, item):
        return str(item)

    def from_line(self, line, number):
        return line

    @staticmethod
    def valid_item(item):
        return isinstance(item, str)


class PersonListWidget(forms.Textarea):
    """The text box of lines, which `people.js` (a Stimulus controller) turns into rows."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={
                "rows": 3,
                "data-controller": "person-list",
                "data-person-list-family-value": _("Family name"),
                "data-person-list-given-value": _("Given names or initials"),
                "data-person-list-add-value": _("Add a person"),
                "data-person-list-up-value": _("Move up"),
                "data-person-list-down-value": _("Move down"),
                "data-person-list-remove-value": _("Remove"),
                **(attrs or {}),
            }
        )

    class Media:
        js = ["references/people.js"]
        css = {"all": ["references/people.css"]}


class ReferenceForm(WagtailAdminModelForm):
    authors = PersonListField(label=_("Authors"))
    editors = PersonListField(
        label=_("Editors"),
        help_text=_("Editors of the book a chapter is in; one a line, “Family, Given”."),
    )
    unparsed = TextListField(
        label=_("Unplaced text"),
        rows=2,
        help_text=_("Parts of the pasted text the parser could not place; one a line."),
    )


class ReferencesPanel(InlinePanel):
    """The summary's references, each edited with `ReferenceForm`. Wagtail's InlinePanel
    builds its child form from the model alone, so the one override is here."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        child = self.child_edit_handler.get_form_options()
        formset["form"] = get_form_for_model(
            self.db_field.related_model,
            form_class=ReferenceForm,
            fields=formset["fields"],
            defer_required_on_fields=child.get("defer_required_on_fields", []),
        )
        return options

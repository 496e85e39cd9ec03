"""The issue's admin form: the editor picks a month, and the title and address follow it."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class MonthInput(forms.DateInput):
    """A native month picker (`<input type="month">`, value `YYYY-MM`); browsers without it
    show a text box, and the field also reads `YYYY-MM-DD`."""

    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs={"placeholder": "YYYY-MM", **(attrs or {})}, format="%Y-%m")


class MonthField(forms.DateField):
    widget = MonthInput
    input_formats = ["%Y-%m", "%Y-%m-%d", "%Y/%m"]

    def to_python(self, value):
        date = super().to_python(value)
        return date.replace(day=1) if date else date


class IssueForm(WagtailAdminPageForm):
    month = MonthField(label=_("Month"), help_text=_("The month this issue is for."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        title = self.fields["title"]
        title.required = False
        title.help_text = _("Leave empty to use the month's name, e.g. “March 2026”.")
        if self.instance.month:
            title.widget.attrs["placeholder"] = self._meta.model.default_title(self.instance.month)
        # issues/autosave.js: a new issue is autosaved once it has its month.
        self.fields["month"].widget.attrs["data-required-on-save"] = ""

    def clean(self):
        issue_page = self._meta.model  # IssuePage (whose module imports this one)
        cleaned = super().clean()
        month = cleaned.get("month")
        if not month:
            return cleaned
        title = (cleaned.get("title") or "").strip()
        old_month = self.instance.month if self.instance.pk else None
        # A title that was the old month's name follows the month; one the editor wrote stays.
        if not title or (old_month and title == issue_page.default_title(old_month)):
            cleaned["title"] = issue_page.default_title(month)
        clash = issue_page.objects.filter(month=month).exclude(pk=self.instance.pk).first()
        if clash is not None:
            self.add_error(
                "month",
                ValidationError(
                    _(
                        "There is already an issue for %(month)s (“%(title)s”). Pick another "
                        "month, or add your summaries to that issue."
                    ),
                    code="unique",
                    params={"month": issue_page.default_title(month), "title": clash.title},
                ),
            )
        return cleaned

    def validate_unique(self):
        # The clash above says which issue is in the way; Django's generic "Issue with this
        # month already exists." would say it a second time.
        exclude = {*self._get_validation_exclusions(), "month"}
        try:
            self.instance.validate_unique(exclude=exclude)
        except ValidationError as error:
            self._update_errors(error)

"""Forms readers fill in: subscribe (with its honeypot) and preferences; the admin's CSV import."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from digest.taxonomy.models import Topic

from .models import Subscriber

# What the reader agrees to; the wording shown is stored with the consent record.
CONSENT_TEXT = _(
    "Send me each monthly issue by e-mail. I can unsubscribe at any time with the link "
    "in every e-mail."
)

# Where a subscribe form sits; recorded (in English) as the consent source.
SOURCES = {
    "home": "subscribe box on the home page",
    "summary": "subscribe box on a summary page",
    "page": "subscribe page",
}


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    source = forms.ChoiceField(
        choices=[(key, key) for key in SOURCES], required=False, widget=forms.HiddenInput
    )
    # A honeypot: hidden from people by CSS, filled in by bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)


class TopicsField(forms.ModelMultipleChoiceField):
    """Topics by id; an id no database column can hold is refused as a wrong choice (SQLite
    would raise OverflowError on it, PostgreSQL an error of its own)."""

    LARGEST_ID = 2**63 - 1

    def clean(self, value):
        for pk in value or ():
            text = str(pk)
            if not (text.isdigit() and 0 < int(text) <= self.LARGEST_ID):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super().clean(value)


class PreferencesForm(forms.ModelForm):
    language = forms.ChoiceField(
        label=_("Language of the e-mails"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )
    topics = TopicsField(
        label=_("Topics of interest"),
        queryset=Topic.objects.order_by("sort_order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Optional: summaries on these topics come first in your monthly issue, and they "
            "tell the editor what you would like to read more about."
        ),
    )

    alerts = forms.ChoiceField(
        label=_("Summaries on my topics"),
        choices=[
            (Subscriber.Alerts.OFF, _("In the monthly issue, first (the default)")),
            (
                Subscriber.Alerts.ALL,
                _(
                    "Also an alert when one is published, for all my topics "
                    "(at most one e-mail a day)"
                ),
            ),
            (Subscriber.Alerts.SOME, _("Also an alert, for the topics ticked below only")),
        ],
        widget=forms.RadioSelect,
        required=False,  # a form from before alerts existed keeps the default
    )
    alert_topics = forms.ModelMultipleChoiceField(
        label=_("Topics with alerts"),
        queryset=Topic.objects.order_by("sort_order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Subscriber
        fields = ["language", "topics", "alerts", "alert_topics"]

    def clean(self):
        data = super().clean()
        alerts = data["alerts"] = data.get("alerts") or Subscriber.Alerts.OFF
        if alerts == Subscriber.Alerts.ALL and not data.get("topics"):
            self.add_error("topics", _("Choose at least one topic to be alerted about."))
        if alerts == Subscriber.Alerts.SOME and not data.get("alert_topics"):
            self.add_error("alert_topics", _("Tick at least one topic for alerts."))
        return data


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: email,language,topics (a header row is optional)."),
    )
    consent_source = forms.CharField(
        label=_("Where their consent comes from"),
        max_length=200,
        help_text=_(
            'For example "Members who ticked the newsletter box on the 2024 renewal form".'
        ),
    )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferencesConfig(AppConfig):
    name = "digest.references"
    label = "references"
    verbose_name = _("References")

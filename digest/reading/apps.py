from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadingConfig(AppConfig):
    name = "digest.reading"
    verbose_name = _("Reading lists and teaching packs")
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "translations"
    verbose_name = _("Translation workflow")

    def ready(self):
        # The review e-mails are signal receivers.
        from . import review  # noqa: F401

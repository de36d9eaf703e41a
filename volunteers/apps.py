from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "volunteers"
    verbose_name = _("Volunteers' dashboard and guide")

    def ready(self):
        from . import checks  # noqa: F401 - registers the editor conventions' system checks

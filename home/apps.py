from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Site and pages")

    def ready(self):
        from core.cache import CHROME, watch

        # Every page shows the menu and the footer (home/templatetags/sbm_tags.py).
        watch(CHROME, "home.MainMenu", "home.Footer", "home.FooterLink")

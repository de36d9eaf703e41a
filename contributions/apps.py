from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "contributions"
    verbose_name = _("Contributions and co-creation")

    def ready(self):
        from core.cache import CHROME, watch

        from . import signals  # noqa: F401

        # The sheets' contribution sections are kept until a contribution changes: examples
        # and comments are snippets (watched already); proposals credit their authors.
        watch(CHROME, "contributions.toolproposal")

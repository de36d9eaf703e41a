from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Noyau partagé"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deployment checks

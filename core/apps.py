from django.apps import AppConfig
from django.conf import settings


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from .uploads import bound_pillow

        bound_pillow(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS)

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared kernel as an installed app, so that it can own management commands and
    system checks.

    It has no models: only services every domain app uses the same way.
    """

    name = "core"
    verbose_name = _("Shared kernel")

    def ready(self):
        from . import checks  # noqa: F401 - registers the deployment checks
        from .cache import connect_signals
        from .page_cache import connect_signals as connect_page_cache_signals
        from .site_data import use_cached_private_sections
        from .uploads import bound_pillow

        bound_pillow(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS)
        connect_signals()
        connect_page_cache_signals()
        use_cached_private_sections()

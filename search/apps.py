from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from core.cache import watch

        from . import generation
        from .words import VOCABULARY

        watch(VOCABULARY, "search.searchsynonym", "wagtailsearchpromotions.searchpromotion")
        page_published.connect(generation.bump, dispatch_uid="search_generation_published")
        page_unpublished.connect(generation.bump, dispatch_uid="search_generation_unpublished")

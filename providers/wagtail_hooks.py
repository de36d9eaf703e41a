"""Admin integration and the "providers" section of the tool sheets."""

from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from core.cache import PAGES
from core.sections import register_section
from home.roles import DIRECTORY_TEAM, MODERATORS

from .models import STALE_AFTER, ProviderPage


def stale_providers():
    """Live profiles of the default language not confirmed for twelve months, oldest first."""
    limit = timezone.localdate() - STALE_AFTER
    return (
        ProviderPage.objects.live()
        .filter(locale=Locale.get_default(), last_confirmed__lt=limit)
        .order_by("last_confirmed")
    )


class StaleProvidersPanel(Component):
    """Dashboard panel: profiles the moderators or the directory team should check."""

    name = "stale_providers"
    template_name = "providers/admin/stale_providers_panel.html"
    order = 230

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["stale_providers"] = list(stale_providers()[:20])
        context["stale_count"] = stale_providers().count()
        return context


@hooks.register("construct_homepage_panels")
def add_stale_providers_panel(request, panels):
    user = request.user
    if user.is_superuser or user.groups.filter(name__in=[MODERATORS, DIRECTORY_TEAM]).exists():
        panels.append(StaleProvidersPanel())


def tool_providers_context(tool_page, request):
    """Providers of the tool sheet's language who practised this tool; one query."""
    providers = list(
        ProviderPage.objects.live()
        .filter(locale_id=tool_page.locale_id, tools__translation_key=tool_page.translation_key)
        .distinct()
        .order_by("title")
    )
    if not providers:
        return None
    return {"providers": providers, "tool": tool_page}


register_section(
    "tool_sheet",
    "providers",
    "providers/includes/tool_providers.html",
    get_context=tool_providers_context,
    order=40,
    cached_in=(PAGES,),
)

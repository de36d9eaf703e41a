from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, Lever, Phase, Theme


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class LeverViewSet(TermViewSet):
    model = Lever
    icon = "pick"


class PhaseViewSet(TermViewSet):
    model = Phase
    icon = "time"


class AudienceViewSet(TermViewSet):
    model = Audience
    icon = "group"


class ThemeViewSet(TermViewSet):
    model = Theme
    icon = "tag"


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Classification")
    menu_icon = "folder-inverse"
    menu_order = 300
    items = (LeverViewSet, PhaseViewSet, AudienceViewSet, ThemeViewSet)


register_snippet(TaxonomyGroup)

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from .models import Audience, Lever, Phase, Theme


class TermIndexView(IndexView):
    """Offers to edit, copy or delete only the terms whose language the person writes in.

    Wagtail's listing offers them on every row when the person holds the model permission,
    while the locale scopes (translations/permissions.py) refuse a term of another language:
    an editor writes French terms only, a translator the terms of their language.
    """

    def _may(self, action, instance):
        return import_string(settings.SBM_SNIPPET_WRITE_CHECK)(self.request.user, instance, action)

    def get_edit_url(self, instance):
        if self._may("change", instance):
            return super().get_edit_url(instance)
        return None

    def get_copy_url(self, instance):
        if self._may("add", instance):
            return super().get_copy_url(instance)
        return None

    def get_delete_url(self, instance):
        if self._may("delete", instance):
            return super().get_delete_url(instance)
        return None


class TermViewSet(SnippetViewSet):
    index_view_class = TermIndexView
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

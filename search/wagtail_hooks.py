from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.reports import report_urls

from . import admin_views
from .models import SearchSynonym


@hooks.register("register_admin_urls")
def register_search_report_url():
    return report_urls("recherche/rapport/", admin_views.SearchReportView, "search_report")


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        _("What visitors search for"), reverse("search_report"), icon_name="search", order=710
    )


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_name = "search_synonyms"
    add_to_admin_menu = False
    list_display = ["word", "synonyms"]
    search_fields = ["word", "synonyms"]


register_snippet(SearchSynonymViewSet)

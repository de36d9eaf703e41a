"""Admin integration of the tool library: the downloads report, the bulk import of sheets,
and each tool's impact page (a button in the sheet's header)."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from core.reports import report_urls

from .impact import ToolImpactView
from .import_views import ToolImportView
from .importer import ImportFileError, source_index
from .models import ToolPage
from .reports import DownloadReportView


class DownloadReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("tools.view_downloadcount")


@hooks.register("register_admin_urls")
def register_download_report_url():
    return report_urls("reports/tool-downloads/", DownloadReportView, "tools_download_report")


@hooks.register("register_reports_menu_item")
def register_download_report_menu_item():
    return DownloadReportMenuItem(
        _("Downloads of the tools"),
        reverse("tools_download_report"),
        name="tool-downloads",
        icon_name="download",
        order=1000,
    )


class ToolImportMenuItem(MenuItem):
    def is_shown(self, request):
        try:
            index = source_index()
        except ImportFileError:
            return False
        return index.permissions_for_user(request.user).can_add_subpage()


@hooks.register("register_admin_urls")
def register_tool_import_url():
    return [path("tools/import/", ToolImportView.as_view(), name="tools_import")]


@hooks.register("register_admin_menu_item")
def register_tool_import_menu_item():
    return ToolImportMenuItem(
        _("Import tool sheets"),
        reverse("tools_import"),
        name="tool-import",
        icon_name="upload",
        order=250,
    )


@hooks.register("register_admin_urls")
def register_tool_impact_url():
    return [path("tools/<int:page_id>/impact/", ToolImpactView.as_view(), name="tools_impact")]


class ToolImpactButton(PageMenuItem):
    label = _("Impact of the tool")
    icon_name = "view"
    priority = 68

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()

    @cached_property
    def url(self):
        return reverse("tools_impact", args=[self.page.pk])


@hooks.register("register_page_header_buttons")
def tool_impact_header_button(page, user, view_name, next_url=None):
    if page.specific_class is ToolPage and not page.alias_of_id:
        yield ToolImpactButton(page=page)

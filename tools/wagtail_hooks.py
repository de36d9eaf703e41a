"""Admin integration of the tool library: the downloads report, the bulk import of sheets."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .import_views import ToolImportView
from .importer import ImportFileError, source_index
from .reports import DownloadReportView


class DownloadReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("tools.view_downloadcount")


@hooks.register("register_admin_urls")
def register_download_report_url():
    return [
        path(
            "reports/tool-downloads/",
            DownloadReportView.as_view(),
            name="tools_download_report",
        )
    ]


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

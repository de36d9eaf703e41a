"""Admin integration of the tool library: the downloads report in the Reports menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

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

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_statistics_url():
    return [path("diagnostic/statistiques/", views.statistics, name="diagnostic_statistics")]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("diagnostic.view_diagnosticcompletion")


@hooks.register("register_reports_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(
        _("Self-diagnosis statistics"),
        reverse("diagnostic_statistics"),
        icon_name="table",
        order=700,
    )

"""Admin integration: the translation status report and the translators' dashboard panel.

Translators' writes are kept to their own locale by `translations/middleware.py`."""

from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import views
from .permissions import can_view_translation_status, translator_locales
from .status import STATUS_LABELS, WAITING_STATUSES, waiting_counts


@hooks.register("register_admin_urls")
def register_status_report_url():
    return [
        path(
            "translations/status/",
            views.status_report,
            name="translations_status_report",
        )
    ]


class StatusReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_translation_status(request.user)


@hooks.register("register_reports_menu_item")
def register_status_report_menu_item():
    return StatusReportMenuItem(
        _("Translation status"),
        reverse("translations_status_report"),
        icon_name="globe",
        order=650,
    )


class WaitingTranslationsPanel(Component):
    """Dashboard panel: what waits in the languages of the user's translator groups."""

    name = "waiting_translations"
    template_name = "translations/admin/waiting_panel.html"
    order = 120

    def __init__(self, locales):
        self.locales = locales

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        report_url = reverse("translations_status_report")
        context["languages"] = [
            {
                "name": locale.get_display_name(),
                "url": f"{report_url}?{urlencode({'locale': locale.language_code})}",
                "counts": [
                    {
                        "label": STATUS_LABELS[status],
                        "count": counts[status],
                        "url": f"{report_url}?"
                        + urlencode({"locale": locale.language_code, "status": status}),
                    }
                    for status in WAITING_STATUSES
                ],
            }
            for locale, counts in waiting_counts(self.locales).items()
        ]
        return context


@hooks.register("construct_homepage_panels")
def add_waiting_translations_panel(request, panels):
    if not can_view_translation_status(request.user):
        return
    locales = translator_locales(request.user)
    if locales:
        panels.append(WaitingTranslationsPanel(locales))

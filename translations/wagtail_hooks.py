"""Admin integration: the translation status report, claims, submitting for review, the
glossary, and the translators' dashboard panel.

Translators' writes are kept to their own locale by `translations/middleware.py`."""

from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet

from core.reports import report_urls

from . import claims, views
from .models import GlossaryTerm, TranslationAssignment
from .permissions import can_view_translation_status, translator_locales
from .reports import MINE, StatusReportView
from .status import STATUS_LABELS, WAITING_STATUSES, waiting_counts


@hooks.register("register_admin_urls")
def register_status_report_url():
    return [
        *report_urls("translations/status/", StatusReportView, "translations_status_report"),
        path("translations/claim/", views.claim_view, name="translations_claim"),
        path(
            "translations/claim/<int:assignment_id>/release/",
            views.release_view,
            name="translations_release",
        ),
        path(
            "translations/<int:translation_id>/submit-for-review/",
            views.submit_for_review_view,
            name="translations_submit_for_review",
        ),
    ]


# Before wagtail-localize's own: the same addresses, with only the user's languages offered.
@hooks.register("register_admin_urls", order=-1)
def register_locale_scoped_submit_urls():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            views.SubmitPageTranslationView.as_view(),
            name="translations_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            views.SubmitSnippetTranslationView.as_view(),
            name="translations_submit_snippet_translation",
        ),
    ]


@hooks.register("register_log_actions")
def register_claim_log_actions(actions):
    """Claims and releases in the site history: who took or left what, and when."""
    actions.register_action(
        claims.CLAIM_ACTION, _("Translation claimed"), _("Took care of the translation")
    )
    actions.register_action(
        claims.RELEASE_ACTION, _("Translation released"), _("Released the translation")
    )


class GlossaryViewSet(ModelViewSet):
    model = GlossaryTerm
    icon = "list-ul"
    menu_label = _("Glossary")
    menu_order = 660
    add_to_admin_menu = False
    add_to_settings_menu = False
    list_display = ["french", "german", "italian", "english"]
    search_fields = ["french", "german", "italian", "english"]
    form_fields = ["french", "german", "italian", "english", "note"]


glossary_viewset = GlossaryViewSet("glossary")


@hooks.register("register_admin_viewset")
def register_glossary_viewset():
    return glossary_viewset


class GlossaryMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("translations.change_glossaryterm")


@hooks.register("register_reports_menu_item")
def register_glossary_menu_item():
    return GlossaryMenuItem(
        _("Glossary"),
        reverse(glossary_viewset.get_url_name("index")),
        icon_name="list-ul",
        order=660,
    )


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

    def __init__(self, locales, user):
        self.locales = locales
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        report_url = reverse("translations_status_report")
        context["mine_url"] = f"{report_url}?{urlencode({'assigned_to': MINE})}"
        context["mine_count"] = TranslationAssignment.objects.filter(
            user=self.user, locale__in=self.locales
        ).count()
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
        panels.append(WaitingTranslationsPanel(locales, request.user))

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
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import Translation

from core.reports import report_urls

from . import claims, views
from .models import GlossaryTerm, TranslationAssignment
from .permissions import (
    can_view_translation_status,
    source_language_code,
    translator_locales,
    user_may_write_locale,
)
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


def may_sync_translations(user, source_id):
    """May the user update every translation of this source (the refusal of
    translations/middleware.py, judged on the translations' languages)?"""
    if user.is_superuser:
        return True
    languages = Translation.objects.filter(source_id=source_id, enabled=True).values_list(
        "target_locale__language_code", flat=True
    )
    return all(
        user_may_write_locale(
            user, "wagtail_localize.submit_translation", language, translation=True
        )
        for language in languages
    )


def locale_scoped_translation_buttons(page, user, view_name=None, next_url=None):
    """wagtail-localize's "Translate this page" and "Sync translated pages", the latter only
    to who may update every translated page it writes: a French translator was offered the
    sync of every French original, and refused it."""
    sync_prefix = reverse("wagtail_localize:update_translations", args=[0]).rsplit("0/", 1)[0]
    for button in localize_hooks.page_listing_more_buttons(
        page, user, view_name=view_name, next_url=next_url
    ):
        if button.url.startswith(sync_prefix):
            source_id = int(button.url[len(sync_prefix) :].split("/", 1)[0])
            if not may_sync_translations(user, source_id):
                continue
        yield button


# wagtail-localize registers its function on both hooks when its module is imported (above):
# it is replaced by the locale-scoped one, in place (same order).
for _hook_name in ("register_page_header_buttons", "register_page_listing_more_buttons"):
    hooks._hooks[_hook_name] = [
        (locale_scoped_translation_buttons, order)
        if function is localize_hooks.page_listing_more_buttons
        else (function, order)
        for function, order in hooks._hooks.get(_hook_name, [])
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
    # The languages the status report shows (its links filter on them), the source language
    # excepted: its translators, who translate into French what was written in another
    # language, have no report of their own (reports.report_locales).
    source = source_language_code()
    locales = [
        locale for locale in translator_locales(request.user) if locale.language_code != source
    ]
    if locales:
        panels.append(WaitingTranslationsPanel(locales, request.user))

"""The translation status report: a Wagtail report (core/reports.py) of every page and
translatable snippet in every other language, with claims.

Filters (a django-filter FilterSet): language, status, type of content, assigned to. A person
sees only the languages they may translate into (`report_locales`): a translator's group
scopes them to its language, moderators and administrators see every language. A language
outside that scope is not one of the filter's choices, so asking for it answers 400 and shows
nothing. Wagtail's CSV and XLSX export gives the rows of the table. Each row offers "I'll take
care of it" (claim) or "Release"; the dashboards link to filtered views (`?locale=it&status=
missing`, `?assigned_to=mine`).
"""

import django_filters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from core.reports import AdminReportView
from home.roles import MODERATORS

from . import claims
from .models import TranslationAssignment
from .permissions import can_view_translation_status
from .status import (
    OUTDATED,
    STATUS_CHOICES,
    content_type_choices,
    target_locales,
    translation_status,
)

MINE = "mine"
NOBODY = "nobody"


def report_locales(user):
    """The languages (other than the source) that `user` may translate into, so may see."""
    return [locale for locale in target_locales() if claims.may_claim(user, locale)]


class StatusReportFilterSet(WagtailFilterSet):
    """The report's filters; the view applies them to its rows (they are not a queryset)."""

    locale = django_filters.ChoiceFilter(label=_("Language"), empty_label=_("All"))
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, empty_label=_("All")
    )
    content_type = django_filters.ChoiceFilter(
        label=_("Type of content"), choices=content_type_choices, empty_label=_("All")
    )
    assigned_to = django_filters.ChoiceFilter(label=_("Assigned to"), empty_label=_("All"))

    class Meta:
        model = TranslationAssignment
        fields = []

    def __init__(self, *args, locales, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["locale"].extra["choices"] = [
            (locale.language_code, locale.get_display_name()) for locale in locales
        ]
        claimants = (
            get_user_model()
            .objects.filter(pk__in=TranslationAssignment.objects.values("user_id"))
            .order_by("username")
        )
        self.filters["assigned_to"].extra["choices"] = [
            (MINE, _("Me")),
            (NOBODY, _("Nobody")),
            *((str(user.pk), user.get_full_name() or user.get_username()) for user in claimants),
        ]


class StatusReportView(AdminReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    results_template_name = "translations/admin/status_report_results.html"
    index_url_name = "translations_status_report"
    filterset_class = StatusReportFilterSet
    context_object_name = "rows"
    paginate_by = 100
    list_export = [
        "item.label",
        "item.type_label",
        "locale.language_code",
        "status_label",
        "translated",
        "total",
        "admin_url",
        "assignee",
        "claimed_at",
    ]
    export_headings = {
        "item.label": _("Title"),
        "item.type_label": _("Type of content"),
        "locale.language_code": _("Language"),
        "status_label": _("Status"),
        "translated": _("Translated texts"),
        "total": _("Texts to translate"),
        "admin_url": _("Address in the administration"),
        "assignee": _("Assigned to"),
        "claimed_at": _("Since"),
    }
    export_filename = "translation-status"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_translation_status(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def locales(self):
        return report_locales(self.request.user)

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "locales": self.locales}

    def get_filtered_queryset(self):
        chosen = self.filters.form.cleaned_data
        locales = self.locales
        if chosen["locale"]:
            locales = [locale for locale in locales if locale.language_code == chosen["locale"]]
        rows, self.counts = translation_status(
            locales=locales,
            content_type_ids=[int(chosen["content_type"])] if chosen["content_type"] else None,
            statuses=[chosen["status"]] if chosen["status"] else None,
        )
        return self.assigned_rows(rows, chosen["assigned_to"])

    def assigned_rows(self, rows, assigned_to):
        if not assigned_to:
            return rows
        if assigned_to == NOBODY:
            return [row for row in rows if row.assignment is None]
        user_id = self.request.user.pk if assigned_to == MINE else int(assigned_to)
        return [row for row in rows if row.assignment and row.assignment.user_id == user_id]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if self.is_export:
            return context
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        user = self.request.user
        claimable_locales = {locale.pk for locale in self.locales}
        for row in context["rows"]:
            # A synchronisation updates every language of the page: a translator may start it
            # only when all of them are theirs (translations/middleware.py refuses the rest).
            row.may_sync = (
                row.status == OUTDATED
                and row.source_id is not None
                and row.translation_locale_ids <= claimable_locales
            )
        context.update(
            {
                "counts": [(value, label, self.counts[value]) for value, label in STATUS_CHOICES],
                "claimable_locales": claimable_locales,
                "next_url": f"{self.index_url}?{urlencode(list(query.lists()), doseq=True)}",
                "may_release_all": user.is_superuser
                or user.groups.filter(name=MODERATORS).exists(),
            }
        )
        return context

"""Admin reports: Wagtail's `ReportView` with what every report of the site adds (issue 22).

A report is a `ReportView` subclass (table columns or its own results template, a django-filter
`FilterSet` for its filters, `list_export` and `export_headings` for Wagtail's CSV and XLSX
export) built on `AdminReportView`, which adds:

- exported text cells that no spreadsheet program runs as formulas (`NeutralisedExportMixin`,
  core/spreadsheets.py): Wagtail writes CSV cells raw;
- a byte order mark at the start of CSV files, so that spreadsheet programs read UTF-8;
- filters that do not validate answer 400 with what is wrong, instead of Wagtail's silent
  fallback to the unfiltered table (a forged language must never widen what a person sees);

and `report_urls`, the report's address and its results-only address (what Wagtail's filters
reload in place), registered the way Wagtail registers its own reports; `language_filter`, the
filter by language that reports share.
"""

import django_filters
from django.http import HttpResponseBadRequest
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from .spreadsheets import NeutralisedExportMixin


class AdminReportView(NeutralisedExportMixin, ReportView):
    """A Wagtail report with formula-safe exports and a 400 for filters that do not validate.

    A report that declares `columns` and no `list_export` exports its table's columns, under
    the same headings.
    """

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        columns = cls.__dict__.get("columns")
        if columns and "list_export" not in cls.__dict__:
            cls.list_export = [column.name for column in columns]
            cls.export_headings = {column.name: column.label for column in columns}

    def get_index_results_url(self):
        # `report_urls` names the results address after the report's.
        return reverse(f"{self.index_url_name}_results")

    def get(self, request, *args, **kwargs):
        if self.filters is not None and not self.filters.is_valid():
            return HttpResponseBadRequest(
                _("These filters are not valid: %(errors)s") % {"errors": self.filter_errors()},
                content_type="text/plain; charset=utf-8",
            )
        return super().get(request, *args, **kwargs)

    def stream_csv(self, queryset):
        # A byte order mark first lets spreadsheet programs recognise UTF-8 (accents).
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    def filter_errors(self):
        form = self.filters.form
        return "; ".join(
            f"{form.fields[name].label if name in form.fields else name} ({' '.join(errors)})"
            for name, errors in form.errors.items()
        )


def language_choices():
    """The site's languages (its locales), by code, named in the administrator's language."""
    return [
        (locale.language_code, locale.get_display_name())
        for locale in Locale.objects.order_by("language_code")
    ]


def language_filter(field_name):
    """A report's filter by the language code in `field_name`; every language by default."""
    return django_filters.ChoiceFilter(
        label=gettext_lazy("Language"),
        field_name=field_name,
        choices=language_choices,
        empty_label=gettext_lazy("All languages"),
    )


def report_urls(route, view_class, name, **initkwargs):
    """The report at `route` named `name`, and its results (`name` + "_results")."""
    return [
        path(route, view_class.as_view(**initkwargs), name=name),
        path(
            f"{route}results/",
            view_class.as_view(results_only=True, **initkwargs),
            name=f"{name}_results",
        ),
    ]

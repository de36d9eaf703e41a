"""The translation status report in the Wagtail admin, with filters and a CSV export."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.spreadsheets import SafeCsvWriter
from core.urls import absolute_url

from .permissions import can_view_translation_status
from .status import STATUS_CHOICES, content_type_choices, target_locales, translation_status


class StatusFilterForm(forms.Form):
    locale = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    content_type = forms.ChoiceField(label=gettext_lazy("Type of content"), required=False)

    def __init__(self, *args, target_locales, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["locale"].choices = everything + [
            (locale.language_code, locale.get_display_name()) for locale in target_locales
        ]
        self.fields["status"].choices = everything + [
            (value, str(label)) for value, label in STATUS_CHOICES
        ]
        self.fields["content_type"].choices = everything + [
            (str(pk), label) for pk, label in content_type_choices()
        ]


def status_report(request):
    if not can_view_translation_status(request.user):
        raise PermissionDenied
    locales = target_locales()
    form = StatusFilterForm(request.GET or None, target_locales=locales)
    content_type_ids, statuses = None, None
    if form.is_valid():
        if code := form.cleaned_data["locale"]:
            locales = [locale for locale in locales if locale.language_code == code]
        if content_type := form.cleaned_data["content_type"]:
            content_type_ids = [int(content_type)]
        if status := form.cleaned_data["status"]:
            statuses = [status]
    rows, counts = translation_status(
        locales=locales, content_type_ids=content_type_ids, statuses=statuses
    )
    if request.GET.get("export") == "csv":
        return _csv_response(request, rows)
    query = request.GET.copy()
    query.pop("export", None)
    query["export"] = "csv"
    return render(
        request,
        "translations/admin/status_report.html",
        {
            "page_title": _("Translation status"),
            "form": form,
            "rows": rows,
            "counts": [(value, label, counts[value]) for value, label in STATUS_CHOICES],
            "csv_url": f"?{query.urlencode()}",
        },
    )


def _csv_response(request, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
    response.write("\ufeff")  # Lets spreadsheet software recognise UTF-8.
    writer = SafeCsvWriter(response)
    writer.writerow(
        [
            _("Title"),
            _("Type of content"),
            _("Language"),
            _("Status"),
            _("Translated texts"),
            _("Texts to translate"),
            _("Address in the administration"),
        ]
    )
    for row in rows:
        url = row.action_url
        writer.writerow(
            [
                row.item.label,
                row.item.type_label,
                row.locale.language_code,
                row.status_label,
                row.translated,
                row.total,
                absolute_url(url) if url else "",
            ]
        )
    return response

"""Counted downloads of the instruments: one atomic upsert, then Wagtail's own document serving."""

from django.db import connection
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe
from wagtail.documents.views.serve import serve

from .models import DownloadCount, ToolInstrument

COUNTED_STATUSES = {200, 301, 302}


def count_download(tool_key, document_id, locale_id, day=None):
    """Add one download, atomically: concurrent requests never lose a count.

    A single `INSERT ... ON CONFLICT DO UPDATE SET count = count + 1` statement (PostgreSQL
    and SQLite both support it): the database serialises the increments on the row.
    """
    day = day or timezone.localdate()
    table = connection.ops.quote_name(DownloadCount._meta.db_table)
    key = DownloadCount._meta.get_field("tool_key").get_db_prep_value(
        tool_key, connection, prepared=False
    )
    with connection.cursor() as cursor:
        # The table name is quoted from the model; every value is a bound parameter.
        cursor.execute(
            f"INSERT INTO {table} (tool_key, document_id, locale_id, day, count) "  # noqa: S608  # nosec B608
            "VALUES (%s, %s, %s, %s, 1) "
            "ON CONFLICT (tool_key, document_id, locale_id, day) "
            f"DO UPDATE SET count = {table}.count + 1",
            [key, document_id, locale_id, day],
        )


@require_safe
def download_instrument(request, instrument_id, filename):
    """Serve an instrument's document the way Wagtail serves documents, and count it.

    Wagtail's `serve` view applies collection privacy, the `before_serve_document` hooks and
    WAGTAILDOCS_SERVE_METHOD (redirect to the storage, or stream the file). Only a download that
    is actually served (200, or a redirect to the file) is counted; a HEAD request is not.
    """
    instrument = get_object_or_404(
        ToolInstrument.objects.select_related("document", "page"), pk=instrument_id
    )
    page = instrument.page
    if not page.live:
        raise Http404("This tool sheet is not published.")
    document = instrument.document
    if document.filename != filename:
        raise Http404("This document does not match the given filename.")
    response = serve(request, document.pk, document.filename)
    if request.method == "GET" and response.status_code in COUNTED_STATUSES:
        count_download(page.translation_key, document.pk, page.locale_id)
    return response

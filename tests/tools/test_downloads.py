"""Downloads are counted per document, language and day, atomically, then served like Wagtail."""

import contextlib
import threading

import pytest
from django.db import connection, connections
from django.test import Client, override_settings
from django.utils import timezone

from tests.factories import ToolPageFactory
from tests.html import parse, texts
from tools.downloads import count_download
from tools.models import DownloadCount, ToolInstrument, ToolPage


def download_url(instrument):
    return f"/tools/download/{instrument.pk}/{instrument.document.filename}"


def total(**filters):
    return sum(DownloadCount.objects.filter(**filters).values_list("count", flat=True))


@pytest.mark.django_db
def test_a_download_serves_the_file_and_counts_once(client):
    tool = ToolPage.objects.get(sheet_number="02a", locale__language_code="fr")
    instrument = tool.instruments.first()
    response = client.get(download_url(instrument))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["X-Content-Type-Options"] == "nosniff"
    row = DownloadCount.objects.get(tool_key=tool.translation_key)
    assert (row.document_id, row.locale_id, row.day, row.count) == (
        instrument.document_id,
        tool.locale_id,
        timezone.localdate(),
        1,
    )


@pytest.mark.django_db
def test_each_language_counts_apart_and_the_sheet_adds_them_up(client):
    german = ToolPage.objects.get(sheet_number="02a", locale__language_code="de")
    client.get(download_url(german.instruments.first()))
    french = ToolPage.objects.get(sheet_number="02a", locale__language_code="fr")
    client.get(download_url(french.instruments.first()))
    assert total(tool_key=french.translation_key, locale=german.locale) == 1
    assert total(tool_key=french.translation_key, locale=french.locale) == 1
    instruments = texts(parse(client.get(french.url)), "ul.tool-instruments > li")
    assert any("Téléchargé 2 fois." in instrument for instrument in instruments)


@pytest.mark.django_db
def test_head_requests_and_wrong_names_are_not_counted(client):
    instrument = ToolInstrument.objects.filter(page__locale__language_code="fr").first()
    assert client.head(download_url(instrument)).status_code == 200
    assert client.get(f"/tools/download/{instrument.pk}/other.pdf").status_code == 404
    assert client.get("/tools/download/999999/x.pdf").status_code == 404
    assert DownloadCount.objects.count() == 0


@pytest.mark.django_db
def test_instruments_of_an_unpublished_sheet_are_not_served(client):
    tool = ToolPageFactory(bare=True, instrument_count=1)
    tool.unpublish()
    assert client.get(download_url(tool.instruments.first())).status_code == 404


@pytest.mark.django_db
@override_settings(WAGTAILDOCS_SERVE_METHOD="redirect")
def test_the_redirect_serve_method_redirects_to_the_file_and_counts(client):
    instrument = ToolInstrument.objects.filter(page__locale__language_code="fr").first()
    response = client.get(download_url(instrument))
    assert response.status_code == 302
    assert response["Location"] == instrument.document.file.url
    assert total() == 1


@pytest.mark.django_db
def test_the_count_is_one_statement(django_assert_num_queries):
    tool = ToolPage.objects.get(sheet_number="02a", locale__language_code="fr")
    document_id = tool.instruments.first().document_id
    with django_assert_num_queries(1):
        count_download(tool.translation_key, document_id, tool.locale_id)
    count_download(tool.translation_key, document_id, tool.locale_id)
    assert total(tool_key=tool.translation_key) == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_downloads_are_all_counted():
    tool = ToolPage.objects.get(sheet_number="02a", locale__language_code="fr")
    url = download_url(tool.instruments.first())
    downloads = 12
    barrier = threading.Barrier(downloads)
    statuses = []
    # The SQLite test database lives in shared-cache memory, where a second writer gets
    # "table is locked" at once instead of waiting: there the requests take turns (the count
    # is still one atomic statement). PostgreSQL runs them truly at the same time.
    turns = threading.Lock() if connection.vendor == "sqlite" else contextlib.nullcontext()

    def download():
        try:
            barrier.wait()
            with turns:
                response = Client(HTTP_HOST="localhost").get(url)
                statuses.append(response.status_code)
                response.close()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=download) for _ in range(downloads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * downloads
    connection.close()
    assert total(tool_key=tool.translation_key) == downloads

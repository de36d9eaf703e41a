"""Uploaded files are served by Django in development and in the tests, never in production."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]

SHOW_MEDIA_ROUTE = (
    "import django; django.setup();"
    "from django.conf import settings; from django.urls import Resolver404, resolve;\n"
    "try:\n    print(settings.DEBUG, resolve(settings.MEDIA_URL + 'x.png').func.__name__)\n"
    "except Resolver404:\n    print(settings.DEBUG, 'not-served')"
)


def media_route(settings_module, **environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SERVE_MEDIA", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(DJANGO_SETTINGS_MODULE=settings_module, **environment)
    result = subprocess.run(
        [sys.executable, "-c", SHOW_MEDIA_ROUTE],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


@pytest.mark.slow
def test_the_development_server_serves_uploaded_files():
    assert media_route("sbm_site.settings.dev") == ["True", "serve"]


@pytest.mark.slow
def test_production_leaves_uploaded_files_to_the_web_server():
    assert media_route(
        "sbm_site.settings.production",
        SECRET_KEY="a-long-random-production-secret-key-with-enough-entropy-1234567890",
        ALLOWED_HOSTS="www.socialbusinessmodels.ch",
        DATABASE_URL="sqlite:////tmp/sbm-check-media.sqlite3",
        SITE_URL="https://www.socialbusinessmodels.ch",
    ) == ["False", "not-served"]


@pytest.mark.django_db
def test_an_uploaded_file_is_served_in_the_tests_as_in_development(client):
    folder = Path(settings.MEDIA_ROOT) / "original_images"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "served-in-tests.txt").write_text("uploaded")

    response = client.get(f"{settings.MEDIA_URL}original_images/served-in-tests.txt")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"uploaded"

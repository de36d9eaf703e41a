"""Every page type, in every locale, is valid HTML for the W3C Nu HTML checker (vnu.jar).

The pages are fetched with the test client, written to a temporary folder and checked in one
run of vnu.jar (its start-up costs seconds). `scripts/vnu` installs the checker once into
.cache/vnu/ (outside git) from the npm package vnu-jar; it runs on the system's Java.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from tests.conftest import LANGUAGE_CODES

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

# Views that are not Wagtail pages, in every language.
VIEWS = [
    "/{lang}/search/",
    "/{lang}/search/?q=mod%C3%A8le",
    "/{lang}/contribuer/",
    "/{lang}/contribuer/proposer-un-outil/",
    "/{lang}/page-qui-n-existe-pas/",
]


def vnu_jar():
    if shutil.which("java") is None:
        pytest.fail("java is needed for the Nu HTML checker (apt-get install default-jre)")
    installed = subprocess.run(
        [ROOT / "scripts" / "vnu"], capture_output=True, text=True, check=False
    )
    assert installed.returncode == 0, installed.stderr
    return installed.stdout.strip()


def one_page_of_each_type(language_code):
    """One live page of every page type in `language_code` (the home page included)."""
    pages = []
    types = Page.objects.live().filter(depth__gt=1).values_list("content_type", flat=True)
    for content_type in ContentType.objects.filter(pk__in=set(types)).order_by("model"):
        page = (
            Page.objects.live()
            .public()
            .filter(content_type=content_type, locale__language_code=language_code)
            .order_by("path")
            .first()
        )
        if page is not None:
            pages.append(page)
    return pages


def nu_errors(jar, files):
    checked = subprocess.run(
        ["java", "-Xss4m", "-jar", jar, "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    report = json.loads(checked.stderr or checked.stdout)
    return [
        f"{Path(message['url']).name}:{message.get('lastLine')}: {message['message']}"
        f" [{message.get('extract', '').strip()[:120]}]"
        for message in report["messages"]
    ]


def test_every_page_type_in_every_language_is_valid_html(client, tmp_path):
    jar = vnu_jar()
    files = []
    for language_code in LANGUAGE_CODES:
        urls = [page.url for page in one_page_of_each_type(language_code)]
        urls += [view.format(lang=language_code) for view in VIEWS]
        for url in urls:
            response = client.get(url)
            assert response.status_code in (200, 404), (url, response.status_code)
            name = url.strip("/").replace("/", "__").replace("?", "--") or "root"
            target = tmp_path / f"{name}.html"
            target.write_bytes(response.content)
            files.append(target)
    assert len(files) > 4 * len(VIEWS) + 4 * 10, "fewer page types than the demo site has"

    errors = nu_errors(jar, files)

    assert errors == [], "\n".join(errors)

"""One public origin: SITE_URL builds every absolute URL and drives Wagtail's Site record."""

import io

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from core import checks
from core.urls import absolute_url, origin_parts, page_url

SITE = "https://www.sbm.test"


def errors(**settings_values):
    with override_settings(**settings_values):
        return [
            message.id
            for message in run_checks(include_deployment_checks=True)
            if message.id.startswith("core.")
        ]


@override_settings(SITE_URL=SITE)
def test_a_path_lands_on_the_public_origin():
    assert absolute_url("/fr/outils/") == f"{SITE}/fr/outils/"
    assert absolute_url("fr/") == f"{SITE}/fr/"
    assert absolute_url("https://cdn.example.org/a.png") == "https://cdn.example.org/a.png"
    assert absolute_url("//cdn.example.org/a.png") == "https://cdn.example.org/a.png"


@pytest.mark.parametrize(
    ("url", "parts"),
    [
        ("https://www.socialbusinessmodels.ch", ("https", "www.socialbusinessmodels.ch", 443)),
        ("http://127.0.0.1:8000", ("http", "127.0.0.1", 8000)),
        ("http://example.org/", ("http", "example.org", 80)),
    ],
)
def test_origin_parts_make_the_port_explicit(url, parts):
    assert origin_parts(url) == parts


@pytest.mark.django_db
def test_a_page_address_ignores_the_host_of_the_request(rf, home_page):
    request = rf.get("/fr/", HTTP_HOST="127.0.0.1:8000")
    with override_settings(SITE_URL="https://www.socialbusinessmodels.ch"):
        assert page_url(home_page, request) == "https://www.socialbusinessmodels.ch/fr/"


@pytest.mark.django_db
def test_setup_site_gives_the_site_record_the_public_origin_and_follows_a_change(home_page):
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == SITE  # the demo site was built with the tests' SITE_URL
    with override_settings(SITE_URL="http://127.0.0.1:8000"):
        output = io.StringIO()
        call_command("setup_site", stdout=output)
        assert "default site now at http://127.0.0.1:8000" in output.getvalue()
        site.refresh_from_db()
        assert (site.hostname, site.port) == ("127.0.0.1", 8000)
        again = io.StringIO()
        call_command("setup_site", stdout=again)
        assert "0 change(s)" in again.getvalue()
        # Wagtail's own absolute URLs (the API's html_url) agree with ours.
        assert home_page.get_full_url() == page_url(home_page) == "http://127.0.0.1:8000/fr/"


def test_the_deploy_check_wants_a_public_https_site_url():
    assert errors(SITE_URL="https://www.socialbusinessmodels.ch") == []
    assert errors(SITE_URL="") == ["core.E001"]
    assert errors(SITE_URL="http://127.0.0.1:8000") == ["core.E003"]
    assert errors(SITE_URL="http://localhost") == ["core.E003"]
    assert errors(SITE_URL="http://www.socialbusinessmodels.ch") == ["core.W001"]


def test_the_site_url_must_be_an_origin_wagtail_can_hold():
    assert errors(SITE_URL="https://www.socialbusinessmodels.ch/fr/") == ["core.E002"]
    assert errors(SITE_URL="ftp://www.socialbusinessmodels.ch") == ["core.E002"]
    # Wagtail's Site.root_url is https on port 443 only.
    assert errors(SITE_URL="https://www.socialbusinessmodels.ch:8443") == ["core.E004"]


def test_local_addresses_are_recognised():
    assert checks.is_local("localhost")
    assert checks.is_local("10.0.0.4")
    assert checks.is_local("::1")
    assert not checks.is_local("www.socialbusinessmodels.ch")

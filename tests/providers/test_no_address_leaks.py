"""No private e-mail address (providers', contributors', users') ever appears in a page.

The test crawls every live page of the demo site in every language, the directory's filtered
listings and the providers' forms (blank and with errors), and searches each response for
every private address stored in the database: every EmailField of every model except the
fields that are public by design (listed below), and the users' addresses.
"""

from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db import models
from wagtail.models import Page

from providers.models import ProviderPage
from providers.tokens import make_token
from tests.factories import ProviderPageFactory, UserFactory
from tests.html import one, parse

pytestmark = pytest.mark.django_db

# "app_label.Model.field" of addresses meant to be published.
PUBLIC_EMAIL_FIELDS = {"home.SiteSettings.contact_email"}


def private_addresses():
    addresses = set(User.objects.exclude(email="").values_list("email", flat=True))
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            label = f"{model._meta.app_label}.{model.__name__}.{field.name}"
            if isinstance(field, models.EmailField) and label not in PUBLIC_EMAIL_FIELDS:
                values = model._default_manager.exclude(**{field.name: ""}).exclude(
                    **{f"{field.name}__isnull": True}
                )
                addresses |= set(values.values_list(field.name, flat=True))
    return {address.lower() for address in addresses}


def assert_no_address(response, addresses, url):
    assert response.status_code < 500, f"{url} answered {response.status_code}"
    text = response.content.decode().lower()
    leaked = [address for address in addresses if address in text]
    assert not leaked, f"{url} shows {leaked}"


@pytest.mark.slow
def test_no_private_address_in_any_page_or_form(client, index):
    UserFactory(username="contributrice", email="contributrice@secret.example.net")
    ProviderPageFactory(
        parent=index, title="Profil témoin", owner_email="temoin@secret.example.net"
    )
    addresses = private_addresses()
    assert "temoin@secret.example.net" in addresses
    assert "contributrice@secret.example.net" in addresses
    assert len([a for a in addresses if a.endswith("@prestataires.example.org")]) >= 12

    urls = []
    for page in Page.objects.live().filter(depth__gt=1).specific():
        urls.append(page.url)
    assert any(url.startswith("/de/prestataires/") for url in urls)
    for language in ["fr", "de", "it", "en"]:
        urls += [
            f"/{language}/prestataires/?region=CH-VD&service=consulting",
            f"/{language}/prestataires/?page=2",
            f"/{language}/prestataires/apply/",
            f"/{language}/prestataires/apply/?sent=1",
        ]
    for url in urls:
        assert_no_address(client.get(url), addresses, url)

    for provider in ProviderPage.objects.live().filter(locale__language_code="fr")[:5]:
        update = f"{provider.url}update/?{urlencode({'token': make_token(provider)})}"
        assert_no_address(client.get(update), addresses, update)
        response = client.post(provider.url, {"name": "", "email": "x", "message": ""})
        assert_no_address(response, addresses, provider.url)
        assert one(parse(response), "section#contact form").select(".errorlist")
    response = client.post("/fr/prestataires/apply/", {"title": "x"})
    assert_no_address(response, addresses, "/fr/prestataires/apply/ with errors")

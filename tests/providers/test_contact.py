"""Writing to a provider: the message is forwarded, the address never shown, abuse limited."""

import pytest
from django.core import mail
from wagtail.models import Page

from providers.views import CONTACT_LIMIT
from tests.factories import ProviderPageFactory
from tests.html import one, parse

pytestmark = pytest.mark.django_db

MESSAGE = {
    "name": "Lucie Martin",
    "email": "lucie@association.example.ch",
    "message": "Bonjour, nous cherchons un accompagnement pour notre comité.",
    "homepage": "",
}


@pytest.fixture
def provider(index):
    return ProviderPageFactory(
        parent=index, title="Conseil Léman", owner_email="cachee@secret.example.net"
    )


def test_the_profile_shows_a_contact_form_but_not_the_address(client, provider):
    html = client.get(provider.url).content.decode()
    contact = one(parse(html), "section#contact")
    one(contact, 'form textarea[name="message"]')
    assert "cachee@secret.example.net" not in html


def test_a_message_is_forwarded_to_the_provider_with_the_sender_as_reply_address(client, provider):
    response = client.post(provider.url, MESSAGE)
    assert response.status_code == 302
    assert response["Location"] == provider.url + "?contact=sent#contact"
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["cachee@secret.example.net"]
    assert sent.reply_to == ["lucie@association.example.ch"]
    assert "notre comité" in sent.body
    assert "Lucie Martin" in sent.subject
    confirmation = client.get(response["Location"]).content.decode()
    one(parse(confirmation), 'section#contact p.notice--success[role="status"]')
    assert "cachee@secret.example.net" not in confirmation


def test_a_message_from_an_alias_page_reaches_the_same_provider(client, provider):
    german = Page.objects.get(alias_of=provider, locale__language_code="de")
    response = client.post(german.url, MESSAGE)
    assert response.status_code == 302
    assert mail.outbox[0].to == ["cachee@secret.example.net"]


def test_an_invalid_message_shows_the_errors_and_sends_nothing(client, provider):
    response = client.post(provider.url, {**MESSAGE, "email": "pas-une-adresse", "message": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert one(parse(html), "section#contact form").select(".errorlist")
    assert "cachee@secret.example.net" not in html
    assert mail.outbox == []


def test_the_honeypot_drops_robots_silently(client, provider):
    response = client.post(provider.url, {**MESSAGE, "homepage": "http://spam.example"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_messages_are_rate_limited_per_address(client, provider):
    for _ in range(CONTACT_LIMIT):
        assert client.post(provider.url, MESSAGE).status_code == 302
    response = client.post(provider.url, MESSAGE)
    assert response.status_code == 429
    assert len(mail.outbox) == CONTACT_LIMIT
    other_visitor = client.post(provider.url, MESSAGE, REMOTE_ADDR="192.0.2.77")
    assert other_visitor.status_code == 302
    assert len(mail.outbox) == CONTACT_LIMIT + 1


def test_pages_with_a_form_are_never_cached(client, provider):
    for url in [provider.url, "/fr/prestataires/apply/"]:
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control

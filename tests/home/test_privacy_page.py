"""The privacy page says how long each kind of personal data is kept, with the periods of the
settings, in every language."""

import pytest
from django.utils import translation

from core.retention import retention_rules
from tests.html import parse, texts

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "de", "it", "en"]


def periods_shown(client, language):
    response = client.get(f"/{language}/protection-des-donnees/")
    assert response.status_code == 200
    return texts(parse(response), "table.retention-periods tbody td")


def normalised(text):
    """As tests.html.texts() reads it: white space (non-breaking too) collapsed."""
    return " ".join(text.split())


def public_rules():
    rules = {}
    for rule in retention_rules():
        if rule.public_label:
            rules.setdefault(str(rule.public_label), rule)
    return list(rules.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_retention_period_is_on_the_privacy_page(client, language):
    shown = periods_shown(client, language)
    with translation.override(language):
        expected = [rule.public_text for rule in public_rules()]
        labels = [str(rule.public_label) for rule in public_rules()]
    assert len(shown) == len(expected) >= 6
    assert [text.lower() for text in shown] == [normalised(text).lower() for text in expected]
    table_labels = texts(
        parse(client.get(f"/{language}/protection-des-donnees/")),
        "table.retention-periods tbody th",
    )
    assert table_labels == [normalised(label) for label in labels]


def test_the_page_follows_the_settings(client, settings):
    settings.RETENTION_REGISTRATIONS_DAYS = 45
    settings.RETENTION_LOGIN_RECORDS_DAYS = 12
    for language in LANGUAGES:
        shown = " ".join(periods_shown(client, language))
        assert "45" in shown
        assert "12" in shown


def test_the_periods_are_translated():
    with translation.override("fr"):
        french = [rule.public_text for rule in public_rules()]
    for language in ["de", "it", "en"]:
        with translation.override(language):
            assert [rule.public_text for rule in public_rules()] != french

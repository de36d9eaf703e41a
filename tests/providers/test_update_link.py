"""The owner's secure link: one profile only, expiring, and nothing public before approval."""

import datetime
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.test import override_settings

from providers.models import ProviderPage
from providers.tokens import make_token, token_matches
from tests.factories import ModeratorFactory, ProviderPageFactory
from tests.html import one, parse, text_of
from tests.providers.conftest import days_ago

pytestmark = pytest.mark.django_db


PUBLIC_INTRO = "article.provider-profile header p.lead"


def update_path(page, token=None, language="fr"):
    base = page.url.replace("/fr/", f"/{language}/", 1)
    return f"{base}update/?{urlencode({'token': token or make_token(page)})}"


def form_data(**changes):
    return {
        "title": "Conseil Léman",
        "kind": "person",
        "intro": "Nouvelle accroche.",
        "bio": "Nouvelle présentation.",
        "services": ["coaching"],
        "regions": ["CH-GE"],
        "languages": ["fr", "en"],
        "references": "",
        "website": "",
        **changes,
    }


@pytest.fixture
def profile_a(index):
    return ProviderPageFactory(
        parent=index,
        title="Conseil Léman",
        intro="Ancienne accroche.",
        owner_email="a@secret.example.net",
        last_confirmed=days_ago(400),
    )


@pytest.fixture
def profile_b(index):
    return ProviderPageFactory(parent=index, title="Profil B", owner_email="b@secret.example.net")


def test_the_link_opens_a_form_filled_with_the_profile(client, profile_a):
    response = client.get(update_path(profile_a))
    assert response.status_code == 200
    html = response.content.decode()
    intro = one(parse(html), 'form.provider-form textarea[name="intro"]')
    assert intro.get_text().strip() == "Ancienne accroche."
    assert "a@secret.example.net" not in html


def test_the_link_also_works_on_the_profile_in_another_language(client, profile_a):
    assert client.get(update_path(profile_a, language="it")).status_code == 200


def test_an_update_is_a_draft_revision_submitted_to_the_moderators(
    client, profile_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(update_path(profile_a), form_data())
    assert response.status_code == 302
    live = ProviderPage.objects.get(pk=profile_a.pk)
    assert live.intro == "Ancienne accroche."
    assert live.has_unpublished_changes
    assert live.last_confirmed == days_ago(400)
    draft = live.get_latest_revision_as_object()
    assert draft.intro == "Nouvelle accroche."
    assert draft.services == ["coaching"]
    assert draft.last_confirmed == datetime.date.today()
    assert live.current_workflow_state.workflow.name == "Vérification des prestataires"
    public = client.get(profile_a.url).content.decode()
    assert text_of(one(parse(public), PUBLIC_INTRO)) == "Ancienne accroche."
    assert "Nouvelle accroche." not in public
    assert any(m.to == ["a@secret.example.net"] for m in mail.outbox)

    moderator = ModeratorFactory(username="moderateur")
    state = live.current_workflow_state
    state.current_task_state.task.specific.on_action(state.current_task_state, moderator, "approve")
    assert text_of(one(parse(client.get(profile_a.url)), PUBLIC_INTRO)) == "Nouvelle accroche."
    assert ProviderPage.objects.get(pk=profile_a.pk).last_confirmed == datetime.date.today()


def test_a_second_update_replaces_the_pending_one(client, profile_a):
    client.post(update_path(profile_a), form_data(intro="Premier essai."))
    client.post(update_path(profile_a), form_data(intro="Second essai."))
    page = ProviderPage.objects.get(pk=profile_a.pk)
    assert page.get_latest_revision_as_object().intro == "Second essai."
    assert page.current_workflow_state.current_task_state.revision_id == page.latest_revision_id
    assert page.intro == "Ancienne accroche."


def test_a_token_for_one_profile_cannot_edit_another(client, profile_a, profile_b):
    token_for_a = make_token(profile_a)
    assert client.get(update_path(profile_b, token_for_a)).status_code == 403
    response = client.post(update_path(profile_b, token_for_a), form_data(title="Piraté"))
    assert response.status_code == 403
    page_b = ProviderPage.objects.get(pk=profile_b.pk)
    assert page_b.title == "Profil B"
    assert page_b.get_latest_revision_as_object().title == "Profil B"


def test_a_tampered_token_is_rejected(client, profile_a):
    token = make_token(profile_a)
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    assert client.get(update_path(profile_a, tampered)).status_code == 403
    assert client.get(update_path(profile_a, "nimportequoi")).status_code == 403
    assert not token_matches("", profile_a)


def test_an_expired_token_is_rejected(client, profile_a):
    token = make_token(profile_a)
    with override_settings(PROVIDER_UPDATE_LINK_MAX_AGE=-1):
        response = client.post(update_path(profile_a, token), form_data())
    assert response.status_code == 403
    assert not ProviderPage.objects.get(pk=profile_a.pk).has_unpublished_changes


def test_a_token_dies_when_the_owner_address_changes(profile_a):
    token = make_token(profile_a)
    profile_a.owner_email = "nouvelle@secret.example.net"
    assert not token_matches(token, profile_a)


def test_invalid_data_is_refused_with_errors(client, profile_a):
    response = client.post(update_path(profile_a), form_data(title="", services=["inconnu"]))
    assert response.status_code == 400
    assert parse(response).select("form.provider-form .errorlist")
    assert not ProviderPage.objects.get(pk=profile_a.pk).has_unpublished_changes

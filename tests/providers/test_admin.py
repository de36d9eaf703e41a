"""Moderators edit profiles in the Wagtail admin with checkboxes for the lists."""

import pytest
from django.core.exceptions import ValidationError

from providers.models import ProviderPage
from tests.factories import ImageFactory, ModeratorFactory, ProviderPageFactory
from tests.html import one, parse, text_of

pytestmark = pytest.mark.django_db


def test_a_moderator_edits_a_profile_in_the_admin(client, index):
    provider = ProviderPageFactory(parent=index, title="Profil admin", regions=["CH-VD"])
    client.force_login(ModeratorFactory(username="moderatrice"))
    response = client.get(f"/admin/pages/{provider.pk}/edit/")
    assert response.status_code == 200
    form = one(parse(response), "form#page-edit-form")
    one(form, 'input[type="checkbox"][name="regions"][value="CH-VD"]')
    one(form, '[name="owner_email"]')


def test_the_lists_of_choices_are_labelled_like_the_other_fields(client, index):
    """The classification tab's checkbox lists start with a capital, as every other label."""
    provider = ProviderPageFactory(parent=index, title="Profil étiquettes", regions=["CH-VD"])
    client.force_login(ModeratorFactory(username="moderatrice"))
    form = one(parse(client.get(f"/admin/pages/{provider.pk}/edit/")), "form#page-edit-form")
    labels = {
        name: text_of(one(form, f"#panel-child-classement-{name}-heading")).rstrip("* ")
        for name in ("services", "regions", "languages")
    }
    assert labels == {
        "services": "Prestations",
        "regions": "Régions",
        "languages": "Langues de travail",
    }


def test_an_image_needs_a_description(index):
    image = ImageFactory(title="Logo")
    provider = ProviderPageFactory(parent=index, title="Avec logo")
    provider.image = image
    provider.image_alt = " "
    with pytest.raises(ValidationError) as error:
        provider.full_clean()
    assert "image_alt" in error.value.message_dict
    provider.image_alt = "Logo de l'atelier"
    provider.full_clean()


def test_unknown_codes_in_a_list_are_refused(index):
    provider = ProviderPage(
        title="x",
        slug="x",
        bio="x",
        owner_email="x@example.org",
        services=["consulting", "astrologie"],
        regions=["CH-VD"],
        languages=["fr"],
    )
    with pytest.raises(ValidationError) as error:
        provider.full_clean(exclude=["path", "depth"])
    assert "services" in error.value.message_dict

"""Trainers' materials: their files open only for the trainers' group; the module page shows
them to trainers and tells everybody else how to get them."""

import io
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction

from guides.models import TrainingMaterial
from guides.roles import TRAINER_COLLECTION, TRAINERS
from tests.factories import (
    DocumentFactory,
    EditorFactory,
    TrainerFactory,
    TrainingMaterialFactory,
    TrainingModulePageFactory,
)
from tests.html import one, parse, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(training_index):
    page = TrainingModulePageFactory(parent=training_index, for_trainers=True)
    TrainingMaterialFactory(page=page, title="Support des participants")
    TrainingMaterialFactory(page=page, title="Grille pour animateurs", for_trainers_only=True)
    return page


def _material(module, for_trainers_only):
    return module.materials.get(for_trainers_only=for_trainers_only)


def _is_login(url):
    """Wagtail's login form for visitors (the address the collection restriction uses)."""
    return urlsplit(url).path == reverse("wagtailcore_login")


def _goes_to_login(response):
    return response.status_code == 302 and _is_login(response["Location"])


def test_setup_site_restricts_the_trainers_collection_to_the_trainers_group():
    collection = Collection.objects.get(name=TRAINER_COLLECTION)
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert list(restriction.groups.all()) == [Group.objects.get(name=TRAINERS)]


def test_setup_site_restores_a_restriction_removed_by_hand():
    CollectionViewRestriction.objects.filter(collection__name=TRAINER_COLLECTION).delete()
    call_command("setup_site", stdout=io.StringIO())
    restriction = CollectionViewRestriction.objects.get(collection__name=TRAINER_COLLECTION)
    assert list(restriction.groups.values_list("name", flat=True)) == [TRAINERS]


def test_an_anonymous_visitor_is_sent_to_the_login_for_a_trainers_file(client, module):
    response = client.get(_material(module, True).document.url)
    assert _goes_to_login(response)
    assert parse_qs(urlsplit(response["Location"]).query)["next"] == [
        _material(module, True).document.url
    ]


def test_a_logged_in_person_who_is_not_a_trainer_does_not_get_a_trainers_file(client, module):
    client.force_login(EditorFactory())
    response = client.get(_material(module, True).document.url)
    assert _goes_to_login(response)
    assert not response.has_header("Content-Disposition")


def test_a_trainer_gets_the_trainers_file(client, module):
    client.force_login(TrainerFactory())
    response = client.get(_material(module, True).document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_participants_materials_stay_public(client, module):
    assert client.get(_material(module, False).document.url).status_code == 200


def test_the_module_page_shows_anonymous_visitors_a_notice_with_a_login_link(client, module):
    section = one(parse(client.get(module.url)), "section.trainer-section")
    assert "Grille pour animateurs" not in section.get_text()
    assert _material(module, True).document.url not in str(section)
    login = one(section, "p.trainer-materials-notice > a")
    assert _is_login(login["href"])
    assert parse_qs(urlsplit(login["href"]).query)["next"] == [module.url]


def test_the_module_page_lists_the_trainers_materials_for_a_trainer(client, module):
    client.force_login(TrainerFactory())
    section = one(parse(client.get(module.url)), "section.trainer-section")
    materials = texts(section, "ul.training-materials > li > a:first-child")
    assert materials == ["Grille pour animateurs"]
    assert not section.select(".trainer-materials-notice")


def test_the_module_page_tells_a_non_trainer_whom_to_ask(client, module):
    client.force_login(EditorFactory())
    section = one(parse(client.get(module.url)), "section.trainer-section")
    assert not section.select("ul.training-materials")
    notice = one(section, "p.trainer-materials-notice")
    assert not notice.select("a")


def test_a_trainers_material_must_be_in_the_trainers_collection(module):
    material = TrainingMaterial(
        page=module, title="Grille", document=DocumentFactory(), for_trainers_only=True
    )
    with pytest.raises(ValidationError) as error:
        material.clean()
    assert "document" in error.value.message_dict


def test_a_public_material_cannot_be_a_trainers_document(module):
    material = TrainingMaterial(
        page=module, title="Grille", document=_material(module, True).document
    )
    with pytest.raises(ValidationError) as error:
        material.clean()
    assert "for_trainers_only" in error.value.message_dict


def test_a_trainers_file_is_listed_nowhere_public(client, module):
    trainers_file = _material(module, for_trainers_only=True).document
    public_file = _material(module, for_trainers_only=False).document
    module.save_revision().publish()
    addresses = [
        module.url,
        f"/fr/search/?q={trainers_file.title}",
        "/sitemap.xml",
        "/feeds/fr/tools.rss",
        "/feeds/fr/news.atom",
        f"/api/v2/pages/{module.pk}/",
        "/api/v2/pages/?type=guides.TrainingModulePage&fields=*&locale=fr",
    ]
    bodies = {}
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        bodies[address] = response.content.decode()
        if "/search/" in address:
            # The search page repeats the words typed: only its results count.
            bodies[address] = " ".join(
                str(result) for result in parse(response).select("li.search-result")
            )
    for address, body in bodies.items():
        assert trainers_file.url not in body, address
        assert trainers_file.title not in body, address
    # The page itself lists the participants' file: the check above can see a file link.
    assert public_file.url in bodies[module.url]

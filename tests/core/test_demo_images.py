"""The demo site's pictures: drawn by us, licensed, small, described, and loaded once."""

import io
import types
from importlib import import_module

import pytest
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from core.demo_images import COLLECTION_NAME, LICENCE_NOTE
from events.models import EventSeriesPage
from guides.models import BusinessModelPage
from providers.models import ProviderPage
from taxonomy.models import Lever
from tests.core.test_pictures import INDEX_MODELS
from tools.models import ToolPage

pytestmark = pytest.mark.django_db

DEMO_APPS = ["taxonomy", "home", "tools", "guides", "events", "providers", "news"]


def demo_images():
    collection = Collection.objects.get(name=COLLECTION_NAME)
    return get_image_model().objects.filter(collection=collection)


def test_the_demo_pictures_are_ours_small_and_described():
    images = list(demo_images())

    assert len(images) >= 20
    sizes = [image.file.size for image in images]
    assert max(sizes) <= 80 * 1024
    assert sum(sizes) <= 2 * 1024 * 1024
    for image in images:
        assert image.title.endswith(f"({LICENCE_NOTE})")
        assert image.description


def test_every_section_lever_cycle_provider_and_shared_model_has_its_picture():
    default = Locale.get_default()
    for model in INDEX_MODELS:
        page = model.objects.get(locale=default, depth__lte=3)
        assert page.hero_image_id, model.__name__
    for model in (EventSeriesPage, ProviderPage, BusinessModelPage):
        pages = model.objects.filter(locale=default)
        assert pages.exists()
        assert not pages.filter(image__isnull=True).exists(), model.__name__
    assert ToolPage.objects.get(locale=default, sheet_number="02a").image_id
    assert not ProviderPage.objects.filter(locale=default, image_alt="").exists()


def test_each_lever_is_illustrated_with_an_alternative_text_in_its_language():
    for slug in ["human-resources", "financial-resources", "strategic-alliances"]:
        levers = list(Lever.objects.filter(slug=slug))
        assert len(levers) == 4
        assert len({lever.image_id for lever in levers}) == 1
        alt_texts = {lever.image_alt for lever in levers}
        assert len(alt_texts) == 4 and "" not in alt_texts


def test_loading_the_demo_again_draws_nothing_new_and_keeps_editors_choices():
    human = Lever.objects.get(slug="human-resources", locale=Locale.get_default())
    human.image_alt = "Texte choisi par une rédactrice"
    human.save()
    before = sorted(demo_images().values_list("pk", flat=True))
    command = types.SimpleNamespace(stdout=io.StringIO())

    for app in DEMO_APPS:
        import_module(f"{app}.demo").load(command)

    assert sorted(demo_images().values_list("pk", flat=True)) == before
    human.refresh_from_db()
    assert human.image_alt == "Texte choisi par une rédactrice"

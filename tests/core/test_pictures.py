"""Every page type shows its images as responsive pictures (includes/picture.html).

A picture is a `<picture>` of Wagtail renditions: a WebP source over a JPEG (or PNG, for
logos) fallback, a `srcset` with `sizes`, the fallback's `width` and `height`, and an
alternative text; the page's hero loads at once, everything else lazily. A page without an
image shows no empty box.
"""

import pickle

import pytest
from django.core.cache import caches
from django.db import connection
from django.db.models import prefetch_related_objects
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from core.pictures import preset_specs, with_images_and_renditions, with_renditions
from core.templatetags.sbm_images import responsive_picture
from events.models import EventIndexPage
from guides.models import BusinessModelIndexPage, GuideIndexPage, TrainingIndexPage
from home.models import HomePage
from news.models import NewsIndexPage
from providers.models import ProviderIndexPage
from taxonomy.models import Lever
from tests.factories import (
    AdministratorFactory,
    BusinessModelPageFactory,
    EventPageFactory,
    EventSeriesPageFactory,
    ImageFactory,
    NewsPageFactory,
    ProviderPageFactory,
    ToolPageFactory,
)
from tests.html import one, parse
from tools.models import ToolIndexPage

pytestmark = pytest.mark.django_db

INDEX_MODELS = [
    HomePage,
    ToolIndexPage,
    GuideIndexPage,
    TrainingIndexPage,
    BusinessModelIndexPage,
    EventIndexPage,
    ProviderIndexPage,
    NewsIndexPage,
]


def source_page(model):
    return model.objects.get(locale=Locale.get_default(), depth__lte=3)


def picture_at(response, css):
    """The `<picture>` inside the element matching `css`, with its sources and its image."""
    assert response.status_code == 200
    picture = one(parse(response), f"{css} picture")
    sources = {source["type"]: source for source in picture.select("source")}
    return picture, sources, one(picture, "img")


def assert_responsive(sources, img, *, fallback=".jpg"):
    assert set(sources) == {"image/webp"}
    for source in sources.values():
        assert source["srcset"].count("w,") == 1, source["srcset"]
        assert source["sizes"] == img["sizes"]
    assert img["src"].endswith(fallback)
    assert img["srcset"].count("w,") == 1
    assert int(img["width"]) > 0 and int(img["height"]) > 0


def assert_lazy(img):
    assert img["loading"] == "lazy"
    assert not img.has_attr("fetchpriority")


def assert_eager(img):
    assert img["fetchpriority"] == "high"
    assert not img.has_attr("loading")


@pytest.mark.parametrize("model", INDEX_MODELS, ids=lambda model: model.__name__)
def test_every_section_index_opens_on_its_hero_loaded_first(client, model):
    page = source_page(model)

    _picture, sources, img = picture_at(client.get(page.url), ".picture--hero")

    assert_responsive(sources, img)
    assert_eager(img)
    assert img["alt"] == page.hero_image.description != ""
    assert (int(img["width"]), int(img["height"])) == (800, 300)


def test_an_index_without_hero_shows_no_empty_box(client):
    library = source_page(ToolIndexPage)
    library.hero_image = None
    library.save_revision().publish()

    response = client.get(library.url)

    assert response.status_code == 200
    assert not parse(response).select(".picture--hero")
    assert parse(response).select(".tool-card picture")


def test_a_tool_sheet_shows_its_own_illustration_with_its_alternative_text(client):
    tool = ToolPageFactory(
        image=ImageFactory(dimensions=(800, 600)),
        image_alt="Un schéma en trois colonnes",
        lever_slugs=["financial-resources"],
    )

    _picture, sources, img = picture_at(client.get(tool.url), ".tool-sheet__header")

    assert_responsive(sources, img)
    assert_eager(img)
    assert img["alt"] == "Un schéma en trois colonnes"
    assert (int(img["width"]), int(img["height"])) == (320, 240)


def test_a_tool_without_illustration_shows_its_levers_in_the_page_language(client):
    tool = ToolPageFactory(lever_slugs=["financial-resources"])
    german_lever = Lever.objects.get(slug="financial-resources", locale__language_code="de")
    german_tool = tool.get_translation(Locale.objects.get(language_code="de"))

    _picture, _sources, french_img = picture_at(client.get(tool.url), ".tool-sheet__header")
    _picture, _sources, german_img = picture_at(client.get(german_tool.url), ".tool-sheet__header")

    assert french_img["alt"].startswith("Des piles de pièces")
    assert german_img["alt"] == german_lever.image_alt
    assert german_img["alt"].startswith("Immer höhere Münzstapel")


def test_a_tool_without_any_image_renders_without_picture(client):
    tool = ToolPageFactory(lever_slugs=[])

    response = client.get(tool.url)

    assert response.status_code == 200
    assert not parse(response).select(".tool-sheet picture")


def test_tool_cards_load_their_pictures_lazily(client):
    library = source_page(ToolIndexPage)

    soup = parse(client.get(library.url))

    cards = soup.select(".tool-card")
    assert cards
    for card in cards:
        img = one(card, "picture img")
        assert_lazy(img)
        assert img["alt"]


def test_an_event_shows_its_image_and_its_card_loads_lazily(client):
    event = EventPageFactory(image=ImageFactory(dimensions=(1200, 675)), image_alt="La salle")

    _picture, sources, img = picture_at(client.get(event.url), ".event header")
    assert_responsive(sources, img)
    assert_eager(img)
    assert img["alt"] == "La salle"

    agenda = parse(client.get(event.get_parent().url))
    card = next(card for card in agenda.select(".event-card") if event.title in card.text)
    assert_lazy(one(card, "picture img"))
    assert one(card, "picture img")["alt"] == "La salle"


def test_an_event_without_image_shows_its_cycle_image(client):
    cycle = EventSeriesPageFactory(
        image=ImageFactory(dimensions=(1200, 675)), image_alt="Motif du cycle"
    )
    event = EventPageFactory(parent=cycle)

    _picture, _sources, img = picture_at(client.get(event.url), ".event header")
    assert img["alt"] == "Motif du cycle"

    _picture, sources, img = picture_at(client.get(cycle.url), "main")
    assert_responsive(sources, img)
    assert img["alt"] == "Motif du cycle"


def test_an_event_without_any_image_renders_without_picture(client):
    event = EventPageFactory()

    response = client.get(event.url)

    assert response.status_code == 200
    assert not parse(response).select(".event picture")


def test_a_provider_logo_keeps_its_transparency_with_a_png_fallback(client):
    provider = ProviderPageFactory(
        image=ImageFactory(dimensions=(400, 400)), image_alt="Logo de l'Atelier"
    )

    _picture, sources, img = picture_at(client.get(provider.url), ".provider-profile__header")
    assert_responsive(sources, img, fallback=".png")
    assert img["alt"] == "Logo de l'Atelier"

    directory = parse(client.get(provider.get_parent().url))
    logos = directory.select(".provider-card picture img")
    assert logos and all(logo["loading"] == "lazy" for logo in logos)


def test_a_shared_model_shows_its_image_on_its_page_and_its_card(client):
    model = BusinessModelPageFactory(
        image=ImageFactory(dimensions=(1200, 675)), image_alt="Le café associatif"
    )

    _picture, sources, img = picture_at(client.get(model.url), ".business-model")
    assert_responsive(sources, img)
    assert img["alt"] == "Le café associatif"

    index = parse(client.get(model.get_parent().url))
    card = next(card for card in index.select(".card") if model.title in card.text)
    assert_lazy(one(card, "picture img"))


def test_a_news_item_shows_its_image_and_a_news_item_without_one_shows_none(client):
    illustrated = NewsPageFactory(
        image=ImageFactory(dimensions=(1200, 630)), image_alt="Trois marches"
    )
    plain = NewsPageFactory()

    _picture, sources, img = picture_at(client.get(illustrated.url), ".news-item")
    assert_responsive(sources, img)
    assert img["alt"] == "Trois marches"

    response = client.get(plain.url)
    assert response.status_code == 200
    assert not parse(response).select(".news-item picture")


def test_without_alternative_text_the_image_description_is_used(client):
    tool = ToolPageFactory(
        image=ImageFactory(dimensions=(800, 600), description="Deux mains sur une affiche")
    )

    _picture, _sources, img = picture_at(client.get(tool.url), ".tool-sheet__header")

    assert img["alt"] == "Deux mains sur une affiche"


@pytest.mark.parametrize(
    ("model", "field"),
    [
        (ToolIndexPage, "hero_image"),
        (EventIndexPage, "hero_image"),
        (HomePage, "hero_image"),
    ],
)
def test_the_editor_shows_the_hero_image_with_its_help_on_size_and_alternative_text(
    client, model, field
):
    client.force_login(AdministratorFactory())
    page = source_page(model)

    soup = parse(client.get(f"/admin/pages/{page.pk}/edit/"))

    assert soup.select(f"[name={field}]")
    assert soup.select(f"[name={field}_alt]")
    help_texts = " ".join(node.get_text() for node in soup.select(".w-field__help"))
    assert "1600 × 600" in help_texts
    assert "personnes qui ne peuvent pas la voir" in help_texts


def test_the_editor_of_a_tool_and_of_a_lever_offers_an_illustration(client):
    client.force_login(AdministratorFactory())
    tool = ToolPageFactory()
    lever = Lever.objects.get(slug="human-resources", locale=Locale.get_default())

    tool_form = parse(client.get(f"/admin/pages/{tool.pk}/edit/"))
    lever_form = parse(client.get(f"/admin/snippets/taxonomy/lever/edit/{lever.pk}/"))

    for form in (tool_form, lever_form):
        assert form.select("[name=image]")
        assert form.select("[name=image_alt]")
        assert "640 × 480" in " ".join(n.get_text() for n in form.select(".w-field__help"))


def test_images_of_pages_of_several_models_come_with_their_renditions_in_two_queries():
    shared = ImageFactory()
    pages = [
        ToolPageFactory(image=shared),
        EventPageFactory(image=ImageFactory(), aliases=False),
        EventSeriesPageFactory(image=ImageFactory(), aliases=False),
        ToolPageFactory(),
    ]
    for page in pages[:3]:
        page.image.get_rendition("fill-400x225")
    pages = [type(page).objects.get(pk=page.pk) for page in pages]
    with CaptureQueriesContext(connection) as queries:
        with_images_and_renditions(pages)
    assert len(queries.captured_queries) == 2
    for each in caches.all():
        each.clear()  # Wagtail keeps renditions in the cache too: only the prefetch answers.
    with CaptureQueriesContext(connection) as queries:
        renditions = [page.image.get_rendition("fill-400x225") for page in pages[:3]]
    assert queries.captured_queries == []
    assert [rendition.image_id for rendition in renditions] == [page.image_id for page in pages[:3]]
    assert pages[3].image is None


def as_kept(image):
    """The image as the cache gives it back: pickled with its prefetched list, as it was."""
    return pickle.loads(pickle.dumps(image))  # noqa: S301  # our own bytes, not a visitor's


def test_images_kept_with_their_renditions_have_those_of_their_preset_cut_first():
    image = ImageFactory()
    with_renditions([image], "card")
    kept = as_kept(image)
    for each in caches.all():
        each.clear()
    with CaptureQueriesContext(connection) as queries:
        renditions = kept.get_renditions(*preset_specs("card"))
    assert queries.captured_queries == []
    assert set(renditions) == set(preset_specs("card"))


def test_a_kept_image_whose_renditions_were_cut_since_is_not_cut_again(monkeypatch):
    """An image kept in a cache with a list of renditions prefetched before its preset's were
    cut: the picture finds them instead of cutting them again at every request."""
    image = ImageFactory()
    prefetch_related_objects([image], "renditions")
    kept = as_kept(image)
    type(image).objects.get(pk=image.pk).get_renditions(*preset_specs("card"))

    def cut(*args, **kwargs):
        raise AssertionError("a rendition that exists was cut again")

    monkeypatch.setattr(type(image), "generate_rendition_file", cut)
    context = responsive_picture(kept, "card")
    assert context["picture"].renditions
    assert {r.filter_spec for r in context["picture"].renditions} == set(preset_specs("card"))


def test_a_warm_sheet_does_not_cut_its_illustration_again(client, monkeypatch):
    tool = ToolPageFactory(image=ImageFactory())
    assert client.get(tool.url).status_code == 200

    def cut(*args, **kwargs):
        raise AssertionError("a rendition that exists was cut again")

    monkeypatch.setattr(type(tool.image), "generate_rendition_file", cut)
    picture, sources, img = picture_at(client.get(tool.url), ".tool-sheet")
    assert_responsive(sources, img)

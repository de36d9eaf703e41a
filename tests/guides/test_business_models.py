"""Shared business models: the nine-block canvas, lineage, PDF and JSON for reuse."""

import io
import json

import jsonschema
import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader
from wagtail.models import Locale

from guides.canvas_data import CANVAS_SCHEMA, canvas_fields_from_data
from guides.listings import MODELS_PER_PAGE
from guides.models import CANVAS_FIELDS, BusinessModelPage, Region, Sector
from taxonomy.models import Lever
from tests.factories import CANVAS, BusinessModelPageFactory, ToolPageFactory
from tests.html import one, parse, text_of, texts
from tests.query_budget import assert_query_count_does_not_grow

pytestmark = pytest.mark.django_db


def test_the_canvas_has_nine_blocks_with_headings_in_reading_order(client, model_index):
    model = BusinessModelPageFactory(parent=model_index)
    canvas = one(parse(client.get(model.url)), "article.business-model ul.sbm-canvas")
    blocks = canvas.select(":scope > li.sbm-canvas__block")
    assert [len(block.select(":scope > h3")) for block in blocks] == [1] * 9
    answers = [text_of(one(block, ":scope > p")) for block in blocks]
    assert answers == [CANVAS[name] for name in CANVAS_FIELDS], "values, then the eight questions"


def test_an_adapted_model_links_to_its_origin_and_the_origin_lists_it(client, model_index):
    origin = BusinessModelPageFactory(parent=model_index, title="Modèle fondateur")
    adaptation = BusinessModelPageFactory(
        parent=model_index, title="Adaptation jurassienne", adapted_from=origin
    )

    notice = one(parse(client.get(adaptation.url)), "article.business-model p.notice")
    assert one(notice, "a")["href"] == origin.url
    links = parse(client.get(origin.url)).select("article.business-model ul > li > a")
    assert (adaptation.url, "Adaptation jurassienne") in [
        (link["href"], text_of(link)) for link in links
    ]


def test_a_model_cannot_be_adapted_from_its_own_adaptation(model_index):
    origin = BusinessModelPageFactory(parent=model_index)
    adaptation = BusinessModelPageFactory(parent=model_index, adapted_from=origin)
    origin.adapted_from = adaptation
    with pytest.raises(ValidationError) as error:
        origin.clean()
    assert "adapted_from" in error.value.message_dict


def test_the_index_filters_by_sector_region_and_lever(client, model_index):
    financial = Lever.objects.get(slug="financial-resources", locale=Locale.get_default())
    matching = BusinessModelPageFactory(
        parent=model_index, sector=Sector.HOUSING, region=Region.QUEBEC, levers=[financial]
    )
    other_region = BusinessModelPageFactory(
        parent=model_index, sector=Sector.HOUSING, region=Region.BELGIUM
    )
    query = {"sector": "housing", "region": "quebec", "lever": "financial-resources"}

    listed = "ul.business-model-list > li.card > h3 > a[href]"
    response = client.get(model_index.url, query)
    assert matching.title in texts(parse(response), listed)
    assert other_region.title not in response.content.decode()

    titles = texts(parse(client.get(model_index.url, {"sector": "housing"})), listed)
    assert matching.title in titles and other_region.title in titles


def test_the_json_download_validates_and_round_trips_the_canvas(client, model_index):
    origin = BusinessModelPageFactory(parent=model_index)
    model = BusinessModelPageFactory(
        parent=model_index,
        adapted_from=origin,
        tools=[ToolPageFactory()],
        measures=[("repas servis", "12 000")],
        values="Des « guillemets », des accents : é, à, ü.\nEt une deuxième ligne.",
    )

    response = client.get(f"{model.url}json/")

    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    jsonschema.validate(data, CANVAS_SCHEMA, format_checker=jsonschema.FormatChecker())
    assert canvas_fields_from_data(data) == {name: getattr(model, name) for name in CANVAS_FIELDS}
    assert data["adapted_from"].endswith(origin.url)
    assert data["impact_measures"][0] == {
        "indicator": "repas servis",
        "value": "12 000",
        "period": "",
    }

    copy = BusinessModelPage(**canvas_fields_from_data(data))
    assert copy.canvas() == model.canvas()


def test_the_canvas_pdf_contains_every_block(client, model_index):
    model = BusinessModelPageFactory(parent=model_index)
    response = client.get(f"{model.url}pdf/")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    flat = " ".join(text.split())
    for value in CANVAS.values():
        assert value in flat


def test_the_model_page_query_count_does_not_grow(client, model_index):
    model = BusinessModelPageFactory(
        parent=model_index, tools=[ToolPageFactory()], measures=[("a", "1")]
    )

    def add_content():
        page = BusinessModelPage.objects.get(pk=model.pk)
        page.tools.add(ToolPageFactory())
        page.save()
        BusinessModelPageFactory(parent=model_index, adapted_from=page)

    assert_query_count_does_not_grow(client, model.url, add_content, budget=12)


def test_the_model_index_query_count_does_not_grow(client, model_index):
    financial = Lever.objects.get(slug="financial-resources", locale=Locale.get_default())

    def add_models():
        origin = BusinessModelPageFactory(parent=model_index, levers=[financial])
        BusinessModelPageFactory(parent=model_index, adapted_from=origin, levers=[financial])

    assert_query_count_does_not_grow(client, model_index.url, add_models, budget=12)


def option_counts(soup, param):
    """{value: the count its option shows} of one <select> of the filters."""
    counts = {}
    for option in soup.select(f'form.guides-filters select[name="{param}"] > option[value]'):
        if option["value"]:
            counts[option["value"]] = int(text_of(option).rsplit("(", 1)[1].rstrip(")"))
    return counts


def test_each_option_of_the_index_says_how_many_models_it_gives(client, model_index):
    BusinessModelPageFactory(parent=model_index, sector=Sector.HOUSING, region=Region.QUEBEC)
    BusinessModelPageFactory(parent=model_index, sector=Sector.HOUSING, region=Region.BELGIUM)
    live = BusinessModelPage.objects.child_of(model_index).live()
    soup = parse(client.get(model_index.url, {"sector": "housing"}))
    # A sector's count ignores the chosen sector; a region's counts the housing models.
    assert option_counts(soup, "sector")["housing"] == live.filter(sector="housing").count()
    regions = option_counts(soup, "region")
    assert regions["quebec"] == live.filter(sector="housing", region="quebec").count() >= 1
    assert regions["belgium"] == live.filter(sector="housing", region="belgium").count() >= 1


def test_an_unknown_filter_value_is_dropped_with_a_notice(client, model_index):
    response = client.get(model_index.url, {"sector": "moon-mining"})
    assert response.status_code == 200
    notices = texts(parse(response), "p.notice--error")
    assert "Certains filtres n’ont pas été reconnus et ont été ignorés." in notices
    total = BusinessModelPage.objects.child_of(model_index).live().count()
    assert response.context["listing"].total == total


def test_the_index_is_paginated_and_its_pages_keep_the_filters(client, model_index):
    for _number in range(MODELS_PER_PAGE + 1):
        BusinessModelPageFactory(parent=model_index, sector=Sector.MOBILITY)
    soup = parse(client.get(model_index.url, {"sector": "mobility"}))
    assert len(soup.select("ul.business-model-list > li.card")) == MODELS_PER_PAGE
    one(soup, 'nav.pagination a[rel="next"][href*="sector=mobility"][href*="page=2"]')
    second = parse(client.get(model_index.url, {"sector": "mobility", "page": "2"}))
    mobility = BusinessModelPage.objects.child_of(model_index).live().filter(sector="mobility")
    shown = second.select("ul.business-model-list > li.card")
    assert len(shown) == mobility.count() - MODELS_PER_PAGE

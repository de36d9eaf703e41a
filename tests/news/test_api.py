"""The partner API: filters by type, language and taxonomy; never an e-mail address or a draft;
no server error whatever the documented query parameters hold; throttled; described by OpenAPI."""

import datetime
import json

import jsonschema
import pytest
from django.conf import settings
from django.core.cache import cache
from drf_spectacular.validation import validate_schema as validate_openapi
from hypothesis import given
from hypothesis import strategies as st
from rest_framework.throttling import AnonRateThrottle

from events.models import EventPage
from guides.models import GuidePage
from news.models import NewsPage
from providers.models import ProviderPage
from taxonomy.models import Lever
from tests.factories import NewsPageFactory, RegistrationFactory
from tests.query_budget import assert_query_count_does_not_grow
from tools.models import ToolPage

SITE = settings.SITE_URL  # the tests' own public origin (settings/test.py)

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "secret.prestataire@example.org"


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return response.json()


def all_items(client, url):
    data = get_json(client, f"{url}&limit=20")
    items = list(data["items"])
    while len(items) < data["meta"]["total_count"]:
        items += get_json(client, f"{url}&limit=20&offset={len(items)}")["items"]
    return items


def test_tools_are_listed_with_their_fields_per_language(client):
    data = get_json(client, "/api/v2/pages/?type=tools.ToolPage&locale=fr&fields=*&limit=5")
    expected = ToolPage.objects.live().filter(locale__language_code="fr").count()
    assert data["meta"]["total_count"] == expected
    tool = data["items"][0]
    assert tool["meta"]["type"] == "tools.ToolPage"
    assert tool["meta"]["locale"] == "fr"
    assert {"sheet_number", "summary", "levers", "phases", "licence"} <= set(tool)
    assert all(isinstance(slug, str) for slug in tool["levers"])


def test_untranslated_aliases_are_not_served(client):
    items = all_items(client, "/api/v2/pages/?type=tools.ToolPage&locale=it&fields=_,id")
    ids = {item["id"] for item in items}
    expected = ToolPage.objects.live().filter(locale__language_code="it", alias_of__isnull=True)
    assert ids == set(expected.values_list("pk", flat=True))


def test_a_taxonomy_slug_filters_every_page_type_classified_with_it(client):
    lever = "financial-resources"
    tools = all_items(client, f"/api/v2/pages/?type=tools.ToolPage&lever={lever}&fields=levers")
    assert tools and all(lever in tool["levers"] for tool in tools)
    expected = ToolPage.objects.live().filter(alias_of__isnull=True, levers__slug=lever)
    assert len(tools) == expected.distinct().count()
    every_type = all_items(client, f"/api/v2/pages/?lever={lever}&fields=_,id")
    assert {item["id"] for item in tools} <= {item["id"] for item in every_type}


def test_an_unknown_taxonomy_slug_matches_nothing(client):
    data = get_json(client, "/api/v2/pages/?theme=inconnu")
    assert data["meta"]["total_count"] == 0


def test_the_taxonomy_is_served_per_language(client):
    data = get_json(client, "/api/v2/levers/?locale=de")
    expected = Lever.objects.filter(locale__language_code="de")
    assert {item["slug"] for item in data["items"]} == set(expected.values_list("slug", flat=True))
    assert all(item["meta"]["locale"] == "de" for item in data["items"])
    assert {item["name"] for item in data["items"]} == set(expected.values_list("name", flat=True))


def test_no_email_address_is_reachable(client):
    provider = ProviderPage.objects.live().filter(locale__language_code="fr").first()
    provider.owner_email = SECRET_EMAIL
    provider.save_revision().publish()
    urls = [
        "/api/v2/pages/?type=providers.ProviderPage&fields=*&limit=20",
        f"/api/v2/pages/{provider.pk}/",
        f"/api/v2/pages/{provider.pk}/?fields=*",
        f"/api/v2/pages/?type=providers.ProviderPage&search={SECRET_EMAIL}&fields=*",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET_EMAIL not in response.content.decode()
        assert "owner_email" not in response.content.decode()
    assert client.get(f"/api/v2/pages/{provider.pk}/?fields=owner_email").status_code == 400
    probe = client.get(f"/api/v2/pages/?type=providers.ProviderPage&owner_email={SECRET_EMAIL}")
    assert probe.status_code == 400


def test_events_are_listed_without_their_meeting_link_or_registrations(client):
    event = EventPage.objects.live().filter(locale__language_code="fr").exclude(online_url="")[0]
    RegistrationFactory(event=event, name="Anne Participante", email=SECRET_EMAIL, consent=True)
    listing = client.get("/api/v2/pages/?type=events.EventPage&fields=*&limit=20")
    assert listing.status_code == 200
    detail = get_json(client, f"/api/v2/pages/{event.pk}/")
    assert detail["is_online"] is True
    assert detail["start"].startswith(event.start.astimezone(datetime.UTC).date().isoformat()[:4])
    assert {"event_format", "start", "end", "language", "levers", "audiences"} <= set(detail)
    for text in (listing.content.decode(), json.dumps(detail)):
        assert event.online_url not in text
        assert SECRET_EMAIL not in text
        assert "Anne Participante" not in text
        assert "registrations" not in text
    for private in ("online_url", "registrations", "capacity"):
        assert client.get(f"/api/v2/pages/{event.pk}/?fields={private}").status_code == 400
        probe = client.get(f"/api/v2/pages/?type=events.EventPage&{private}=x")
        assert probe.status_code == 400, private


@pytest.mark.parametrize(
    ("page_type", "expected_fields"),
    [
        ("guides.GuidePage", {"introduction", "steps", "phases", "audiences"}),
        ("guides.TrainingModulePage", {"learning_objectives", "duration", "tools"}),
        ("guides.BusinessModelPage", {"organisation", "sector", "levers", "story"}),
        ("providers.ProviderPage", {"bio", "services", "regions", "website", "tools"}),
        ("events.EventSeriesPage", {"description", "levers"}),
        ("news.NewsPage", {"date", "summary", "related_tools", "related_events", "themes"}),
    ],
)
def test_every_domain_is_served_with_its_public_fields(client, page_type, expected_fields):
    data = get_json(client, f"/api/v2/pages/?type={page_type}&fields=*&limit=3")
    assert data["meta"]["total_count"] > 0
    item = data["items"][0]
    assert item["meta"]["type"] == page_type
    assert expected_fields <= set(item)
    assert "owner_email" not in item and "@" not in json.dumps(item.get("bio", ""))


def test_a_guide_lists_its_steps_as_tools(client):
    guide = GuidePage.objects.live().filter(locale__language_code="fr").first()
    detail = get_json(client, f"/api/v2/pages/{guide.pk}/")
    expected = [step.tool_id for step in guide.steps.all() if step.tool.live]
    assert [step["tool"] for step in detail["steps"]] == expected


@pytest.mark.parametrize(
    "page_type",
    ["tools.ToolPage", "events.EventPage", "providers.ProviderPage", "news.NewsPage"],
)
def test_a_listing_query_count_does_not_grow(client, page_type, news_index):
    url = f"/api/v2/pages/?type={page_type}&fields=*&limit=20&locale=fr"

    def add_content():
        NewsPageFactory(parent=news_index, aliases=False)

    assert_query_count_does_not_grow(client, url, add_content, budget=25)


@pytest.mark.parametrize("value", ["9223372036854775808", "-99999999999999999999", "abc"])
def test_an_impossible_reference_in_a_field_filter_is_a_bad_request(client, value):
    response = client.get(f"/api/v2/pages/?type=news.NewsPage&alias_of={value}")
    assert response.status_code == 400
    response = client.get(f"/api/v2/pages/?type=guides.GuidePage&audiences={value}")
    assert response.status_code == 400


@pytest.mark.parametrize("endpoint", ["pages", "levers"])
def test_an_unknown_search_operator_is_a_bad_request(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/?search=canevas&search_operator=0")
    assert response.status_code == 400
    assert client.get(f"/api/v2/{endpoint}/?search=canevas&search_operator=or").status_code == 200
    assert client.get(f"/api/v2/{endpoint}/?search=cane%00vas").status_code == 400
    # Without a search too: the operator is not silently ignored.
    assert client.get(f"/api/v2/{endpoint}/?search_operator=xor").status_code == 400


@pytest.mark.parametrize("fields", ["_", "-id", "_,{name}", "-type,-detail_url"])
@pytest.mark.parametrize(("endpoint", "name"), [("pages", "title"), ("themes", "name")])
def test_every_item_keeps_its_id_and_meta_whatever_the_fields_asked(client, endpoint, name, fields):
    fields = fields.format(name=name)
    listing = get_json(client, f"/api/v2/{endpoint}/?fields={fields}&limit=3")
    detail = get_json(client, f"/api/v2/{endpoint}/{listing['items'][0]['id']}/?fields={fields}")
    for item in [*listing["items"], detail]:
        assert isinstance(item["id"], int)
        assert item["meta"]["type"]


def test_the_description_declares_the_limits_the_api_enforces(client):
    document = get_json(client, "/api/v2/schema/")
    listing = {p["name"]: p["schema"] for p in document["paths"]["/pages/"]["get"]["parameters"]}
    assert listing["limit"]["maximum"] == 20
    assert client.get("/api/v2/pages/?limit=20").status_code == 200
    assert client.get("/api/v2/pages/?limit=21").status_code == 400
    assert {"title", "-title", "random"} <= set(listing["order"]["enum"])
    detail = document["paths"]["/pages/{id}/"]["get"]
    assert detail["parameters"][0]["schema"]["minimum"] == 1
    assert "400" in detail["responses"]
    page_id = get_json(client, "/api/v2/pages/?limit=1")["items"][0]["id"]
    assert client.get(f"/api/v2/pages/{page_id}/?fields=nonsense").status_code == 400
    # Found by tests/news/test_api_contract.py (Schemathesis).
    assert listing["offset"]["maximum"] == 10**9
    assert client.get("/api/v2/levers/?offset=9223372036854775808").status_code == 400
    assert client.get(f"/api/v2/pages/{page_id}/?fields=").status_code == 200
    not_number = client.get("/api/v2/pages/AAA/")
    assert not_number.status_code == 404
    assert not_number.json() == {"message": "not found"}


@pytest.mark.parametrize("query", ["locale=%00", "type=%00", "lever=a%00", "search=%00"])
def test_a_null_character_in_a_parameter_is_a_bad_request(client, query):
    assert client.get(f"/api/v2/pages/?{query}").status_code == 400


@pytest.mark.parametrize("query", ["html_path=%00", "html_path=/fr/%00/", "id=1&x=%00"])
def test_a_null_character_in_the_find_view_is_a_bad_request(client, query):
    # Found by the fuzzing test on PostgreSQL, which refuses NUL in text.
    assert client.get(f"/api/v2/pages/find/?{query}").status_code == 400


def test_a_search_over_every_page_type_finds_tools_and_no_alias(client):
    items = get_json(client, "/api/v2/pages/?search=canevas&locale=fr&fields=_,id")["items"]
    found = ToolPage.objects.filter(pk__in=[item["id"] for item in items])
    assert found.exists()
    assert not found.filter(alias_of__isnull=False).exists()


def test_drafts_are_not_reachable(client, news_index):
    draft = NewsPageFactory(
        parent=news_index, aliases=False, title="Projet confidentiel du comité", publish=False
    )
    published = NewsPageFactory(parent=news_index, aliases=False, summary="Version publiée.")
    published.summary = "Version de travail pas encore relue."
    published.save_revision()
    listing = client.get("/api/v2/pages/?type=news.NewsPage&fields=*&limit=20").content.decode()
    assert "Projet confidentiel du comité" not in listing
    assert "Version de travail" not in listing
    assert "Version publiée." in listing
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    detail = get_json(client, f"/api/v2/pages/{published.pk}/")
    assert detail["summary"] == "Version publiée."
    search = client.get("/api/v2/pages/?search=confidentiel&fields=*").content.decode()
    assert "Projet confidentiel" not in search


def test_a_news_item_exposes_its_date_image_and_alt_text(client):
    item = NewsPage.objects.live().get(
        slug="lancement-21-jours-pour-convaincre", locale__language_code="fr"
    )
    detail = get_json(client, f"/api/v2/pages/{item.pk}/")
    assert detail["date"] == "2026-09-07"
    assert detail["image_alt"].startswith("Trois marches")
    assert detail["image_url"]["full_url"].startswith("http")
    assert detail["image_url"]["width"] == 1200


def test_a_news_item_lists_its_themes_as_slugs(client, news_index):
    item = NewsPageFactory(parent=news_index, aliases=False, theme_slugs=["governance", "funding"])
    detail = get_json(client, f"/api/v2/pages/{item.pk}/")
    assert detail["themes"] == ["funding", "governance"]
    listed = get_json(client, "/api/v2/pages/?type=news.NewsPage&theme=funding&fields=themes")
    assert {"id": item.pk, "themes": ["funding", "governance"]}.items() <= next(
        entry for entry in listed["items"] if entry["id"] == item.pk
    ).items()


def test_anonymous_clients_are_throttled(client, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    statuses = [client.get("/api/v2/levers/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_the_openapi_description_documents_every_endpoint_and_filter(client):
    document = get_json(client, "/api/v2/schema/")
    assert document["openapi"].startswith("3.")
    assert document["info"]["license"]["name"] == "CC BY-SA 4.0"
    for endpoint in ("pages", "levers", "phases", "audiences", "themes"):
        assert f"/{endpoint}/" in document["paths"]
        assert f"/{endpoint}/{{id}}/" in document["paths"]
    names = {p["name"] for p in document["paths"]["/pages/"]["get"]["parameters"]}
    assert {"type", "locale", "lever", "phase", "audience", "theme", "limit", "offset"} <= names
    assert "tools.ToolPage" in document["x-page-types"]
    assert "owner_email" not in json.dumps(document)


def test_the_openapi_description_is_a_valid_openapi_3_document(client):
    document = get_json(client, "/api/v2/schema/")
    validate_openapi(document)  # raises on any departure from the OpenAPI 3.0 JSON schema
    assert document["servers"] == [{"url": f"{SITE}/api/v2/"}]


def test_responses_match_the_schemas_the_description_gives(client):
    document = get_json(client, "/api/v2/schema/")
    components = {"components": document["components"]}
    for url in ("/api/v2/pages/?type=tools.ToolPage&fields=*", "/api/v2/themes/?locale=it"):
        listing = {"$ref": "#/components/schemas/Listing", **components}
        jsonschema.validate(get_json(client, url), listing)
    tool = ToolPage.objects.live().filter(locale__language_code="fr").first()
    item = {"$ref": "#/components/schemas/Item", **components}
    jsonschema.validate(get_json(client, f"/api/v2/pages/{tool.pk}/"), item)


def documented_parameters(client):
    document = get_json(client, "/api/v2/schema/")
    return {p["name"]: p for p in document["paths"]["/pages/"]["get"]["parameters"]}, document


JUNK = st.text(max_size=30) | st.sampled_from(["", "-1", "0", "9" * 30, "*", ",", "\x00", "%"])


def value_strategy(name, parameter, document):
    if name == "locale":
        return st.sampled_from(parameter["schema"]["enum"]) | JUNK
    if name == "type":
        return st.sampled_from(sorted(document["x-page-types"])) | JUNK
    if name in document["x-taxonomy-filters"]:
        return st.sampled_from(["financial-resources", "human-resources", "launch", ""]) | JUNK
    if parameter["schema"].get("type") == "integer" or "oneOf" in parameter["schema"]:
        return st.integers(min_value=-10, max_value=10_000).map(str) | JUNK
    if name == "fields":
        return st.sampled_from(["*", "_,id", "title,-slug", "levers", "owner_email"]) | JUNK
    if name == "order":
        return st.sampled_from(["title", "-id", "random", "first_published_at"]) | JUNK
    return JUNK


@pytest.mark.fuzz
@given(data=st.data())
def test_no_documented_query_parameter_makes_the_api_fail(client, data):
    parameters, document = documented_parameters(client)
    names = data.draw(st.lists(st.sampled_from(sorted(parameters)), max_size=5, unique=True))
    query = {name: data.draw(value_strategy(name, parameters[name], document)) for name in names}
    endpoint = data.draw(st.sampled_from(["/api/v2/pages/", "/api/v2/levers/"]))
    cache.clear()
    response = client.get(endpoint, query)
    assert response.status_code < 500, (endpoint, query)
    assert SECRET_EMAIL not in response.content.decode()


@pytest.mark.fuzz
@given(data=st.data())
def test_no_field_filter_or_ordering_of_any_page_type_makes_the_api_fail(client, data):
    _parameters, document = documented_parameters(client)
    page_type = data.draw(st.sampled_from(sorted(document["x-page-types"])))
    fields = document["x-page-types"][page_type]
    names = data.draw(st.lists(st.sampled_from(fields), min_size=1, max_size=3, unique=True))
    query = {"type": page_type, **{name: data.draw(JUNK) for name in names}}
    if data.draw(st.booleans()):
        query["order"] = data.draw(st.sampled_from(fields).map(lambda f: f"-{f}") | JUNK)
    cache.clear()
    response = client.get("/api/v2/pages/", query)
    assert response.status_code < 500, query
    assert SECRET_EMAIL not in response.content.decode()


@pytest.mark.fuzz
@given(
    pk=st.integers(min_value=-5, max_value=10**12).map(str) | JUNK,
    find=st.dictionaries(st.sampled_from(["id", "html_path", "type"]), JUNK, max_size=2),
)
def test_detail_and_find_views_never_fail(client, pk, find):
    cache.clear()
    assert client.get(f"/api/v2/pages/{pk}/").status_code < 500
    assert client.get("/api/v2/pages/find/", find).status_code < 500

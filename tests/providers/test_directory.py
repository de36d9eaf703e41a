"""The directory: combinable filters with counts, a daily shuffle, pagination, no errors."""

import datetime

import pytest
from wagtail.models import Locale

from core.bulk import index_updates_paused
from providers.directory import PER_PAGE, daily_order
from providers.models import ProviderIndexPage, ProviderPage
from tests.conftest import LANGUAGE_CODES
from tests.factories import ImageFactory, ProviderPageFactory, ToolPageFactory
from tests.html import one, parse, text_of, texts
from tests.query_budget import assert_query_count_does_not_grow

pytestmark = pytest.mark.django_db


CARD_LINKS = "ul.provider-list > li.provider-card > h2.provider-card__title > a[href]"


def result_titles(html):
    return texts(parse(html), CARD_LINKS)


def option_text(html, name, value):
    select = one(parse(html), f'form.provider-filters select#filter-{name}[name="{name}"]')
    options = [option for option in select.select("option") if option["value"] == value]
    assert len(options) <= 1, f"{len(options)} options {value!r} in the {name} filter"
    return text_of(options[0]) if options else None


@pytest.fixture
def directory(index):
    """A directory with only our providers, so that counts are exact."""
    for child in index.get_children():
        child.specific.unpublish()
    ProviderPageFactory(
        parent=index,
        title="Vaud conseil",
        regions=["CH-VD"],
        services=["consulting"],
        languages=["fr"],
    )
    ProviderPageFactory(
        parent=index,
        title="Vaud formation",
        regions=["CH-VD", "CH-GE"],
        services=["training"],
        languages=["fr", "en"],
    )
    ProviderPageFactory(
        parent=index,
        title="Zurich conseil",
        regions=["CH-ZH"],
        services=["consulting"],
        languages=["de"],
    )
    ProviderPageFactory(
        parent=index, title="Brouillon vaudois", regions=["CH-VD"], publish=False, revision=False
    )
    return index


def test_the_demo_directory_lists_its_providers_in_every_language(client):
    for language in LANGUAGE_CODES:
        html = client.get(f"/{language}/prestataires/").content.decode()
        assert len(result_titles(html)) == PER_PAGE
        one(parse(html), "section.provider-results nav.pagination")


def test_a_filter_keeps_the_matching_live_providers_only(client, directory):
    html = client.get("/fr/prestataires/?region=CH-VD").content.decode()
    assert sorted(result_titles(html)) == ["Vaud conseil", "Vaud formation"]


def test_filters_combine(client, directory):
    html = client.get("/fr/prestataires/?region=CH-VD&service=consulting").content.decode()
    assert result_titles(html) == ["Vaud conseil"]
    html = client.get("/fr/prestataires/?region=CH-VD&language=de").content.decode()
    assert result_titles(html) == []
    notice = one(parse(html), "section.provider-results p.notice")
    assert "Aucun prestataire ne correspond" in text_of(notice)


def test_counts_take_the_other_filters_into_account(client, directory):
    html = client.get("/fr/prestataires/?service=consulting").content.decode()
    # Among consultants: one in Vaud, one in Zurich; Geneva has only a trainer.
    assert option_text(html, "region", "CH-VD") == "Vaud (1)"
    assert option_text(html, "region", "CH-ZH") == "Zurich (1)"
    assert option_text(html, "region", "CH-GE") is None
    # The service facet ignores its own filter, so the alternatives keep their counts.
    assert option_text(html, "service", "training").endswith("(1)")
    assert option_text(html, "service", "consulting").endswith("(2)")


def test_the_active_filters_can_be_removed_one_by_one(client, directory):
    soup = parse(client.get("/fr/prestataires/?region=CH-VD&service=consulting"))
    removals = [link["href"] for link in soup.select("ul.provider-active-filters > li > a")]
    assert "?service=consulting" in removals
    assert "?region=CH-VD" in removals


UNKNOWN = "Certains filtres n’ont pas été reconnus et ont été ignorés."
NOT_A_NUMBER = "Ce numéro de page n’est pas valable ; voici la première page."
PAST_THE_END = "Cette page n’existe pas ; voici la dernière page."


@pytest.mark.parametrize(
    ("query", "notices"),
    [
        ("?region=XX", [UNKNOWN]),
        ("?tool=does-not-exist", [UNKNOWN]),
        ("?service=%27%22", [UNKNOWN]),
        ("?language=<script>", [UNKNOWN]),
        ("?page=abc", [NOT_A_NUMBER]),
        ("?page=9999", [PAST_THE_END]),
        ("?page=-1", [NOT_A_NUMBER]),  # below the first page: not a page number
        ("?region=XX&service=nope&page=abc", [UNKNOWN, NOT_A_NUMBER]),
        ("?region=CH-VD&region=CH-ZH&service=", []),
    ],
)
def test_unknown_filter_values_are_ignored_with_a_notice(client, directory, query, notices):
    response = client.get(f"/fr/prestataires/{query}")
    assert response.status_code == 200
    assert len(result_titles(response.content.decode())) >= 1
    assert texts(parse(response), "p.notice[role=alert]") == notices


def test_filtering_by_a_tool_uses_its_sheet_number(client, directory):
    tool = ToolPageFactory(
        title="Canevas d'essai", sheet_number="99z", summary="Un outil.", aliases=False
    )
    ProviderPageFactory(parent=directory, title="Praticienne du canevas", tools=[tool])
    html = client.get("/fr/prestataires/?tool=99z").content.decode()
    assert result_titles(html) == ["Praticienne du canevas"]
    assert option_text(html, "tool", "99z") == "99z · Canevas d'essai (1)"


def test_the_order_is_a_daily_shuffle_that_gives_every_provider_a_turn():
    ids = list(range(1, 21))
    monday = daily_order(ids, datetime.date(2026, 3, 2))
    assert daily_order(reversed(ids), datetime.date(2026, 3, 2)) == monday
    firsts = {
        daily_order(ids, datetime.date(2026, 3, 2) + datetime.timedelta(days=n))[0]
        for n in range(60)
    }
    assert len(firsts) > 5
    assert sorted(monday) == ids


def test_pages_of_results_keep_the_filters_and_do_not_repeat_providers(client, index):
    for number in range(PER_PAGE + 3):
        ProviderPageFactory(parent=index, title=f"Genevois {number:02d}", regions=["CH-GE"])
    first = client.get("/fr/prestataires/?region=CH-GE").content.decode()
    pages = [link["href"] for link in parse(first).select("nav.pagination a")]
    assert "?region=CH-GE&page=2" in pages
    second = client.get("/fr/prestataires/?region=CH-GE&page=2").content.decode()
    seen = result_titles(first) + result_titles(second)
    genevans = [title for title in seen if title.startswith("Genevois")]
    assert len(genevans) == len(set(genevans)) == PER_PAGE + 3


@pytest.mark.slow
def test_the_directory_query_count_does_not_grow_with_300_providers(client, index):
    regions = ["CH-VD", "CH-GE", "CH-TI"]
    # Every provider has a logo, so each page of results fetches logos (two queries whatever
    # their number) before and after more providers arrive, whichever land on the page.
    logo = ImageFactory()

    def provider(**fields):
        ProviderPageFactory(
            parent=index,
            image=logo,
            image_alt="Logo essai",
            publish=False,
            revision=False,
            live=True,
            **fields,
        )

    with index_updates_paused():
        for number in range(300):
            provider(
                regions=[regions[number % 3]],
                services=["consulting", "training"][: 1 + number % 2],
            )

    def add_providers():
        with index_updates_paused():
            for _ in range(20):
                provider(regions=["CH-VD"])

    count = assert_query_count_does_not_grow(
        client,
        "/fr/prestataires/?region=CH-VD&service=consulting&language=fr",
        add_providers,
        budget=12,
    )
    print(f"directory with 300+ providers and three filters: {count} queries")
    assert_query_count_does_not_grow(
        client, "/de/prestataires/?region=CH-VD&page=3", add_providers, budget=12
    )


def test_german_visitors_see_the_german_directory_of_aliases(client):
    german = ProviderIndexPage.objects.get(locale=Locale.objects.get(language_code="de"))
    assert german.alias_of_id is not None
    soup = parse(client.get("/de/prestataires/?region=CH-VD"))
    assert "Region" in texts(soup, "form.provider-filters label")
    links = [link["href"] for link in soup.select(CARD_LINKS)]
    assert links and all(link.startswith("/de/prestataires/") for link in links)
    assert ProviderPage.objects.live().child_of(german).count() >= 12


def test_the_profile_query_count_does_not_grow_with_its_tools(client, index):
    provider = ProviderPageFactory(parent=index, title="Praticienne")
    numbers = iter(range(100))

    def add_tools():
        for _ in range(3):
            number = next(numbers)
            tool = ToolPageFactory(
                title=f"Outil {number}",
                sheet_number=f"9{number:02d}",
                summary="Un outil.",
                aliases=False,
            )
            provider.tools.add(tool)
        provider.save_revision().publish()

    add_tools()
    count = assert_query_count_does_not_grow(client, provider.url, add_tools, budget=12)
    tools = parse(client.get(provider.url)).select('section[aria-labelledby="provider-tools"] a')
    assert "900 · Outil 0" in [text_of(tool) for tool in tools]
    print(f"profile: {count} queries")

"""What every page pays besides its own content: the site, its route, the menu, the footer, the
settings, the language switcher, hreflang links and breadcrumbs (core/cache.py,
core/site_data.py, core/routing.py).

Once the caches are warm these cost no query; a publication, a settings or menu change shows
on the very next request.
"""

import pytest
from django.test import override_settings
from wagtail.models import Page, PageViewRestriction, Site

from home.models import MainMenu, SiteSettings
from tests.factories import StandardPageFactory
from tests.html import one, parse, texts
from tests.query_budget import count_queries

pytestmark = pytest.mark.django_db

# A page's own queries on top: its specific row. Everything else comes from the caches.
STANDARD_PAGE_BUDGET = 6


def warm_count(client, url):
    client.get(url)
    count, queries = count_queries(client, url)
    return count, [query["sql"] for query in queries]


def test_a_standard_page_costs_at_most_six_queries_once_the_caches_are_warm(client):
    page = StandardPageFactory(title="Nos statuts", slug="nos-statuts")

    count, queries = warm_count(client, page.url)

    assert count <= STANDARD_PAGE_BUDGET, queries
    assert not any(sql.startswith(("BEGIN", "SAVEPOINT")) for sql in queries)


def test_a_warm_page_is_read_from_the_cache_with_its_route(client):
    """The live page is kept with its route until the next publication: a warm view reads no
    page row; a new title shows at once."""
    page = StandardPageFactory(title="Nos statuts", slug="nos-statuts")
    client.get(page.url)  # Wagtail routes it from the tree; the route is kept

    count, queries = warm_count(client, page.url)  # the page is kept, then read from the cache

    assert not any("wagtailcore_page" in sql or "home_standardpage" in sql for sql in queries)
    page.title = "Nos statuts révisés"
    page.save_revision().publish()
    assert "Nos statuts révisés" in one(parse(client.get(page.url)), "h1").get_text()


def test_every_language_and_an_alias_pay_the_same_shared_queries(client):
    page = StandardPageFactory(title="Nos statuts", slug="nos-statuts")

    counts = {
        code: warm_count(client, f"/{code}/nos-statuts/")[0] for code in ["fr", "de", "it", "en"]
    }
    # The German page of the association is a real translation, the others above are aliases.
    counts["de translated"] = warm_count(client, "/de/association/")[0]

    assert page.get_translations().filter(alias_of=page).count() == 3
    assert len(set(counts.values())) == 1, counts


def test_a_new_menu_item_shows_on_the_next_request(client, locales):
    page = StandardPageFactory(title="Nos statuts", slug="nos-statuts")
    assert "Nos statuts" not in texts(parse(client.get("/fr/")), "nav.main-nav a")

    menu = MainMenu.objects.get(locale=locales["fr"])
    menu.add_link("L'association", "Nos statuts", page=page)

    links = parse(client.get("/fr/")).select("nav.main-nav a")
    assert {link.get_text(strip=True): link["href"] for link in links}["Nos statuts"] == (
        "/fr/nos-statuts/"
    )


def test_a_page_published_under_a_new_address_moves_its_menu_link_and_route(client, locales):
    page = StandardPageFactory(title="Nos statuts", slug="nos-statuts")
    menu = MainMenu.objects.get(locale=locales["fr"])
    menu.add_link("L'association", "Nos statuts", page=page)
    assert client.get("/fr/nos-statuts/").status_code == 200

    page.slug = "statuts-2026"
    page.save_revision().publish()

    assert client.get("/fr/nos-statuts/").status_code == 404
    soup = parse(client.get("/fr/statuts-2026/"))
    links = {link.get_text(strip=True): link["href"] for link in soup.select("nav.main-nav a")}
    assert links["Nos statuts"] == "/fr/statuts-2026/"


def test_an_unpublished_page_leaves_the_menu_at_once(client, locales):
    page = StandardPageFactory(title="Nos statuts", slug="nos-statuts")
    menu = MainMenu.objects.get(locale=locales["fr"])
    menu.add_link("L'association", "Nos statuts", page=page)
    assert "Nos statuts" in texts(parse(client.get("/fr/")), "nav.main-nav a")

    page.unpublish()

    assert "Nos statuts" not in texts(parse(client.get("/fr/")), "nav.main-nav a")
    assert client.get("/fr/nos-statuts/").status_code == 404


def test_a_published_translation_appears_in_the_switcher_and_hreflang_at_once(client, locales):
    page = StandardPageFactory(title="Nos statuts", slug="nos-statuts", aliases=False)
    before = parse(client.get(page.url))
    assert one(before, 'nav.language-switcher a[hreflang="de"]')["href"] == "/de/"
    assert [link["hreflang"] for link in before.select('link[rel="alternate"][hreflang]')] == [
        "fr",
        "x-default",
    ]

    german = page.copy_for_translation(locales["de"])
    german.title = "Unsere Statuten"
    german.save_revision().publish()

    after = parse(client.get(page.url))
    assert one(after, 'nav.language-switcher a[hreflang="de"]')["href"] == "/de/nos-statuts/"
    assert "de" in [link["hreflang"] for link in after.select('link[rel="alternate"][hreflang]')]


def test_edited_site_settings_show_on_the_next_request(client):
    assert "Réseau romand" not in parse(client.get("/fr/contact/")).title.get_text()

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.organisation_name = "Réseau romand"
    site_settings.save()

    assert parse(client.get("/fr/contact/")).title.get_text().endswith("· Réseau romand")


def test_a_page_made_private_asks_for_a_login_at_once_and_leaves_listings(client):
    page = StandardPageFactory(title="Nos statuts", slug="nos-statuts")
    assert client.get("/fr/nos-statuts/").status_code == 200
    assert Page.objects.public().filter(pk=page.pk).exists()

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/fr/nos-statuts/")
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not Page.objects.public().filter(pk=page.pk).exists()


@override_settings(
    CACHES={
        "default": {
            # Nothing listens on port 9: every cache call fails as with Redis down.
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    },
    DJANGO_REDIS_IGNORE_EXCEPTIONS=True,
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS=False,
)
def test_a_page_is_computed_when_the_cache_is_down(client):
    soup = parse(client.get("/de/association/"))

    assert "Der Verein" in texts(soup, "nav.main-nav a")
    assert "Impressum" in texts(soup, "footer.site-footer nav.site-footer__links a")

"""The anonymous full-page cache serves repeat visits and is purged precisely on change."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client, override_settings

from home.models import MainMenu, StandardPage
from tests.html import one, parse, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def page_cache():
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=600):
        yield
    cache.clear()


def visit(url, client=None):
    response = (client or Client(HTTP_HOST="localhost")).get(url)
    return response, response.get("X-Page-Cache")


def test_second_anonymous_visit_is_served_from_the_cache():
    first, state = visit("/fr/association/")
    assert state == "miss"
    # Browsers ask again every time; an edge cache in front keeps it EDGE_CACHE_SECONDS.
    cache_control = {part.strip() for part in first["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=0", "s-maxage=60"}
    second, state = visit("/fr/association/")
    assert state == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_publishing_a_page_purges_it_and_every_variant_of_it(home_page):
    about = StandardPage.objects.get(slug="association", locale__language_code="fr")
    visit("/fr/association/")
    visit("/fr/association/?utm_source=newsletter")
    about.intro = "Une introduction toute neuve."
    about.save_revision().publish()
    response, state = visit("/fr/association/")
    assert state == "miss"
    assert text_of(one(parse(response), "main p.lead")) == "Une introduction toute neuve."
    _, state = visit("/fr/association/?utm_source=newsletter")
    assert state == "miss"


def test_publishing_a_child_purges_its_parent_listing_and_aliases(home_page):
    visit("/fr/")
    visit("/de/association/")
    child = StandardPage(title="Nouvelle page", slug="nouvelle-page-cache")
    home_page.add_child(instance=child)
    child.save_revision().publish()
    _, state = visit("/fr/")
    assert state == "miss"
    about = StandardPage.objects.get(slug="association", locale__language_code="fr")
    about.save_revision().publish()
    # The German alias shows the French text: it must not stay stale.
    _, state = visit("/de/association/")
    assert state == "miss"


def test_other_pages_stay_cached_when_one_changes(home_page):
    visit("/fr/contact/")
    about = StandardPage.objects.get(slug="association", locale__language_code="fr")
    about.save_revision().publish()
    _, state = visit("/fr/contact/")
    assert state == "hit"


def test_changing_the_menu_purges_every_page(locales):
    visit("/fr/contact/")
    menu = MainMenu.objects.get(locale=locales["fr"])
    menu.name = "Menu principal modifié"
    menu.save()
    _, state = visit("/fr/contact/")
    assert state == "miss"


def test_editors_never_see_a_cached_page():
    visit("/fr/association/")
    editor = User.objects.create_superuser("editor", "editor@example.org", "x")
    client = Client(HTTP_HOST="localhost")
    client.force_login(editor)
    response, state = visit("/fr/association/", client)
    assert state is None
    assert response.status_code == 200


def test_pages_that_set_a_cookie_are_not_stored():
    from django.test import RequestFactory

    from sbm_site.page_cache import PageCacheMiddleware

    def view(request):
        from django.http import HttpResponse

        request._page_cache_page = StandardPage.objects.first()
        response = HttpResponse("form with a token")
        response.set_cookie("csrftoken", "abc")
        return response

    middleware = PageCacheMiddleware(view)
    request = RequestFactory().get("/fr/formulaire/")
    assert "X-Page-Cache" not in middleware(request)
    assert "X-Page-Cache" not in middleware(RequestFactory().get("/fr/formulaire/"))

"""The anonymous full-page cache serves repeat visits and is purged precisely on change."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings

from core.page_cache import PageCacheMiddleware
from home.models import HomePage, MainMenu, StandardPage
from tests.html import one, parse, text_of
from tools.models import ToolIndexPage, ToolPage

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
    assert cache_control == {
        "public",
        "max-age=0",
        "s-maxage=60",
        "stale-while-revalidate=60",
    }
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
    def view(request):
        request._page_cache_page = StandardPage.objects.first()
        response = HttpResponse("form with a token")
        response.set_cookie("csrftoken", "abc")
        return response

    middleware = PageCacheMiddleware(view)
    request = RequestFactory().get("/fr/formulaire/")
    assert "X-Page-Cache" not in middleware(request)
    assert "X-Page-Cache" not in middleware(RequestFactory().get("/fr/formulaire/"))


def test_after_a_publication_the_page_its_index_and_the_home_page_are_rendered_in_advance(
    django_capture_on_commit_callbacks,
):
    index = ToolIndexPage.objects.get(locale__language_code="fr")
    first_card = parse(visit(index.url)[0]).select_one("main .tool-card h3 a")
    slug = first_card["href"].rstrip("/").rsplit("/", 1)[1]
    tool = ToolPage.objects.get(locale__language_code="fr", slug=slug)
    home = HomePage.objects.get(locale__language_code="fr")
    visit(tool.url)
    visit(home.url)
    tool.title = "Abaque publié tout juste"
    with django_capture_on_commit_callbacks(execute=True):
        tool.save_revision().publish()

    # The refresh task (run at the commit by the tests' immediate backend) rendered them: no
    # visitor pays for a cold render.
    for address in (tool.url, index.url):
        response, state = visit(address)
        assert state == "hit", address
        assert "Abaque publié tout juste" in response.content.decode(), address
    # A hit after the purge: stored under the home page's new version, by the refresh.
    _, state = visit(home.url)
    assert state == "hit"


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_the_worker_renders_the_purged_pages_and_visitors_before_it_get_them_fresh(
    django_capture_on_commit_callbacks,
):
    about = StandardPage.objects.get(slug="association", locale__language_code="fr")
    visit("/fr/association/")
    visit("/fr/")
    about.intro = "Une introduction toute neuve."
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()

    # The refresh is queued: a visitor before the worker gets the page rendered for them,
    # never the entry from before the publication.
    _, state = visit("/fr/")
    assert state == "miss"

    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    response, state = visit("/fr/association/")
    assert state == "hit"
    assert text_of(one(parse(response), "main p.lead")) == "Une introduction toute neuve."


def test_a_purged_variant_is_rendered_again_on_its_next_visit(django_capture_on_commit_callbacks):
    about = StandardPage.objects.get(slug="association", locale__language_code="fr")
    visit("/fr/association/?utm_source=newsletter")
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
    _, state = visit("/fr/association/?utm_source=newsletter")
    assert state == "miss"

"""The styleguide shows editors every component with the site's stylesheet, in their language;
visitors are sent to the admin's login."""

import pytest

from tests.factories import EditorFactory, UserFactory
from tests.html import one, parse, text_of, texts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "title", "filter_label"),
    [
        ("fr", "Guide de style du site", "Filtrer"),
        ("de", "Gestaltungsrichtlinien der Website", "Filtern"),
        ("it", "Guida di stile del sito", "Filtra"),
        ("en", "Site styleguide", "Filter"),
    ],
)
def test_an_editor_sees_every_component_in_their_language(client, language, title, filter_label):
    client.force_login(EditorFactory())

    soup = parse(client.get(f"/{language}/styleguide/"))

    assert text_of(one(soup, "main h1")) == title
    assert one(soup, "html")["lang"] == language
    one(soup, 'link[rel="stylesheet"][href*="css/site.css"]')
    for component in (
        ".styleguide-swatches",
        "a.button",
        "a.button--secondary",
        ".form-field--error .errorlist",
        ".notice--success",
        ".notice--error",
        ".block-cta",
        ".card-grid .card",
        ".tag",
        "dl.facts",
        "details.facets",
        "nav.pagination [aria-current=page]",
        "header.site-header button.site-header__toggle",
        "footer.site-footer",
    ):
        assert soup.select(component), f"{component} is missing"
    assert texts(soup, "details.facets > summary") == [filter_label]
    assert one(soup, 'meta[name="robots"]')["content"] == "noindex"


def test_a_visitor_is_sent_to_the_login(client):
    response = client.get("/fr/styleguide/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_user_without_admin_access_is_sent_to_the_login(client):
    client.force_login(UserFactory())
    response = client.get("/fr/styleguide/")
    assert response.status_code == 302


def test_the_admin_help_menu_links_to_the_styleguide(client):
    client.force_login(EditorFactory())
    soup = parse(client.get("/admin/"))
    assert "/fr/styleguide/" in soup.decode()

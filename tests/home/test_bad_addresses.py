"""A null character anywhere in an address is a clear 400 page, never a server error.

Other unknown filter values keep answering 200 with a notice (tests/tools/test_listing.py,
tests/providers/test_directory.py): only a null character, which no database text accepts,
is refused outright.
"""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory

from sbm_site.middleware import RefuseNullCharactersMiddleware

ADDRESSES = [
    "/fr/search/?q=mod%00ele",
    "/fr/outils/?lever=%00",
    "/fr/outils/?phase=%00%27",
    "/fr/prestataires/?service=%00",
    "/fr/outils/?%00=1",
    "/fr/agenda/?page=1%00",
    "/events/fr/upcoming.ics?x=%00",
    "/events/fr/rss/?category=%00",
    "/feeds/fr/news.atom?q=%00",
    "/open-data/fr/tools.csv?lever=%00",
    "/open-data/fr/tools.json?audience=a%00b",
    "/api/v2/pages/?search=%00",
    "/fr/outils%00/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("address", ADDRESSES)
def test_a_null_character_gives_a_400_page(client, address):
    response = client.get(address)
    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("address", "language", "heading"),
    [
        ("/fr/search/?q=%00", "fr", "Requête invalide"),
        ("/de/search/?q=%00", "de", "Ungültige Anfrage"),
        ("/it/search/?q=%00", "it", "Richiesta non valida"),
        ("/en/search/?q=%00", "en", "Bad request"),
    ],
)
def test_the_400_page_speaks_the_language_of_the_address(client, address, language, heading):
    response = client.get(address)
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == language
    assert page.h1.get_text(strip=True) == heading
    assert page.select_one("main a[href='/']")


def test_an_address_without_null_character_goes_through():
    seen = []
    middleware = RefuseNullCharactersMiddleware(lambda request: seen.append(request) or "page")
    request = RequestFactory().get("/fr/outils/", {"lever": "ressources-humaines", "q": "a b"})
    assert middleware(request) == "page"
    assert seen == [request]

"""Language of parts (WCAG 3.1.1 and 3.1.2) on every live page of the German, Italian and
English trees of the demo site, every page type included.

Each page is fetched with the test client and parsed once. On every page:
- `<html lang>` is the page's language;
- the header, the menus, the footer and the untranslated notice speak the page's language,
  and none of them sits inside a French part;
- the language switcher and the `hreflang` alternates lead to the same page in each other
  language (its translation, or the alias that shows the original), never to another page;
- on an untranslated page (an alias of the French page) the content part says `lang="fr"`;
  on a translated page no `lang="fr"` wraps the content.
And no interface text of the page's language (a UI message from the catalogues, a translated
lever, phase, audience or theme) sits inside a part marked French: a screen reader would read
"Herunterladen" with a French voice.
"""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from wagtail.models import Page

from taxonomy.models import Audience, Lever, Phase, Theme
from tests.html import parse, text_of

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["de", "it", "en"]
SOURCE_LANGUAGE = "fr"
# Parts of the page that belong to the interface, never to the page's text.
UI_PARTS = [
    "header.site-header",
    "nav.language-switcher",
    "footer.site-footer",
    "aside.notice--untranslated",
]
# Shorter texts ("OK", "PDF", a date) are the same in several languages.
SHORTEST_UI_TEXT = 4


def catalogue_texts(language):
    """{msgid: text} of every UI message of the project in `language`."""
    texts = {}
    catalogue = f"locale/{language}/LC_MESSAGES/django.po"
    for po_path in [*ROOT.glob(catalogue), *ROOT.glob(f"*/{catalogue}")]:
        for entry in polib.pofile(str(po_path)):
            if entry.msgstr:
                texts[entry.msgid] = entry.msgstr
            for index, text in entry.msgstr_plural.items():
                texts[(entry.msgid, index)] = text
    return texts


def ui_texts(language):
    """Interface texts of `language` that are not also the French text of the same thing."""
    french = catalogue_texts(SOURCE_LANGUAGE)
    texts = {
        text
        for msgid, text in catalogue_texts(language).items()
        if text != french.get(msgid) and "%" not in text and "{" not in text
    }
    for model in (Lever, Phase, Audience, Theme):
        names = dict(
            model.objects.filter(locale__language_code=SOURCE_LANGUAGE).values_list(
                "translation_key", "name"
            )
        )
        for key, name in model.objects.filter(locale__language_code=language).values_list(
            "translation_key", "name"
        ):
            if name != names.get(key):
                texts.add(name)
    return {" ".join(text.split()) for text in texts if len(text) >= SHORTEST_UI_TEXT}


def nearest_lang(element):
    while element is not None:
        if element.has_attr("lang"):
            return element["lang"]
        element = element.parent
    return None


def ui_texts_marked_french(soup, texts):
    found = []
    for node in soup.find_all(string=True):
        text = " ".join(node.split())
        if (
            text in texts
            and node.parent.name not in ("script", "style", "template")
            and nearest_lang(node.parent) == SOURCE_LANGUAGE
        ):
            found.append(text)
    for element in soup.select("[aria-label], [title], [placeholder]"):
        for attribute in ("aria-label", "title", "placeholder"):
            value = " ".join(element.get(attribute, "").split())
            if value in texts and nearest_lang(element) == SOURCE_LANGUAGE:
                found.append(f"{attribute}={value}")
    return found


def counterparts_by_page():
    """{page id: {language: url path}} of every page of the site's trees, in one query."""
    rows = Page.objects.filter(depth__gt=1).values_list(
        "pk", "translation_key", "locale__language_code", "url_path"
    )
    by_key = {}
    for _pk, key, language, url_path in rows:
        by_key.setdefault(key, {})[language] = url_path
    return {pk: by_key[key] for pk, key, _language, _url_path in rows}


def public_path(url_path, language):
    """`/home-de/outils/x/` (Wagtail's tree path) as the visitor's `/de/outils/x/`."""
    return f"/{language}/" + url_path.split("/", 2)[2]


# Every page of three trees (345 renders): in the slow lane, which CI runs on PostgreSQL; the
# fast lane renders each page type in every language (tests/core/test_html_validity.py).
@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_speaks_its_language_in_each_part(client, language):
    texts = ui_texts(language)
    counterparts = counterparts_by_page()
    pages = list(
        Page.objects.live()
        .filter(locale__language_code=language, depth__gt=1)
        .values_list("pk", "url_path", "alias_of_id", "content_type__model")
    )
    assert len(pages) > 50, "the demo site's tree in this language"
    problems = []
    page_types = set()
    for pk, url_path, alias_of_id, page_type in pages:
        path = public_path(url_path, language)
        response = client.get(path)
        if response.status_code != 200:
            problems.append(f"{path}: HTTP {response.status_code}")
            continue
        page_types.add(page_type)
        soup = parse(response)
        problems += [f"{path}: {problem}" for problem in lang_problems(soup, language, alias_of_id)]
        problems += [f"{path}: {problem}" for problem in link_problems(soup, counterparts[pk])]
        marked_french = ui_texts_marked_french(soup, texts)
        if marked_french:
            problems.append(f"{path}: UI texts marked French: {marked_french}")
    assert not problems, f"{len(problems)} page(s) with problems:\n" + "\n".join(problems)
    assert {"homepage", "toolpage", "standardpage"} <= page_types


def lang_problems(soup, language, alias_of_id):
    html = soup.find("html")
    if html.get("lang") != language:
        yield f"<html lang={html.get('lang')!r}>"
    for selector in UI_PARTS:
        for part in soup.select(selector):
            if nearest_lang(part) != language:
                yield f"{selector} is in {nearest_lang(part)!r}"
    # The page's own text: its title, and the part that holds its content.
    main = soup.find("main")
    title = main.find("h1")
    content_language = SOURCE_LANGUAGE if alias_of_id else language
    for part in (main, title):
        if part is not None and nearest_lang(part) != content_language:
            yield f"<{part.name}> {text_of(part)[:40]!r} is in {nearest_lang(part)!r}"
    notices = soup.select("aside.notice--untranslated")
    if len(notices) != (1 if alias_of_id else 0):
        yield f"{len(notices)} untranslated notices"


def link_problems(soup, counterparts):
    switcher = soup.select("nav.language-switcher a[hreflang]")
    shown = {link["hreflang"]: link["href"] for link in switcher}
    expected = {
        code: public_path(counterparts[code], code)
        for code, _name in settings.LANGUAGES
        if code in counterparts
    }
    if shown != expected:
        yield f"switcher {shown} instead of {expected}"
    for link in soup.select('link[rel="alternate"][hreflang]'):
        code = "fr" if link["hreflang"] == "x-default" else link["hreflang"]
        if not link["href"].endswith(expected.get(code, "(no such page)")):
            yield f"hreflang {link['hreflang']} leads to {link['href']}"

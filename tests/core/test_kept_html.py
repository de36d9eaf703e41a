"""HTML kept per published page: `{% kept %}` and `{% section_html %}`
(core/templatetags/kept_html.py).

A kept block is rendered once per page, language, site, path and `vary` values until a
publication or a snippet change bumps the cache; a preview, or a view without a page, renders
it every time; what is set inside is never seen after it; a form with its CSRF token is refused.
"""

import json

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation
from wagtail.models import Page, Site

from core import cache as versioned
from tests.factories import EventPageFactory, RegistrationFactory, StandardPageFactory
from tests.html import one, parse, text_of, texts
from tools.models import ToolPage

pytestmark = pytest.mark.django_db


class Counter:
    """Renders as the number of times it was rendered."""

    def __init__(self):
        self.count = 0

    def __str__(self):
        self.count += 1
        return str(self.count)


@pytest.fixture
def page():
    return StandardPageFactory()


def render(source, rf, page, path="/fr/page/", **context):
    request = rf.get(path)
    request._wagtail_site = Site.objects.get(is_default_site=True)
    template = Template("{% load kept_html %}" + source)
    return template.render(Context({"page": page, "request": request, **context}))


def test_a_kept_block_is_rendered_once_until_a_publication(rf, page):
    counter = Counter()
    source = '{% kept "part" %}<p>{{ counter }}</p>{% endkept %}'
    assert render(source, rf, page, counter=counter) == "<p>1</p>"
    assert render(source, rf, page, counter=counter) == "<p>1</p>"
    assert counter.count == 1
    versioned.bump(versioned.PAGES)
    assert render(source, rf, page, counter=counter) == "<p>2</p>"
    versioned.bump(versioned.CHROME)  # a snippet: the menu, a term, an image
    assert render(source, rf, page, counter=counter) == "<p>3</p>"


def test_each_page_language_path_and_vary_value_has_its_own(rf, page):
    counter = Counter()
    other_page = StandardPageFactory()
    source = '{% kept "part" value %}{{ counter }}{% endkept %}'
    seen = {
        render(source, rf, page, counter=counter, value=1),
        render(source, rf, other_page, counter=counter, value=1),
        render(source, rf, page, "/fr/page/apply/", counter=counter, value=1),
        render(source, rf, page, counter=counter, value=2),
    }
    with translation.override("de"):
        seen.add(render(source, rf, page, counter=counter, value=1))
    assert seen == {"1", "2", "3", "4", "5"}
    # The query string is not part of the key: a kept block never depends on it.
    assert render(source, rf, page, "/fr/page/?q=x", counter=counter, value=1) == "1"


def test_a_preview_and_a_view_without_page_render_every_time(rf, page):
    counter = Counter()
    source = '{% kept "part" %}{{ counter }}{% endkept %}'
    request = rf.get("/fr/page/")
    request.is_preview = True
    template = Template("{% load kept_html %}" + source)
    for expected in ("1", "2"):
        context = Context({"page": page, "request": request, "counter": counter})
        assert template.render(context) == expected
    assert render(source, rf, None, counter=counter) == "3"
    assert render(source, rf, Page(title="unsaved"), counter=counter) == "4"


def test_what_a_kept_block_sets_is_not_seen_after_it(rf, page):
    source = '{% kept "part" %}{% firstof "inside" as word %}{{ word }}{% endkept %}[{{ word }}]'
    assert render(source, rf, page) == "inside[]"
    assert render(source, rf, page) == "inside[]"


def test_a_form_with_its_csrf_token_cannot_be_kept():
    with pytest.raises(TemplateSyntaxError, match="CSRF"):
        Template('{% load kept_html %}{% kept "form" %}<form>{% csrf_token %}</form>{% endkept %}')


def test_kept_html_is_escaped_as_it_was_rendered(rf, page):
    source = '{% kept "part" %}{{ text }}{% endkept %}'
    assert render(source, rf, page, text="<b>") == "&lt;b&gt;"
    assert render(source, rf, page, text="<i>") == "&lt;b&gt;"


def test_a_section_whose_context_is_kept_has_its_html_kept_too(rf, page):
    counter = Counter()
    template = Template("{% load kept_html %}{% section_html section %}")
    request = rf.get("/fr/page/")
    request._wagtail_site = Site.objects.get(is_default_site=True)
    kept = {"template": "includes/hreflang.html", "context": {}, "kept_as": "section:x"}

    def rendered(section):
        # hreflang.html shows the links it is given; the counter shows each rendering.
        links = [{"code": counter, "url": "/x/"}]
        context = Context({"page": page, "request": request, "section": section, "links": links})
        return template.render(context)

    first = rendered(kept)
    assert rendered(kept) == first
    assert counter.count == 1
    assert rendered({**kept, "kept_as": None}) != first  # not kept: rendered again
    assert counter.count == 2


def test_a_publication_shows_at_once_in_the_kept_head_and_page(client, page):
    assert client.get(page.url).status_code == 200
    page.title = "Un titre tout neuf"
    page.save_revision().publish()
    soup = parse(client.get(page.url))
    assert "Un titre tout neuf" in text_of(one(soup, "title"))
    assert "Un titre tout neuf" in text_of(one(soup, "h1"))


def test_the_sheet_keeps_its_html_but_counts_each_download(client):
    tool = ToolPage.objects.get(sheet_number="02a", locale__language_code="fr")
    instrument = tool.instruments.first()
    before = texts(parse(client.get(tool.url)), "ul.tool-instruments > li")
    assert any("Téléchargé 0 fois." in line for line in before)
    client.get(f"/tools/download/{instrument.pk}/{instrument.document.filename}")
    after = texts(parse(client.get(tool.url)), "ul.tool-instruments > li")
    assert any("Téléchargé 1 fois." in line for line in after)


def test_the_event_page_keeps_its_html_but_shows_the_seats_left_at_once(client):
    event = EventPageFactory(capacity=2, aliases=False)
    assert client.get(event.url).status_code == 200
    RegistrationFactory(event=event)
    soup = parse(client.get(event.url))
    facts = text_of(one(soup, ".event__facts"))
    assert "Places restantes" in facts and "1" in facts.split("Places restantes")[1][:5]
    RegistrationFactory(event=event)
    soup = parse(client.get(event.url))
    offers = [
        item["offers"]
        for script in soup.select('script[type="application/ld+json"]')
        for item in _as_list(json.loads(script.string))
        if item.get("@type") == "Event"
    ]
    assert offers and offers[0]["availability"] == "https://schema.org/SoldOut"
    assert "Aucune" in text_of(one(soup, ".event__facts"))


def _as_list(value):
    return value if isinstance(value, list) else [value]

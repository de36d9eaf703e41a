"""French typography on what visitors read, dates in each language's own form, tab titles."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Locale

from core.typography import french_typography
from tests.factories import StandardPageFactory
from tests.html import one, parse, text_of

NBSP = "\u00a0"
NARROW = "\u202f"


def render(source, **context):
    return Template("{% load typography %}" + source).render(Context(context))


def test_french_sets_non_breaking_spaces_before_double_signs_and_inside_guillemets():
    assert french_typography("Pourquoi ? Parce que ; voilà ! Note : « oui »") == (
        f"Pourquoi{NARROW}? Parce que{NARROW}; voilà{NARROW}! Note{NBSP}: «{NARROW}oui{NARROW}»"
    )


def test_guillemets_without_spaces_get_them():
    assert french_typography("«oui»") == f"«{NARROW}oui{NARROW}»"


def test_the_first_of_a_month_is_written_1er():
    assert french_typography("le 1 décembre et le 11 décembre, le 1er mars") == (
        f"le 1er{NBSP}décembre et le 11 décembre, le 1er{NBSP}mars"
    )


def test_tags_attributes_times_and_code_are_left_alone():
    html = (
        '<a href="https://x.ch/?a=1" title="Note : x">Voir :</a> 13:00 '
        "<code>a ; b</code> <script>x = a ? b : c;</script>"
    )
    assert french_typography(html) == (
        f'<a href="https://x.ch/?a=1" title="Note : x">Voir{NBSP}:</a> 13:00 '
        "<code>a ; b</code> <script>x = a ? b : c;</script>"
    )


@pytest.mark.parametrize("language", ["de", "it", "en"])
def test_other_languages_keep_their_text(language):
    assert render('{{ text|typography:"' + language + '" }}', text="Warum ? Note : x") == (
        "Warum ? Note : x"
    )


def test_the_filter_escapes_plain_text_and_follows_the_active_language():
    with translation.override("fr"):
        assert render("{{ text|typography }}", text="<b>Oui !</b>") == (
            f"&lt;b&gt;Oui{NARROW}!&lt;/b&gt;"
        )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", f"1er{NBSP}décembre 2026 · Jeudi 3 décembre 2026, 13:00"),
        ("de", "1. Dezember 2026 · Donnerstag, 3. Dezember 2026, 13:00"),
        ("it", "1 dicembre 2026 · Giovedì 3 dicembre 2026, 13:00"),
        ("en", "1 December 2026 · Thursday 3 December 2026, 13:00"),
    ],
)
def test_dates_are_written_the_way_each_language_writes_them(language, expected):
    first = datetime.date(2026, 12, 1)
    start = datetime.datetime(2026, 12, 3, 13, 0)
    with translation.override(language):
        rendered = render(
            '{{ first|date:"DATE_FORMAT"|typography }} · {{ start|date:"DATETIME_FORMAT" }}',
            first=first,
            start=start,
        )
    assert rendered == expected


@pytest.mark.django_db
def test_a_french_page_shows_its_title_and_text_with_french_spacing(client):
    page = StandardPageFactory(
        title="Pourquoi coopérer ?",
        body=[("paragraph", "<p>Notre devise : « ensemble » !</p>")],
    )

    soup = parse(client.get(page.url))

    # The raw text: tests.html.text_of would fold the non-breaking spaces into plain ones.
    assert one(soup, "main h1").get_text() == f"Pourquoi coopérer{NARROW}?"
    assert f"Notre devise{NBSP}: «{NARROW}ensemble{NARROW}»{NARROW}!" in (
        one(soup, "main .rich-text").get_text()
    )
    assert one(soup, "title").get_text() == f"Pourquoi coopérer{NARROW}? · Social Business Models"


@pytest.mark.django_db
def test_the_home_page_tab_shows_the_site_name_once(client):
    soup = parse(client.get("/fr/"))
    assert text_of(one(soup, "title")) == "Social Business Models"


@pytest.mark.django_db
def test_a_german_page_keeps_its_own_spacing(client):
    page = StandardPageFactory(title="Warum ?", aliases=False)
    german = page.copy_for_translation(Locale.objects.get(language_code="de"))
    german.title = "Warum zusammenarbeiten?"
    german.save_revision().publish()

    with translation.override("de"):
        soup = parse(client.get(german.url))

    assert text_of(one(soup, "main h1")) == "Warum zusammenarbeiten?"
    assert text_of(one(soup, "title")) == "Warum zusammenarbeiten? · Social Business Models"

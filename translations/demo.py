"""The demo pages that show what the translation workflow produces, in German, Italian, English.

The home page, "L'association", the domains page, the self-diagnosis, the tool index with eight
tool sheets, the guides' index with two guides, the training index with its two training paths,
the events index and the webinar cycle with its
webinars are translated through wagtail-localize as translators would: a TranslationSource for
the French page, a Translation per language, a StringTranslation for every text segment, then
`save_target(publish=True)`. Every other page stays an alias of the French one and shows the
"not translated yet" notice.

The texts, French segment -> (German, Italian, English), live in `translations/demo_texts/`, one
module per part of the site; the names of taxonomy terms come from the taxonomy's own demo.
Names and numbers (authors, sheet numbers, slugs...) stay as they are. Slugs stay French so
that the addresses differ only by their language prefix.

Runs after every other app (ORDER 95). Idempotent: a language whose translation already exists
is left as translators made it. `untranslated_segments` tells which segments of a page are still
in French; the loader reports them.
"""

from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from core.demo_utils import source_home
from core.pdf import regeneration_paused
from events.models import EventSeriesPage
from taxonomy.demo import TERMS
from tools.models import ToolPage

from .demo_texts import diagnostic, events, guides, home, tools, training
from .models import GlossaryTerm

ORDER = 95

LANGUAGES = ["de", "it", "en"]
# Segments that read the same in every language: people's names, sheet numbers, the slug.
NEUTRAL_FIELDS = {"slug", "sheet_number", "authors", "contributors", "attribution", "name"}
# Pages translated by slug, under the French home page (the home page itself comes first).
TOP_LEVEL_SLUGS = [
    *home.PAGE_SLUGS,
    *diagnostic.DIAGNOSTIC_SLUGS,
    "outils",
    "fils-rouges",
    training.TRAINING_INDEX_SLUG,
    "evenements",
]


def taxonomy_texts():
    """French term names -> (German, Italian, English), as the taxonomy's demo translated them."""
    return {
        languages["fr"][0]: tuple(languages[code][0] for code in LANGUAGES)
        for terms in TERMS.values()
        for languages in terms.values()
    }


def all_texts():
    """Every French segment -> (German, Italian, English); one translation per French text."""
    texts = {}
    for part in (
        taxonomy_texts(),
        home.TEXTS,
        diagnostic.TEXTS,
        tools.TEXTS,
        guides.TEXTS,
        training.TEXTS,
        events.TEXTS,
    ):
        for french, translations in part.items():
            if texts.setdefault(french, translations) != translations:
                raise ValueError(f"Two different translations of {french!r}")
    return texts


def translated_pages():
    """The French pages that the demo translates, parents before their children."""
    french_home = source_home()
    children = french_home.get_children().specific()
    by_slug = {page.slug: page for page in children.filter(slug__in=TOP_LEVEL_SLUGS)}
    pages = [french_home.specific, *(by_slug[slug] for slug in TOP_LEVEL_SLUGS)]
    pages += (
        ToolPage.objects.child_of(by_slug["outils"])
        .filter(sheet_number__in=tools.SHEET_NUMBERS)
        .order_by("sheet_number")
    )
    pages += by_slug["fils-rouges"].get_children().specific().filter(slug__in=guides.GUIDE_SLUGS)
    pages += (
        by_slug[training.TRAINING_INDEX_SLUG]
        .get_children()
        .specific()
        .filter(slug__in=training.TRAINING_PATH_SLUGS)
    )
    cycle = EventSeriesPage.objects.child_of(by_slug["evenements"]).get(slug=events.EVENT_SLUGS[1])
    pages += [cycle, *cycle.get_children().specific().filter(slug__in=events.WEBINAR_SLUGS)]
    return pages


def _field_name(segment):
    return segment.context.path.split(".")[-1]


def translate_page(page, locale, texts, source=None):
    """Translate `page` into `locale` through wagtail-localize and publish the translation.

    `texts` maps a French segment to its translation. A string a translator already translated
    in this context is kept. The slug stays what it is in that language (the French one for a
    page not there yet). `source` is the page's up-to-date TranslationSource when the caller
    has it. Returns the Translation.
    """
    existing = page.get_translation_or_none(locale)
    slug = existing.slug if existing else page.slug
    if source is None:
        source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    done = _translated_strings(source, locale)
    new = []
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if (segment.string_id, segment.context_id) in done:
            continue
        french = segment.string.data
        if _field_name(segment) == "slug":
            translated = slug
        elif _field_name(segment) in NEUTRAL_FIELDS:
            translated = french
        else:
            translated = texts.get(french)
        if translated is None:
            continue
        done.add((segment.string_id, segment.context_id))
        new.append(
            StringTranslation(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=translated,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
        )
    StringTranslation.objects.bulk_create(new)
    # PDFs of the sheets are rendered when first asked for, not for every language here.
    with regeneration_paused():
        translation.save_target(publish=True)
    return translation


# The association's own words (French -> German, Italian, English, note), which machine
# translation keeps (translations/machine_translation.py).
GLOSSARY = {
    "fil rouge": (
        "Leitfaden",
        "filo conduttore",
        "guide",
        "Un guide de l'association (menu « Fils rouges »).",
    ),
    "levier": ("Hebel", "leva", "lever", "Les quatre leviers du modèle socio-économique."),
    "leviers": ("Hebel", "leve", "levers", ""),
    "phase": ("Phase", "fase", "phase", "Les phases de vie d'un projet."),
    "public cible": ("Zielgruppe", "pubblico di riferimento", "target audience", ""),
    "prestataire": (
        "Dienstleister",
        "fornitore",
        "service provider",
        "Une personne ou une organisation de l'annuaire des prestataires.",
    ),
    "modèle socio-économique": (
        "sozioökonomisches Modell",
        "modello socio-economico",
        "socio-economic model",
        "Jamais « modèle d'affaires » : l'association parle de modèle socio-économique.",
    ),
    "économie sociale et solidaire": (
        "Sozial- und Solidarwirtschaft",
        "economia sociale e solidale",
        "social and solidarity economy",
        "",
    ),
    "co-création": ("Co-Creation", "co-creazione", "co-creation", ""),
    "fiche outil": ("Werkzeugblatt", "scheda strumento", "tool sheet", ""),
}


def load_glossary():
    created = 0
    for french, (german, italian, english, note) in GLOSSARY.items():
        _term, was_created = GlossaryTerm.objects.get_or_create(
            french=french,
            defaults={"german": german, "italian": italian, "english": english, "note": note},
        )
        created += was_created
    return created


def _translated_strings(source, locale):
    """(string, context) pairs of `source` that have a translation in `locale`."""
    return set(
        StringTranslation.objects.filter(
            locale=locale, translation_of__segments__source=source
        ).values_list("translation_of_id", "context_id")
    )


def untranslated_segments(page, locale):
    """The context paths of the segments of `page` with no translation in `locale`.

    A page never submitted for translation has all of its segments untranslated.
    """
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translated = _translated_strings(source, locale)
    return [
        segment.context.path
        for segment in StringSegment.objects.filter(source=source)
        .select_related("context")
        .order_by("order")
        if (segment.string_id, segment.context_id) not in translated
    ]


def load(command):
    glossary = load_glossary()
    command.stdout.write(f"  translations: {glossary} glossary term(s)")
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=LANGUAGES)
    }
    every_text = all_texts()
    texts = {
        code: {french: translations[index] for french, translations in every_text.items()}
        for index, code in enumerate(LANGUAGES)
        if code in locales
    }
    pages = translated_pages()
    started = set(
        Translation.objects.filter(
            source__object_id__in=[page.translation_key for page in pages],
            target_locale__in=locales.values(),
        ).values_list("source__object_id", "target_locale__language_code")
    )
    done = 0
    for page in pages:
        missing = [code for code in texts if (page.translation_key, code) not in started]
        if not missing:
            continue
        source, _created = TranslationSource.get_or_create_from_instance(page)
        for code in missing:
            translate_page(page, locales[code], texts[code], source)
            done += 1
            for path in untranslated_segments(page, locales[code]):
                command.stdout.write(f"  ! {page.url_path} [{code}] still in French: {path}")
    command.stdout.write(f"  translations: {done} page translation(s) published")

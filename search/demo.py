"""Search synonyms in French, German, Italian and English: what visitors type, what to find.

Each language has its own list (a word typed in German has no French original), so every
entry is a source in its locale. Idempotent: an entry is looked up by its word and locale.
"""

from wagtail.models import Locale

from .models import SearchSynonym

ORDER = 95

# language: [(word typed, words searched as well)]
SYNONYMS = {
    "fr": [
        ("canvas", "canevas"),
        ("bmc", "canevas"),
        ("budjet", "budget"),
        ("webinar", "webinaire"),
        ("bénévolat", "bénévole, bénévoles"),
        ("sponsoring", "mécénat"),
        ("fundraising", "financement, mécénat"),
        ("subside", "subvention"),
        ("asso", "association"),
        ("coop", "coopérative"),
        ("ess", "économie sociale et solidaire"),
        ("consultant", "prestataire"),
        ("coach", "prestataire, accompagnement"),
    ],
    "de": [
        ("canvas", "Leinwand, Modell"),
        ("budjet", "Budget"),
        ("webinare", "Webinar"),
        ("sponsoring", "Sponsoring, Mäzenatentum"),
        ("berater", "Anbieter"),
    ],
    "it": [
        ("canvas", "modello"),
        ("budjet", "budget"),
        ("webinar", "webinario"),
        ("sponsorizzazione", "mecenatismo"),
        ("consulente", "fornitore"),
    ],
    "en": [
        ("canevas", "canvas"),
        ("budjet", "budget"),
        ("webinaire", "webinar"),
        ("sponsoring", "sponsorship"),
        ("consultant", "provider"),
    ],
}


def load_synonyms():
    """Create the missing demo synonyms; return how many were created."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    created = 0
    for code, entries in SYNONYMS.items():
        if code not in locales:
            continue
        for word, synonyms in entries:
            _, was_created = SearchSynonym.objects.get_or_create(
                word=word, locale=locales[code], defaults={"synonyms": synonyms}
            )
            created += was_created
    return created


def load(command):
    created = load_synonyms()
    command.stdout.write(f"  search: {created} synonym(s) created")

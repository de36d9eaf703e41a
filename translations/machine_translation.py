"""Machine translation that respects the association's glossary (`GlossaryTerm`).

- `GlossaryDeepLTranslator` (when DEEPL_API_KEY is set): wagtail-localize's DeepL translator,
  with a DeepL glossary per language pair built from the glossary terms. The glossary is
  created through the deepl library when the terms change (a fingerprint of the entries is part
  of the cache key); the former glossary of that pair is deleted.
- `GlossaryDummyTranslator` (without a key, and in tests): replaces the glossary terms by their
  equivalents and leaves the rest of the French text for a person to translate, so that the
  workflow can be shown without a DeepL account.

Whatever the translator, wagtail-localize stores its output as `translation_type="machine"`
until a person edits the text: the translation editor and the status report count them.
"""

import contextlib
import hashlib
import json
import re

import deepl
from bs4 import BeautifulSoup, NavigableString
from django.core.cache import cache
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.machine_translators.deepl import DeepLTranslator, language_code
from wagtail_localize.strings import StringValue

from .models import GlossaryTerm

CACHE_SECONDS = 60 * 60 * 24 * 30


def glossary_entries(target_language_code):
    return GlossaryTerm.entries(target_language_code)


def apply_glossary(text, entries):
    """Replace each French term (whole words, any case of its first letter) by its equivalent."""
    if not entries:
        return text
    terms = sorted(entries, key=len, reverse=True)
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(term) for term in terms) + r")(?!\w)", re.IGNORECASE
    )
    lowered = {term.lower(): equivalent for term, equivalent in entries.items()}

    def replace(match):
        found = match.group(0)
        equivalent = lowered[found.lower()]
        if found[:1].isupper() and equivalent[:1].islower():
            return equivalent[:1].upper() + equivalent[1:]
        return equivalent

    return pattern.sub(replace, text)


def apply_glossary_to_html(html, entries):
    soup = BeautifulSoup(html, "html.parser")
    for node in list(soup.find_all(string=True)):
        if isinstance(node, NavigableString):
            node.replace_with(apply_glossary(str(node), entries))
    return str(soup)


class GlossaryDummyTranslator(BaseMachineTranslator):
    display_name = "Glossaire (démonstration sans DeepL)"

    def translate(self, source_locale, target_locale, strings):
        entries = glossary_entries(target_locale.language_code)
        return {
            string: StringValue(apply_glossary_to_html(string.data, entries)) for string in strings
        }

    def can_translate(self, source_locale, target_locale):
        return language_code(source_locale.language_code) != language_code(
            target_locale.language_code
        )


class GlossaryDeepLTranslator(DeepLTranslator):
    display_name = "DeepL"

    def deepl_client(self):
        return deepl.Translator(self.options["AUTH_KEY"])

    def glossary_id(self, source_lang, target_lang, entries):
        """The DeepL glossary with exactly these entries, created when they changed."""
        if not entries:
            return None
        fingerprint = hashlib.sha256(
            json.dumps(sorted(entries.items()), ensure_ascii=False).encode()
        ).hexdigest()[:16]
        key = f"translations:deepl-glossary:{source_lang}:{target_lang}:{fingerprint}"
        glossary_id = cache.get(key)
        if glossary_id:
            return glossary_id
        client = self.deepl_client()
        glossary = client.create_glossary(
            f"Social Business Models {source_lang}-{target_lang}",
            source_lang=source_lang,
            target_lang=target_lang,
            entries=entries,
        )
        latest_key = f"translations:deepl-glossary:{source_lang}:{target_lang}:latest"
        if former := cache.get(latest_key):
            # Already gone: nothing to clean up.
            with contextlib.suppress(deepl.DeepLException):
                client.delete_glossary(former)
        cache.set(key, glossary.glossary_id, CACHE_SECONDS)
        cache.set(latest_key, glossary.glossary_id, CACHE_SECONDS)
        return glossary.glossary_id

    def translate(self, source_locale, target_locale, strings):
        source_lang = language_code(source_locale.language_code)
        target_lang = language_code(target_locale.language_code)
        entries = glossary_entries(target_locale.language_code)
        glossary_id = self.glossary_id(source_lang, target_lang, entries)
        if glossary_id:
            self.options = {
                **self.options,
                "GLOSSARY_IDS": {
                    (source_lang, language_code(target_locale.language_code, is_target=True)): (
                        glossary_id
                    )
                },
            }
        return super().translate(source_locale, target_locale, strings)

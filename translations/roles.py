"""Moderators publish in every language: they may also send content for translation and read
the translation status report (both rest on wagtail-localize's `submit_translation`).

Translators do not publish: what they translate goes through "Relecture de la traduction", a
workflow on the page trees of the other languages (and their translated snippets) whose one
task is approved by another translator of the same language or by a moderator
(translations/models.py, `TranslationReviewTask`). Translators and moderators keep the glossary
that machine translation follows."""

from home.roles import MODERATORS, TRANSLATORS

TRANSLATION_REVIEW_WORKFLOW = "Relecture de la traduction"
TRANSLATION_REVIEW_TASK = "Relecture par une autre personne de la même langue"

_GLOSSARY = [f"translations.{action}_glossaryterm" for action in ("add", "change", "delete")]

MODEL_PERMISSIONS = {
    MODERATORS: ["wagtail_localize.submit_translation", *_GLOSSARY],
    TRANSLATORS: _GLOSSARY,
}

LOCALE_TREE_WORKFLOWS = [
    {
        "name": TRANSLATION_REVIEW_WORKFLOW,
        "task": (TRANSLATION_REVIEW_TASK, "translations.TranslationReviewTask"),
    }
]

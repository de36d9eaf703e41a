"""Moderators publish in every language: they may also send content for translation and read
the translation status report (both rest on wagtail-localize's `submit_translation`)."""

MODEL_PERMISSIONS = {
    "Moderators": ["wagtail_localize.submit_translation"],
}

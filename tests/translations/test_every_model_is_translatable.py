"""Every page type and every registered snippet goes through wagtail-localize.

Discovered generically: a page type or snippet added later that is not translatable fails here.
"""

from wagtail.models import Page, TranslatableMixin, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.fields import get_translatable_fields

from translations.status import translatable_page_models, translatable_snippet_models


def test_every_page_model_is_translatable():
    for model in get_page_models():
        assert issubclass(model, TranslatableMixin), model._meta.label
        if model is not Page:
            assert get_translatable_fields(model), f"{model._meta.label} has nothing to translate"


def test_every_registered_snippet_model_is_translatable():
    untranslatable = [
        model._meta.label
        for model in get_snippet_models()
        if not issubclass(model, TranslatableMixin)
    ]
    assert untranslatable == [], (
        "Snippets must use TranslatableMixin so that wagtail-localize can translate them: "
        f"{untranslatable}"
    )


def test_the_status_report_covers_every_page_and_snippet_type():
    assert set(translatable_page_models()) == set(get_page_models()) - {Page}
    assert set(translatable_snippet_models()) == set(get_snippet_models())
    assert {"home.HomePage", "home.StandardPage", "tools.ToolPage"} <= {
        model._meta.label for model in translatable_page_models()
    }
    assert {"taxonomy.Lever", "taxonomy.Theme"} <= {
        model._meta.label for model in translatable_snippet_models()
    }

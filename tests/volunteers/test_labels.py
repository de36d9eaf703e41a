"""Every field a volunteer fills in is labelled and explained, and forms share the same tabs."""

import pytest
from django.apps import apps
from django.utils import translation
from django.utils.functional import Promise
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import TabbedInterface
from wagtail.models import DraftStateMixin, LockableMixin, Page, RevisionMixin, WorkflowMixin

# Every local app of INSTALLED_APPS (test_every_local_app_is_audited keeps the list complete).
AUDITED_APPS = [
    "home",
    "taxonomy",
    "tools",
    "guides",
    "events",
    "providers",
    "search",
    "diagnostic",
    "news",
    "contributions",
    "translations",
    "volunteers",
]
# Fields of Wagtail's mixins come with Wagtail's own labels and scheduling help.
WAGTAIL_MIXIN_FIELDS = {
    field.name
    for mixin in (DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin)
    for field in mixin._meta.get_fields()
}


def audited_fields():
    for app in AUDITED_APPS:
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                if not (field.concrete or field.many_to_many) or field.auto_created:
                    continue
                if not field.editable or field.primary_key or isinstance(field, ParentalKey):
                    continue
                if field.model._meta.app_label not in AUDITED_APPS:
                    continue
                if field.name in WAGTAIL_MIXIN_FIELDS:
                    continue
                yield model, field


def audited_page_models():
    return [
        model
        for app in AUDITED_APPS
        for model in apps.get_app_config(app).get_models()
        if issubclass(model, Page) and model is not Page
    ]


@pytest.mark.parametrize(
    ("model", "field"),
    list(audited_fields()),
    ids=lambda value: getattr(value, "name", None) or getattr(value, "__name__", ""),
)
def test_every_field_has_a_translated_label_and_help(model, field):
    assert isinstance(field.verbose_name, Promise), f"{model.__name__}.{field.name}: label"
    assert isinstance(field.help_text, Promise), f"{model.__name__}.{field.name}: help text"
    with translation.override("fr"):
        assert str(field.help_text).strip(), f"{model.__name__}.{field.name}: empty help text"


def test_every_model_has_a_french_name():
    with translation.override("fr"):
        for app in AUDITED_APPS:
            for model in apps.get_app_config(app).get_models():
                name = model._meta.verbose_name
                assert isinstance(name, Promise), model.__name__


@pytest.mark.parametrize("model", audited_page_models(), ids=lambda model: model.__name__)
def test_page_forms_start_with_content_and_end_with_publishing(model):
    handler = model.get_edit_handler()
    assert isinstance(handler, TabbedInterface)
    with translation.override("fr"):
        headings = [str(tab.heading) for tab in handler.children]
    assert headings[0] == "Contenu"
    assert headings[-1] == "Publication"
    assert "Paramètres" not in headings
    for tab in ("Classement", "Fichiers"):
        if tab in headings:
            assert headings.index(tab) < headings.index("Publication")


def test_tool_sheets_follow_content_classification_files():
    from tools.models import ToolPage

    with translation.override("fr"):
        headings = [str(tab.heading) for tab in ToolPage.get_edit_handler().children]
    assert headings[:3] == ["Contenu", "Classement", "Fichiers"]


def test_every_local_app_is_audited():
    from pathlib import Path

    from django.conf import settings

    root = Path(settings.BASE_DIR).resolve()
    local = {
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == root
    }
    assert local == set(AUDITED_APPS)

"""Every field a volunteer fills in is labelled and explained, and forms share the same tabs."""

import pytest
from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import TabbedInterface
from wagtail.models import Page

from tools.models import ToolPage
from volunteers.checks import audited_fields, check_labels, label_problems, local_app_labels

DOMAIN_APPS = {
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
}


def audited_page_models():
    return [
        model
        for app in local_app_labels()
        for model in apps.get_app_config(app).get_models()
        if issubclass(model, Page) and model is not Page
    ]


def test_every_field_and_model_of_the_project_is_labelled_and_explained():
    """The whole project passes the check that the lint step runs (`manage.py check`)."""
    problems = check_labels()
    assert problems == [], "\n".join(f"{p.id} {p.msg}" for p in problems)


def test_the_check_audits_every_domain_app_and_their_fields():
    assert set(local_app_labels()) >= DOMAIN_APPS
    fields = {(model.__name__, field.name) for model, field in audited_fields(all_local_models())}
    # Fields a volunteer fills in are audited; Wagtail's own (title, slug, go_live_at) are not.
    assert ("ToolPage", "summary") in fields
    assert ("EventPage", "capacity") in fields
    assert not fields & {("ToolPage", name) for name in ("title", "slug", "go_live_at", "path")}
    assert len(fields) > 150


def all_local_models():
    return [model for app in local_app_labels() for model in apps.get_app_config(app).get_models()]


@isolate_apps("volunteers")
def test_the_check_reports_a_field_without_label_or_french_help():
    class Unexplained(models.Model):
        plain_label = models.CharField("Titre brut", max_length=10, help_text=_("Aide."))
        no_help = models.CharField(_("Sans aide"), max_length=10)
        empty_help = models.CharField(_("Aide vide"), max_length=10, help_text=_(" "))
        explained = models.CharField(_("Expliqué"), max_length=10, help_text=_("Une aide."))

        class Meta:
            app_label = "volunteers"

    problems = {
        (problem.id, getattr(problem.obj, "name", None) or problem.obj.__name__)
        for problem in label_problems([Unexplained])
    }
    assert problems == {
        ("sbm.W001", "Unexplained"),  # no French name for the model
        ("sbm.W002", "plain_label"),
        ("sbm.W003", "no_help"),
        ("sbm.W003", "empty_help"),
    }


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
    with translation.override("fr"):
        headings = [str(tab.heading) for tab in ToolPage.get_edit_handler().children]
    assert headings[:3] == ["Contenu", "Classement", "Fichiers"]

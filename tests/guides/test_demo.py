"""The demo content: a guide per phase and one for funders, trainings and shared models."""

import pytest
from wagtail.models import Locale, Page

from guides.models import BusinessModelPage, GuidePage, TrainingModulePage
from home.models import MainMenu

pytestmark = pytest.mark.django_db


def _french(model):
    return model.objects.live().filter(locale=Locale.get_default())


def test_there_is_a_guide_for_each_phase_from_curiosity_to_launch_and_for_funders():
    guides = _french(GuidePage).prefetch_related("phases", "audiences")
    phases = {phase.slug for guide in guides for phase in guide.phases.all()}
    audiences = {audience.slug for guide in guides for audience in guide.audiences.all()}
    assert {"curiosity", "conception", "maturation", "launch"} <= phases
    assert "funders" in audiences
    assert all(guide.steps.exists() for guide in guides)


def test_there_are_training_modules_and_one_trains_trainers():
    modules = list(_french(TrainingModulePage))
    assert len(modules) >= 3
    assert any(module.for_trainers for module in modules)


def test_one_shared_model_is_adapted_from_another():
    models = list(_french(BusinessModelPage))
    assert len(models) >= 4
    assert any(model.adapted_from_id for model in models)


@pytest.mark.parametrize("language", ["fr", "de", "it", "en"])
def test_the_three_indexes_are_in_every_main_menu(language):
    menu = MainMenu.objects.get(locale__language_code=language)
    slugs = set(Page.objects.filter(pk__in=menu.linked_page_ids()).values_list("slug", flat=True))
    assert {"fils-rouges", "formations", "modeles-partages"} <= slugs

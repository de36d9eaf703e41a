"""Training paths: modules in order, what each step asks and gives, the sessions coming up."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale

from guides.models import TrainingPathPage, TrainingPathStep
from tests.factories import (
    EventPageFactory,
    TrainingModulePageFactory,
    TrainingPathPageFactory,
)
from tests.html import one, parse, texts
from tests.query_budget import assert_query_count_does_not_grow

pytestmark = pytest.mark.django_db

STEPS = "article.training-path ol.training-path-steps > li.guide-step"


def test_a_path_shows_its_modules_in_order_with_what_each_step_asks_and_gives(
    client, training_index
):
    first = TrainingModulePageFactory(parent=training_index, title="Atelier canevas")
    second = TrainingModulePageFactory(parent=training_index, title="Animer les outils")
    training_path = TrainingPathPageFactory(parent=training_index, step_modules=[first, second])

    steps = parse(client.get(training_path.url)).select(STEPS)
    assert [one(step, "h3 > a")["href"] for step in steps] == [first.url, second.url]
    assert not steps[0].select(".training-path-step__before")
    assert texts(steps[1], ".training-path-step__before") == ["Avant l'étape 2."]
    assert texts(steps[1], ".training-path-step__after") == ["Après l'étape 2, savoir animer."]


def test_each_step_lists_the_next_sessions_of_its_module(client, training_index):
    module = TrainingModulePageFactory(parent=training_index)
    without_session = TrainingModulePageFactory(parent=training_index)
    soon = EventPageFactory(title="Session de mars", training_module=module)
    EventPageFactory(
        title="Session passée",
        training_module=module,
        start=timezone.now() - timedelta(days=30),
    )
    training_path = TrainingPathPageFactory(
        parent=training_index, step_modules=[module, without_session]
    )

    steps = parse(client.get(training_path.url)).select(STEPS)
    assert texts(steps[0], "ul.training-path-step__sessions > li > a") == [soon.title]
    one(steps[1], ".training-path-step__no-session")


def test_a_module_not_live_is_left_out_of_the_path(client, training_index):
    draft = TrainingModulePageFactory(parent=training_index, title="Module en préparation")
    live = TrainingModulePageFactory(parent=training_index)
    training_path = TrainingPathPageFactory(parent=training_index, step_modules=[draft, live])
    draft.unpublish()

    steps = parse(client.get(training_path.url)).select(STEPS)
    assert [one(step, "h3 > a")["href"] for step in steps] == [live.url]


def test_the_training_index_lists_the_paths_with_their_number_of_modules(client, training_index):
    training_path = TrainingPathPageFactory(
        parent=training_index,
        step_modules=[TrainingModulePageFactory(parent=training_index) for _ in range(3)],
    )
    cards = parse(client.get(training_index.url)).select("ul.training-paths > li.card")
    card = next(card for card in cards if training_path.title in texts(card, "h3 > a"))
    assert "3 modules dans l’ordre" in texts(card, "p.meta") or "3 modules dans l'ordre" in texts(
        card, "p.meta"
    )


def test_a_step_must_be_a_module_in_the_language_of_the_path(training_index):
    module = TrainingModulePageFactory(parent=training_index)
    german_module = module.get_translation(Locale.objects.get(language_code="de"))
    training_path = TrainingPathPage(
        title="Parcours", slug="parcours", locale=training_index.locale
    )
    step = TrainingPathStep(
        path=training_path,
        module=german_module,
        outcomes="Savoir faire.",
        locale=training_path.locale,
    )
    with pytest.raises(ValidationError) as error:
        step.clean()
    assert "module" in error.value.message_dict
    TrainingPathStep(
        path=training_path, module=module, outcomes="Savoir faire.", locale=training_path.locale
    ).clean()


def test_the_demo_has_a_train_the_trainer_path_in_four_languages(training_index):
    french = TrainingPathPage.objects.get(
        slug="devenir-formateur-sbm", locale=training_index.locale
    )
    assert french.steps.count() == 3
    assert french.steps.order_by("sort_order").last().module.for_trainers
    for code in ("de", "it", "en"):
        translation = french.get_translation(Locale.objects.get(language_code=code))
        assert translation.alias_of_id is None and translation.live
        assert translation.title != french.title
    assert TrainingPathPage.objects.filter(locale=training_index.locale).count() >= 2


@pytest.mark.parametrize("language", ["fr", "de"])
def test_the_path_page_query_count_does_not_grow_with_steps_and_sessions(
    client, training_index, language
):
    training_path = TrainingPathPageFactory(parent=training_index)
    url = training_path.get_translation(Locale.objects.get(language_code=language)).url

    def add_steps():
        page = TrainingPathPage.objects.get(pk=training_path.pk)
        for _ in range(2):
            module = TrainingModulePageFactory(parent=training_index)
            EventPageFactory(training_module=module)
            EventPageFactory(training_module=module)
            page.steps.add(TrainingPathStep(module=module, outcomes="Savoir.", locale=page.locale))
        page.save_revision().publish()

    assert_query_count_does_not_grow(client, url, add_steps, budget=12)


def test_the_training_index_query_count_does_not_grow_with_paths(client, training_index):
    def add_paths():
        TrainingPathPageFactory(
            parent=training_index,
            step_modules=[TrainingModulePageFactory(parent=training_index) for _ in range(2)],
        )

    assert_query_count_does_not_grow(client, training_index.url, add_paths, budget=12)

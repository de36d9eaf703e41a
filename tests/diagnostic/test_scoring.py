"""Scoring and recommendation rules of the self-diagnosis."""

from types import SimpleNamespace

import pytest
from django.http import QueryDict

from diagnostic import scoring
from diagnostic.recommend import recommended_tools
from home.models import HomePage
from taxonomy.models import Lever, Phase
from tools.models import ToolIndexPage, ToolPage

HR = SimpleNamespace(translation_key="hr", slug="human-resources", name="RH")
FIN = SimpleNamespace(translation_key="fin", slug="financial-resources", name="Finances")
LEVERS = [HR, FIN]
CURIOSITY = SimpleNamespace(slug="curiosity", name="Curiosité")

QUESTIONS = [
    scoring.Question(
        "a1",
        "Single",
        "single",
        [("no", {"hr": 0}, None), ("some", {"hr": 1}, None), ("yes", {"hr": 3}, CURIOSITY)],
    ),
    scoring.Question(
        "b2",
        "Multiple",
        "multiple",
        [("grants", {"fin": 1}, None), ("sales", {"fin": 2}, None), ("none", {}, None)],
    ),
]
BANDS = [
    ("hr", 0, 49, {"title": "low"}),
    ("hr", 50, 100, {"title": "high"}),
    ("fin", 0, 100, {"title": "any"}),
]


def test_no_answer_scores_zero_and_recommends_no_lever():
    outcome = scoring.score(QUESTIONS, {}, LEVERS, BANDS)
    assert [s.percent for s in outcome.scores] == [0, 0]
    assert outcome.answered == 0
    assert outcome.weakest == []


def test_all_best_answers_score_one_hundred_percent():
    outcome = scoring.score(QUESTIONS, {"a1": [2], "b2": [0, 1]}, LEVERS, BANDS)
    assert [s.percent for s in outcome.scores] == [100, 100]
    assert outcome.scores[0].band == {"title": "high"}
    assert outcome.phase is CURIOSITY
    assert outcome.answered == outcome.total == 2


def test_partial_answers_score_against_what_the_questionnaire_can_give():
    outcome = scoring.score(QUESTIONS, {"a1": [1], "b2": [1]}, LEVERS, BANDS)
    assert [s.percent for s in outcome.scores] == [33, 67]
    assert outcome.scores[0].band == {"title": "low"}
    assert outcome.weakest == [HR]


def test_tied_levers_are_all_weakest():
    outcome = scoring.score(QUESTIONS, {"a1": [0], "b2": [2]}, LEVERS, BANDS)
    assert [s.percent for s in outcome.scores] == [0, 0]
    assert outcome.weakest == [HR, FIN]


def test_a_lever_no_question_scores_is_left_out_of_the_weakest():
    third = SimpleNamespace(translation_key="ally", slug="strategic-alliances", name="Alliances")
    outcome = scoring.score(QUESTIONS, {"a1": [2], "b2": [0]}, [*LEVERS, third], BANDS)
    assert outcome.scores[2].maximum == 0
    assert outcome.weakest == [FIN]


@pytest.mark.parametrize(
    "query",
    ["q_zz=1", "q_a1=9", "q_a1=-1", "q_a1=x", "q_a1=0&q_a1=1", "q_b2=0&q_b2=7"],
)
def test_tampered_answers_are_refused(query):
    with pytest.raises(scoring.InvalidAnswers):
        scoring.parse_answers(QueryDict(query), QUESTIONS)


def test_several_answers_only_for_multiple_choice():
    answers = scoring.parse_answers(QueryDict("q_b2=0&q_b2=1&q_b2=1&other=x"), QUESTIONS)
    assert answers == {"b2": [0, 1]}


def test_checklist_threshold():
    assert scoring.checklist_result(10, [0, 1, 2, 3, 4], 5) == (5, True)
    assert scoring.checklist_result(10, [0, 1, 2, 3, 3], 5) == (4, False)
    assert scoring.checklist_result(10, [], 5) == (0, False)


@pytest.mark.django_db
def test_recommended_tools_follow_weak_levers_then_phase_and_skip_untagged_tools(locales):
    french = locales["fr"]
    index = ToolIndexPage.objects.filter(locale=french).first()
    if index is None:
        index = ToolIndexPage(title="Outils", slug="outils-test")
        HomePage.objects.get(depth=2, locale=french).add_child(instance=index)
    finance = Lever.objects.get(slug="financial-resources", locale=french)
    people = Lever.objects.get(slug="human-resources", locale=french)
    curiosity = Phase.objects.get(slug="curiosity", locale=french)
    launch = Phase.objects.get(slug="launch", locale=french)

    def tool(number, levers, phases):
        page = ToolPage(
            title=f"Outil {number}",
            slug=f"outil-reco-{number}",
            sheet_number=f"Z{number}",
            summary="…",
        )
        index.add_child(instance=page)
        page.levers.set(levers)
        page.phases.set(phases)
        page.save_revision().publish()
        return page

    ToolPage.objects.filter(locale=french).update(live=False)  # only this test's tools count
    untagged = tool(1, [], [curiosity])
    finance_launch = tool(2, [finance], [launch])
    finance_curiosity = tool(3, [finance], [curiosity])
    people_only = tool(4, [people], [curiosity])

    outcome = SimpleNamespace(weakest=[finance], phase=curiosity)
    recommended = recommended_tools(outcome, french)
    assert recommended == [finance_curiosity, finance_launch]
    assert untagged not in recommended
    assert people_only not in recommended
    assert recommended_tools(SimpleNamespace(weakest=[], phase=None), french) == []

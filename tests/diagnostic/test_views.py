"""The visitor's path through the self-diagnosis, its shareable result and the statistics."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from diagnostic.models import DiagnosticCompletion, DiagnosticPage
from home.roles import MODERATORS, translator_group_name
from tests.factories import DiagnosticCompletionFactory, LeverFactory
from tests.html import one, parse, text_of, texts
from tests.query_budget import assert_query_count_does_not_grow, count_queries

pytestmark = pytest.mark.django_db

URL = "/fr/autodiagnostic/"
CHECKLIST_URL = "/fr/entrepreneur-social/"


def question_names(page):
    """The names of the question fields of a step, and of the answers carried along."""
    fields = parse(page).select('form.diagnostic-form [name^="q_"]')
    return sorted({field["name"] for field in fields})


def walk_to_the_last_step(client):
    """Walk through every step choosing the first answer; return the answers and the last step."""
    response = client.get(URL)
    query = []
    while True:
        assert response.status_code == 200
        names = question_names(response)
        query += [(name, "0") for name in names]
        form = one(parse(response), "form.diagnostic-form")
        next_step = form.select_one('input[type="hidden"][name="step"]')
        if next_step is None:
            return query, response
        response = client.get(URL, dict(query, step=int(next_step["value"])))


def answer_every_step(client):
    """The answers of a visitor who chose the first answer at every step."""
    return walk_to_the_last_step(client)[0]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_questionnaire_shows_progress_and_steps_without_javascript(client):
    soup = parse(client.get(URL))
    progress = one(soup, "div.diagnostic-progress")
    assert text_of(one(progress, "p#progress-label")) == "Étape 1 sur 3"
    bar = one(progress, "progress")
    assert (bar["max"], bar["value"]) == ("3", "1")
    one(soup, 'form.diagnostic-form[method="get"]')
    soup = parse(client.get(URL, {"step": 2}))
    assert text_of(one(soup, "div.diagnostic-progress > p#progress-label")) == "Étape 2 sur 3"


def test_previous_answers_travel_in_hidden_fields(client):
    first = question_names(client.get(URL))[0]
    form = one(parse(client.get(URL, {first: "1", "step": 2})), "form.diagnostic-form")
    assert one(form, f'input[type="hidden"][name="{first}"]')["value"] == "1"


def test_result_scores_profiles_and_recommends(client):
    query = answer_every_step(client)
    response = client.get(URL + "resultat/", dict(query))
    assert response.status_code == 200
    soup = parse(response)
    levers = texts(soup, "table.diagnostic-scores > tbody > tr > th")
    assert "Ressources humaines" in levers and "Ressources financières" in levers
    one(soup, 'figure.diagnostic-chart > svg[role="img"] > desc')
    assert text_of(one(soup, "section > h2#reco-title")) == "Ce que nous vous suggérons"


def test_finishing_records_anonymous_statistics_then_redirects_to_a_clean_address(client):
    query = answer_every_step(client)
    response = client.post(URL + "resultat/", dict(query))
    assert response.status_code == 302
    assert response["Location"].startswith(URL + "resultat/?q_")
    assert "csrf" not in response["Location"]
    completion = DiagnosticCompletion.objects.get()
    assert set(completion.scores) == {
        "human-resources",
        "financial-resources",
        "strategic-alliances",
    }
    assert all(value % 10 == 0 for value in completion.scores.values())


def test_opting_out_stores_nothing(client):
    query = answer_every_step(client)
    response = client.post(URL + "resultat/", dict(query, optout="1"))
    assert response.status_code == 302
    assert DiagnosticCompletion.objects.count() == 0


def test_the_last_step_and_the_checklist_post_their_form_with_a_csrf_token(client):
    _query, last_step = walk_to_the_last_step(client)
    for page in (last_step, client.get(CHECKLIST_URL)):
        form = one(parse(page), "form.diagnostic-form")
        assert form["method"] == "post"
        assert one(form, 'input[type="hidden"][name="csrfmiddlewaretoken"]')["value"]


def test_reading_a_result_never_writes_even_with_the_old_record_parameter(client):
    query = answer_every_step(client)
    for url, params in (
        (URL + "resultat/", dict(query, record="1")),
        (URL + "resultat/", dict(query)),
        (CHECKLIST_URL + "resultat/", {"s": ["0", "1", "2"], "record": "1"}),
    ):
        assert client.get(url, params).status_code == 200
    assert DiagnosticCompletion.objects.count() == 0


def test_recording_without_the_csrf_token_is_refused():
    browser = Client(enforce_csrf_checks=True)
    query, last_step = walk_to_the_last_step(browser)
    assert browser.post(URL + "resultat/", dict(query)).status_code == 403
    assert browser.post(CHECKLIST_URL + "resultat/", {"s": ["0"]}).status_code == 403
    assert DiagnosticCompletion.objects.count() == 0

    token = one(parse(last_step), 'input[name="csrfmiddlewaretoken"]')["value"]
    response = browser.post(URL + "resultat/", dict(query, csrfmiddlewaretoken=token))
    assert response.status_code == 302
    assert DiagnosticCompletion.objects.count() == 1


def test_one_connection_adds_at_most_its_hourly_share_and_still_sees_its_results(
    client, monkeypatch
):
    monkeypatch.setattr("diagnostic.models.RECORDS_PER_HOUR", 2)
    query = answer_every_step(client)
    statuses = [client.post(URL + "resultat/", dict(query)).status_code for _ in range(3)]
    statuses.append(client.post(CHECKLIST_URL + "resultat/", {"s": ["0"]}).status_code)
    assert statuses == [302] * 4
    assert DiagnosticCompletion.objects.count() == 2
    other = Client(REMOTE_ADDR="198.51.100.20")
    assert other.post(URL + "resultat/", dict(query)).status_code == 302
    assert DiagnosticCompletion.objects.count() == 3


def test_result_address_is_bookmarkable(client):
    query = answer_every_step(client)
    first = client.get(URL + "resultat/", dict(query)).content.decode()
    again = client.get(URL + "resultat/", dict(query)).content.decode()
    assert first == again


def test_checklist_threshold_and_record(client):
    response = client.post(CHECKLIST_URL + "resultat/", {"s": ["0", "1", "2", "3", "4"]})
    assert response.status_code == 302
    verdict = one(parse(client.get(response["Location"])), "p.diagnostic-verdict")
    assert "5 affirmations sur 10" in text_of(verdict)
    assert DiagnosticCompletion.objects.get().checklist_recognised == 5
    response = client.get(CHECKLIST_URL + "resultat/", {"s": ["0", "1"]})
    assert "2 affirmations sur 10" in text_of(one(parse(response), "p.diagnostic-verdict"))


@pytest.mark.parametrize(
    "query",
    [
        {"q_unknown": "1"},
        {"q_x": "<script>alert(1)</script>"},
        {"s": "99"},
    ],
)
def test_tampered_result_gives_a_clear_message(client, query):
    url = CHECKLIST_URL if "s" in query else URL
    response = client.get(url + "resultat/", query)
    assert response.status_code == 400
    notice = one(parse(response), 'main p.notice--error[role="alert"]')
    assert "ne peut pas être lue" in text_of(notice)
    assert "<script>alert" not in response.content.decode()


@pytest.mark.fuzz
@given(
    st.lists(
        st.tuples(
            st.one_of(
                st.just("s"),
                st.just("step"),
                st.text(max_size=20).map(lambda t: "q_" + t),
                st.text(max_size=10),
            ),
            st.text(max_size=40),
        ),
        max_size=12,
    )
)
def test_fuzzed_addresses_never_fail(client, pairs):
    for url in (URL, URL + "resultat/", CHECKLIST_URL + "resultat/"):
        response = client.get(url, pairs)
        assert response.status_code in (200, 302, 400)


def test_result_page_queries_do_not_depend_on_answers(client):
    names = question_names(client.get(URL))
    empty, _ = count_queries(client, URL + "resultat/")
    answered, _ = count_queries(client, URL + "resultat/?" + "&".join(f"{n}=0" for n in names))
    assert answered <= empty + 12  # recommendations: tools, guide, providers, events


def test_statistics_report_for_moderators_only(client):
    DiagnosticCompletion.objects.create(
        page=DiagnosticPage.objects.get(slug="autodiagnostic", locale__language_code="fr"),
        scores={"human-resources": 40},
    )
    moderator = User.objects.create_user("moderator", password="x")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    response = client.get("/admin/diagnostic/statistiques/")
    assert response.status_code == 200
    assert "Ressources humaines" in text_of(parse(response))
    translator = User.objects.create_user("translator", password="x")
    translator.groups.add(Group.objects.get(name=translator_group_name("de")))
    client.force_login(translator)
    refused = client.get("/admin/diagnostic/statistiques/")
    # Wagtail's admin turns a permission error into a redirect to the dashboard with a message.
    assert refused.status_code == 302
    assert refused["Location"] == "/admin/"


def test_the_diagnostic_page_query_count_does_not_grow_with_levers_and_completions():
    page = DiagnosticPage.objects.get(slug="autodiagnostic", locale__language_code="fr")

    def add_content():
        LeverFactory.create_batch(3)
        DiagnosticCompletionFactory.create_batch(5, page=page)

    assert_query_count_does_not_grow(Client(), URL, add_content, budget=12)

"""The visitor's path through the self-diagnosis, its shareable result and the statistics."""

import re

import pytest
from django.contrib.auth.models import Group, User
from hypothesis import given
from hypothesis import strategies as st

from diagnostic.models import DiagnosticCompletion, DiagnosticPage
from tests.query_budget import count_queries

pytestmark = pytest.mark.django_db

URL = "/fr/autodiagnostic/"
CHECKLIST_URL = "/fr/entrepreneur-social/"


def question_names(html):
    return sorted(set(re.findall(r'name="(q_\w+)"', html)))


def answer_every_step(client):
    """Walk through every step choosing the first answer; return the final result URL."""
    response = client.get(URL)
    query = []
    step = 1
    while True:
        html = response.content.decode()
        assert response.status_code == 200
        names = question_names(html)
        query += [(name, "0") for name in names]
        match = re.search(r'name="step" value="(\d+)"', html)
        if not match:
            break
        step = int(match.group(1))
        response = client.get(URL, dict(query, step=step))
    return query


def test_questionnaire_shows_progress_and_steps_without_javascript(client):
    html = client.get(URL).content.decode()
    assert "Étape 1 sur 3" in html
    assert '<progress max="3" value="1"' in html
    assert 'method="get"' in html
    html = client.get(URL, {"step": 2}).content.decode()
    assert "Étape 2 sur 3" in html


def test_previous_answers_travel_in_hidden_fields(client):
    first = question_names(client.get(URL).content.decode())[0]
    html = client.get(URL, {first: "1", "step": 2}).content.decode()
    assert f'<input type="hidden" name="{first}" value="1">' in html


def test_result_scores_profiles_and_recommends(client):
    query = answer_every_step(client)
    response = client.get(URL + "resultat/", dict(query))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ressources humaines" in html and "Ressources financières" in html
    assert "<svg" in html and "<desc" in html and "<table" in html
    assert "Ce que nous vous suggérons" in html


def test_finishing_records_anonymous_statistics_then_redirects_to_a_clean_address(client):
    query = answer_every_step(client)
    response = client.get(URL + "resultat/", dict(query, record="1"))
    assert response.status_code == 302
    assert "record" not in response["Location"]
    completion = DiagnosticCompletion.objects.get()
    assert set(completion.scores) == {
        "human-resources",
        "financial-resources",
        "strategic-alliances",
    }
    assert all(value % 10 == 0 for value in completion.scores.values())


def test_opting_out_stores_nothing(client):
    query = answer_every_step(client)
    response = client.get(URL + "resultat/", dict(query, record="1", optout="1"))
    assert response.status_code == 302
    assert DiagnosticCompletion.objects.count() == 0


def test_result_address_is_bookmarkable(client):
    query = answer_every_step(client)
    first = client.get(URL + "resultat/", dict(query)).content.decode()
    again = client.get(URL + "resultat/", dict(query)).content.decode()
    assert first == again


def test_checklist_threshold_and_record(client):
    response = client.get(
        CHECKLIST_URL + "resultat/", {"s": ["0", "1", "2", "3", "4"], "record": "1"}
    )
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "5 affirmations sur 10" in html
    assert DiagnosticCompletion.objects.get().checklist_recognised == 5
    html = client.get(CHECKLIST_URL + "resultat/", {"s": ["0", "1"]}).content.decode()
    assert "2 affirmations sur 10" in html


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
    assert "ne peut pas être lue" in response.content.decode()
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
    names = question_names(client.get(URL).content.decode())
    empty, _ = count_queries(client, URL + "resultat/")
    answered, _ = count_queries(client, URL + "resultat/?" + "&".join(f"{n}=0" for n in names))
    assert answered <= empty + 12  # recommendations: tools, guide, providers, events


def test_statistics_report_for_moderators_only(client):
    DiagnosticCompletion.objects.create(
        page=DiagnosticPage.objects.get(slug="autodiagnostic", locale__language_code="fr"),
        scores={"human-resources": 40},
    )
    moderator = User.objects.create_user("moderator", password="x")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    response = client.get("/admin/diagnostic/statistiques/")
    assert response.status_code == 200
    assert "Ressources humaines" in response.content.decode()
    translator = User.objects.create_user("translator", password="x")
    translator.groups.add(Group.objects.get(name="Translators (de)"))
    client.force_login(translator)
    refused = client.get("/admin/diagnostic/statistiques/")
    # Wagtail's admin turns a permission error into a redirect to the dashboard with a message.
    assert refused.status_code == 302
    assert refused["Location"] == "/admin/"

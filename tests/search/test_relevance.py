"""Relevance on the database backend: titles first, French plurals and accents forgiven.

The same tests run on SQLite (FTS5: accents folded by its tokenizer, every word matched as a
prefix since it has no stemmer) and on PostgreSQL (the `sbm_french` configuration: unaccent,
then the French Snowball stemmer).
"""

import pytest

from tests.factories import ToolPageFactory

pytestmark = pytest.mark.django_db


def titles(client, query, language="fr"):
    response = client.get(f"/{language}/search/", {"q": query})
    return [result.page.title for result in response.context["search"].results]


def test_a_tool_whose_title_matches_ranks_above_one_whose_text_mentions_the_word(
    client, tool_index
):
    ToolPageFactory(
        parent=tool_index,
        title="Carnet de bord",
        summary="Un carnet pour noter ce que le tamarin apprend à l'équipe au fil des séances.",
    )
    ToolPageFactory(
        parent=tool_index, title="Le tamarin", summary="Un outil pour les associations."
    )
    assert titles(client, "tamarin") == ["Le tamarin", "Carnet de bord"]


@pytest.mark.parametrize("query", ["modèle", "modele", "MODÈLE", "modèles"])
def test_french_plurals_and_accents_match(client, tool_index, query):
    ToolPageFactory(parent=tool_index, title="Les modèles coopératifs du Jura")
    ToolPageFactory(parent=tool_index, title="Un modele sans accent du Jura")
    found = titles(client, f"{query} jura")
    assert sorted(found) == ["Les modèles coopératifs du Jura", "Un modele sans accent du Jura"]


def test_accents_are_forgiven_in_every_language(client, tool_index):
    ToolPageFactory(parent=tool_index, title="Société coopérative de Neuchâtel")
    assert titles(client, "societe neuchatel", language="de") == [
        "Société coopérative de Neuchâtel"
    ]

"""A tool's impact page in the admin: downloads per language and month, and what uses the tool."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from tests.factories import (
    BusinessModelPageFactory,
    EditorFactory,
    EventPageFactory,
    GuidePageFactory,
    ToolPageFactory,
    TrainingModulePageFactory,
    UsageExampleFactory,
    UserFactory,
)
from tests.html import one, parse, texts
from tests.query_budget import assert_query_count_does_not_grow
from tools.downloads import count_download
from tools.impact import last_months

pytestmark = pytest.mark.django_db


def impact_url(tool):
    return f"/admin/tools/{tool.pk}/impact/"


@pytest.fixture
def tool():
    return ToolPageFactory(instrument_count=1)


def test_an_editor_reaches_the_impact_page_from_the_edit_view(client, tool):
    client.force_login(EditorFactory())
    response = client.get(f"/admin/pages/{tool.pk}/edit/")
    assert response.status_code == 200
    assert impact_url(tool) in {link["href"] for link in parse(response).select("a[href]")}


def test_the_impact_button_is_only_on_tool_sheets(client, tool):
    client.force_login(EditorFactory())
    response = client.get(f"/admin/pages/{tool.get_parent().pk}/edit/")
    assert "/impact/" not in response.content.decode()


def test_someone_who_may_not_edit_the_tool_is_refused(client, tool):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(impact_url(tool))
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_visitor_is_sent_to_the_login_page(client, tool):
    response = client.get(impact_url(tool))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_unknown_tool_is_not_found(client):
    client.force_login(EditorFactory())
    assert client.get("/admin/tools/999999/impact/", follow=True).status_code == 404


def test_downloads_are_counted_per_language_and_per_month(client, tool, locales):
    document_id = tool.instruments.first().document_id
    today = timezone.localdate()
    a_month_ago = today.replace(day=1) - timedelta(days=1)
    for _ in range(3):
        count_download(tool.translation_key, document_id, locales["fr"].pk, today)
    count_download(tool.translation_key, document_id, locales["de"].pk, a_month_ago)
    count_download(tool.translation_key, document_id, locales["de"].pk, a_month_ago)

    client.force_login(EditorFactory())
    soup = parse(client.get(impact_url(tool)))

    languages = {
        row.select("td")[0].get_text(strip=True): row.select("td")[1].get_text(strip=True)
        for row in soup.select("table.impact-languages tbody tr")
    }
    assert languages == {
        locales["fr"].get_display_name(): "3",
        locales["de"].get_display_name(): "2",
    }
    months = [
        cell.get_text(strip=True)
        for cell in soup.select("table.impact-months tbody td:nth-child(2)")
    ]
    assert len(months) == 12
    assert months[-1] == "3" and months[-2] == "2" and set(months[:-2]) == {"0"}
    assert len(one(soup, "figure svg.download-chart").select("rect")) == 12
    assert "5" in one(soup, "h2.impact-total").get_text()


def test_examples_events_guides_modules_and_models_that_use_the_tool_are_listed(client, tool):
    UsageExampleFactory(tool=tool, title="Un essai au comité")
    EventPageFactory(slug="atelier-a-venir", related_tools=[tool])
    EventPageFactory(
        slug="atelier-passe",
        start=timezone.now() - timedelta(days=30),
        related_tools=[tool],
    )
    GuidePageFactory(title="Parcours qui passe par l'outil", step_tools=[tool])
    TrainingModulePageFactory(title="Module qui enseigne l'outil", tools=[tool])
    BusinessModelPageFactory(title="Modèle construit avec l'outil", tools=[tool])
    ToolPageFactory(title="Variante pour les écoles", adapted_from=tool, changed_audience=True)

    client.force_login(EditorFactory())
    soup = parse(client.get(impact_url(tool)))
    listed = " ".join(texts(soup, "section.impact-section li"))
    for title in [
        "Un essai au comité",
        "Atelier a venir",
        "Atelier passe",
        "Parcours qui passe par l'outil",
        "Module qui enseigne l'outil",
        "Modèle construit avec l'outil",
        "Variante pour les écoles",
    ]:
        assert title in listed


def test_the_impact_page_queries_do_not_grow_with_what_uses_the_tool(client, tool):
    client.force_login(EditorFactory())

    def add_content():
        UsageExampleFactory(tool=tool)
        EventPageFactory(related_tools=[tool])
        TrainingModulePageFactory(tools=[tool])
        BusinessModelPageFactory(tools=[tool])
        ToolPageFactory(adapted_from=tool, aliases=False)

    assert_query_count_does_not_grow(client, impact_url(tool), add_content)


def test_the_last_months_run_across_the_new_year():
    months = last_months(date(2026, 2, 14), count=4)
    assert months == [date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]

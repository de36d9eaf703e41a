"""A tool adapted from another: the source must be a tool of the same language and never the
tool itself or one of its adaptations; the API tells the lineage."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from tests.factories import EditorFactory, ToolPageFactory
from tools.models import ToolPage

pytestmark = pytest.mark.django_db


def edit_form(page):
    form_class = ToolPage.get_edit_handler().get_form_class()
    return form_class(instance=page, for_user=EditorFactory())


def test_the_edit_form_refuses_a_source_in_another_language():
    source = ToolPageFactory()
    german_source = ToolPage.objects.get(
        translation_key=source.translation_key, locale=Locale.objects.get(language_code="de")
    )
    form = edit_form(ToolPageFactory(aliases=False))
    form.cleaned_data = {"adapted_from": german_source}
    with pytest.raises(ValidationError):
        form.clean_adapted_from()
    form.cleaned_data = {"adapted_from": source}
    assert form.clean_adapted_from() == source


def test_an_adaptation_is_published_with_its_aliases_in_the_other_languages():
    source = ToolPageFactory()
    adaptation = ToolPageFactory(adapted_from=source)
    assert ToolPage.objects.filter(alias_of=adaptation).count() == 3


def test_a_tool_cannot_be_adapted_from_its_own_adaptation():
    source = ToolPageFactory(aliases=False)
    adaptation = ToolPageFactory(aliases=False, adapted_from=source)
    source.adapted_from = adaptation
    with pytest.raises(ValidationError) as error:
        source.clean()
    assert "adapted_from" in error.value.message_dict


def test_an_adaptation_in_the_same_language_is_accepted():
    source = ToolPageFactory(aliases=False)
    adaptation = ToolPageFactory(aliases=False, adapted_from=source, changed_country=True)
    adaptation.clean()
    assert [str(aspect) for aspect in adaptation.changed_aspects] == [
        "pour un autre pays ou une autre région"
    ]


def test_the_api_tells_the_source_and_what_changed(client):
    source = ToolPageFactory()
    adaptation = ToolPageFactory(
        adapted_from=source, changed_sector=True, adaptation_note="Pour la santé."
    )
    data = client.get(f"/api/v2/pages/{adaptation.pk}/").json()
    assert data["adapted_from"] == source.pk
    assert data["changed_sector"] is True and data["changed_audience"] is False
    assert data["adaptation_note"] == "Pour la santé."

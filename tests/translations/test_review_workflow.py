"""A translation goes live only after another translator of the language approves it."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import override as translation_override
from wagtail.models import Locale, Page, WorkflowState

from taxonomy.models import Lever
from tests.factories import ModeratorFactory, ToolPageFactory, TranslatorFactory
from tests.html import one, parse, text_of
from tools.models import ToolInstrument

from .helpers import fill_strings, start_translation

pytestmark = pytest.mark.django_db

GERMAN = {
    "Carte d'empathie des publics": "Empathiekarte der Zielgruppen",
    "Comprendre ce que vivent les personnes que le projet sert.": (
        "Verstehen, was die Menschen erleben, denen das Projekt dient."
    ),
}


def german_draft(tool):
    """A French tool sheet whose German texts are translated, not yet submitted."""
    source, translation = start_translation(tool, "de")
    fill_strings(source, translation.target_locale, lambda text: GERMAN.get(text, text))
    return translation


def french_tool():
    return ToolPageFactory(
        title="Carte d'empathie des publics",
        summary="Comprendre ce que vivent les personnes que le projet sert.",
        aliases=False,
    )


def submit(client, translation):
    return client.post(reverse("translations_submit_for_review", args=[translation.pk]))


def act(client, page, action, task_state):
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
        {"comment": ""},
    )


def test_translations_of_pages_and_snippets_go_through_the_translation_review():
    tool = ToolPageFactory()
    assert tool.get_workflow().name == "Relecture en co-création"
    for code in ("de", "it", "en"):
        german_home = Page.objects.get(depth=2, locale__language_code=code)
        assert german_home.get_workflow().name == "Relecture de la traduction"
    french_lever = Lever.objects.filter(locale__language_code="fr").first()
    german_lever = Lever.objects.filter(locale__language_code="de").first()
    assert french_lever.get_workflow().name == "Modération"
    assert german_lever.get_workflow().name == "Relecture de la traduction"


def test_a_second_german_translator_approves_and_the_translation_goes_live(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    anna = TranslatorFactory(language_code="de", first_name="Anna", last_name="Keller")
    bruno = TranslatorFactory(language_code="de", first_name="Bruno", last_name="Meier")
    italian = TranslatorFactory(language_code="it")
    translation = german_draft(french_tool())

    client.force_login(anna)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, translation)
    assert response.status_code == 302
    german = translation.get_target_instance()
    assert not Page.objects.get(pk=german.pk).live
    state = german.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == anna

    # The reviewers are told who asks and where to review; the submitter is not one of them.
    recipients = {address for mail in mailoutbox for address in mail.to}
    assert bruno.email in recipients
    assert anna.email not in recipients
    assert italian.email not in recipients
    (to_bruno,) = [mail for mail in mailoutbox if bruno.email in mail.to]
    assert "Anna Keller" in to_bruno.body
    assert f"/admin/pages/{german.pk}/edit/" in to_bruno.body

    # Anna cannot approve her own translation, nor can an Italian translator.
    task_state = state.current_task_state
    act(client, german, "approve", task_state)
    client.force_login(italian)
    act(client, german, "approve", task_state)
    assert not Page.objects.get(pk=german.pk).live
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS

    # Bruno sees the approval in the translation editor's review bar, and approves.
    client.force_login(bruno)
    editor = parse(client.get(reverse("wagtailadmin_pages:edit", args=[german.pk])))
    assert "Anna Keller" in text_of(one(editor, ".translation-review-state"))
    assert one(editor, "form.translation-review-decision")["action"] == reverse(
        "wagtailadmin_pages:workflow_action", args=[german.pk, "approve", task_state.pk]
    )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(client, german, "approve", task_state)
    german = Page.objects.get(pk=german.pk).specific
    assert german.live
    assert german.title == "Empathiekarte der Zielgruppen"
    with translation_override("fr"):
        live_subject = gettext("Your translation is live: %(title)s (%(language)s)") % {
            "title": german.title,
            "language": german.locale.get_display_name(),
        }
    (to_anna,) = [
        mail for mail in mailoutbox if mail.to == [anna.email] and mail.subject == live_subject
    ]
    assert "Bruno Meier" in to_anna.body


def test_the_submitter_sees_no_approval_and_another_language_cannot_open_it(client):
    anna = TranslatorFactory(language_code="de")
    translation = german_draft(french_tool())
    client.force_login(anna)
    submit(client, translation)
    german = translation.get_target_instance()

    editor = parse(client.get(reverse("wagtailadmin_pages:edit", args=[german.pk])))
    assert editor.select("form.translation-review-decision") == []
    assert (
        editor.select(
            f"form[action='{reverse('translations_submit_for_review', args=[translation.pk])}']"
        )
        == []
    )

    client.force_login(TranslatorFactory(language_code="it"))
    response = submit(client, translation)
    assert response.status_code in (302, 403)
    assert german.current_workflow_state.requested_by == anna


def test_a_moderator_may_approve_a_translation(client, django_capture_on_commit_callbacks):
    translation = german_draft(french_tool())
    client.force_login(TranslatorFactory(language_code="de"))
    submit(client, translation)
    german = translation.get_target_instance()
    client.force_login(ModeratorFactory())
    with django_capture_on_commit_callbacks(execute=True):
        act(client, german, "approve", german.current_workflow_state.current_task_state)
    assert Page.objects.get(pk=german.pk).live


def test_a_german_lever_translated_by_a_translator_waits_for_review(client):
    french = Lever.objects.filter(locale__language_code="fr").order_by("pk").first()
    source, translation = start_translation(french, "de")
    translation.save_target(publish=True)
    german = translation.get_target_instance()
    # Names and descriptions get a German mark; the slug (lowercase) stays as it is.
    fill_strings(
        source,
        translation.target_locale,
        lambda text: f"{text} (DE)" if text[:1].isupper() else text,
    )
    anna = TranslatorFactory(language_code="de")
    client.force_login(anna)
    submit(client, translation)
    german.refresh_from_db()
    state = german.current_workflow_state
    assert state.workflow.name == "Relecture de la traduction"
    # Visitors keep the published version until the review approves the new one.
    assert not german.name.endswith("(DE)")
    assert german.live
    assert Lever.objects.live().filter(pk=german.pk).exists()

    bruno = TranslatorFactory(language_code="de")
    task = state.current_task_state.task.specific
    assert task.get_actions(german, anna) == []
    assert [name for name, *_rest in task.get_actions(german, bruno)][:2] == ["reject", "approve"]
    task.on_action(state.current_task_state, bruno, "approve")
    german.refresh_from_db()
    assert german.name.endswith("(DE)")
    assert german.live


def _instrument_titles(page_pk):
    return list(
        ToolInstrument.objects.filter(page_id=page_pk)
        .order_by("sort_order")
        .values_list("title", flat=True)
    )


def test_visitors_of_an_alias_keep_the_french_inline_items_until_the_review_approves(
    client, django_capture_on_commit_callbacks
):
    tool = ToolPageFactory(
        title="Carte d'empathie des publics", instrument_titles=["Gabarit à imprimer"]
    )
    german_alias = tool.get_translation(Locale.objects.get(language_code="de"))
    assert german_alias.alias_of_id == tool.pk
    source, translation = start_translation(tool, "de")
    fill_strings(
        source,
        translation.target_locale,
        lambda text: {"Gabarit à imprimer": "Vorlage zum Ausdrucken"}.get(text, text),
    )
    client.force_login(TranslatorFactory(language_code="de"))
    submit(client, translation)

    # What visitors read is still the French page, with its French items.
    assert _instrument_titles(german_alias.pk) == ["Gabarit à imprimer"]
    assert "Vorlage zum Ausdrucken" not in client.get(german_alias.url).content.decode()

    client.force_login(ModeratorFactory())
    german = Page.objects.get(pk=german_alias.pk).specific
    with django_capture_on_commit_callbacks(execute=True):
        act(client, german, "approve", german.current_workflow_state.current_task_state)
    assert _instrument_titles(german_alias.pk) == ["Vorlage zum Ausdrucken"]


def test_a_published_translation_keeps_its_inline_items_until_the_review_approves(
    client, django_capture_on_commit_callbacks
):
    tool = ToolPageFactory(instrument_titles=["Gabarit à imprimer"], aliases=False)
    source, translation = start_translation(tool, "de")
    fill_strings(
        source,
        translation.target_locale,
        lambda text: {"Gabarit à imprimer": "Vorlage"}.get(text, text),
    )
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(publish=True)
    german = translation.get_target_instance()
    assert german.live
    fill_strings(
        source,
        translation.target_locale,
        lambda text: {"Gabarit à imprimer": "Neue Vorlage"}.get(text, text),
    )
    client.force_login(TranslatorFactory(language_code="de"))
    submit(client, translation)
    assert _instrument_titles(german.pk) == ["Vorlage"]
    assert "Neue Vorlage" not in client.get(german.url).content.decode()

    client.force_login(ModeratorFactory())
    german = Page.objects.get(pk=german.pk).specific
    with django_capture_on_commit_callbacks(execute=True):
        act(client, german, "approve", german.current_workflow_state.current_task_state)
    assert _instrument_titles(german.pk) == ["Neue Vorlage"]

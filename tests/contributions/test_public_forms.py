"""Public contribution forms: what a visitor sends enters a workflow as a draft, nothing more."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, WorkflowState

from contributions.models import CommentKind, ToolComment, ToolProposal, UsageExample
from tests import sample_files
from tests.html import one, parse, text_of, texts
from tools.models import ToolPage, ToolStatus

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "de", "it", "en"]


def url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(f"contributions:{name}", kwargs=kwargs)


def example_data(**overrides):
    return {
        "title": "Un atelier de quartier",
        "organisation": "Association Quartier Vivant",
        "description": "Nous avons utilisé l'outil avec douze bénévoles.",
        "contributor_name": "Camille Rochat",
        "contributor_email": "camille@secret.example.net",
        "consent_to_credit": "on",
        **overrides,
    }


def form_of(response):
    return one(parse(response), 'main form.contribution-form[method="post"]')


def field_errors(response, name):
    """The error messages shown with the field `name` of the contribution form."""
    field = one(form_of(response), f'div.form-field:has([name="{name}"])')
    return texts(field, "ul.errorlist > li")


def pdf_file(name="exemple.pdf"):
    return SimpleUploadedFile(name, sample_files.pdf(), "application/pdf")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["example", "comment", "revision", "translation"])
def test_every_tool_form_opens_in_every_language(client, tool, language, kind):
    response = client.get(url(kind, language, tool_id=tool.pk))
    assert response.status_code == 200
    assert response["Content-Language"] == language
    one(form_of(response), 'input[type="hidden"][name="csrfmiddlewaretoken"]')
    assert tool.title in text_of(one(parse(response), "main p.lead"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_propose_a_tool_form_opens_in_every_language(client, tool, language):
    response = client.get(url("propose_tool", language))
    assert response.status_code == 200
    one(form_of(response), '[name="summary"]')


def test_a_usage_example_becomes_a_draft_waiting_for_the_moderators(client, tool):
    response = client.post(url("example", tool_id=tool.pk), example_data())
    assert response.status_code == 302
    example = UsageExample.objects.get(title="Un atelier de quartier")
    assert example.live is False
    assert example.tool_id == tool.pk
    assert example.locale == Locale.get_default()
    assert example.latest_revision is not None
    state = WorkflowState.objects.get(
        base_content_type=example.get_base_content_type(), object_id=str(example.pk)
    )
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Modération"


def test_an_example_sent_from_a_translated_sheet_is_linked_to_the_tool_in_its_language(
    client, tool
):
    german = ToolPage.objects.get(translation_key=tool.translation_key, locale__language_code="de")
    client.post(url("example", "de", tool_id=german.pk), example_data())
    example = UsageExample.objects.get(title="Un atelier de quartier")
    assert example.tool_id == tool.pk
    assert example.locale.language_code == "de"


@pytest.mark.parametrize(
    ("kind", "extra"),
    [
        (CommentKind.COMMENT, {}),
        (CommentKind.REVISION, {"section": "Mode d'emploi, étape 2"}),
        (CommentKind.TRANSLATION, {}),
    ],
)
def test_comments_revisions_and_translation_offers_are_drafts_in_moderation(
    client, tool, kind, extra
):
    data = {"message": "Une idée pour améliorer la fiche.", "contributor_name": "Noé", **extra}
    if kind == CommentKind.TRANSLATION:
        data["target_locale"] = Locale.objects.get(language_code="it").pk
    response = client.post(url(kind, tool_id=tool.pk), data)
    assert response.status_code == 302
    comment = ToolComment.objects.get(tool=tool, kind=kind)
    assert comment.live is False
    assert comment.workflow_in_progress
    if kind == CommentKind.TRANSLATION:
        assert comment.target_locale.language_code == "it"
    if kind == CommentKind.REVISION:
        assert comment.section == "Mode d'emploi, étape 2"


def test_a_proposed_tool_is_a_draft_sheet_in_the_co_creation_review(client, tool):
    response = client.post(
        url("propose_tool", "de"),
        {
            "title": "Boussole des valeurs",
            "summary": "Un outil pour <b>clarifier</b> les valeurs.",
            "reasons": "Pour commencer.\n\n<script>alert(1)</script>Ensuite.",
            "contributor_name": "Lou",
            "contributor_email": "lou@secret.example.net",
            "consent_to_contact": "on",
        },
    )
    assert response.status_code == 302
    proposal = ToolProposal.objects.select_related("tool").get(tool__title="Boussole des valeurs")
    page = proposal.tool
    assert page.live is False
    assert page.status == ToolStatus.PROPOSAL
    assert page.locale == Locale.get_default()
    assert page.get_parent().specific_class.__name__ == "ToolIndexPage"
    assert page.summary == "Un outil pour clarifier les valeurs."
    assert "<script" not in page.reasons and "alert" not in page.reasons
    assert page.reasons == "<p>Pour commencer.</p><p>Ensuite.</p>"
    assert page.current_workflow_state.workflow.name == "Relecture en co-création"
    assert proposal.locale.language_code == "de"
    assert proposal.consent_to_contact is True


def test_an_attached_pdf_is_kept(client, tool):
    response = client.post(
        url("example", tool_id=tool.pk), {**example_data(), "attachment": pdf_file()}
    )
    assert response.status_code == 302
    example = UsageExample.objects.get(title="Un atelier de quartier")
    assert example.attachment.name.endswith("/example.pdf")
    assert "exemple" not in example.attachment.name


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("outil.exe", b"MZ\x90\x00", "Ce type de fichier n’est pas accepté"),
        ("faux.pdf", b"MZ\x90\x00 not a pdf", "ne correspond pas à son nom"),
        ("faux.docx", b"PK\x03\x04 broken zip", "ne correspond pas à son nom"),
        ("image.png", b"\xff\xd8\xff\xe0 a jpeg", "ne correspond pas à son nom"),
    ],
)
def test_a_file_of_the_wrong_kind_is_refused_with_a_clear_message(
    client, tool, name, content, message
):
    upload = SimpleUploadedFile(name, content, "application/pdf")
    response = client.post(
        url("example", tool_id=tool.pk), {**example_data(), "attachment": upload}
    )
    assert response.status_code == 400
    assert any(message in error for error in field_errors(response, "attachment"))
    assert not UsageExample.objects.filter(title="Un atelier de quartier").exists()


def test_office_documents_are_recognised_by_their_content(client, tool):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    upload = SimpleUploadedFile("rapport.odt", buffer.getvalue())
    response = client.post(
        url("example", tool_id=tool.pk), {**example_data(), "attachment": upload}
    )
    assert response.status_code == 302


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=None)
def test_a_file_over_five_megabytes_is_refused(client, tool):
    upload = SimpleUploadedFile("gros.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024))
    response = client.post(
        url("example", tool_id=tool.pk), {**example_data(), "attachment": upload}
    )
    assert response.status_code == 400
    assert any("trop volumineux" in error for error in field_errors(response, "attachment"))


def test_a_rejected_submission_keeps_what_the_person_typed_and_says_what_is_wrong(client, tool):
    response = client.post(
        url("example", tool_id=tool.pk),
        example_data(title="", description="Mon texte à garder", contributor_email="pas-un-email"),
    )
    assert response.status_code == 400
    with translation.override("fr"):
        required = gettext("This field is required.")
        invalid_email = gettext("Enter a valid email address.")
    assert required != "This field is required."
    assert required in field_errors(response, "title")
    assert invalid_email in field_errors(response, "contributor_email")
    form = form_of(response)
    assert one(form, 'textarea[name="description"]').get_text().strip() == "Mon texte à garder"
    assert one(form, 'input[name="organisation"]')["value"] == "Association Quartier Vivant"
    one(form, 'div#form-errors.notice--error[role="alert"]')


@pytest.mark.parametrize("language", ["de", "it", "en"])
def test_error_messages_are_in_the_visitors_language(client, tool, language):
    response = client.post(url("comment", language, tool_id=tool.pk), {"message": ""})
    with translation.override(language):
        expected = gettext("This field is required.")
        heading = gettext("Comment on this tool")
    assert expected in field_errors(response, "message")
    assert text_of(one(parse(response), "main h1")) == heading
    if language != "en":
        assert expected != "This field is required."
        assert heading != "Comment on this tool"


def test_consent_to_be_contacted_needs_an_address(client, tool):
    response = client.post(
        url("comment", tool_id=tool.pk),
        {"message": "Bonjour", "contributor_name": "Ana", "consent_to_contact": "on"},
    )
    assert response.status_code == 400
    assert not ToolComment.objects.filter(tool=tool).exists()


def test_markup_from_the_public_is_stored_as_plain_text(client, tool):
    client.post(
        url("example", tool_id=tool.pk),
        example_data(
            title="<img src=x onerror=alert(1)>Titre",
            description="Avant <script>alert('x')</script>après &lt;b&gt;gras&lt;/b&gt; a < b",
        ),
    )
    example = UsageExample.objects.get(tool=tool)
    assert example.title == "Titre"
    assert example.description == "Avant après gras a < b"


def test_the_honeypot_drops_robots_quietly(client, tool):
    response = client.post(url("example", tool_id=tool.pk), example_data(website="http://spam"))
    assert response.status_code == 302
    assert not UsageExample.objects.filter(tool=tool).exists()


@override_settings(CONTRIBUTIONS_RATE_LIMIT=2)
def test_too_many_contributions_from_one_address_are_refused(client, tool):
    for number in range(2):
        response = client.post(url("example", tool_id=tool.pk), example_data(title=f"Ex {number}"))
        assert response.status_code == 302
    response = client.post(url("example", tool_id=tool.pk), example_data(title="De trop"))
    assert response.status_code == 429
    form = form_of(response)
    assert "Trop de contributions" in text_of(one(form, 'div#form-errors[role="alert"]'))
    assert one(form, 'input[name="title"]')["value"] == "De trop"
    assert UsageExample.objects.filter(tool=tool).count() == 2


def test_forms_are_protected_against_cross_site_requests(tool):
    strict = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    response = strict.post(url("example", tool_id=tool.pk), example_data())
    assert response.status_code == 403
    assert not UsageExample.objects.filter(tool=tool).exists()


def test_a_tool_that_is_not_published_takes_no_contribution(client, tool):
    tool.unpublish()
    assert client.get(url("example", tool_id=tool.pk)).status_code == 404
    assert client.post(url("example", tool_id=tool.pk), example_data()).status_code == 404


def test_the_translation_offer_lists_the_other_languages(client, tool):
    response = client.get(url("translation", "en", tool_id=tool.pk))
    languages = texts(one(form_of(response), 'select[name="target_locale"]'), "option")
    assert "Deutsch" in languages and "Italiano" in languages and "English" in languages
    assert not [language for language in languages if "Français" in language]

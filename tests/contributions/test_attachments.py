"""A usage example's file stays private until the example is approved, and leaves with it.

The public form writes it to the private storage (PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT);
moderators and reviewers download it through the admin; approval copies it to the public
media, where the tool sheet links to it; unpublishing or deleting takes it away.
"""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from contributions.models import UsageExample
from tests import sample_files
from tests.html import parse

pytestmark = pytest.mark.django_db

CONTENT = sample_files.pdf()


def submit_example(client, tool, title="Un atelier avec fichier"):
    with translation.override("fr"):
        url = reverse("contributions:example", kwargs={"tool_id": tool.pk})
    response = client.post(
        url,
        {
            "title": title,
            "organisation": "Association Quartier Vivant",
            "description": "Nous avons utilisé l'outil avec douze bénévoles.",
            "contributor_name": "Camille Rochat",
            "attachment": SimpleUploadedFile("compte-rendu.pdf", CONTENT, "application/pdf"),
        },
    )
    assert response.status_code == 302
    return UsageExample.objects.get(title=title)


def in_private_media(name):
    return (Path(settings.PRIVATE_MEDIA_ROOT) / name).is_file()


def in_public_media(name):
    return (Path(settings.MEDIA_ROOT) / name).is_file()


def act(example, user, action):
    example.current_workflow_task_state.specific.__getattribute__(action)(user=user)
    example.refresh_from_db()
    return example


def sheet_links(client, tool):
    links = parse(client.get(tool.url)).select("a[download]")
    return [link["href"] for link in links if "contributions/" in link["href"]]


def test_a_submitted_file_waits_outside_the_public_media(client, tool):
    example = submit_example(client, tool)
    name = example.attachment.name
    assert in_private_media(name)
    assert not in_public_media(name)
    assert (
        not Path(settings.PRIVATE_MEDIA_ROOT)
        .resolve()
        .is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    )
    # Its only address is the admin's.
    assert example.attachment.url == reverse("private_media", kwargs={"path": name})


@pytest.mark.parametrize("role", ["moderator", "reviewer"])
def test_those_who_moderate_download_the_waiting_file(client, tool, volunteers, role):
    example = submit_example(client, tool)
    client.force_login(volunteers[role])
    response = client.get(example.attachment.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("role", ["editor", "translator_de"])
def test_other_volunteers_are_turned_away_from_the_waiting_file(client, tool, volunteers, role):
    example = submit_example(client, tool)
    client.force_login(volunteers[role])
    response = client.get(example.attachment.url)
    # Wagtail answers a refused admin view with a redirect to the dashboard and a message.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_a_visitor_cannot_reach_the_waiting_file(client, tool):
    example = submit_example(client, tool)
    response = client.get(example.attachment.url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert client.get(settings.MEDIA_URL + example.attachment.name).status_code == 404


@pytest.mark.parametrize(
    "path",
    ["contributions/../../etc/passwd", "tools/secret.pdf", "contributions/examples/none.pdf"],
)
def test_the_admin_view_serves_only_existing_files_it_knows_who_may_read(client, volunteers, path):
    client.force_login(volunteers["moderator"])
    response = client.get(reverse("private_media", kwargs={"path": path}))
    assert response.status_code in {400, 404}


def test_approval_publishes_the_file_and_the_sheet_links_to_it(client, tool, volunteers):
    example = submit_example(client, tool)
    name = example.attachment.name
    assert sheet_links(client, tool) == []

    act(example, volunteers["moderator"], "approve")

    assert example.live
    assert in_public_media(name) and in_private_media(name)
    public_url = default_storage.url(name)
    assert public_url.startswith(settings.MEDIA_URL)
    assert public_url in sheet_links(client, tool)


def test_a_rejected_file_never_reaches_the_public_media(client, tool, volunteers):
    example = submit_example(client, tool)
    act(example, volunteers["moderator"], "reject")
    assert not in_public_media(example.attachment.name)


def test_unpublishing_takes_the_public_copy_away(client, tool, volunteers):
    example = submit_example(client, tool)
    act(example, volunteers["moderator"], "approve")
    name = example.attachment.name
    example.unpublish(user=volunteers["moderator"])
    assert not in_public_media(name)
    assert in_private_media(name)


def test_a_replaced_file_leaves_the_public_media_when_the_new_one_is_published(
    client, tool, volunteers
):
    example = submit_example(client, tool)
    act(example, volunteers["moderator"], "approve")
    first = example.attachment.name
    example.attachment.save("nouveau.pdf", ContentFile(CONTENT), save=False)
    example.save_revision(user=volunteers["moderator"]).publish(user=volunteers["moderator"])
    example.refresh_from_db()
    assert example.attachment.name != first
    assert in_public_media(example.attachment.name)
    assert not in_public_media(first)


def test_deleting_an_example_deletes_its_files(
    client, tool, volunteers, django_capture_on_commit_callbacks
):
    example = submit_example(client, tool)
    act(example, volunteers["moderator"], "approve")
    name = example.attachment.name
    with django_capture_on_commit_callbacks(execute=True):
        example.delete()
    assert not in_private_media(name)
    assert not in_public_media(name)


def test_deleting_the_tool_deletes_its_examples_files(
    client, tool, django_capture_on_commit_callbacks
):
    example = submit_example(client, tool)
    name = example.attachment.name
    with django_capture_on_commit_callbacks(execute=True):
        tool.delete()
    assert not UsageExample.objects.filter(pk=example.pk).exists()
    assert not in_private_media(name)


def test_the_migration_moves_files_of_earlier_versions_into_the_private_storage(
    client, tool, volunteers
):
    """Before this version, attachments were written to the public media."""
    migration = importlib.import_module("contributions.migrations.0003_attachment_private_storage")
    waiting = submit_example(client, tool, title="En attente")
    approved = submit_example(client, tool, title="Approuvé")
    act(approved, volunteers["moderator"], "approve")
    for example in (waiting, approved):
        name = example.attachment.name
        storages["private"].delete(name)
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(CONTENT))

    migration.move_attachments_to_private_storage(apps, None)

    assert in_private_media(waiting.attachment.name)
    assert not in_public_media(waiting.attachment.name)
    assert in_private_media(approved.attachment.name)
    assert in_public_media(approved.attachment.name)


def test_the_example_form_in_the_admin_links_to_the_waiting_file(client, tool, volunteers):
    example = submit_example(client, tool)
    client.force_login(volunteers["moderator"])
    edit = reverse("wagtailsnippets_contributions_usageexample:edit", args=[example.pk])
    response = client.get(edit)
    assert response.status_code == 200
    hrefs = [link["href"] for link in parse(response).select("a[href]")]
    assert example.attachment.url in hrefs

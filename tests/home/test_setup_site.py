"""`setup_site`: idempotent, and each group has exactly the rights of its role."""

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Task,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from home.models import SiteSettings

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "de", "it", "en"]


def snapshot():
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "model_permissions": sorted(
            Group.objects.values_list("name", "permissions__codename").order_by()
        ),
        "page_permissions": sorted(
            GroupPagePermission.objects.values_list("group__name", "page_id", "permission_id")
        ),
        "collection_permissions": sorted(
            GroupCollectionPermission.objects.values_list("group__name", "permission_id")
        ),
        "workflows": sorted(Workflow.objects.values_list("name", "active")),
        "pages": Page.objects.count(),
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
    }


def test_setup_site_twice_changes_nothing():
    before = snapshot()
    output = io.StringIO()
    call_command("setup_site", stdout=output)
    assert "0 change(s)" in output.getvalue()
    assert snapshot() == before


def test_setup_site_repairs_a_permission_removed_by_hand():
    editors = Group.objects.get(name="Editors")
    GroupPagePermission.objects.filter(group=editors).delete()
    call_command("setup_site", stdout=io.StringIO())
    assert GroupPagePermission.objects.filter(group=editors).count() == 3


def test_four_locales_with_french_first():
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(LANGUAGES)
    assert Locale.get_default().language_code == "fr"


def test_groups_of_the_association_exist():
    names = set(Group.objects.values_list("name", flat=True))
    expected = {"Editors", "Reviewers", "Moderators"}
    expected |= {f"Translators ({code})" for code in LANGUAGES}
    assert expected <= names


def _user(group_name):
    user = User.objects.create_user(username=f"user-{group_name}", password="x")  # noqa: S106
    user.groups.add(Group.objects.get(name=group_name))
    return user


def _home(code):
    return Page.objects.get(depth=2, locale__language_code=code)


# (group, language of the page) -> (can edit, can publish)
PAGE_MATRIX = {
    ("Editors", "fr"): (True, False),
    ("Editors", "de"): (False, False),
    ("Reviewers", "fr"): (True, False),
    ("Reviewers", "it"): (False, False),
    ("Moderators", "fr"): (True, True),
    ("Moderators", "de"): (True, True),
    ("Moderators", "en"): (True, True),
    # Translators do not publish: a second translator of the language approves (translations/).
    ("Translators (de)", "de"): (True, False),
    ("Translators (de)", "fr"): (False, False),
    ("Translators (de)", "it"): (False, False),
    ("Translators (it)", "it"): (True, False),
    ("Translators (it)", "de"): (False, False),
    ("Translators (en)", "en"): (True, False),
    ("Translators (en)", "fr"): (False, False),
    # The French translators translate only (the French tree's originals are refused by the
    # locale scopes, tests/translations/test_permission_matrix.py) and never publish.
    ("Translators (fr)", "fr"): (True, False),
    ("Translators (fr)", "de"): (False, False),
}


@pytest.mark.parametrize(("group", "language"), list(PAGE_MATRIX))
def test_page_permission_matrix(group, language):
    user = _user(group)
    page = _home(language).get_children().get(slug="association")
    permissions = page.permissions_for_user(user)
    expected_edit, expected_publish = PAGE_MATRIX[(group, language)]
    assert permissions.can_edit() is expected_edit
    assert permissions.can_publish() is expected_publish


@pytest.mark.parametrize(
    ("group", "allowed", "denied"),
    [
        (
            "Editors",
            ["wagtailadmin.access_admin", "taxonomy.add_lever", "taxonomy.change_theme"],
            ["taxonomy.delete_lever", "home.change_sitesettings", "home.change_mainmenu"],
        ),
        (
            "Reviewers",
            ["wagtailadmin.access_admin"],
            ["taxonomy.add_lever", "home.change_mainmenu"],
        ),
        (
            "Moderators",
            ["taxonomy.delete_lever", "home.change_mainmenu", "home.change_sitesettings"],
            ["auth.change_user", "wagtailcore.add_locale"],
        ),
        (
            "Translators (de)",
            ["wagtail_localize.submit_translation", "taxonomy.change_lever"],
            ["taxonomy.add_lever", "taxonomy.delete_lever", "home.change_sitesettings"],
        ),
    ],
)
def test_model_permission_matrix(group, allowed, denied):
    user = _user(group)
    for permission in allowed:
        assert user.has_perm(permission), f"{group} should have {permission}"
    for permission in denied:
        assert not user.has_perm(permission), f"{group} should not have {permission}"


def test_only_moderators_delete_a_document_someone_else_uploaded():
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.permissions import policy_registry

    Document = get_document_model()
    policy = policy_registry.get_by_type(Document)
    owner = User.objects.create_user(username="owner")
    document = Document.objects.create(
        title="Fiche", file=ContentFile(b"%PDF-1.4", name="fiche.pdf"), uploaded_by_user=owner
    )
    for group, expected in [("Editors", False), ("Translators (it)", False), ("Moderators", True)]:
        user = _user(group)
        assert policy.user_has_permission_for_instance(user, "delete", document) is expected, group
        assert policy.user_has_permission(user, "choose") is True, group


def test_co_creation_review_needs_reviewers_then_moderators():
    workflow = Workflow.objects.get(name="Relecture en co-création")
    tasks = [task.specific for task in workflow.tasks.order_by("workflow_tasks__sort_order")]
    assert [list(task.groups.values_list("name", flat=True)) for task in tasks] == [
        ["Reviewers"],
        ["Moderators"],
    ]
    assert WorkflowPage.objects.get(workflow=workflow).page.specific == _home("fr").specific
    moderation = Workflow.objects.get(name="Modération")
    assert [t.specific.groups.get().name for t in moderation.tasks.all()] == ["Moderators"]
    # The foundation's two workflows, plus those apps declare in PAGE_WORKFLOWS and
    # LOCALE_TREE_WORKFLOWS (roles.py).
    from home.management.commands.setup_site import _role_modules

    declared = [w for m in _role_modules() for w in getattr(m, "PAGE_WORKFLOWS", [])]
    on_locale_trees = [
        w["name"] for m in _role_modules() for w in getattr(m, "LOCALE_TREE_WORKFLOWS", [])
    ]
    assert "Relecture de la traduction" in on_locale_trees
    active = set(Workflow.objects.filter(active=True).values_list("name", flat=True))
    assert active == {"Relecture en co-création", "Modération"} | {
        w["name"] for w in declared
    } | set(on_locale_trees)
    assert GroupApprovalTask.objects.filter(
        active=True, workflow_tasks__workflow__active=True
    ).count() == 3 + sum(len(w["tasks"]) for w in declared)


def test_an_editors_page_goes_through_review_before_publication():
    editor = _user("Editors")
    reviewer = _user("Reviewers")
    moderator = _user("Moderators")
    from home.models import StandardPage

    page = StandardPage(title="Proposition", slug="proposition", owner=editor)
    _home("fr").add_child(instance=page)
    page.unpublish()
    revision = page.save_revision(user=editor)
    workflow = page.get_workflow()
    assert workflow.name == "Relecture en co-création"
    state = workflow.start(page, editor)
    assert not Page.objects.get(pk=page.pk).live

    state.current_task_state.task.specific.on_action(state.current_task_state, reviewer, "approve")
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Publication par l'équipe de modération"
    assert not Page.objects.get(pk=page.pk).live

    state.current_task_state.task.specific.on_action(state.current_task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == revision.pk or page.live_revision is not None


# The English names an earlier setup_site gave the workflows and tasks, and their French names.
ENGLISH_TO_FRENCH = {
    "Co-creation review": "Relecture en co-création",
    "Moderation": "Modération",
    "Provider vetting": "Vérification des prestataires",
    "Review by the reviewers": "Relecture par l'équipe de relecture",
    "Publication by the moderators": "Publication par l'équipe de modération",
    "Moderation by the moderators": "Modération par l'équipe de modération",
    "Vetting by the moderators": "Vérification par l'équipe de modération",
}


def workflow_wiring():
    return {
        "workflows": sorted(Workflow.objects.values_list("pk", "active")),
        "tasks": sorted(Task.objects.values_list("pk", "active")),
        "steps": sorted(WorkflowTask.objects.values_list("workflow_id", "task_id", "sort_order")),
        "pages": sorted(WorkflowPage.objects.values_list("workflow_id", "page_id")),
        "models": sorted(WorkflowContentType.objects.values_list("workflow_id", "content_type_id")),
        "task_groups": sorted(GroupApprovalTask.objects.values_list("pk", "groups__name")),
    }


def test_workflows_and_tasks_have_french_names():
    names = set(Workflow.objects.filter(active=True).values_list("name", flat=True))
    names |= set(Task.objects.filter(active=True).values_list("name", flat=True))
    assert set(ENGLISH_TO_FRENCH.values()) <= names
    assert not names & set(ENGLISH_TO_FRENCH)


def test_setup_site_renames_the_english_workflows_of_an_earlier_version():
    # A site set up by an earlier version: the same workflows and tasks, with English names.
    for english, french in ENGLISH_TO_FRENCH.items():
        Workflow.objects.filter(name=french).update(name=english)
        Task.objects.filter(name=french).update(name=english)
    wiring = workflow_wiring()

    output = io.StringIO()
    call_command("setup_site", stdout=output)

    assert "workflow Co-creation review renamed Relecture en co-création" in output.getvalue()
    names = set(Workflow.objects.values_list("name", flat=True))
    names |= set(Task.objects.values_list("name", flat=True))
    assert set(ENGLISH_TO_FRENCH.values()) <= names
    assert not names & set(ENGLISH_TO_FRENCH)
    # Renamed in place: nothing created, nothing detached.
    assert workflow_wiring() == wiring
    page = _home("fr").get_children().get(slug="association")
    assert page.get_workflow().name == "Relecture en co-création"

    again = io.StringIO()
    call_command("setup_site", stdout=again)
    assert "0 change(s)" in again.getvalue()


def test_setup_site_is_quiet_at_verbosity_zero():
    Group.objects.filter(name="Editors").delete()
    out, err = io.StringIO(), io.StringIO()
    call_command("setup_site", verbosity=0, stdout=out, stderr=err)
    assert (out.getvalue(), err.getvalue()) == ("", "")
    assert Group.objects.filter(name="Editors").exists()


def test_every_site_has_its_settings_before_the_first_visit():
    SiteSettings.objects.all().delete()
    call_command("setup_site", stdout=io.StringIO())
    assert SiteSettings.objects.filter(site__in=Site.objects.all()).count() == Site.objects.count()

"""`setup_site`: idempotent, and each group has exactly the rights of its role."""

import importlib
import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission, User
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
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
from wagtail.permissions import policy_registry

from home.management.commands.setup_site import _role_modules
from home.models import SiteSettings, StandardPage
from home.roles import (
    EDITORS,
    FORMER_GROUP_NAMES,
    FORMER_TRANSLATOR_GROUP_PREFIX,
    GROUPS,
    MODERATION_TASK,
    MODERATORS,
    PUBLICATION_TASK,
    REVIEW_TASK,
    REVIEWERS,
    rename_former_groups,
    translator_group_name,
)
from providers.roles import PROVIDER_VETTING_WORKFLOW, VETTING_TASK

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
    editors = Group.objects.get(name=EDITORS)
    GroupPagePermission.objects.filter(group=editors).delete()
    call_command("setup_site", stdout=io.StringIO())
    assert GroupPagePermission.objects.filter(group=editors).count() == 3


def test_four_locales_with_french_first():
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(LANGUAGES)
    assert Locale.get_default().language_code == "fr"


def test_groups_of_the_association_exist():
    names = set(Group.objects.values_list("name", flat=True))
    expected = set(GROUPS)
    expected |= {translator_group_name(code) for code in LANGUAGES}
    assert expected <= names


def _user(group_name):
    user = User.objects.create_user(username=f"user-{group_name}", password="x")  # noqa: S106
    user.groups.add(Group.objects.get(name=group_name))
    return user


def _home(code):
    return Page.objects.get(depth=2, locale__language_code=code)


# (group, language of the page) -> (can edit, can publish)
PAGE_MATRIX = {
    (EDITORS, "fr"): (True, False),
    (EDITORS, "de"): (False, False),
    (REVIEWERS, "fr"): (True, False),
    (REVIEWERS, "it"): (False, False),
    (MODERATORS, "fr"): (True, True),
    (MODERATORS, "de"): (True, True),
    (MODERATORS, "en"): (True, True),
    # Translators do not publish: a second translator of the language approves (translations/).
    (translator_group_name("de"), "de"): (True, False),
    (translator_group_name("de"), "fr"): (False, False),
    (translator_group_name("de"), "it"): (False, False),
    (translator_group_name("it"), "it"): (True, False),
    (translator_group_name("it"), "de"): (False, False),
    (translator_group_name("en"), "en"): (True, False),
    (translator_group_name("en"), "fr"): (False, False),
    # The French translators translate only: a French original (this page) is neither offered
    # for editing nor accepted (the locale scopes, translations/page_permissions.py and
    # tests/translations/test_permission_matrix.py), and they never publish.
    (translator_group_name("fr"), "fr"): (False, False),
    (translator_group_name("fr"), "de"): (False, False),
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
            EDITORS,
            ["wagtailadmin.access_admin", "taxonomy.add_lever", "taxonomy.change_theme"],
            ["taxonomy.delete_lever", "home.change_sitesettings", "home.change_mainmenu"],
        ),
        (
            REVIEWERS,
            ["wagtailadmin.access_admin"],
            ["taxonomy.add_lever", "home.change_mainmenu"],
        ),
        (
            MODERATORS,
            ["taxonomy.delete_lever", "home.change_mainmenu", "home.change_sitesettings"],
            ["auth.change_user", "wagtailcore.add_locale"],
        ),
        (
            translator_group_name("de"),
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
    Document = get_document_model()
    policy = policy_registry.get_by_type(Document)
    owner = User.objects.create_user(username="owner")
    document = Document.objects.create(
        title="Fiche", file=ContentFile(b"%PDF-1.4", name="fiche.pdf"), uploaded_by_user=owner
    )
    for group, expected in [
        (EDITORS, False),
        (translator_group_name("it"), False),
        (MODERATORS, True),
    ]:
        user = _user(group)
        assert policy.user_has_permission_for_instance(user, "delete", document) is expected, group
        assert policy.user_has_permission(user, "choose") is True, group


def test_co_creation_review_needs_reviewers_then_moderators():
    workflow = Workflow.objects.get(name="Relecture en co-création")
    tasks = [task.specific for task in workflow.tasks.order_by("workflow_tasks__sort_order")]
    assert [list(task.groups.values_list("name", flat=True)) for task in tasks] == [
        [REVIEWERS],
        [MODERATORS],
    ]
    assert WorkflowPage.objects.get(workflow=workflow).page.specific == _home("fr").specific
    moderation = Workflow.objects.get(name="Modération")
    assert [t.specific.groups.get().name for t in moderation.tasks.all()] == [MODERATORS]
    # The foundation's two workflows, plus those apps declare in PAGE_WORKFLOWS and
    # LOCALE_TREE_WORKFLOWS (roles.py).
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
    editor = _user(EDITORS)
    reviewer = _user(REVIEWERS)
    moderator = _user(MODERATORS)
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
    assert state.current_task_state.task.name == PUBLICATION_TASK
    assert not Page.objects.get(pk=page.pk).live

    state.current_task_state.task.specific.on_action(state.current_task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == revision.pk or page.live_revision is not None


# The English names an earlier setup_site gave the workflows and tasks, and their French names.
ENGLISH_TO_FRENCH = {
    "Co-creation review": "Relecture en co-création",
    "Moderation": "Modération",
    "Provider vetting": PROVIDER_VETTING_WORKFLOW,
    "Review by the reviewers": REVIEW_TASK,
    "Publication by the moderators": PUBLICATION_TASK,
    "Moderation by the moderators": MODERATION_TASK,
    "Vetting by the moderators": VETTING_TASK,
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
    Group.objects.filter(name=EDITORS).delete()
    out, err = io.StringIO(), io.StringIO()
    call_command("setup_site", verbosity=0, stdout=out, stderr=err)
    assert (out.getvalue(), err.getvalue()) == ("", "")
    assert Group.objects.filter(name=EDITORS).exists()


def test_every_site_has_its_settings_before_the_first_visit():
    SiteSettings.objects.all().delete()
    call_command("setup_site", stdout=io.StringIO())
    assert SiteSettings.objects.filter(site__in=Site.objects.all()).count() == Site.objects.count()


# The groups as an earlier version named them (home/roles.py FORMER_GROUP_NAMES).
FORMER_NAMES = {current: former for former, current in FORMER_GROUP_NAMES.items()}
FORMER_NAMES |= {
    translator_group_name(code): f"{FORMER_TRANSLATOR_GROUP_PREFIX} ({code})" for code in LANGUAGES
}


def give_groups_their_former_names():
    """A site set up by an earlier version: the same groups, with their English names, a
    member in each; returns what hangs on each group, by primary key."""
    for current, former in FORMER_NAMES.items():
        group = Group.objects.get(name=current)
        group.name = former
        group.save()
        group.user_set.add(User.objects.create_user(username=f"membre-{group.pk}"))
    return group_wiring()


def group_wiring():
    return {
        group.pk: {
            "members": sorted(group.user_set.values_list("username", flat=True)),
            "permissions": sorted(group.permissions.values_list("pk", flat=True)),
            "pages": sorted(
                GroupPagePermission.objects.filter(group=group).values_list(
                    "page_id", "permission_id"
                )
            ),
            "collections": sorted(
                GroupCollectionPermission.objects.filter(group=group).values_list(
                    "collection_id", "permission_id"
                )
            ),
            "tasks": sorted(GroupApprovalTask.objects.filter(groups=group).values_list("pk")),
        }
        for group in Group.objects.all()
    }


def assert_french_names_with_nothing_lost(wiring):
    names = set(Group.objects.values_list("name", flat=True))
    assert set(FORMER_NAMES) <= names
    assert not names & set(FORMER_NAMES.values())
    assert group_wiring() == wiring
    assert Group.objects.count() == len(wiring)


def test_setup_site_renames_the_english_groups_of_an_earlier_version_in_place():
    wiring = give_groups_their_former_names()

    output = io.StringIO()
    call_command("setup_site", stdout=output)

    assert f"group Editors renamed {EDITORS}" in output.getvalue()
    assert_french_names_with_nothing_lost(wiring)
    again = io.StringIO()
    call_command("setup_site", stdout=again)
    assert "0 change(s)" in again.getvalue()
    assert_french_names_with_nothing_lost(wiring)


def test_the_migration_renames_the_english_groups_in_place_once():
    migration = importlib.import_module("home.migrations.0005_french_group_names")
    wiring = give_groups_their_former_names()

    migration.rename_groups(apps, None)
    assert_french_names_with_nothing_lost(wiring)
    migration.rename_groups(apps, None)
    assert_french_names_with_nothing_lost(wiring)


def test_a_former_group_next_to_its_french_namesake_is_merged_into_it():
    editors = Group.objects.get(name=EDITORS)
    tasks = list(GroupApprovalTask.objects.filter(groups__name=MODERATORS))
    former = Group.objects.create(name=FORMER_NAMES[EDITORS])
    former.user_set.add(User.objects.create_user(username="ancienne-redactrice"))
    former.permissions.add(Permission.objects.get(codename="delete_lever"))
    tasks[0].groups.add(former)

    assert rename_former_groups(Group, GroupApprovalTask) == [(former.name, EDITORS)]

    assert not Group.objects.filter(name=FORMER_NAMES[EDITORS]).exists()
    assert editors.user_set.filter(username="ancienne-redactrice").exists()
    assert editors.permissions.filter(codename="delete_lever").exists()
    assert editors in tasks[0].groups.all()
    assert rename_former_groups(Group, GroupApprovalTask) == []

"""Set up locales, the site root, groups, permissions and workflows. Safe to run again."""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import (
    PAGE_PERMISSION_TYPES,
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)
from wagtail_localize.models import LocaleSynchronization

from core.i18n import sync_locale_trees
from core.progress import progress_verbosity
from core.urls import origin_parts
from home import roles
from home.models import HomePage, SiteSettings


def _role_modules():
    """The foundation's roles and those that other apps declare in their roles.py."""
    modules = [roles]
    for app in apps.get_app_configs():
        if app.name == "home":
            continue
        try:
            modules.append(import_module(f"{app.name}.roles"))
        except ModuleNotFoundError as error:
            if error.name != f"{app.name}.roles":
                raise
    return modules


def _names(group_or_groups):
    return (group_or_groups,) if isinstance(group_or_groups, str) else tuple(group_or_groups)


class Command(BaseCommand):
    help = "Create locales, the home page, groups with their permissions and the workflows."

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        with progress_verbosity(self.verbosity):
            self.set_up(options)

    @transaction.atomic
    def set_up(self, options):
        self.changes = 0
        self.former_names = {}
        for module in _role_modules():
            for former, current in getattr(module, "FORMER_NAMES", {}).items():
                self.former_names.setdefault(current, []).append(former)
        locales = self.setup_locales()
        home = self.setup_home_page(locales[0])
        self.setup_locale_synchronisation(locales)
        homes = self.locale_home_pages(home)
        groups = self.setup_groups(locales)
        self.setup_permissions(groups, homes, locales)
        self.setup_restricted_collections(groups)
        self.setup_workflows(groups, homes, locales[0])
        self.setup_site_settings()
        verb = "changed" if self.changes else "unchanged"
        if self.verbosity:
            self.stdout.write(
                self.style.SUCCESS(f"Site set up ({self.changes} change(s), {verb}).")
            )

    def note(self, created, message):
        if created:
            self.changes += 1
            if self.verbosity:
                self.stdout.write(f"  + {message}")

    def setup_locales(self):
        locales = []
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            locale, created = Locale.objects.get_or_create(language_code=code)
            self.note(created, f"locale {code}")
            locales.append(locale)
        return locales

    def setup_home_page(self, default_locale):
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(depth=2, locale=default_locale).first()
        if home is None:
            home = HomePage(
                title="Social Business Models",
                slug="accueil",
                locale=default_locale,
                intro="",
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.note(True, "French home page")
        _scheme, hostname, port = origin_parts()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname=hostname,
                port=port,
                root_page=home,
                is_default_site=True,
                site_name=settings.WAGTAIL_SITE_NAME,
            )
            self.note(True, "default site")
            return home
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save(update_fields=["hostname", "port"])
            self.note(True, f"default site now at {site.root_url} (SITE_URL)")
        if site.root_page_id != home.pk:
            previous_root = site.root_page
            site.root_page = home
            site.site_name = settings.WAGTAIL_SITE_NAME
            site.save()
            self.note(True, "default site now serves the home page")
            if previous_root.specific_class is Page and not previous_root.get_children().exists():
                # Wagtail's "Welcome to your new Wagtail site!" placeholder.
                previous_root.delete()
        return home

    def setup_locale_synchronisation(self, locales):
        source, *targets = locales
        for locale in targets:
            _, created = LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": source}
            )
            self.note(created, f"{locale.language_code} synchronised from {source.language_code}")
        if sync_locale_trees():
            self.note(True, "synchronised page trees")

    def locale_home_pages(self, home):
        return {page.locale.language_code: page for page in home.get_translations(inclusive=True)}

    def setup_groups(self, locales):
        for former, current in roles.rename_former_groups(Group, GroupApprovalTask):
            self.note(True, f"group {former} renamed {current}")
        names = list(roles.GROUPS)
        names += [roles.translator_group_name(locale.language_code) for locale in locales]
        for module in _role_modules():
            names += [name for name in getattr(module, "GROUPS", []) if name not in names]
        groups = {}
        for name in names:
            groups[name], created = Group.objects.get_or_create(name=name)
            self.note(created, f"group {name}")
        return groups

    def expected_model_permissions(self, group_name):
        key = (
            roles.TRANSLATORS
            if group_name.startswith(roles.TRANSLATOR_GROUP_PREFIX)
            else group_name
        )
        codenames = set()
        for module in _role_modules():
            codenames.update(getattr(module, "MODEL_PERMISSIONS", {}).get(key, []))
        permissions = set()
        for dotted in sorted(codenames):
            app_label, codename = dotted.split(".", 1)
            permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        return permissions

    def setup_permissions(self, groups, homes, locales):
        page_permission = {
            codename: Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{codename}_page"
            )
            for codename, *_ in PAGE_PERMISSION_TYPES
        }
        source_home = homes[locales[0].language_code]
        expected_pages = {name: set() for name in groups}
        for name, codenames in roles.SOURCE_TREE_PAGE_PERMISSIONS.items():
            expected_pages[name] |= {(source_home.pk, page_permission[c].pk) for c in codenames}
        for name, codenames in roles.ALL_TREES_PAGE_PERMISSIONS.items():
            for home in homes.values():
                expected_pages[name] |= {(home.pk, page_permission[c].pk) for c in codenames}
        for locale in locales:
            name = roles.translator_group_name(locale.language_code)
            home = homes[locale.language_code]
            codenames = (
                roles.SOURCE_TRANSLATOR_PAGE_PERMISSIONS
                if locale == locales[0]
                else roles.TRANSLATOR_PAGE_PERMISSIONS
            )
            expected_pages[name] |= {(home.pk, page_permission[c].pk) for c in codenames}
        for module in _role_modules():
            for name, spec in getattr(module, "SECTION_PAGE_PERMISSIONS", {}).items():
                # The section's root page in every locale tree (aliases and translations).
                section_roots = apps.get_model(spec["section"]).objects.all()
                expected_pages[name] |= {
                    (page.pk, page_permission[c].pk)
                    for page in section_roots
                    for c in spec["permissions"]
                }

        root_collection = Collection.get_first_root_node()
        for name, group in groups.items():
            # Model permissions: exactly the table's.
            wanted = self.expected_model_permissions(name)
            current = set(group.permissions.all())
            if current != wanted:
                group.permissions.set(wanted)
                self.note(True, f"model permissions of {name}")

            # Page permissions: exactly the table's.
            current_pages = set(
                GroupPagePermission.objects.filter(group=group).values_list(
                    "page_id", "permission_id"
                )
            )
            wanted_pages = expected_pages[name]
            for page_id, permission_id in wanted_pages - current_pages:
                GroupPagePermission.objects.create(
                    group=group, page_id=page_id, permission_id=permission_id
                )
                self.note(True, f"page permission for {name}")
            for page_id, permission_id in current_pages - wanted_pages:
                GroupPagePermission.objects.filter(
                    group=group, page_id=page_id, permission_id=permission_id
                ).delete()
                self.note(True, f"removed a page permission of {name}")

            # Documents and images.
            key = roles.TRANSLATORS if name.startswith(roles.TRANSLATOR_GROUP_PREFIX) else name
            wanted_collection = set()
            for action in roles.COLLECTION_PERMISSIONS.get(key, []):
                for model, app_label in (("document", "wagtaildocs"), ("image", "wagtailimages")):
                    wanted_collection.add(
                        Permission.objects.get(
                            content_type__app_label=app_label, codename=f"{action}_{model}"
                        ).pk
                    )
            current_collection = set(
                GroupCollectionPermission.objects.filter(
                    group=group, collection=root_collection
                ).values_list("permission_id", flat=True)
            )
            for permission_id in wanted_collection - current_collection:
                GroupCollectionPermission.objects.create(
                    group=group, collection=root_collection, permission_id=permission_id
                )
                self.note(True, f"collection permission for {name}")
            GroupCollectionPermission.objects.filter(
                group=group,
                collection=root_collection,
                permission_id__in=current_collection - wanted_collection,
            ).delete()

    def setup_restricted_collections(self, groups):
        """Collections that apps declare in `RESTRICTED_COLLECTIONS` ({name: [group names]}):
        children of the root collection whose files only those groups may open."""
        root = Collection.get_first_root_node()
        for module in _role_modules():
            for name, group_names in getattr(module, "RESTRICTED_COLLECTIONS", {}).items():
                collection = root.get_children().filter(name=name).first()
                if collection is None:
                    collection = root.add_child(instance=Collection(name=name))
                    self.note(True, f"collection {name}")
                restriction = CollectionViewRestriction.objects.filter(
                    collection=collection
                ).first()
                if restriction is None:
                    restriction = CollectionViewRestriction.objects.create(
                        collection=collection, restriction_type=BaseViewRestriction.GROUPS
                    )
                    self.note(True, f"view restriction on {name}")
                elif restriction.restriction_type != BaseViewRestriction.GROUPS:
                    restriction.restriction_type = BaseViewRestriction.GROUPS
                    restriction.password = ""
                    restriction.save()
                    self.note(True, f"view restriction on {name} given to groups")
                wanted = {groups[group_name] for group_name in group_names}
                if set(restriction.groups.all()) != wanted:
                    restriction.groups.set(wanted)
                    self.note(True, f"groups that may open {name}")

    def setup_site_settings(self):
        """Each site's settings row exists before the first visitor: a page view never writes
        (creating it lazily would purge the whole page cache on the first visit)."""
        for site in Site.objects.all():
            if not SiteSettings.objects.filter(site=site).exists():
                SiteSettings.for_site(site)
                self.note(True, f"settings of site {site.hostname}")

    def find_or_rename(self, queryset, name, kind):
        """The object named `name`, or the one an earlier version named differently, renamed.

        Renaming in place keeps what hangs on it (pages, content types, tasks, workflows in
        progress); when both names exist, the current one wins and the former is left alone
        (setup_site deactivates a former workflow that is no longer used).
        """
        found = queryset.filter(name=name).first()
        if found is None:
            found = queryset.filter(name__in=self.former_names.get(name, [])).order_by("pk").first()
            if found is not None:
                former, found.name = found.name, name
                found.save()
                self.note(True, f"{kind} {former} renamed {name}")
        return found

    def task(self, name, *groups):
        """A group approval task that the given groups (and only they) approve."""
        task = self.find_or_rename(GroupApprovalTask.objects.all(), name, "task")
        if task is None:
            task = GroupApprovalTask.objects.create(name=name)
            self.note(True, f"task {name}")
        if set(task.groups.all()) != set(groups):
            task.groups.set(groups)
            self.note(True, f"groups of task {name}")
        return task

    def workflow(self, name, tasks):
        workflow = self.find_or_rename(Workflow.objects.all(), name, "workflow")
        if workflow is None:
            workflow = Workflow.objects.create(name=name, active=True)
            self.note(True, f"workflow {name}")
        current = list(
            WorkflowTask.objects.filter(workflow=workflow)
            .order_by("sort_order")
            .values_list("task_id", flat=True)
        )
        if current != [task.pk for task in tasks]:
            WorkflowTask.objects.filter(workflow=workflow).delete()
            for position, task in enumerate(tasks):
                WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=position)
            self.note(True, f"tasks of workflow {name}")
        return workflow

    def attach_to_models(self, workflow, dotted_models):
        for dotted in dotted_models:
            model = apps.get_model(dotted)
            content_type = ContentType.objects.get_for_model(model)
            existing = WorkflowContentType.objects.filter(content_type=content_type).first()
            if existing is None:
                WorkflowContentType.objects.create(content_type=content_type, workflow=workflow)
                self.note(True, f"{dotted} goes through {workflow.name}")
            elif existing.workflow_id != workflow.pk:
                existing.workflow = workflow
                existing.save()
                self.note(True, f"{dotted} now goes through {workflow.name}")

    def setup_workflows(self, groups, homes, source_locale):
        source_home = homes[source_locale.language_code]
        review = self.task(roles.REVIEW_TASK, groups[roles.REVIEWERS])
        publication = self.task(roles.PUBLICATION_TASK, groups[roles.MODERATORS])
        moderation = self.task(roles.MODERATION_TASK, groups[roles.MODERATORS])
        co_creation = self.workflow(roles.CO_CREATION_WORKFLOW, [review, publication])
        moderation_workflow = self.workflow(roles.MODERATION_WORKFLOW, [moderation])

        page_workflows = self.setup_page_workflows(groups)
        page_workflows += self.setup_locale_tree_workflows(homes, source_locale)

        # Wagtail's own "Moderators approval" example workflow would send translations to a
        # second, unexplained review: our workflows (and those apps declare) are the only ones.
        for workflow in Workflow.objects.filter(active=True).exclude(
            pk__in=[co_creation.pk, moderation_workflow.pk, *(w.pk for w in page_workflows)]
        ):
            workflow.deactivate()
            self.note(True, f"deactivated Wagtail's example workflow {workflow.name}")

        # Library content (the whole source-language tree) is reviewed, then published.
        attached = WorkflowPage.objects.filter(page=source_home).first()
        if attached is None:
            WorkflowPage.objects.create(page=source_home, workflow=co_creation)
            self.note(True, "co-creation review on the source tree")
        elif attached.workflow_id != co_creation.pk:
            attached.workflow = co_creation
            attached.save()
            self.note(True, "co-creation review on the source tree")

        reviewed, moderated = [], []
        for module in _role_modules():
            reviewed += getattr(module, "REVIEWED_MODELS", [])
            moderated += getattr(module, "MODERATED_MODELS", [])
        self.attach_to_models(co_creation, reviewed)
        self.attach_to_models(moderation_workflow, moderated)

    def attach_to_page(self, workflow, page):
        attached = WorkflowPage.objects.filter(page=page).first()
        if attached is None:
            WorkflowPage.objects.create(page=page, workflow=workflow)
            self.note(True, f"{workflow.name} on {page.title}")
        elif attached.workflow_id != workflow.pk:
            attached.workflow = workflow
            attached.save()
            self.note(True, f"{workflow.name} on {page.title}")

    def custom_task(self, name, dotted_model):
        """A task of a custom task model, which decides by itself who approves."""
        model = apps.get_model(dotted_model)
        task = self.find_or_rename(model.objects.all(), name, "task")
        if task is None:
            task = model.objects.create(name=name)
            self.note(True, f"task {name}")
        return task

    def setup_locale_tree_workflows(self, homes, source_locale):
        """Workflows that apps declare in `LOCALE_TREE_WORKFLOWS`, on every other locale's tree."""
        workflows = []
        for module in _role_modules():
            for spec in getattr(module, "LOCALE_TREE_WORKFLOWS", []):
                workflow = self.workflow(spec["name"], [self.custom_task(*spec["task"])])
                if not workflow.active:
                    workflow.active = True
                    workflow.save()
                    self.note(True, f"reactivated workflow {workflow.name}")
                for code, home in homes.items():
                    if code != source_locale.language_code:
                        self.attach_to_page(workflow, home)
                workflows.append(workflow)
        return workflows

    def setup_page_workflows(self, groups):
        """Workflows that apps declare in `PAGE_WORKFLOWS`, attached to pages of a given type.

        Each entry: {"name": ..., "tasks": [(task name, group name or tuple of names), ...],
        "attach_to": "app.PageModel"}. The workflow covers every existing page of that type
        (and so the pages below it); run setup_site again after creating such a page.
        """
        workflows = []
        for module in _role_modules():
            for spec in getattr(module, "PAGE_WORKFLOWS", []):
                tasks = [
                    self.task(name, *(groups[group] for group in _names(approvers)))
                    for name, approvers in spec["tasks"]
                ]
                workflow = self.workflow(spec["name"], tasks)
                if not workflow.active:
                    workflow.active = True
                    workflow.save()
                    self.note(True, f"reactivated workflow {workflow.name}")
                model = apps.get_model(spec["attach_to"])
                for page in model.objects.all():
                    self.attach_to_page(workflow, page)
                workflows.append(workflow)
        return workflows

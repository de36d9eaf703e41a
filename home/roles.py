"""The volunteers' roles: groups, what each may do, and the workflows content goes through.

`setup_site` applies this table. Other apps extend it in a `roles.py` of their own with:
- `MODEL_PERMISSIONS`: {group name: ["app_label.codename", ...]} for their snippets and models;
- `MODERATED_MODELS`: ["app_label.ModelName", ...] snippets that enter the "Modération" workflow;
- `REVIEWED_MODELS`: snippets that enter the "Relecture en co-création" workflow;
- `PAGE_WORKFLOWS`: page workflows of their own, e.g. [{"name": "Vérification des prestataires",
  "tasks": [("Vérification par l'équipe annuaire ou de modération", (MODERATORS,
  DIRECTORY_TEAM))],
  "attach_to": "providers.ProviderIndexPage"}]: the tasks (task name, group name or names) in
  order, attached to every page of the `attach_to` type;
- `SECTION_PAGE_PERMISSIONS`: {group name: {"section": "app_label.PageModel", "permissions":
  [...]}} for a team that works in one section only: the page permissions are granted on every
  page of that type (the section's root in each locale tree), and on nothing else;
- `LOCALE_TREE_WORKFLOWS`: workflows attached to the root page of every locale but the source
  one, e.g. [{"name": "Relecture de la traduction", "task": ("Relecture ...",
  "translations.TranslationReviewTask")}]: one task of a custom task model (it decides itself
  who approves). Translatable snippets of those locales follow the same workflow
  (core/translation_review.py);
- `FORMER_NAMES`: {former name: current name} of their workflows and tasks, so that `setup_site`
  renames what an earlier version created instead of creating a second one.

Group, workflow and task names are data that volunteers read as they are in the administration,
which they use in French (the site's default language): they are written in French, here only;
every other module and test refers to these constants.
"""

EDITORS = "Équipe de rédaction"
REVIEWERS = "Équipe de relecture"
MODERATORS = "Équipe de modération"
TRANSLATOR_GROUP_PREFIX = "Équipe de traduction"
# Teams that work in one section of the site only (events/roles.py, providers/roles.py).
EVENTS_TEAM = "Équipe agenda"
DIRECTORY_TEAM = "Équipe annuaire"
# Every group setup_site keeps, besides one translators' group per locale.
GROUPS = [EDITORS, REVIEWERS, MODERATORS, EVENTS_TEAM, DIRECTORY_TEAM]
# The key of the permissions every translators' group gets (MODEL_PERMISSIONS and
# COLLECTION_PERMISSIONS): not a group name.
TRANSLATORS = "translators"

# The English names that earlier versions gave the groups: setup_site and the migration
# home/0005 rename them in place (members, permissions and workflow tasks stay).
FORMER_GROUP_NAMES = {
    "Editors": EDITORS,
    "Reviewers": REVIEWERS,
    "Moderators": MODERATORS,
}
FORMER_TRANSLATOR_GROUP_PREFIX = "Translators"

CO_CREATION_WORKFLOW = "Relecture en co-création"
MODERATION_WORKFLOW = "Modération"
REVIEW_TASK = "Relecture par l'équipe de relecture"
PUBLICATION_TASK = "Publication par l'équipe de modération"
MODERATION_TASK = "Modération par l'équipe de modération"
# The English names that earlier versions of setup_site gave them.
FORMER_NAMES = {
    "Co-creation review": CO_CREATION_WORKFLOW,
    "Moderation": MODERATION_WORKFLOW,
    "Review by the reviewers": REVIEW_TASK,
    "Publication by the moderators": PUBLICATION_TASK,
    "Moderation by the moderators": MODERATION_TASK,
}


def translator_group_name(language_code):
    return f"{TRANSLATOR_GROUP_PREFIX} ({language_code})"


def current_group_name(former_name):
    """The current name of a group an earlier version created, or None when it is not one."""
    if former_name in FORMER_GROUP_NAMES:
        return FORMER_GROUP_NAMES[former_name]
    prefix = f"{FORMER_TRANSLATOR_GROUP_PREFIX} ("
    if former_name.startswith(prefix) and former_name.endswith(")"):
        return translator_group_name(former_name[len(prefix) : -1])
    return None


def rename_former_groups(group_model, task_model):
    """Give the groups an earlier version created in English their French name, in place.

    Renaming keeps the members, the model, page and collection permissions and the workflow
    tasks the group approves. When a group of the current name exists as well (created by
    hand), the former one is merged into it: its members, permissions and tasks move over and
    it is deleted, so that no role is held twice. Takes the models as arguments to serve the
    data migration (historical models) and setup_site alike; returns [(former, current)].
    """
    renamed = []
    for group in group_model.objects.order_by("pk"):
        current = current_group_name(group.name)
        if current is None:
            continue
        existing = group_model.objects.filter(name=current).first()
        if existing is None:
            former, group.name = group.name, current
            group.save(update_fields=["name"])
        else:
            former = group.name
            existing.user_set.add(*group.user_set.all())
            existing.permissions.add(*group.permissions.all())
            for task in task_model.objects.filter(groups=group):
                task.groups.add(existing)
                task.groups.remove(group)
            group.delete()
        renamed.append((former, current))
    return renamed


# Page permissions, granted on the default locale's tree ("source") or on every locale's tree.
SOURCE_TREE_PAGE_PERMISSIONS = {
    EDITORS: ["add", "change", "lock"],
    REVIEWERS: ["change", "lock"],
}
ALL_TREES_PAGE_PERMISSIONS = {
    MODERATORS: ["add", "change", "lock", "publish", "unlock", "bulk_delete"],
}
# A translator works on the tree of their own locale only, and does not publish there: a
# translation goes live once another translator of the language (or a moderator) approved it
# ("Relecture de la traduction", translations/roles.py).
TRANSLATOR_PAGE_PERMISSIONS = ["add", "change", "lock"]
# The source locale's translators translate only: they change translations of pages written
# in another language, and what they change goes through the source tree's workflow.
SOURCE_TRANSLATOR_PAGE_PERMISSIONS = ["change", "lock"]

# The locales each group writes in, whatever its model and page permissions say
# (translations/permissions.py applies this to every admin and API write; a translators'
# group writes in its own locale, translations only in the source locale).
SOURCE_LOCALE = "source locale"
EVERY_LOCALE = "every locale"
LOCALE_SCOPES = {
    EDITORS: SOURCE_LOCALE,
    REVIEWERS: SOURCE_LOCALE,
    MODERATORS: EVERY_LOCALE,
    # The section teams keep their section current in every language (events/roles.py,
    # providers/roles.py): their page permissions are limited to it.
    EVENTS_TEAM: EVERY_LOCALE,
    DIRECTORY_TEAM: EVERY_LOCALE,
}

# Documents and images in the root collection.
COLLECTION_PERMISSIONS = {
    # "add" lets a person edit and delete what they uploaded; "change" would extend that to
    # everybody's files, which only moderators need.
    EDITORS: ["add", "choose"],
    REVIEWERS: ["choose"],
    MODERATORS: ["add", "change", "choose", "delete"],
    EVENTS_TEAM: ["add", "choose"],
    DIRECTORY_TEAM: ["add", "choose"],
    TRANSLATORS: ["add", "choose"],
}

_TAXONOMY = ["lever", "phase", "audience", "theme"]
_SITE_CHROME = ["mainmenu", "footer"]

# Model permissions of the foundation; apps add theirs in their own roles.py.
MODEL_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        *(f"taxonomy.{action}_{model}" for model in _TAXONOMY for action in ("add", "change")),
    ],
    REVIEWERS: ["wagtailadmin.access_admin"],
    MODERATORS: [
        "wagtailadmin.access_admin",
        *(
            f"taxonomy.{action}_{model}"
            for model in _TAXONOMY
            for action in ("add", "change", "delete", "publish", "lock", "unlock")
        ),
        *(f"home.{action}_{model}" for model in _SITE_CHROME for action in ("add", "change")),
        "home.change_sitesettings",
        "wagtailsearchpromotions.add_query",
        "wagtailsearchpromotions.change_query",
        "wagtailsearchpromotions.delete_query",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    ],
    EVENTS_TEAM: ["wagtailadmin.access_admin"],
    DIRECTORY_TEAM: ["wagtailadmin.access_admin"],
    TRANSLATORS: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        *(f"taxonomy.change_{model}" for model in _TAXONOMY),
        *(f"home.change_{model}" for model in _SITE_CHROME),
    ],
}

# A taxonomy term classifies content in every domain: its changes are moderated.
MODERATED_MODELS: list[str] = [f"taxonomy.{model.capitalize()}" for model in _TAXONOMY]
REVIEWED_MODELS: list[str] = []

"""The volunteers' roles: groups, what each may do, and the workflows content goes through.

`setup_site` applies this table. Other apps extend it in a `roles.py` of their own with:
- `MODEL_PERMISSIONS`: {group name: ["app_label.codename", ...]} for their snippets and models;
- `MODERATED_MODELS`: ["app_label.ModelName", ...] snippets that enter the "Modération" workflow;
- `REVIEWED_MODELS`: snippets that enter the "Relecture en co-création" workflow;
- `PAGE_WORKFLOWS`: page workflows of their own, e.g. [{"name": "Vérification des prestataires",
  "tasks": [("Vérification par l'équipe de modération", "Moderators")], "attach_to":
  "providers.ProviderIndexPage"}]: the tasks (task name, group name) in order, attached to every
  page of the `attach_to` type;
- `LOCALE_TREE_WORKFLOWS`: workflows attached to the root page of every locale but the source
  one, e.g. [{"name": "Relecture de la traduction", "task": ("Relecture ...",
  "translations.TranslationReviewTask")}]: one task of a custom task model (it decides itself
  who approves). Translatable snippets of those locales follow the same workflow
  (core/translation_review.py);
- `FORMER_NAMES`: {former name: current name} of their workflows and tasks, so that `setup_site`
  renames what an earlier version created instead of creating a second one.

Workflow and task names are data that volunteers read as they are in the administration, which
they use in French (the site's default language): they are written in French.
"""

EDITORS = "Editors"
REVIEWERS = "Reviewers"
MODERATORS = "Moderators"
TRANSLATOR_GROUP_PREFIX = "Translators"

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
}

# Documents and images in the root collection.
COLLECTION_PERMISSIONS = {
    # "add" lets a person edit and delete what they uploaded; "change" would extend that to
    # everybody's files, which only moderators need.
    EDITORS: ["add", "choose"],
    REVIEWERS: ["choose"],
    MODERATORS: ["add", "change", "choose", "delete"],
    "translators": ["add", "choose"],
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
    "translators": [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        *(f"taxonomy.change_{model}" for model in _TAXONOMY),
        *(f"home.change_{model}" for model in _SITE_CHROME),
    ],
}

# A taxonomy term classifies content in every domain: its changes are moderated.
MODERATED_MODELS: list[str] = [f"taxonomy.{model.capitalize()}" for model in _TAXONOMY]
REVIEWED_MODELS: list[str] = []

"""Who may do what with the public's contributions (applied by `setup_site`).

Moderators handle contributions fully; reviewers read and correct them; editors read them.
Every contribution goes through the "Modération" workflow, whose task belongs to the
moderators: only their approval publishes a contribution.
"""

from home.roles import EDITORS, MODERATORS, REVIEWERS

_MODELS = ["usageexample", "toolcomment"]

MODERATED_MODELS = ["contributions.UsageExample", "contributions.ToolComment"]

MODEL_PERMISSIONS = {
    MODERATORS: [
        f"contributions.{action}_{model}"
        for model in _MODELS
        for action in ("add", "change", "delete", "view", "publish", "lock", "unlock")
    ]
    + [f"contributions.{action}_toolproposal" for action in ("change", "view")],
    REVIEWERS: [
        f"contributions.{action}_{model}" for model in _MODELS for action in ("view", "change")
    ]
    + ["contributions.view_toolproposal"],
    EDITORS: [f"contributions.view_{model}" for model in _MODELS],
}

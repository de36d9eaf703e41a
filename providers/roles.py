"""The provider directory's workflow: every profile change is vetted by the moderators or by
the directory team, which keeps the directory (and only it) in every language."""

from home.roles import DIRECTORY_TEAM, MODERATORS

PROVIDER_VETTING_WORKFLOW = "Vérification des prestataires"
VETTING_TASK = "Vérification par l'équipe annuaire ou de modération"
# The names that earlier versions gave them (renamed by setup_site).
FORMER_NAMES = {
    "Provider vetting": PROVIDER_VETTING_WORKFLOW,
    "Vetting by the moderators": VETTING_TASK,
    "Vérification par l'équipe de modération": VETTING_TASK,
}

PAGE_WORKFLOWS = [
    {
        "name": PROVIDER_VETTING_WORKFLOW,
        "tasks": [(VETTING_TASK, (MODERATORS, DIRECTORY_TEAM))],
        "attach_to": "providers.ProviderIndexPage",
    }
]

SECTION_PAGE_PERMISSIONS = {
    DIRECTORY_TEAM: {
        "section": "providers.ProviderIndexPage",
        "permissions": ["add", "change", "lock", "publish", "unlock"],
    },
}

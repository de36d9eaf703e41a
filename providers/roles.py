"""The provider directory's workflow: every profile change is vetted by the moderators."""

PROVIDER_VETTING_WORKFLOW = "Vérification des prestataires"
VETTING_TASK = "Vérification par l'équipe de modération"
# The English names that earlier versions gave them (renamed by setup_site).
FORMER_NAMES = {
    "Provider vetting": PROVIDER_VETTING_WORKFLOW,
    "Vetting by the moderators": VETTING_TASK,
}

PAGE_WORKFLOWS = [
    {
        "name": PROVIDER_VETTING_WORKFLOW,
        "tasks": [(VETTING_TASK, "Moderators")],
        "attach_to": "providers.ProviderIndexPage",
    }
]

"""The provider directory's workflow: every profile change is vetted by the moderators."""

PROVIDER_VETTING_WORKFLOW = "Provider vetting"
VETTING_TASK = "Vetting by the moderators"

PAGE_WORKFLOWS = [
    {
        "name": PROVIDER_VETTING_WORKFLOW,
        "tasks": [(VETTING_TASK, "Moderators")],
        "attach_to": "providers.ProviderIndexPage",
    }
]

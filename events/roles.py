"""Who may see and manage registrations (they hold personal data, so not every editor), and the
events team, which keeps the agenda in every language and nothing else."""

from home.roles import EDITORS, EVENTS_TEAM, MODERATORS

_MANAGE_REGISTRATIONS = [
    "events.view_registration",
    "events.change_registration",
    "events.delete_registration",
]

MODEL_PERMISSIONS = {
    MODERATORS: _MANAGE_REGISTRATIONS,
    EVENTS_TEAM: _MANAGE_REGISTRATIONS,
    EDITORS: ["events.view_registration"],
}

# The agenda of every locale tree, with its cycles and events: written and published by the
# events team without going through the moderators.
SECTION_PAGE_PERMISSIONS = {
    EVENTS_TEAM: {
        "section": "events.EventIndexPage",
        "permissions": ["add", "change", "lock", "publish", "unlock"],
    },
}

"""Who may see and manage registrations: they hold personal data, so not every editor."""

MODEL_PERMISSIONS = {
    "Moderators": [
        "events.view_registration",
        "events.change_registration",
        "events.delete_registration",
    ],
    "Editors": ["events.view_registration"],
}

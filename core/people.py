"""How the site addresses a person in what it writes to them (e-mails to volunteers)."""


def greeting_name(user):
    """The name to greet a person by: their first name, else their full name, else their
    username; never an empty string."""
    first_name = (getattr(user, "first_name", "") or "").strip()
    if first_name:
        return first_name
    full_name = (user.get_full_name() or "").strip()
    return full_name or user.get_username()

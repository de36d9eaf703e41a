"""E-mails to providers. Their address is only ever used here, never in a rendered page."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from .tokens import update_url


def provider_language(page):
    """The first of the provider's working languages that the site speaks, else French."""
    site_languages = [code for code, _name in settings.LANGUAGES]
    for code in page.languages or []:
        if code in site_languages:
            return code
    return settings.LANGUAGE_CODE


def _send(page, template, context, *, reply_to=None, language=None):
    with translation.override(language or provider_language(page)):
        context = {"page": page, **context}
        subject = render_to_string(f"providers/emails/{template}_subject.txt", context)
        body = render_to_string(f"providers/emails/{template}.txt", context)
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[page.owner_email],
        reply_to=reply_to,
    )
    return message.send()


def send_contact_message(page, name, email, message):
    return _send(
        page,
        "contact",
        {"sender_name": name, "sender_email": email, "message": message},
        reply_to=[email],
    )


def send_application_received(page):
    return _send(page, "application_received", {})


def send_update_received(page):
    return _send(page, "update_received", {})


def send_decision(page, approved, comment=""):
    template = "approved" if approved else "needs_changes"
    return _send(page, template, {"comment": comment, "update_url": update_url(page)})


def send_stale_reminder(page):
    return _send(page, "stale_reminder", {"update_url": update_url(page)})

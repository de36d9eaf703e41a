"""E-mails to providers. Their address is only ever used here, never in a rendered page."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from .tokens import application_confirm_url, update_url


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


def send_application_address_check(index_page, pending):
    """The double opt-in link of an application: no text from the form, only the site, the
    link, its deadline and what happens next (the address may not be the applicant's)."""
    with translation.override(pending.language):
        context = {
            "confirm_url": application_confirm_url(index_page, pending),
            "deadline": pending.confirmation_deadline,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = render_to_string("providers/emails/confirm_address_subject.txt", context)
        body = render_to_string("providers/emails/confirm_address.txt", context)
    message = EmailMessage(subject=" ".join(subject.split()), body=body, to=[pending.owner_email])
    return message.send()

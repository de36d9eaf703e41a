"""E-mails to participants, written in the language they registered in.

The first e-mail to an address (`send_address_check`) carries nothing the visitor typed: only
the event, the site and a link, because anyone can type anyone's address. The e-mails with
the person's details (confirmation, waiting list, promotion) go only to confirmed addresses.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.urls import page_url, site_url

from .calendars import ics_bytes
from .tokens import cancel_token, confirmation_token


def site_root():
    return site_url()


def _link(registration, name, token):
    with translation.override(registration.language):
        path = reverse(name, args=[token])
    return site_root() + path


def cancel_url(registration):
    return _link(registration, "events_i18n:cancel", cancel_token(registration))


def confirmation_url(registration):
    return _link(registration, "events_i18n:confirm", confirmation_token(registration))


def _event_in_language(registration):
    event = registration.event
    translated = (
        type(event)
        .objects.live()
        .filter(translation_key=event.translation_key, locale__language_code=registration.language)
        .first()
    )
    return translated or event


def _send(registration, template, subject):
    event = _event_in_language(registration)
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": event,
            "event_url": page_url(event),
            "cancel_url": cancel_url(registration),
        }
        body = render_to_string(template, context)
        message = EmailMessage(
            subject=subject % {"title": event.title},
            body=body,
            to=[registration.email],
        )
        # Confirmed participants get the meeting link in their calendar; the waiting list not.
        ics = ics_bytes([event], event.title, with_meeting_link=not registration.is_waiting)
        message.attach("event.ics", ics, "text/calendar")
    message.send()


def send_address_check(registration):
    """The double opt-in link: the event, the site, the deadline; no text from the form."""
    event = _event_in_language(registration)
    with translation.override(registration.language):
        context = {
            "event": event,
            "event_url": page_url(event),
            "confirmation_url": confirmation_url(registration),
            "deadline": registration.confirmation_deadline,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        body = render_to_string("events/emails/address_check.txt", context)
        subject = _("Confirm your registration: %(title)s") % {"title": event.title}
    EmailMessage(subject=subject, body=body, to=[registration.email]).send()


def send_confirmation(registration):
    with translation.override(registration.language):
        if registration.is_waiting:
            subject = _("Waiting list: %(title)s")
        else:
            subject = _("Your registration: %(title)s")
    _send(registration, "events/emails/confirmation.txt", subject)


def send_promotion(registration):
    with translation.override(registration.language):
        subject = _("A seat is free for you: %(title)s")
    _send(registration, "events/emails/promotion.txt", subject)

"""A registration's e-mails leave the request through a task (core/mail.py): the visitor's
answer does not wait for the mail server; the worker sends them, attachments included."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from icalendar import Calendar

from core.mail import send_email
from events.models import Registration
from tests.factories import EventPageFactory

from .test_registration import confirm, register

# The worker takes its tasks in transactions of its own, as it does beside the site.
pytestmark = pytest.mark.django_db(transaction=True)

QUEUED_EMAIL = {
    "TASKS": {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    "EMAIL_BACKEND": "core.mail.TaskEmailBackend",
    "TASK_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}


def queued_emails():
    return DBTaskResult.objects.filter(task_path=send_email.module_path)


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


@override_settings(**QUEUED_EMAIL)
def test_registration_emails_are_queued_and_sent_by_the_worker(client, agenda):
    event = EventPageFactory(parent=agenda, slug="atelier-courriel-tache", aliases=False)

    assert register(client, event).status_code == 302

    assert mail.outbox == []
    (queued,) = queued_emails()
    assert queued.status == "READY"
    assert queued.args_kwargs["args"][0]["to"] == ["anne@example.org"]

    run_worker()

    (check,) = mail.outbox
    assert check.to == ["anne@example.org"]
    assert event.title in check.subject
    assert queued_emails().get().status == "SUCCESSFUL"

    assert confirm(client, check).status_code == 302
    assert Registration.objects.get(event=event).email_confirmed_at is not None
    assert len(mail.outbox) == 1
    run_worker()
    confirmation = mail.outbox[1]
    assert confirmation.subject.startswith("Votre inscription")
    (filename, content, mimetype) = confirmation.attachments[0]
    assert (filename, mimetype) == ("event.ics", "text/calendar")
    (component,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(component["summary"]) == event.title

"""Every e-mail goes through the task `core.mail.send_email`; what it queues is JSON and comes
back as the same message (alternatives, attachments, headers)."""

import json

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.test import override_settings

from core.mail import message_from_data, message_to_data

THROUGH_TASKS = {
    "EMAIL_BACKEND": "core.mail.TaskEmailBackend",
    "TASK_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}


def test_a_message_survives_the_queue_as_json():
    message = EmailMultiAlternatives(
        subject="Relecture demandée",
        body="Bonjour",
        from_email="site@example.org",
        to=["relecture@example.org"],
        cc=["copie@example.org"],
        reply_to=["auteur@example.org"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative("<p>Bonjour</p>", "text/html")
    message.attach("agenda.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    message.attach("fiche.pdf", b"%PDF-1.7 \x00\xff", "application/pdf")

    again = message_from_data(json.loads(json.dumps(message_to_data(message))))

    assert again.message().as_bytes() != b""
    assert (again.subject, again.body, again.from_email) == (
        "Relecture demandée",
        "Bonjour",
        "site@example.org",
    )
    assert (again.to, again.cc, again.reply_to) == (
        ["relecture@example.org"],
        ["copie@example.org"],
        ["auteur@example.org"],
    )
    assert again.extra_headers == {"Auto-Submitted": "auto-generated"}
    assert [tuple(alternative) for alternative in again.alternatives] == [
        ("<p>Bonjour</p>", "text/html")
    ]
    assert [tuple(attachment) for attachment in again.attachments] == [
        ("agenda.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar"),
        ("fiche.pdf", b"%PDF-1.7 \x00\xff", "application/pdf"),
    ]


@override_settings(**THROUGH_TASKS)
def test_without_a_worker_the_task_sends_at_once():
    """The immediate backend of the tests and of development without a worker."""
    assert send_mail("Sujet", "Texte", "site@example.org", ["a@example.org"]) == 1
    (sent,) = mail.outbox
    assert (sent.subject, sent.to) == ("Sujet", ["a@example.org"])


@pytest.mark.django_db
@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}, **THROUGH_TASKS
)
def test_with_the_database_queue_nothing_is_sent_in_the_request():
    assert send_mail("Sujet", "Texte", "site@example.org", ["a@example.org"]) == 1
    assert mail.outbox == []

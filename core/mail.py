"""Every e-mail leaves the request through a background task.

`EMAIL_BACKEND` is `TaskEmailBackend`: sending a message (ours, such as a registration's
confirmation or a contributor's decision notice, and Wagtail's own workflow notifications)
only queues it, as plain JSON, in the task `send_email`; the task hands it to the real backend,
`TASK_EMAIL_BACKEND` (the one `EMAIL_URL` names). With the immediate task backend (tests,
development without a worker) it is sent at once, as before; with the database backend the
queued task commits with the request's transaction, so an answer that rolls back sends nothing,
and the visitor never waits for the mail server.
"""

import base64

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task


def _encode(content):
    if isinstance(content, bytes):
        return {"base64": base64.b64encode(content).decode("ascii")}
    return {"text": content}


def _decode(content):
    if "base64" in content:
        return base64.b64decode(content["base64"])
    return content["text"]


def message_to_data(message):
    """A message as JSON-serialisable data: the task queue stores its arguments as JSON."""
    attachments = []
    for attachment in message.attachments:
        if not isinstance(attachment, tuple):
            # A ready-made MIME part: keep its bytes, as Django would when sending it.
            attachment = (
                attachment.get_filename(),
                attachment.get_payload(decode=True),
                attachment.get_content_type(),
            )
        filename, content, mimetype = attachment
        attachments.append(
            {"filename": filename, "content": _encode(content), "mimetype": mimetype}
        )
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [
            {"content": _encode(content), "mimetype": mimetype}
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def message_from_data(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.content_subtype = data["content_subtype"]
    for alternative in data["alternatives"]:
        message.attach_alternative(_decode(alternative["content"]), alternative["mimetype"])
    for attachment in data["attachments"]:
        message.attach(
            attachment["filename"], _decode(attachment["content"]), attachment["mimetype"]
        )
    return message


@task()
def send_email(data):
    """Send one queued message through the real backend; an error fails the task (logged
    with its traceback in the task's result, visible in the Django admin)."""
    connection = get_connection(settings.TASK_EMAIL_BACKEND)
    return connection.send_messages([message_from_data(data)])


class TaskEmailBackend(BaseEmailBackend):
    """Queues each message as a `send_email` task instead of sending it."""

    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            send_email.enqueue(message_to_data(message))
            queued += 1
        return queued

"""Remind owners of profiles not confirmed for twelve months, with a fresh secure link.

Idempotent: one reminder per profile and confirmation date (`StaleProfileReminder`), so running
the command daily sends each owner one reminder, and another only after a new confirmation
has gone stale again. Schedule it daily (cron or a systemd timer).
"""

from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction

from core.progress import progress, progress_verbosity
from providers.emails import send_stale_reminder
from providers.models import StaleProfileReminder
from providers.wagtail_hooks import stale_providers


class Command(BaseCommand):
    help = "E-mail the owners of provider profiles not confirmed for twelve months."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List the profiles without sending anything."
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        with progress_verbosity(verbosity):
            sent, due = self.remind(dry_run, verbosity)
        if verbosity:
            verb = "would be sent" if dry_run else "sent"
            self.stdout.write(
                self.style.SUCCESS(f"{len(due) if dry_run else sent} reminder(s) {verb}.")
            )

    def remind(self, dry_run, verbosity):
        already = set(StaleProfileReminder.objects.values_list("provider_id", "confirmed_on"))
        due = [
            page
            for page in stale_providers()
            if (page.pk, page.last_confirmed) not in already and page.owner_email
        ]
        sent = 0
        for page in progress(due, description="Reminders", stream=self.stderr):
            if dry_run:
                if verbosity:
                    self.stdout.write(f"  would remind: {page.title}")
                continue
            try:
                with transaction.atomic():
                    StaleProfileReminder.objects.create(
                        provider=page, confirmed_on=page.last_confirmed
                    )
                    send_stale_reminder(page)
            except IntegrityError:
                continue  # another run reminded this owner meanwhile
            sent += 1
        return sent, due

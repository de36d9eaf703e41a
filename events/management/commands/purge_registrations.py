"""Delete registrations of events that ended more than EVENTS_REGISTRATION_RETENTION_DAYS ago."""

from django.core.management.base import BaseCommand

from events.models import Registration, retention_cutoff


class Command(BaseCommand):
    help = (
        "Delete personal data of participants once the retention period after the event "
        "(EVENTS_REGISTRATION_RETENTION_DAYS, 30 days by default) is over. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count, delete nothing.")

    def handle(self, *args, dry_run=False, **options):
        expired = Registration.objects.filter(event__end__lt=retention_cutoff())
        if dry_run:
            self.stdout.write(f"{expired.count()} registration(s) would be deleted.")
            return
        deleted, _details = expired.delete()
        self.stdout.write(f"{deleted} registration(s) deleted.")

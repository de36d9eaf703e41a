"""Delete registrations of events that ended more than EVENTS_REGISTRATION_RETENTION_DAYS ago,
and registrations whose address was never confirmed within EMAIL_CONFIRMATION_HOURS."""

from django.core.management.base import BaseCommand

from events.models import Registration, retention_cutoff


class Command(BaseCommand):
    help = (
        "Delete personal data of participants once the retention period after the event "
        "(EVENTS_REGISTRATION_RETENTION_DAYS, 30 days by default) is over, and registrations "
        "whose address was not confirmed in time (EMAIL_CONFIRMATION_HOURS, 48 by default); "
        "the seats they held go to the waiting list. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count, delete nothing.")

    def handle(self, *args, dry_run=False, **options):
        past = Registration.objects.filter(event__end__lt=retention_cutoff())
        unconfirmed = Registration.objects.expired_unconfirmed()
        if dry_run:
            self.stdout.write(f"{past.count()} registration(s) would be deleted.")
            self.stdout.write(
                f"{unconfirmed.count()} unconfirmed registration(s) would be deleted."
            )
            return
        deleted, _details = past.delete()
        self.stdout.write(f"{deleted} registration(s) deleted.")
        deleted, _details = unconfirmed.delete()
        self.stdout.write(f"{deleted} unconfirmed registration(s) deleted.")

"""Back up the database, the media files and a manifest into one backup (see home/backup.py)."""

from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump, or SQLite's online backup), the media files of "
        "MEDIA_ROOT (tar) and a manifest with counts and checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            required=True,
            help="A folder (the backup goes into a dated sub-folder) or a file path ending "
            "in .tar (the backup as one file).",
        )

    def handle(self, *args, output, verbosity, **options):
        def step(message):
            if verbosity >= 1:
                self.stdout.write(message)

        try:
            path = create_backup(output, step=step)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"Backup written: {path}"))

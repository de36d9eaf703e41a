"""Restore a backup made by backup_site into the configured database and MEDIA_ROOT."""

from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_site: checks its checksums first, refuses a database "
        "that is not empty unless --replace is given, then compares the counts with the manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup: its folder or its .tar file.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Wipe the configured database and MEDIA_ROOT before restoring.",
        )

    def handle(self, *args, path, replace, verbosity, **options):
        def step(message):
            if verbosity >= 1:
                self.stdout.write(message)

        try:
            comparison, notes = restore_backup(path, replace=replace, step=step)
        except BackupError as error:
            raise CommandError(str(error)) from error
        differences = []
        for label, (found, expected) in comparison.items():
            step(f"  {label}: {found} restored, {expected} in the manifest")
            if found != expected:
                differences.append(f"{label}: {found} restored, {expected} expected")
        if differences:
            raise CommandError(
                "The restored database differs from the manifest: " + "; ".join(differences)
            )
        for note in notes:
            self.stderr.write(self.style.WARNING(note))
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS("Restore complete; the counts match the manifest.")
            )

"""Import tool sheets from a spreadsheet (CSV, XLSX) or the site's open-data JSON.

    manage.py import_tools fiches.xlsx --files documents/ --dry-run
    manage.py import_tools fiches.xlsx --files documents/ --user marie --submit

Each row becomes a draft of the French tool library (created, or a new revision of the sheet
with the same number). Nothing is written when a row is refused: every refused row is listed
with its reason. `docs/import.md` describes the columns.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.progress import progress_verbosity
from tools.importer import ImportFile, ImportFileError, apply, files_from_zip, plan, read_rows


class Command(BaseCommand):
    help = "Import tool sheets as drafts from a CSV, XLSX or open-data JSON file."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The spreadsheet (.csv, .xlsx) or catalogue (.json).")
        parser.add_argument(
            "--files",
            help="A folder or a .zip archive with the documents named in the 'files' column.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )
        parser.add_argument(
            "--user", help="The volunteer the drafts are attributed to (their user name)."
        )
        parser.add_argument(
            "--submit",
            action="store_true",
            help="Hand each imported draft to its review workflow (needs --user).",
        )

    def handle(self, *args, file, files, dry_run, user, submit, verbosity, **options):
        person = None
        if user:
            person = get_user_model().objects.filter(username=user).first()
            if person is None:
                raise CommandError(f"No user named {user!r}.")
        if submit and person is None:
            raise CommandError("--submit needs --user: a workflow is started by a person.")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file {file!r}.")
        try:
            rows = read_rows(path.name, path.read_bytes())
            attached = self.attached_files(files)
            import_plan = plan(rows, user=person, files=attached)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        self.report(import_plan)
        if import_plan.refused:
            raise CommandError(
                f"{len(import_plan.refused)} row(s) refused: nothing was imported. "
                "Correct them and run the command again."
            )
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
            return
        with progress_verbosity(verbosity):
            written = apply(import_plan, user=person, submit_for_review=submit, stream=self.stderr)
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(written)} sheet(s) saved as drafts"
                + (" and submitted for review." if submit else ".")
            )
        )

    def attached_files(self, location):
        if not location:
            return {}
        path = Path(location)
        if path.is_dir():
            return {
                item.name: ImportFile(item.name, item.read_bytes())
                for item in sorted(path.iterdir())
                if item.is_file()
            }
        if path.suffix.lower() == ".zip" and path.is_file():
            return files_from_zip(path.read_bytes())
        raise CommandError(f"--files: {location!r} is neither a folder nor a .zip file.")

    def report(self, import_plan):
        labels = {
            "create": _("new"),
            "update": _("changed"),
            "unchanged": _("unchanged"),
        }
        for row in import_plan.rows:
            if row.refused:
                self.stdout.write(self.style.ERROR(f"row {row.number}: " + " ".join(row.errors)))
                continue
            line = f"row {row.number}: {row.sheet_number} {row.title}: {labels[row.action]}"
            if row.changes:
                line += f" ({', '.join(row.changes)})"
            self.stdout.write(line)
        self.stdout.write(
            f"{import_plan.count('create')} new, {import_plan.count('update')} changed, "
            f"{import_plan.count('unchanged')} unchanged, {len(import_plan.refused)} refused."
        )

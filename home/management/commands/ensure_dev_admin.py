"""Create a development administrator once and print its login (embedded default only)."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

PASSWORD_FILE = Path(settings.BASE_DIR) / ".dev-admin-password"


class Command(BaseCommand):
    help = "Create the 'admin' superuser for local development and print how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--address", default="127.0.0.1:8000", help="Where runserver listens (for the URL)."
        )

    def handle(self, *args, username, address, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin only runs with DEBUG on (local development).")
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(
                username=username,
                email=f"{username}@example.org",
                password=password,
            )
            PASSWORD_FILE.write_text(password + "\n")
            PASSWORD_FILE.chmod(0o600)
        elif PASSWORD_FILE.exists():
            password = PASSWORD_FILE.read_text().strip()
            if not user.check_password(password):
                password = None
        else:
            password = None
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Administration: http://{address}/admin/"))
        if password:
            self.stdout.write(self.style.SUCCESS(f"  user: {username}   password: {password}"))
        else:
            self.stdout.write(
                f"  user: {username} (password changed since; reset it with "
                f"'.venv/bin/python manage.py changepassword {username}')"
            )
        self.stdout.write("")

"""Production: every security value is required and has no default, so a missing one fails loudly.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, SITE_URL.
See .env.example and docs/operations.md.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, task_settings

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
# base.py reads DATABASE_URL (with an SQLite default for development) and gives each engine its
# options: ATOMIC_REQUESTS, persistent connections with health checks on PostgreSQL. Production
# must name its database.
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured(
        "Set DATABASE_URL, e.g. postgres://user:password@host:5432/sbm (see docs/operations.md)"
    )

# Every absolute URL (sitemap, feeds, e-mails, PDFs, API) is built on SITE_URL; the development
# default (http://127.0.0.1:8000) must never be published. `check --deploy` also refuses a
# local address (core/checks.py).
if not os.environ.get("SITE_URL"):
    raise ImproperlyConfigured(
        "Set SITE_URL to the public address, e.g. https://www.socialbusinessmodels.ch "
        "(see docs/operations.md)"
    )

# Tasks wait in the database for `manage.py db_worker` (docs/operations.md): publishing and
# forms answer without rendering PDFs or talking to the mail server.
TASKS = task_settings(env.str("TASKS_BACKEND", default="database"))

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

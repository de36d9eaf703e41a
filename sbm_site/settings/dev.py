"""Development: the embedded default (SQLite, console e-mail, DEBUG on)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# Uploaded images and documents come from Django itself, as in the browser tests.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-never-used-in-production")  # noqa: S105
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Editors in development see their changes at once; the cache is tested in tests/core.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)

"""Tests: fast hashing, in-memory e-mail, files in a temporary folder."""

import os
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
# Tasks run at once, inside the test; tests of the queue switch to the database backend with
# override_settings(TASKS=...).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASK_EMAIL_BACKEND = EMAIL_BACKEND
# The browser tests' server and the commands that fill its database must share one folder.
MEDIA_ROOT = os.environ.get("SBM_TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="sbm-test-media-")
PRIVATE_MEDIA_ROOT = os.environ.get("SBM_TEST_PRIVATE_MEDIA_ROOT") or tempfile.mkdtemp(
    prefix="sbm-test-private-media-"
)
# The browser tests' server shows uploaded files as the development server does.
SERVE_MEDIA = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "core.private_media.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "translations.machine_translation.GlossaryDummyTranslator",
}
STATIC_ROOT = tempfile.mkdtemp(prefix="sbm-test-static-")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The test client's login() calls authenticate() without a request, which django-axes refuses;
# tests of the lockout switch it on with override_settings(AXES_ENABLED=True).
AXES_ENABLED = False
# A public origin of the tests' own, unlike any request host, so a URL built from the request
# instead of SITE_URL shows; the browser tests' live site sets its own address.
SITE_URL = os.environ.get("SBM_TEST_SITE_URL", "https://www.sbm.test")
WAGTAILADMIN_BASE_URL = SITE_URL
# Off by default so tests see fresh pages; tests/core/test_page_cache.py switches it on.
PAGE_CACHE_SECONDS = 0

"""Settings shared by every environment.

Everything that differs between machines comes from the environment (12-factor). The table of
variables below is the single place where each one is read, with its default; `.env.example`
documents them for operators.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from search.backends.config import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "sbm_site"

env = environ.Env(
    DEBUG=(bool, False),
    ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    REDIS_URL=(str, ""),
    ELASTICSEARCH_URL=(str, ""),
    ELASTICSEARCH_INDEX_PREFIX=(str, "sbm_"),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "Social Business Models <noreply@socialbusinessmodels.ch>"),
    SERVER_EMAIL=(str, "server@socialbusinessmodels.ch"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    MEDIA_URL=(str, "/media/"),
    PRIVATE_MEDIA_ROOT=(str, str(BASE_DIR / "private-media")),
    IMAGES_MAX_PIXELS=(int, 25_000_000),
    IMAGES_MAX_DECODED_MB=(int, 100),
    IMAGES_MAX_UPLOAD_MB=(int, 10),
    DOCUMENTS_MAX_UPLOAD_MB=(int, 25),
    STATIC_ROOT=(str, str(BASE_DIR / "staticfiles")),
    AWS_STORAGE_BUCKET_NAME=(str, ""),
    AWS_S3_ENDPOINT_URL=(str, ""),
    AWS_S3_REGION_NAME=(str, ""),
    AWS_S3_CUSTOM_DOMAIN=(str, ""),
    AWS_PRIVATE_LOCATION=(str, "private"),
    SITE_URL=(str, "http://127.0.0.1:8000"),
    DEEPL_API_KEY=(str, ""),
    CONN_MAX_AGE=(int, 60),
    TRUSTED_PROXY_COUNT=(int, 0),
    TASKS_BACKEND=(str, "immediate"),
)
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env("DEBUG")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The shared kernel (services and commands every domain uses), then our domains, one app each.
    "core",
    "home",
    "taxonomy",
    "tools",
    "guides",
    "events",
    "providers",
    "search",
    "diagnostic",
    "news",
    "contributions",
    "translations",
    "volunteers",
    # Translation.
    "wagtail_localize",
    "wagtail_localize.locales",
    # Wagtail.
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail.api.v2",
    "rest_framework",
    "modelcluster",
    "taggit",
    # Django.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    # Background work (PDFs, e-mails, search index, edge cache purges): Django's task framework
    # as Wagtail uses it, and its database queue served by `manage.py db_worker`.
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A null character in the address is a bad request before any view or cache sees it.
    "sbm_site.middleware.RefuseNullCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Serves anonymous visitors' pages from the cache before anything else runs.
    "core.page_cache.PageCacheMiddleware",
    # The request's Wagtail Site from the cache (core/site_data.py), not from the database.
    "core.site_data.SiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Every admin and API write stays within the locales of the person's role.
    "translations.middleware.LocaleScopeMiddleware",
    "csp.middleware.CSPMiddleware",
    "sbm_site.middleware.PermissionsPolicyMiddleware",
    # Last, as django-axes asks: locks out repeated failed logins (admin brute force).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sbm_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "sbm_site.wsgi.application"

DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env("CONN_MAX_AGE")
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the development server read while a management command writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    # Each transaction takes the write lock when it starts, and a request that finds it taken
    # waits its turn (up to `timeout` seconds) instead of failing with "database is locked":
    # the embedded default queues concurrent registrations. Beyond the wait, the 503 page.
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["OPTIONS"]["timeout"] = env.int("SQLITE_TIMEOUT_SECONDS", default=20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Caching: Redis when REDIS_URL is set, a per-process memory cache otherwise.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "sbm",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # A Redis outage degrades to "no cache" instead of failing every request: every
                # cache call answers None (a miss) and the error is logged (below).
                "IGNORE_EXCEPTIONS": True,
                # An unreachable Redis (stopped, firewalled, overloaded) costs each request at
                # most a second per cache call, not a worker timeout.
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "sbm-default",
        }
    }

# Full-page cache for anonymous visitors (core/page_cache.py); 0 switches it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)

# How long an edge cache in front of the site (nginx, deploy/nginx/, or a CDN) may keep an
# anonymous page; publications purge the pages they change at once (below), other variants and
# menu or settings changes reach the edge within this many seconds. 0: no edge caching.
EDGE_CACHE_SECONDS = env.int("EDGE_CACHE_SECONDS", default=60)

# Wagtail's frontend cache invalidation, for a CDN or an nginx cache in front of the site:
# FRONTEND_CACHE_PURGE_URL (an HTTP PURGE endpoint, e.g. nginx with ngx_cache_purge) or
# CLOUDFLARE_API_TOKEN + CLOUDFLARE_ZONE_ID.
WAGTAILFRONTENDCACHE = {}
if env.str("FRONTEND_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_PURGE_URL"),
    }
if env.str("CLOUDFLARE_API_TOKEN", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.str("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
    }

# Internationalisation: French first, then German, Italian and English. Locales are data.
LANGUAGE_CODE = "fr"
TIME_ZONE = "Europe/Zurich"
USE_I18N = True
USE_TZ = True
# Date formats per language where Django's differ from the site's (sbm_site/formats/).
FORMAT_MODULE_PATH = ["sbm_site.formats"]
WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("it", "Italiano"),
    ("en", "English"),
]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = env("STATIC_ROOT")
STATIC_URL = "/static/"
MEDIA_ROOT = env("MEDIA_ROOT")
MEDIA_URL = env("MEDIA_URL")
# A web server serves uploaded files in production. Development (dev.py) and the tests
# (test.py) switch this on themselves: a default taken from DEBUG here would be read before
# dev.py turns DEBUG on, and media would never be served in development.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)

AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    # Media on S3-compatible storage so several app servers share it. Credentials come from
    # the standard AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables read by boto3.
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    AWS_S3_FILE_OVERWRITE = False
    MEDIA_STORAGE_BACKEND = "storages.backends.s3.S3Storage"
else:
    MEDIA_STORAGE_BACKEND = "django.core.files.storage.FileSystemStorage"

# Files from the public wait for moderation in a private storage, outside MEDIA_ROOT (or under
# a prefix of the bucket that is never given a public address); moderators read them through
# the admin (core/private_media.py) and approval copies them to the public media.
PRIVATE_MEDIA_ROOT = env("PRIVATE_MEDIA_ROOT")
if AWS_STORAGE_BUCKET_NAME:
    PRIVATE_STORAGE = {
        "BACKEND": "core.private_media.PrivateS3Storage",
        "OPTIONS": {
            "location": env("AWS_PRIVATE_LOCATION"),
            "custom_domain": None,
            "querystring_auth": True,
        },
    }
else:
    PRIVATE_STORAGE = {
        "BACKEND": "core.private_media.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    }

STORAGES = {
    "default": {"BACKEND": MEDIA_STORAGE_BACKEND},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# E-mail: EMAIL_URL such as smtp+tls://user:password@smtp.example.org:587 (console by default).
# Every e-mail (ours and Wagtail's workflow notifications) leaves the request through a task
# (core/mail.py), which hands it to the backend EMAIL_URL names.
vars().update(env.email_url("EMAIL_URL"))
TASK_EMAIL_BACKEND = EMAIL_BACKEND  # noqa: F821 - set by the line above
EMAIL_BACKEND = "core.mail.TaskEmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = env("SERVER_EMAIL")

# Retention of personal data, in days (`manage.py purge_personal_data`, run daily; the rules
# are in each app's retention.py, the privacy page lists them with these periods):
# registrations after the event ends; contributions and provider applications after the
# moderators' decision; searches after the day they were counted; login records (django-axes)
# after the attempt; names and addresses in the admin's history after a deleted object's last
# entry.
RETENTION_REGISTRATIONS_DAYS = env.int("RETENTION_REGISTRATIONS_DAYS", default=30)
RETENTION_CONTRIBUTIONS_DAYS = env.int("RETENTION_CONTRIBUTIONS_DAYS", default=90)
RETENTION_PROVIDER_APPLICATIONS_DAYS = env.int("RETENTION_PROVIDER_APPLICATIONS_DAYS", default=90)
RETENTION_SEARCH_QUERIES_DAYS = env.int("RETENTION_SEARCH_QUERIES_DAYS", default=90)
RETENTION_LOGIN_RECORDS_DAYS = env.int("RETENTION_LOGIN_RECORDS_DAYS", default=30)
RETENTION_ADMIN_LOG_DAYS = env.int("RETENTION_ADMIN_LOG_DAYS", default=30)

# Background tasks (Django's task framework, the django-tasks backport that Wagtail 8 uses):
# "immediate" runs each task at once inside the request (tests, development without a worker);
# "database" queues it in the database for `manage.py db_worker` (production, and `scripts/run`,
# which starts a worker next to the site). Wagtail's reference index, the search index
# (modelsearch), tool-sheet PDFs, e-mails and edge cache purges all use this default backend.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def task_settings(backend_name):
    if backend_name not in TASK_BACKENDS:
        raise ImproperlyConfigured(
            f"TASKS_BACKEND must be one of {sorted(TASK_BACKENDS)}, not {backend_name!r}"
        )
    return {"default": {"BACKEND": TASK_BACKENDS[backend_name]}}


TASKS = task_settings(env("TASKS_BACKEND"))

# Double opt-in: hours a visitor has to follow the link sent to the address they typed (event
# registrations hold their seat meanwhile; provider applications wait before moderation).
EMAIL_CONFIRMATION_HOURS = env.int("EMAIL_CONFIRMATION_HOURS", default=48)

# The public origin (scheme, host and port, no path): every absolute URL the site publishes
# starts with it (core/urls.py) and `setup_site` writes it into Wagtail's Site record. The
# default is the address `scripts/run` serves; production requires it.
SITE_URL = env("SITE_URL").rstrip("/")

# Wagtail.
WAGTAIL_SITE_NAME = "Social Business Models"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "key",
    "odp",
    "ods",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Upload limits (docs/operations.md, "Uploads"). Documents: as nginx's client_max_body_size.
WAGTAILDOCS_MAX_UPLOAD_SIZE = env("DOCUMENTS_MAX_UPLOAD_MB") * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Images: a pixel count and a decoded size checked from the header before anything decodes
# them; Pillow itself refuses bigger images (core.apps.CoreConfig.ready).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env("IMAGES_MAX_PIXELS")
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env("IMAGES_MAX_UPLOAD_MB") * 1024 * 1024
IMAGES_MAX_DECODED_BYTES = env("IMAGES_MAX_DECODED_MB") * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.uploads.ImageForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_WORKFLOW_ENABLED = True
# What the explorer and the editor offer on a page: only what the admin then accepts.
SBM_PAGE_PERMISSION_TESTER = "translations.page_permissions.VolunteerPagePermissionTester"
# Whether a person may change (delete, add ...) one translatable snippet: the locale scopes of
# translations/permissions.py, asked by the shared apps' listings (taxonomy/wagtail_hooks.py)
# so that they offer only what the locale-scope middleware then accepts.
SBM_SNIPPET_WRITE_CHECK = "translations.permissions.user_may_write_object"
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_UNSAFE_PAGE_DELETION_LIMIT = 20
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_EDITING_SESSION_PING_INTERVAL = 10000
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Search: Wagtail's database backend (PostgreSQL full-text search in production, SQLite FTS on the
# embedded default), or Elasticsearch when ELASTICSEARCH_URL is set; one analysis per language
# (see search/backends/config.py and docs/operations.md).
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
WAGTAILSEARCH_BACKENDS = search_backends(
    database_engine=DATABASES["default"]["ENGINE"],
    elasticsearch_url=ELASTICSEARCH_URL,
    index_prefix=env("ELASTICSEARCH_INDEX_PREFIX"),
)

# wagtail-localize: DeepL when a key is configured, with the association's glossary
# (translations/machine_translation.py); otherwise a stand-in that applies the glossary only.
DEEPL_API_KEY = env("DEEPL_API_KEY")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translations.machine_translation.GlossaryDeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translations.machine_translation.GlossaryDummyTranslator",
    }

# How many reverse proxies of ours stand in front of the site (nginx: 1). The visitor's address
# for rate limits, the login lockout and the API throttle is the right-most X-Forwarded-For hop
# that none of them added (core/client_address.py); 0 trusts REMOTE_ADDR only.
TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT")

REST_FRAMEWORK = {
    "DEFAULT_THROTTLE_CLASSES": ["core.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": "600/hour"},
}

LOGIN_URL = "wagtailadmin_login"

# Brute-force protection of the login (django-axes, core/login_lockout.py): 5 wrong passwords
# for one user name from one address lock that pair out for an hour, 20 from one address
# whatever the names lock the address; the hour runs from the failure that set the lock.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "core.login_lockout.LoginLockoutHandler"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
LOGIN_FAILURE_LIMIT_PER_ADDRESS = env.int("LOGIN_FAILURE_LIMIT_PER_ADDRESS", default=20)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.login_lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"

# Content-Security-Policy for the public site (django-csp): no inline script anywhere; styles
# may be inline (SVG charts, embeds). The Wagtail admin sets up its own scripts and is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "https:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "media-src": ["'self'", "https:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "sbm": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# Labels of the translated site's language switcher, in each language's own name.
LANGUAGE_NATIVE_NAMES = dict(LANGUAGES)
SITE_DESCRIPTION = _("Tools, trainings and models for lasting social business models")

"""Production settings for the process-fault tests' servers, talking plain HTTP on loopback.

Only the real-process tests of tests/resilience/ (test_process_faults.py, test_s3_media.py,
test_outages.py, test_scans.py) use this module. Everything comes from
sbm_site.settings.production (DEBUG off, ATOMIC_REQUESTS, CONN_MAX_AGE with health checks,
manifest static files, Redis cache when REDIS_URL is set); the only changes are the ones a
plain-HTTP client on 127.0.0.1 needs, since TLS ends at the proxy in production:
- the session and CSRF cookies are not marked Secure, so an HTTP cookie jar sends them back
  (SECURE_SSL_REDIRECT=false comes from the environment, as in bench/);
- no HSTS header (meaningless over plain HTTP);
- a fast password hasher, so that the many logins of the tests do not spend the run hashing.
"""

from sbm_site.settings.production import *  # noqa: F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Static files are served from the app folders (as in sbm_site.settings.test): a collectstatic
# with compression would cost a minute per run, and static files are not what these tests
# are about.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Tests that share a Redis server with other work keep their keys under their own prefix.
if REDIS_URL and env.str("SBM_FAULT_CACHE_PREFIX", default=""):  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = env.str("SBM_FAULT_CACHE_PREFIX")  # noqa: F405
# The scanners of test_scans.py send everything from one address: with a counting cache the
# public forms' rate limits would answer 429 to most payloads before the code they aim at
# runs. Without a cache the limiter lets every submission through (and logs it), as in a
# Redis outage.
if env.bool("SBM_FAULT_NO_CACHE", default=False):  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

"""Production settings come from the environment and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Each test starts manage.py in subprocesses with production settings.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "sbm_site.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-with-enough-entropy-1234567890",
    "ALLOWED_HOSTS": "www.socialbusinessmodels.ch",
    "DATABASE_URL": "sqlite:////tmp/sbm-check-deploy.sqlite3",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
    "SITE_URL": "https://www.socialbusinessmodels.ch",
}


def run_manage(*args, environment):
    env = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENVIRONMENT}
    env.update(environment)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_check_deploy_has_no_warning_with_the_documented_variables():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", environment=PRODUCTION_ENVIRONMENT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    environment = {k: v for k, v in PRODUCTION_ENVIRONMENT.items() if k != "SECRET_KEY"}
    result = run_manage("check", environment=environment)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_a_database_url():
    environment = {k: v for k, v in PRODUCTION_ENVIRONMENT.items() if k != "DATABASE_URL"}
    result = run_manage("check", environment=environment)
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_production_refuses_to_start_without_a_site_url():
    environment = {k: v for k, v in PRODUCTION_ENVIRONMENT.items() if k != "SITE_URL"}
    result = run_manage("check", environment=environment)
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr


@pytest.mark.parametrize(
    "address", ["http://127.0.0.1:8000", "http://localhost", "https://192.168.1.20"]
)
def test_check_deploy_fails_on_a_local_site_url(address):
    environment = {**PRODUCTION_ENVIRONMENT, "SITE_URL": address}
    result = run_manage("check", "--deploy", environment=environment)
    assert result.returncode != 0
    assert "core.E003" in result.stderr


def test_production_keeps_the_database_options_of_each_engine():
    code = (
        "from django.conf import settings; d = settings.DATABASES['default'];"
        "print(d['ATOMIC_REQUESTS'], d.get('CONN_HEALTH_CHECKS'),"
        " d.get('OPTIONS', {}).get('transaction_mode'))"
    )
    sqlite = run_manage("shell", "-v", "0", "-c", code, environment=PRODUCTION_ENVIRONMENT)
    # Without IMMEDIATE transactions, two workers publishing at once on SQLite fail with
    # "database is locked" instead of waiting for each other.
    assert sqlite.stdout.split() == ["True", "False", "IMMEDIATE"], sqlite.stderr
    postgres = {**PRODUCTION_ENVIRONMENT, "DATABASE_URL": "postgres://sbm@127.0.0.1:5432/sbm"}
    result = run_manage("shell", "-v", "0", "-c", code, environment=postgres)
    assert result.stdout.split() == ["True", "True", "None"], result.stderr


def test_elasticsearch_url_selects_the_elasticsearch_backend():
    code = (
        "from django.conf import settings;"
        "print(settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])"
    )
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        environment={**PRODUCTION_ENVIRONMENT, "ELASTICSEARCH_URL": "http://127.0.0.1:9200"},
    )
    assert result.stdout.strip() == "wagtail.search.backends.elasticsearch8", result.stderr
    result = run_manage("shell", "-v", "0", "-c", code, environment=PRODUCTION_ENVIRONMENT)
    # The database backend: Wagtail's, wrapped to pick the language's text-search configuration.
    assert result.stdout.strip() == "search.backends.database"


def test_redis_url_selects_the_redis_cache():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        environment={**PRODUCTION_ENVIRONMENT, "REDIS_URL": "redis://127.0.0.1:6379/3"},
    )
    assert result.stdout.strip() == "django_redis.cache.RedisCache", result.stderr


TASK_SETTINGS = (
    "from django.conf import settings;"
    "print(settings.TASKS['default']['BACKEND'], settings.EMAIL_BACKEND,"
    " settings.TASK_EMAIL_BACKEND)"
)


def test_production_queues_tasks_for_the_worker_and_sends_e_mail_through_them():
    result = run_manage(
        "shell", "--no-imports", "-c", TASK_SETTINGS, environment=PRODUCTION_ENVIRONMENT
    )
    assert result.stdout.split() == [
        "django_tasks_db.DatabaseBackend",
        "core.mail.TaskEmailBackend",
        "django.core.mail.backends.smtp.EmailBackend",
    ], result.stderr


def test_tasks_backend_immediate_runs_tasks_without_a_worker():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        TASK_SETTINGS,
        environment={**PRODUCTION_ENVIRONMENT, "TASKS_BACKEND": "immediate"},
    )
    assert result.stdout.split()[0] == "django_tasks.backends.immediate.ImmediateBackend"


def test_an_unknown_tasks_backend_is_refused():
    result = run_manage("check", environment={**PRODUCTION_ENVIRONMENT, "TASKS_BACKEND": "celery"})
    assert result.returncode != 0
    assert "TASKS_BACKEND must be one of ['database', 'immediate']" in result.stderr


MACHINE_TRANSLATOR = (
    "from wagtail_localize.machine_translators import get_machine_translator\n"
    "translator = get_machine_translator()\n"
    "print(type(translator).__name__, translator.options.get('AUTH_KEY', '-'))\n"
)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("cle-deepl:fx", ["GlossaryDeepLTranslator", "cle-deepl:fx"]),
        ("", ["GlossaryDummyTranslator", "-"]),
    ],
)
def test_deepl_translates_with_the_glossary_when_its_key_is_set(key, expected):
    environment = {**PRODUCTION_ENVIRONMENT, "DEEPL_API_KEY": key}
    result = run_manage("shell", "-c", MACHINE_TRANSLATOR, environment=environment)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == expected

"""Lighthouse on the demo site served as in production: the issue's quality bar, measured.

Not a test, not in CI: a script to run by hand after a change of the public face.

    .venv/bin/python bench/lighthouse.py             # install, build, serve, measure
    .venv/bin/python bench/lighthouse.py --fresh     # rebuild the demo database first

What it does:
1. installs `lighthouse@12.2.3` with npm into a cache folder outside the repository
   (`$XDG_CACHE_HOME/sbm-lighthouse`, else `~/.cache/sbm-lighthouse`) unless it is there;
2. builds the demo site once into that folder (collected static files, SQLite database, media:
   `collectstatic`, `migrate`, `load_demo_content`); later runs only collect and migrate;
3. serves it with gunicorn and the production settings on a free local port (media served by
   Django, as nginx would in production);
4. runs Lighthouse (mobile preset, Debian's Chromium in headless mode) on the home page, the
   tool index, a tool sheet, an event and a provider page, and prints each page's performance,
   accessibility, best-practices and SEO scores beside the targets, with the audits that cost
   points. The JSON reports stay in the cache folder.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
LIGHTHOUSE_VERSION = "12.2.3"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox"


def cache_folder():
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sbm-lighthouse"


def install_lighthouse(folder):
    binary = folder / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {folder} ...", flush=True)
        subprocess.run(
            ["npm", "i", "-E", f"lighthouse@{LIGHTHOUSE_VERSION}", "--prefix", str(folder)],
            check=True,
        )
    return binary


def free_port():

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_environment(work, port):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sbm_site.settings.production",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # The site's own address: canonical links and hreflang alternates point to what is served.
        "SITE_URL": f"http://127.0.0.1:{port}",
        # TLS ends at the proxy in production; here Lighthouse talks plain HTTP on loopback.
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SERVE_MEDIA": "true",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "PAGE_CACHE_SECONDS": "0",
        "PYTHONPATH": str(ROOT),
    }


def run(command, environment):
    print("$", " ".join(command), flush=True)
    subprocess.run(command, env=environment, cwd=ROOT, check=True)


def prepare_site(work, environment, *, fresh):
    if fresh:
        shutil.rmtree(work, ignore_errors=True)
    new = not (work / "db.sqlite3").exists()
    work.mkdir(parents=True, exist_ok=True)
    # Static files first: the demo's PDFs and pages refer to them through the manifest.
    run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"], environment)
    run([PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], environment)
    if new:
        run([PYTHON, "manage.py", "load_demo_content", "-v", "0"], environment)


def measured_urls(environment):
    """Ask a child process (the same settings and database) for one page of each kind."""
    output = subprocess.run(
        [PYTHON, __file__, "--child-urls"],
        env=environment,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def child_urls():
    import django

    django.setup()
    from wagtail.models import Locale

    from events.models import EventPage
    from providers.models import ProviderPage
    from tools.models import ToolIndexPage, ToolPage

    french = Locale.objects.get(language_code="fr")

    def first(model):
        return model.objects.live().filter(locale=french, alias_of=None).order_by("path").first()

    urls = {
        "home": "/fr/",
        "tool index": first(ToolIndexPage).url,
        "tool sheet": first(ToolPage).url,
        "event": first(EventPage).url,
        "provider": first(ProviderPage).url,
    }
    print(json.dumps(urls))


class Gunicorn:
    def __init__(self, environment, port, log):
        self.environment = environment
        self.port = port
        self.log = log

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "sbm_site.wsgi",
                f"--bind=127.0.0.1:{self.port}",
                "--workers=2",
                "--error-logfile=-",
                "--timeout=60",
            ],
            env=self.environment,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=5):  # nosec B310 - our own local server, http only
                    return self
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise SystemExit("gunicorn did not start: see its log") from None
                time.sleep(0.5)

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def lighthouse(binary, url, report, attempts=3):
    """One page's report; Lighthouse sometimes loses its trace on a busy machine
    (NO_NAVSTART, NO_FCP): the page is measured again."""
    environment = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    command = [
        str(binary),
        url,
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    for attempt in range(1, attempts + 1):
        if subprocess.run(command, env=environment).returncode == 0:
            return json.loads(report.read_text())
        print(f"    Lighthouse failed (attempt {attempt} of {attempts})", flush=True)
    raise SystemExit(f"Lighthouse could not measure {url}")


def scores_and_losses(result):
    scores = {name: round((result["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    losses = []
    for name in CATEGORIES:
        for reference in result["categories"][name]["auditRefs"]:
            audit = result["audits"][reference["id"]]
            if reference["weight"] and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue") or ""
                losses.append(f"{name}: {audit['title']} {shown}".rstrip())
    return scores, losses


def print_table(rows):
    header = f"{'page':<12}" + "".join(f"{name:>16}" for name in CATEGORIES)
    print("\n" + header)
    print(f"{'target':<12}" + "".join(f"{TARGETS[name]:>16}" for name in CATEGORIES))
    for page, scores in rows:
        cells = "".join(
            f"{str(scores[name]) + (' ' if scores[name] >= TARGETS[name] else ' ✗'):>16}"
            for name in CATEGORIES
        )
        print(f"{page:<12}{cells}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fresh", action="store_true", help="rebuild the demo database")
    parser.add_argument("--child-urls", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child_urls:
        child_urls()
        return
    folder = cache_folder()
    binary = install_lighthouse(folder)
    work = folder / "site"
    port = free_port()
    environment = site_environment(work, port)
    prepare_site(work, environment, fresh=arguments.fresh)
    urls = measured_urls(environment)
    reports = folder / "reports"
    reports.mkdir(exist_ok=True)
    rows = []
    with (folder / "gunicorn.log").open("a") as log, Gunicorn(environment, port, log):
        for page, path in urls.items():
            url = f"http://127.0.0.1:{port}{path}"
            print(f"Lighthouse: {page} ({path})", flush=True)
            result = lighthouse(binary, url, reports / f"{page.replace(' ', '-')}.json")
            scores, losses = scores_and_losses(result)
            rows.append((page, scores))
            for loss in losses:
                print(f"    {loss}")
    print_table(rows)
    print(f"\nReports: {reports}")


if __name__ == "__main__":
    sys.exit(main())

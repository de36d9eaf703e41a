"""Browser tests: a real server on a demo site, driven by Debian's headless Chromium.

A session-scoped server runs `manage.py runserver` on its own copy of the run's demo site
(`tests/demo_database.py`: an SQLite file, or a PostgreSQL database cloned from the template).
Tests browse it through Playwright; `assert_accessible` runs axe-core (WCAG 2.2 AA rules).
Screenshots go to test-artifacts/ (kept by CI).
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from tests import demo_database

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveSite:
    """The running demo site: its URL and a way to run management commands against it."""

    def __init__(self, url, environment):
        self.url = url
        self.environment = environment

    def manage(self, *args, stdin=None):
        result = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=self.environment,
            cwd=ROOT,
            input=stdin,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    def shell(self, code):
        return self.manage("shell", "-c", code)


@pytest.fixture(scope="session")
def live_site():
    port = _free_port()
    media_root = tempfile.mkdtemp(prefix="sbm-browser-media-")
    database_url = demo_database.clone_for_live_site("browser", media_root)
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sbm_site.settings.test",
        "DATABASE_URL": database_url,
        "SBM_TEST_MEDIA_ROOT": media_root,
        "SBM_TEST_SITE_URL": f"http://127.0.0.1:{port}",
        "PYTHONUNBUFFERED": "1",
        # runserver answers each request (pages, pictures, scripts) in a thread of its own: a
        # connection kept for reuse would stay open with its finished thread, and a page with
        # pictures would soon take every connection PostgreSQL allows.
        "CONN_MAX_AGE": "0",
    }
    site = LiveSite(f"http://127.0.0.1:{port}", environment)
    # The Site record follows SITE_URL, so the pages' absolute links lead to this server.
    site.manage("setup_site", "-v", "0")
    log_path = Path(tempfile.mkdtemp(prefix="sbm-browser-server-")) / "server.log"
    log = log_path.open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "runserver",
            f"127.0.0.1:{port}",
            "--noreload",
            "--insecure",
        ],
        env=environment,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{site.url}/healthz", timeout=2)  # noqa: S310
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError(
                    "The test server did not start: " + log_path.read_text()[-3000:]
                ) from None
            time.sleep(0.3)
    yield site
    server.terminate()
    server.wait(timeout=10)
    log.close()
    demo_database.drop_live_site(database_url)


@pytest.fixture(scope="module")
def browser():
    """Chromium for one test module.

    Playwright's synchronous API runs an event loop in this thread while it is open, and
    Django refuses database queries from a thread with a running loop: closing it after each
    module leaves the tests that a worker runs next free to use the database."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: scripts/test installs it with apt.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def visitor_context(browser):
    """The browser context of a module's `page`s: its HTTP cache keeps the site's styles,
    scripts, fonts and pictures from one test to the next, as a visitor's browser does (a new
    context per test fetched them all again: about half a second a page)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(visitor_context):
    """A new tab with no cookies: no session, language choice or form state from an earlier
    test (the site keeps nothing in the browser's storage). A test that needs a context of its
    own (several people at once, an init script) opens it from `browser`."""
    visitor_context.clear_cookies()
    page = visitor_context.new_page()
    yield page
    page.close()


_axe = Axe()


def assert_accessible(page, context_label=""):
    """Run axe-core with the WCAG 2.2 A/AA rules on the current page; fail on any violation."""
    # Only the violations are collected and sent back: axe's passes and inapplicable rules, with
    # their nodes, doubled the time of each check.
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = _axe.run(page, options=options)
    violations = results.response["violations"]
    if violations:
        lines = []
        for violation in violations:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
            lines.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']} {targets}"
            )
        raise AssertionError(
            f"{len(violations)} axe violation(s) on {context_label or page.url}:\n"
            + "\n".join(lines)
        )


LOAD_LAZY_IMAGES_SCRIPT = """
() => Promise.all(
    Array.from(document.images).map((image) => {
        image.loading = "eager";
        if (image.complete) {
            return null;
        }
        return new Promise((resolve) => {
            image.addEventListener("load", resolve, { once: true });
            image.addEventListener("error", resolve, { once: true });
        });
    }),
)
"""


def screenshot(page, name):
    """A full-page screenshot in test-artifacts/, with the images below the fold loaded.

    Chromium does not scroll for a full-page screenshot, so `loading="lazy"` images further down
    would show as blank boxes: they are switched to eager loading and awaited first (a promise
    in the page: the site's CSP forbids the string evaluation `wait_for_function` would use).
    """
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.evaluate(LOAD_LAZY_IMAGES_SCRIPT)  # resolves once every image has loaded (or failed)
    page.screenshot(path=str(path), full_page=True)
    return path

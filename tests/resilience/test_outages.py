"""Outages with real processes: Redis killed, PostgreSQL stopped, SQLite under concurrent writes.

The site runs under gunicorn with production settings (tests/resilience/process_settings.py),
as in test_process_faults.py, and is driven over HTTP by visitors who each come from an
address of their own (process_site.visitor), as the rate limits of the public forms expect:
- Redis: a copy of the demo site (tests/demo_database.py, the suite's engine) caches in a
  redis-server of the test's own, which is SIGKILLed; every public form is then sent again.
- PostgreSQL: a throwaway cluster (process_site.PostgresCluster) is stopped under the site.
- SQLite: the embedded default, many registrations at once against one file.
The last two start from the site template of process_site.SiteTemplate (migrate + setup_site),
with an agenda and one event added through a Django shell.
"""

import sqlite3
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests

from tests import demo_database
from tests.html import one, parse, text_of

from .process_site import (
    HTTP_TIMEOUT,
    Gunicorn,
    PostgresCluster,
    RedisServer,
    ScratchSite,
    SiteTemplate,
    filled_form,
    restore_postgres_dump,
    visitor,
    wait_until,
)

# Finds, in the demo site, one page of each public form (French) and prints their paths.
PUBLIC_FORM_PAGES = """
import json
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale
from diagnostic.models import DiagnosticPage
from events.models import EventPage
from providers.models import ProviderIndexPage, ProviderPage
from tools.models import ToolPage

french = Locale.objects.get(language_code="fr")
live = lambda model: model.objects.live().public().filter(locale=french)
event = live(EventPage).filter(
    registration_open=True, external_registration_url="", start__gt=timezone.now()
).order_by("start").first()
tool = live(ToolPage).order_by("pk").first()
with translation.override("fr"):
    contributions = [
        reverse(f"contributions:{kind}", args=[tool.pk])
        for kind in ("example", "comment", "revision", "translation")
    ]
    search = reverse("search")
    propose = reverse("contributions:propose_tool")
print(json.dumps({
    "event": event.url,
    "contributions": contributions + [propose],
    "provider": live(ProviderPage).order_by("pk").first().url,
    "apply": live(ProviderIndexPage).first().url + "apply/",
    "diagnostic": live(DiagnosticPage).order_by("pk").first().url,
    "search": search + "?q=outil",
    "home": "/fr/",
}))
"""

# What the visitors of the Redis test left in the database, found by their marker.
STORED_BY_MARKER = """
import json
from django.apps import apps
from events.models import Registration
counts = {{"registrations": Registration.objects.filter(email="{marker}@example.org").count()}}
for model in apps.get_app_config("contributions").get_models():
    fields = {{field.name for field in model._meta.get_fields()}}
    if "contributor_name" in fields:
        counts[model.__name__] = model.objects.filter(
            contributor_name__startswith="Visiteur {marker}"
        ).count()
print(json.dumps(counts))
"""

# An agenda and an event taking registrations, in a site that has only setup_site's pages.
ADD_EVENT = """
import json
from datetime import timedelta
from django.utils import timezone
from wagtail.models import Locale
from events.models import EventIndexPage, EventPage
from home.models import HomePage
home = HomePage.objects.get(depth=2, locale=Locale.get_default())
agenda = home.add_child(instance=EventIndexPage(title="Agenda", slug="agenda"))
agenda.save_revision().publish()
start = timezone.now() + timedelta(days=20)
event = agenda.add_child(instance=EventPage(
    title="Atelier de co-développement", slug="atelier", start=start,
    end=start + timedelta(hours=2), registration_open=True, capacity={capacity},
))
event.save_revision().publish()
print(json.dumps({{"id": event.pk, "url": event.url}}))
"""

REGISTRATIONS = """
import json
from events.models import Registration
print(json.dumps([
    [r.email, r.status] for r in Registration.objects.filter(event_id={event_id}).order_by("pk")
]))
"""

SUCCESS = {200, 301, 302, 303}


def _page(session, url):
    response = session.get(url, timeout=HTTP_TIMEOUT)
    assert response.status_code == 200, (url, response.status_code)
    return response, parse(response)


def _send(session, page_url, form, marker):
    """Submit `form` of the page at `page_url` as a browser would; return the response."""
    action = urljoin(page_url, form.get("action") or page_url)
    data = filled_form(form, marker=marker)
    if form.get("method", "get").lower() == "post":
        return session.post(
            action,
            data=data,
            headers={"Referer": page_url},
            allow_redirects=False,
            timeout=HTTP_TIMEOUT,
        )
    return session.get(action, params=data, allow_redirects=False, timeout=HTTP_TIMEOUT)


# 1. Redis killed under the site ----------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_site():
    """A copy of the run's demo site, with a media folder of its own."""
    work = Path(tempfile.mkdtemp(prefix="sbm-outages-"))
    database_url = demo_database.clone_for_live_site("outages", work / "media")
    try:
        yield ScratchSite(database_url, work)
    finally:
        demo_database.drop_live_site(database_url)


def test_every_public_form_works_while_redis_is_down(demo_site):
    """The cache (pages, rate limits, throttles, fragments) is Redis; Redis is SIGKILLed.

    Every page still answers from the database, every public form (registration, the four
    contributions to a tool, a tool proposal, the provider contact and application forms,
    the diagnostic, search) is accepted and stored, and the cache failures are logged. Once a
    new Redis listens on the same port, the page cache works again by itself.
    """
    pages = demo_site.query(PUBLIC_FORM_PAGES)
    form_pages = [pages["event"], *pages["contributions"], pages["provider"], pages["apply"]]
    form_pages += [pages["diagnostic"], pages["search"]]
    redis = RedisServer(demo_site.work).start()
    try:
        with Gunicorn(
            demo_site, workers=2, REDIS_URL=redis.url, PAGE_CACHE_SECONDS="600"
        ) as server:
            anonymous = requests.Session()
            home = server.url + pages["home"]
            anonymous.get(home, timeout=HTTP_TIMEOUT)
            assert anonymous.get(home, timeout=HTTP_TIMEOUT).headers["X-Page-Cache"] == "hit"
            suggestions = f"{server.url}/fr/search/suggestions/?q=outil"
            assert anonymous.get(suggestions, timeout=HTTP_TIMEOUT).json()["results"]
            assert redis.key_count() > 0

            redis.kill()

            response = anonymous.get(home, timeout=HTTP_TIMEOUT)
            assert response.status_code == 200
            assert response.headers.get("X-Page-Cache") != "hit"
            assert anonymous.get(suggestions, timeout=HTTP_TIMEOUT).json()["results"]
            marker = f"panne-redis-{uuid.uuid4().hex[:8]}"
            sent = []
            for number, path in enumerate(form_pages, start=1):
                session = visitor(number)
                url = server.url + path
                _, page = _page(session, url)
                forms = [
                    form
                    for form in page.select("main form")
                    if form.select("input[name], textarea[name], select[name]")
                ]
                assert forms, f"no form on {path}"
                for form in forms:
                    response = _send(session, url, form, marker)
                    sent.append((path, form.get("method", "get"), response.status_code))
                    assert response.status_code in SUCCESS, (path, response.status_code)
                    if response.is_redirect:
                        target = urljoin(url, response.headers["Location"])
                        assert urlsplit(target).netloc == urlsplit(server.url).netloc
                        assert session.get(target, timeout=HTTP_TIMEOUT).status_code == 200
            server_log = server.log_path.read_text(errors="replace")

            # A new Redis on the same address: the page cache fills and serves again.
            redis.start()
            wait_until(
                lambda: (
                    anonymous.get(server.url + pages["home"], timeout=HTTP_TIMEOUT).headers.get(
                        "X-Page-Cache"
                    )
                    == "hit"
                ),
                timeout=30,
                interval=0.5,
                message="the page cache to work again with the new Redis",
            )
    finally:
        redis.kill()

    posts = [entry for entry in sent if entry[1].lower() == "post"]
    assert len(posts) >= 7, sent
    stored = demo_site.query(STORED_BY_MARKER.format(marker=marker))
    assert stored.pop("registrations") == 1
    assert sum(stored.values()) == len(pages["contributions"]), stored
    # "Allow, log": the rate limiter let the forms through and said so; django-redis logged.
    assert "Rate limit of events:register not counted" in server_log
    assert "Rate limit of contributions:submissions not counted" in server_log
    assert "ConnectionError" in server_log or "Connection refused" in server_log
    assert " 500 " not in server_log and "Internal Server Error" not in server_log


# 2. PostgreSQL stopped under the site ----------------------------------------------------------


@pytest.fixture(scope="module")
def postgres_site():
    """A site (setup_site and one event) in a throwaway cluster that the test may stop."""
    work = Path(tempfile.mkdtemp(prefix="sbm-outages-pg-"))
    cluster = PostgresCluster().init()
    try:
        cluster.start()
        dump = SiteTemplate().postgres_dump(cluster)
        cluster.create_database("sbm")
        restore_postgres_dump(dump, cluster.url("sbm"))
        site = ScratchSite(cluster.url("sbm"), work)
        site.event = site.query(ADD_EVENT.format(capacity=20))
        yield site, cluster
    finally:
        cluster.destroy()


def _token(page):
    return one(page, 'main form[method="post"] input[name="csrfmiddlewaretoken"]')["value"]


def test_a_stopped_database_gives_branded_503_pages_and_gives_the_form_back(postgres_site):
    site, cluster = postgres_site
    event_url = site.event["url"]
    with Gunicorn(site, workers=2) as server:
        person = visitor(1)
        _, page = _page(person, server.url + event_url)
        registration = {
            "csrfmiddlewaretoken": _token(page),
            "name": "Chiara Bernasconi",
            "email": "chiara.bernasconi@example.org",
            "organisation": "Cooperativa del Ticino",
            "consent": "on",
            "homepage": "",
        }
        register_url = f"{server.url}{event_url}register/"

        cluster.stop()
        try:
            for path, language, heading in [
                ("/de/", "de", "Vorübergehend nicht verfügbar"),
                ("/it/", "it", "Temporaneamente non disponibile"),
                (event_url, "fr", "Momentanément indisponible"),
            ]:
                response = requests.get(server.url + path, timeout=HTTP_TIMEOUT)
                assert response.status_code == 503, (path, response.status_code)
                assert response.headers["Retry-After"].isdigit()
                outage = parse(response)
                assert one(outage, "html")["lang"] == language
                assert text_of(one(outage, "main#main > h1")) == heading
                one(outage, 'head > link[rel="stylesheet"]')
                assert "Traceback" not in response.text
            health = requests.get(f"{server.url}/healthz", timeout=HTTP_TIMEOUT)
            assert health.status_code == 503

            refused = person.post(
                register_url,
                data=registration,
                headers={"Referer": server.url + event_url},
                allow_redirects=False,
                timeout=HTTP_TIMEOUT,
            )
        finally:
            cluster.start()
        assert refused.status_code == 503
        shown = parse(refused)
        kept = {
            text_of(one(shown, f'label[for="{area["id"]}"]')): area.get_text()
            for area in shown.select(".kept-input textarea[readonly]")
        }
        assert kept == {
            "name": "Chiara Bernasconi",
            "email": "chiara.bernasconi@example.org",
            "organisation": "Cooperativa del Ticino",
            "consent": "on",
        }
        assert registration["csrfmiddlewaretoken"] not in refused.text

        wait_until(
            lambda: person.get(server.url + event_url, timeout=HTTP_TIMEOUT).status_code == 200,
            timeout=30,
            interval=0.5,
            message="the site to reconnect",
        )
        assert site.query(REGISTRATIONS.format(event_id=site.event["id"])) == []
        # The visitor sends the same form again: it is taken, once.
        again = person.post(
            register_url,
            data=registration,
            headers={"Referer": server.url + event_url},
            allow_redirects=False,
            timeout=HTTP_TIMEOUT,
        )
        assert again.status_code == 302
        # Double opt-in: the seat is held while the person confirms the address.
        assert again.headers["Location"].endswith("?registration=pending#registration")
    assert site.query(REGISTRATIONS.format(event_id=site.event["id"])) == [
        ["chiara.bernasconi@example.org", "confirmed"]
    ]


# 3. SQLite, the embedded default, under concurrent registrations --------------------------------

SEATS = 6
REGISTRANTS = 20
# Another writer holds the lock this long as the registrations arrive (longer than SQLite's
# default wait of 5 s, shorter than the site's).
LOCK_HELD_SECONDS = 8


@pytest.fixture
def sqlite_site(tmp_path):
    database = tmp_path / "site.sqlite3"
    database.write_bytes(SiteTemplate().sqlite_file().read_bytes())
    site = ScratchSite(f"sqlite:///{database}", tmp_path)
    site.database = database
    site.event = site.query(ADD_EVENT.format(capacity=SEATS))
    return site


def test_concurrent_registrations_on_sqlite_queue_and_never_overbook(sqlite_site):
    """REGISTRANTS people press "register" at the same moment for SEATS seats.

    Four gunicorn workers write to one SQLite file, while another writer (a long publication,
    the purge command) holds the write lock for LOCK_HELD_SECONDS. Every registration waits
    its turn and is answered with a seat or a place on the waiting list (at worst the 503 page
    with the form shown back), none with a 500 "database is locked", and no more than SEATS
    people get a seat.
    """
    event_url = sqlite_site.event["url"]
    with Gunicorn(sqlite_site, workers=4) as server:
        people = []
        for number in range(1, REGISTRANTS + 1):
            session = visitor(number)
            _, page = _page(session, server.url + event_url)
            people.append((number, session, _token(page)))
        start = threading.Barrier(REGISTRANTS)
        answers = {}

        def register(number, session, token):
            start.wait(timeout=60)
            try:
                answers[number] = session.post(
                    f"{server.url}{event_url}register/",
                    data={
                        "csrfmiddlewaretoken": token,
                        "name": f"Personne {number}",
                        "email": f"personne-{number}@example.org",
                        "organisation": "",
                        "consent": "on",
                        "homepage": "",
                    },
                    headers={"Referer": server.url + event_url},
                    allow_redirects=False,
                    timeout=HTTP_TIMEOUT + 30,
                )
            except requests.RequestException as error:
                answers[number] = error

        threads = [threading.Thread(target=register, args=person) for person in people]
        other_writer = sqlite3.connect(sqlite_site.database, isolation_level=None)
        try:
            other_writer.execute("BEGIN IMMEDIATE")
            for thread in threads:
                thread.start()
            time.sleep(LOCK_HELD_SECONDS)
            assert not answers  # everyone is waiting for the lock
            other_writer.execute("COMMIT")
        finally:
            other_writer.close()
        for thread in threads:
            thread.join(timeout=HTTP_TIMEOUT + 60)
        server_log = server.log_path.read_text(errors="replace")

    assert len(answers) == REGISTRANTS
    statuses = {number: getattr(reply, "status_code", reply) for number, reply in answers.items()}
    assert set(statuses.values()) <= {302, 503}, statuses
    taken = {
        f"personne-{number}@example.org": answers[number].headers["Location"]
        for number, status in statuses.items()
        if status == 302
    }
    for number, status in statuses.items():
        if status == 503:  # a clear answer, with the form given back
            assert f"personne-{number}@example.org" in answers[number].text
    stored = dict(sqlite_site.query(REGISTRATIONS.format(event_id=sqlite_site.event["id"])))
    assert stored.keys() == taken.keys()
    confirmed = [email for email, status in stored.items() if status == "confirmed"]
    assert len(confirmed) == min(SEATS, len(taken))
    # Double opt-in: everyone is asked to confirm the address; seats are held meanwhile.
    for location in taken.values():
        assert location.endswith("?registration=pending#registration")
    assert "database is locked" not in server_log
    # The embedded default queues: with a 20-second wait, everyone got a seat or a place in line.
    assert len(taken) == REGISTRANTS, statuses

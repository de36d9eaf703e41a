"""Validate every public format of a built site, in every locale, with two independent tools.

Not a test: run it on the demo site or on the benchmark's large site (`bench/generate.py`)
to check that what holds for the tests' small pages holds for thousands. The site is read
in-process through Django's test client (no server), on the database of `DATABASE_URL`:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sbm_bench \\
        .venv/bin/python bench/validate_formats.py
    .venv/bin/python bench/validate_formats.py --sample 20      # pages and PDFs per locale

Validators (the tests' own, tests/): sitemap, XML Schema with xmlschema and with lxml;
RSS/Atom feeds, feedparser (no bozo) and lxml against RSS 2.0 / RFC 4287's required elements;
iCalendar, icalendar and ical (the two libraries the calendar tests use); the API, its OpenAPI
document with openapi-spec-validator and each answer against it with jsonschema; open data,
csv (same columns on every row) and json; PDFs, pypdf's catalogue (tagged, /Lang) and its
strict reading with the text of every page; HTML, the
W3C Nu checker (vnu.jar, scripts/vnu) and the WHATWG parser's errors (tinyhtml5); JSON-LD,
PyLD's expansion and Google's rules (tests/json_ld.py). Prints format × locale × validator:
checked documents and failures, and exits 1 if anything failed.
"""

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITEMAP_SCHEMAS = ROOT / "tests" / "news" / "sitemaps"
ATOM = "http://www.w3.org/2005/Atom"


class Results:
    """(format, locale, validator) -> [documents checked, failures, first messages]."""

    def __init__(self):
        self.rows = defaultdict(lambda: [0, 0, []])

    def record(self, kind, locale, validator, url, problems):
        row = self.rows[(kind, locale, validator)]
        row[0] += 1
        if problems:
            row[1] += 1
            if len(row[2]) < 3:
                row[2].append(f"{url}: {'; '.join(map(str, problems))[:300]}")

    def check(self, kind, locale, validator, url, function, *arguments):
        try:
            problems = function(*arguments) or []
        except Exception as error:  # noqa: BLE001 - a validator's exception is a failure
            problems = [f"{type(error).__name__}: {error}"]
        self.record(kind, locale, validator, url, problems)

    def failed(self):
        return any(row[1] for row in self.rows.values())

    def table(self):
        lines = [f"{'format':<12} {'locale':<6} {'validator':<34} {'checked':>7} {'failed':>6}"]
        for (kind, locale, validator), (checked, failed, _) in sorted(self.rows.items()):
            lines.append(f"{kind:<12} {locale:<6} {validator:<34} {checked:>7} {failed:>6}")
        for (kind, locale, validator), (_, _, messages) in sorted(self.rows.items()):
            for message in messages:
                lines.append(f"  ! {kind} {locale} {validator}: {message}")
        return "\n".join(lines)


# Validators: each returns a list of problems (empty when the document is valid). -------------


def sitemap_xmlschema(content):
    import xmlschema

    schema = xmlschema.XMLSchema(SITEMAP_SCHEMAS / "sitemap.xsd", build=False)
    schema.import_schema("http://www.w3.org/1999/xhtml", str(SITEMAP_SCHEMAS / "xhtml-link.xsd"))
    schema.build()
    return [str(error)[:200] for error in schema.iter_errors(content.decode())]


def sitemap_lxml(content):
    from lxml import etree

    wrapper = (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        f'<xs:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'schemaLocation="{(SITEMAP_SCHEMAS / "sitemap.xsd").as_uri()}"/>'
        f'<xs:import namespace="http://www.w3.org/1999/xhtml" '
        f'schemaLocation="{(SITEMAP_SCHEMAS / "xhtml-link.xsd").as_uri()}"/>'
        "</xs:schema>"
    )
    schema = etree.XMLSchema(etree.fromstring(wrapper.encode()))
    document = etree.fromstring(content, etree.XMLParser(resolve_entities=False))
    return [] if schema.validate(document) else [str(schema.error_log)[:300]]


def feed_feedparser(content):
    import feedparser

    parsed = feedparser.parse(content)
    problems = [f"bozo: {parsed.bozo_exception}"] if parsed.bozo else []
    if not parsed.feed.get("title"):
        problems.append("no title")
    return problems


def feed_lxml(content):
    from lxml import etree

    root = etree.fromstring(content, etree.XMLParser(resolve_entities=False))
    problems = []
    if root.tag == "rss":
        channel = root.find("channel")
        for required in ("title", "link", "description"):
            if channel is None or channel.findtext(required) is None:
                problems.append(f"channel without <{required}>")
        for item in root.iterfind("channel/item"):
            if item.findtext("title") is None and item.findtext("description") is None:
                problems.append("item without title or description")
    elif root.tag == f"{{{ATOM}}}feed":
        ns = {"atom": ATOM}
        for element in (root, *root.iterfind("atom:entry", ns)):
            for required in ("atom:id", "atom:title", "atom:updated"):
                if len(element.findall(required, ns)) != 1:
                    problems.append(f"{element.tag} without one {required}")
    else:
        problems.append(f"unknown root {root.tag}")
    return problems


def ics_icalendar(content):
    from icalendar import Calendar

    calendar = Calendar.from_ical(content)
    problems = [] if calendar.get("PRODID") and calendar.get("VERSION") else ["no PRODID/VERSION"]
    for event in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART"):
            if required not in event:
                problems.append(f"VEVENT without {required}")
    return problems


def ics_ical(content):
    from ical.calendar_stream import IcsCalendarStream

    IcsCalendarStream.calendar_from_ics(content.decode())
    return []


def openapi_spec(document):
    from openapi_spec_validator import validate

    validate(document)
    return []


def api_answer(document, answer):
    import jsonschema

    schemas = document["components"]["schemas"]
    listing = {**schemas["Listing"], "components": {"schemas": schemas}}
    jsonschema.validate(answer, listing)
    return []


def api_count(answer):
    """The listing's total matches its items (an offset past the end gives none)."""
    count, items = answer["meta"]["total_count"], answer["items"]
    if not isinstance(count, int) or len(items) > count:
        return [f"total_count {count} for {len(items)} items"]
    return []


def csv_rows(content):
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    if len(rows) < 2:
        return ["no data row"]
    width = len(rows[0])
    return [
        f"row {number} has {len(row)} cells" for number, row in enumerate(rows) if len(row) != width
    ]


def json_document(content):
    data = json.loads(content)
    return [] if data else ["empty"]


def pdf_pypdf_tagged(content, language):
    from pypdf import PdfReader

    catalogue = PdfReader(io.BytesIO(content)).trailer["/Root"]
    problems = []
    if not catalogue.get("/MarkInfo", {}).get("/Marked"):
        problems.append("not tagged")
    if "/StructTreeRoot" not in catalogue:
        problems.append("no structure tree")
    if catalogue.get("/Lang") not in {language, "fr"}:
        problems.append(f"/Lang {catalogue.get('/Lang')}")
    return problems


def pdf_pypdf_text(content):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content), strict=True)
    return [] if all(page.extract_text().strip() for page in reader.pages) else ["empty page"]


def html_whatwg(content):
    from tinyhtml5.parser import HTMLParser

    parser = HTMLParser()
    parser.parse(content)
    return [f"{position}: {code}" for position, code, _data in parser.errors]


def json_ld_pyld(item):
    from tests import json_ld

    expected = f"https://schema.org/{item['@type']}"
    return [] if expected in json_ld.expanded_types(item) else [f"{expected} not expanded"]


def json_ld_google(item):
    from tests import json_ld

    return json_ld.google_problems(item)


def vnu_errors(folder):
    """{file name: [error messages]} of every HTML file in `folder`, in one run of vnu.jar."""
    jar = subprocess.run(
        [ROOT / "scripts" / "vnu"], capture_output=True, text=True, check=True
    ).stdout.strip()
    files = sorted(str(path) for path in Path(folder).glob("*.html"))
    checked = subprocess.run(
        ["java", "-Xss4m", "-jar", jar, "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = defaultdict(list)
    for message in json.loads(checked.stderr or checked.stdout)["messages"]:
        errors[Path(message["url"]).name].append(message["message"])
    return errors


# The site --------------------------------------------------------------------------------------


def sample_pages(language_code, sample):
    """Every page type once, then up to `sample` pages of each type (tools, events...)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    pages = []
    live = Page.objects.live().public().filter(locale__language_code=language_code, depth__gt=1)
    for content_type in ContentType.objects.filter(
        pk__in=set(live.values_list("content_type", flat=True))
    ).order_by("model"):
        pages += list(live.filter(content_type=content_type).order_by("path")[:sample])
    return pages


def validate(sample):
    from django.conf import settings
    from django.test import Client
    from wagtail.models import Locale

    from events.models import EventPage, EventSeriesPage
    from guides.models import GuidePage
    from tests import json_ld
    from tools.models import ToolPage

    client = Client(HTTP_HOST="localhost")
    results = Results()
    origin = settings.SITE_URL.rstrip("/")

    def get(url):
        """The body of `url`; a status other than 200 is recorded as a failure (empty body)."""
        response = client.get(url.removeprefix(origin))
        ok = response.status_code == 200
        results.record("http", "all", "status 200", url, [] if ok else [response.status_code])
        if not ok:
            return b""
        return b"".join(response.streaming_content) if response.streaming else response.content

    sitemap = get("/sitemap.xml")
    results.check("sitemap", "all", "xmlschema (sitemap 0.9 XSD)", "/sitemap.xml",
                  sitemap_xmlschema, sitemap)  # fmt: skip
    results.check("sitemap", "all", "lxml XMLSchema", "/sitemap.xml", sitemap_lxml, sitemap)
    openapi = json.loads(get("/api/v2/schema/"))
    results.check("openapi", "all", "openapi-spec-validator", "/api/v2/schema/",
                  openapi_spec, openapi)  # fmt: skip

    for locale in Locale.objects.order_by("pk"):
        code = locale.language_code
        feeds = [f"/feeds/{code}/{name}" for name in ("news.rss", "news.atom", "tools.rss",
                                                       "tools.atom")]  # fmt: skip
        feeds += [f"/events/{code}/rss/", f"/events/{code}/atom/"]
        for url in feeds:
            content = get(url)
            results.check("feed", code, "feedparser", url, feed_feedparser, content)
            results.check("feed", code, "lxml (RSS 2.0 / RFC 4287)", url, feed_lxml, content)

        calendars = [f"/events/{code}/upcoming.ics"]
        events = EventPage.objects.live().filter(locale=locale).order_by("start")[:sample]
        calendars += [f"/events/{event.pk}/calendar.ics" for event in events]
        cycles = EventSeriesPage.objects.live().filter(locale=locale)[:sample]
        calendars += [f"/events/cycle/{cycle.pk}/calendar.ics" for cycle in cycles]
        for url in calendars:
            content = get(url)
            results.check("ics", code, "icalendar", url, ics_icalendar, content)
            results.check("ics", code, "ical", url, ics_ical, content)

        for url in (f"/api/v2/pages/?locale={code}", f"/api/v2/pages/?locale={code}&offset=20"):
            answer = json.loads(get(url))
            results.check("api", code, "jsonschema (OpenAPI Listing)", url,
                          api_answer, openapi, answer)  # fmt: skip
            results.check("api", code, "json (count agrees)", url, api_count, answer)

        url = f"/open-data/{code}/tools.csv"
        results.check("opendata", code, "csv (rectangular)", url, csv_rows, get(url))
        url = f"/open-data/{code}/tools.json"
        results.check("opendata", code, "json", url, json_document, get(url))

        pdfs = [
            tool.url + "pdf/" for tool in ToolPage.objects.live().filter(locale=locale)[:sample]
        ]
        pdfs += [guide.url + "pdf/" for guide in GuidePage.objects.live().filter(locale=locale)[:3]]
        for url in pdfs:
            content = get(url)
            results.check(
                "pdf", code, "pypdf (tagged, /Lang)", url, pdf_pypdf_tagged, content, code
            )
            results.check("pdf", code, "pypdf (text of every page)", url, pdf_pypdf_text, content)

        urls = [page.url for page in sample_pages(code, sample)]
        urls += [f"/{code}/search/", f"/{code}/search/?q=outil"]
        with tempfile.TemporaryDirectory() as folder:
            names = {}
            for number, url in enumerate(urls):
                content = get(url)
                name = f"{number:05d}.html"
                names[name] = url
                (Path(folder) / name).write_bytes(content)
                results.check("html", code, "tinyhtml5 (WHATWG parse errors)", url,
                              html_whatwg, content)  # fmt: skip
                for item in json_ld.extract(content):
                    results.check("json-ld", code, "pyld (expansion)", url, json_ld_pyld, item)
                    results.check("json-ld", code, "Google rules (tests/json_ld.py)", url,
                                  json_ld_google, item)  # fmt: skip
            errors = vnu_errors(folder)
            for name, url in names.items():
                results.record("html", code, "vnu.jar (W3C Nu checker)", url, errors.get(name))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=10, help="pages, PDFs per type and locale")
    arguments = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sbm_site.settings.dev")
    os.environ.setdefault("PAGE_CACHE_SECONDS", "0")
    import django

    django.setup()
    started = time.perf_counter()
    results = validate(arguments.sample)
    print(results.table())
    print(f"{sum(row[0] for row in results.rows.values())} checks in "
          f"{time.perf_counter() - started:.0f} s")  # fmt: skip
    sys.exit(1 if results.failed() else 0)


if __name__ == "__main__":
    main()

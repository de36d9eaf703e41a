"""JSON-LD checks shared by the tests and bench/validate_formats.py.

Two independent readings of every `<script type="application/ld+json">`:

- `expand(item)`: PyLD, a JSON-LD 1.1 processor, expands the object against schema.org's
  vocabulary (given locally, so the tests need no network: every term maps into
  https://schema.org/); a malformed object (bad keyword, value of the wrong shape) raises.
- `google_problems(item)`: the required and recommended properties of Google's rich results
  for the types the site publishes (developers.google.com/search/docs/appearance/
  structured-data: Event, Organization, BreadcrumbList, sitelinks search box, Article).
"""

import datetime
import json
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from pyld import jsonld

SCHEMA_ORG = "https://schema.org"
SCHEMA_CONTEXT = {"@context": {"@vocab": "https://schema.org/"}}
STATUSES = {f"https://schema.org/{name}" for name in ("EventScheduled", "EventCancelled",
            "EventMovedOnline", "EventPostponed", "EventRescheduled")}  # fmt: skip
MODES = {f"https://schema.org/{name}EventAttendanceMode" for name in ("Offline", "Online", "Mixed")}
AVAILABILITIES = {f"https://schema.org/{name}" for name in ("InStock", "SoldOut",
                  "PreOrder", "LimitedAvailability", "Discontinued")}  # fmt: skip


def _schema_org_loader(url, options=None):
    if url.rstrip("/") in {SCHEMA_ORG, "http://schema.org"}:
        return {"contentType": "application/ld+json", "contextUrl": None,
                "documentUrl": url, "document": SCHEMA_CONTEXT}  # fmt: skip
    raise jsonld.JsonLdError(f"no network in the checks: {url}", "loading document failed")


def extract(html):
    """Every JSON-LD object of a page (`json.loads` raises on a malformed one)."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        json.loads(script.get_text())
        for script in soup.select('script[type="application/ld+json"]')
    ]


def expand(item):
    """The expanded form of `item` (a list of node objects); raises on invalid JSON-LD."""
    return jsonld.expand(item, {"documentLoader": _schema_org_loader})


def expanded_types(item):
    return {kind for node in expand(item) for kind in node.get("@type", [])}


def _is_absolute(url):
    parts = urlsplit(url or "")
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def _is_datetime(value):
    try:
        moment = datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return moment.tzinfo is not None


def _as_list(value):
    return value if isinstance(value, list) else [value]


def _missing(item, names, where):
    return [f"{where}: no {name}" for name in names if item.get(name) in (None, "", [])]


def _organisation(item, where):
    problems = _missing(item, ["name", "url"], where)
    for key in ("url", "logo"):
        if key in item and not _is_absolute(item[key]):
            problems.append(f"{where}: {key} is not an absolute URL")
    return problems


def _postal_address(address, where):
    if not isinstance(address, dict) or address.get("@type") != "PostalAddress":
        return [f"{where}: address is not a PostalAddress"]
    problems = _missing(address, ["streetAddress", "addressLocality", "postalCode",
                                  "addressCountry"], where)  # fmt: skip
    country = address.get("addressCountry", "")
    if country and (len(country) != 2 or not country.isupper()):
        problems.append(f"{where}: addressCountry is not an ISO 3166 code")
    return problems


def _event(item):
    problems = _missing(item, ["name", "startDate", "location"], "Event")
    problems += _missing(
        item,
        ["description", "endDate", "eventAttendanceMode", "eventStatus", "image", "offers",
         "organizer"],
        "Event (recommended)",
    )  # fmt: skip
    for key in ("startDate", "endDate"):
        if key in item and not _is_datetime(item[key]):
            problems.append(f"Event: {key} is not an ISO 8601 date-time with its offset")
    if item.get("eventStatus") and item["eventStatus"] not in STATUSES:
        problems.append("Event: unknown eventStatus")
    if item.get("eventAttendanceMode") and item["eventAttendanceMode"] not in MODES:
        problems.append("Event: unknown eventAttendanceMode")
    for image in _as_list(item.get("image") or []):
        if not _is_absolute(image):
            problems.append("Event: image is not an absolute URL")
    for place in _as_list(item.get("location") or []):
        if place.get("@type") == "Place":
            problems += _missing(place, ["name"], "Event.location")
            problems += _postal_address(place.get("address"), "Event.location")
        elif place.get("@type") == "VirtualLocation":
            if not _is_absolute(place.get("url")):
                problems.append("Event.location: VirtualLocation without an absolute url")
        else:
            problems.append("Event.location: neither Place nor VirtualLocation")
    for offer in _as_list(item.get("offers") or []):
        problems += _missing(offer, ["price", "priceCurrency", "url", "validFrom"], "Offer")
        if offer.get("availability") and offer["availability"] not in AVAILABILITIES:
            problems.append("Offer: unknown availability")
        if offer.get("url") and not _is_absolute(offer["url"]):
            problems.append("Offer: url is not absolute")
    if item.get("organizer"):
        problems += _organisation(item["organizer"], "Event.organizer")
    if item.get("superEvent"):
        problems += _missing(item["superEvent"], ["@type", "name", "url"], "Event.superEvent")
    return problems


def _breadcrumbs(item):
    problems = []
    elements = item.get("itemListElement") or []
    if not elements:
        return ["BreadcrumbList: no itemListElement"]
    for position, element in enumerate(elements, start=1):
        if element.get("position") != position:
            problems.append(f"BreadcrumbList: position {element.get('position')} != {position}")
        problems += _missing(element, ["name", "item"], "BreadcrumbList.ListItem")
    return problems


def _website(item):
    problems = _missing(item, ["name", "url", "potentialAction"], "WebSite")
    action = item.get("potentialAction") or {}
    template = (action.get("target") or {}).get("urlTemplate", "")
    if action.get("@type") != "SearchAction" or "{search_term_string}" not in template:
        problems.append("WebSite: no SearchAction with {search_term_string} in its urlTemplate")
    if action.get("query-input") != "required name=search_term_string":
        problems.append("WebSite: SearchAction's query-input does not name search_term_string")
    return problems


def _article(item):
    problems = _missing(item, ["headline", "datePublished", "author", "image"], "NewsArticle")
    if len(item.get("headline", "")) > 110:
        problems.append("NewsArticle: headline longer than 110 characters")
    return problems


RULES = {
    "Event": _event,
    "Organization": lambda item: _organisation(item, "Organization"),
    "Person": lambda item: _missing(item, ["name", "url"], "Person"),
    "BreadcrumbList": _breadcrumbs,
    "WebSite": _website,
    "EventSeries": lambda item: _missing(item, ["name", "url"], "EventSeries"),
    "SearchResultsPage": lambda item: _missing(item, ["name", "url"], "SearchResultsPage"),
    "LearningResource": lambda item: _missing(item, ["name", "url"], "LearningResource"),
    "CollectionPage": lambda item: _missing(item, ["name", "url"], "CollectionPage"),
}


def google_problems(item):
    """What Google's rules for the object's type find missing or malformed (empty if none)."""
    problems = []
    if item.get("@context") != SCHEMA_ORG:
        problems.append(f"{item.get('@type')}: @context is not {SCHEMA_ORG}")
    kind = item.get("@type")
    if kind == "NewsArticle":
        return problems + _article(item)
    if kind not in RULES:
        return [*problems, f"no rule for the type {kind!r}"]
    return problems + RULES[kind](item)

"""Metadata for search engines and sharing: canonical URL, OpenGraph, Twitter cards, JSON-LD.

JSON-LD for a page comes from, in this order:
1. the page's own `get_json_ld(request)` method, when its app defines one (duck typing);
2. a builder registered here for its model label with `register_json_ld("app.Model", builder)`,
   which lets this app describe page types it does not own (tools) without editing them.
A BreadcrumbList is added for every page below a home page.
"""

import datetime
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.images.models import SourceImageIOError

from core.site_data import page_ancestors, translations_by_language
from core.urls import absolute_url, page_url

JSON_LD_BUILDERS: dict[str, Callable[[Any, Any], dict | list | None]] = {}
SHARE_RENDITION = "fill-1200x630"
DEFAULT_SHARE_IMAGE = "news/img/share.png"


def register_json_ld(model_label, builder):
    """Describe pages of `model_label` ("app.Model") with `builder(page, request)`."""
    JSON_LD_BUILDERS[model_label.lower()] = builder


def canonical_page(page):
    """The page whose address is canonical: an untranslated alias points at its source."""
    if page.alias_of_id:
        return page.alias_of.specific_deferred
    return page


def canonical_url(page, request):
    if page is None:
        return absolute_url(request.path)
    if page.alias_of_id:
        # The source is among the alias's translations, which the language switcher read.
        for translated in translations_by_language(page, request).values():
            if translated.pk == page.alias_of_id:
                return page_url(translated, request)
    return page_url(canonical_page(page), request)


def share_image(page):
    """The image a page shows when shared: `get_share_image()`, else `image` or `hero_image`."""
    getter = getattr(page, "get_share_image", None)
    if callable(getter):
        return getter()
    for attribute in ("image", "hero_image"):
        image = getattr(page, attribute, None)
        if image is not None and hasattr(image, "get_rendition"):
            return image
    return None


def share_image_alt(page):
    return getattr(page, "image_alt", "") or ""


def description(page):
    getter = getattr(page, "get_meta_description", None)
    text = getter() if callable(getter) else page.search_description
    return strip_tags(text or "")[:300]


def absolute(request, url):
    return absolute_url(url)


def organisation(request, site_settings=None):
    name = getattr(site_settings, "organisation_name", "") or "Social Business Models"
    data = {
        "@type": "Organization",
        "name": name,
        "url": absolute_url("/"),
        "logo": absolute(request, static("img/logo.svg")),
    }
    same_as = [url for _label, url in site_settings.social_links()] if site_settings else []
    if same_as:
        data["sameAs"] = same_as
    return data


def breadcrumb_list(page, request):
    """The trail from the home page of the page's language to the page (the home page alone
    on the home page)."""
    ancestors = page_ancestors(page, request)
    trail = [*ancestors, page] if page.depth > 1 else []
    if not trail:
        return None
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": page_url(crumb, request),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def page_json_ld(page, request, site_settings=None):
    """Every JSON-LD object describing `page`, as a list of dictionaries."""
    objects = []
    own = getattr(page, "get_json_ld", None)
    if callable(own):
        described = own(request)
    else:
        builder = JSON_LD_BUILDERS.get(page._meta.label_lower)
        described = builder(page, request, site_settings) if builder else None
    if isinstance(described, dict):
        described = [described]
    for item in described or []:
        objects.append({"@context": "https://schema.org", **item})
    crumbs = breadcrumb_list(page, request)
    if crumbs:
        objects.append(crumbs)
    return objects


def iso_utc(moment):
    return moment.astimezone(datetime.UTC).isoformat() if moment else None


def image_url(page, request):
    """The page's own image cropped for sharing; None without one or when its file is lost
    (the page then shares the association's card, as `{% image %}` shows a placeholder)."""
    image = share_image(page)
    if image is None:
        return None
    try:
        rendition = image.get_rendition(SHARE_RENDITION)
    except SourceImageIOError:
        return None
    return absolute(request, rendition.url)


def default_image_url(request):
    """The association's card (1200×630) for pages without an image of their own."""
    return absolute(request, static(DEFAULT_SHARE_IMAGE))


def website(page, request, site_settings):
    """The site in the home page's language, with the search engines can send words to."""
    with translation.override(page.locale.language_code):
        search_path = reverse("search")
    return {
        "@type": "WebSite",
        "name": getattr(site_settings, "organisation_name", "") or "Social Business Models",
        "url": page_url(page, request),
        "inLanguage": page.locale.language_code,
        "publisher": {"@type": "Organization", "url": absolute_url("/")},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute_url(f"{search_path}?q={{search_term_string}}"),
            },
            "query-input": "required name=search_term_string",
        },
    }


def _home_page(page, request, site_settings):
    return [
        {**organisation(request, site_settings), "description": description(page)},
        website(page, request, site_settings),
    ]


def _news_page(page, request, site_settings):
    data = {
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": description(page),
        "datePublished": page.date.isoformat(),
        "dateModified": iso_utc(page.last_published_at),
        "inLanguage": page.content_language,
        "url": canonical_url(page, request),
        "publisher": organisation(request, site_settings),
    }
    # Without a named author or an image of its own, the news item is the association's: it
    # is credited to it and shows its card, as the page's sharing tags do.
    if page.author:
        data["author"] = {"@type": "Person", "name": page.author}
    else:
        data["author"] = organisation(request, site_settings)
    data["image"] = image_url(page, request) or default_image_url(request)
    return data


def _news_index_page(page, request, site_settings):
    return {
        "@type": "CollectionPage",
        "name": page.title,
        "description": description(page),
        "url": canonical_url(page, request),
        "inLanguage": page.content_language,
    }


def _tool_page(page, request, site_settings):
    data = {
        "@type": "LearningResource",
        "name": page.title,
        "description": description(page) or strip_tags(page.summary),
        "identifier": page.sheet_number,
        "url": canonical_url(page, request),
        "inLanguage": page.content_language,
        "learningResourceType": "tool sheet",
        "isAccessibleForFree": True,
        "dateModified": iso_utc(page.last_published_at),
        "publisher": organisation(request, site_settings),
    }
    licence_url = getattr(page, "licence_url", "")
    if licence_url:
        data["license"] = licence_url
    if getattr(page, "effort_hours", None):
        data["timeRequired"] = f"PT{float(page.effort_hours):g}H"
    authors = getattr(page, "author_names", [])
    if authors:
        data["author"] = [{"@type": "Person", "name": name} for name in authors]
    return data


def postal_address(street="", postal_code="", locality="", region="", country=""):
    """A schema.org PostalAddress of the parts given (None when none is)."""
    parts = {
        "streetAddress": street,
        "postalCode": postal_code,
        "addressLocality": locality,
        "addressRegion": region,
    }
    address = {key: value for key, value in parts.items() if value}
    if not address:
        return None
    return {"@type": "PostalAddress", **address, "addressCountry": country or "CH"}


def event_place(page):
    address = postal_address(
        page.venue_street,
        page.venue_postal_code,
        page.venue_locality,
        page.venue_region,
        page.venue_country,
    )
    if not page.venue_name and address is None:
        return None
    place = {"@type": "Place", "name": page.venue_name or page.venue_locality or page.venue_street}
    if address:
        place["address"] = address
    return place


def event_series(page):
    """The cycle the event belongs to (its parent page), or None: the one the event page's
    context found already (`series`, with its image), else its parent page."""
    if hasattr(page, "series"):
        return page.series
    parent = page.get_parent().specific_deferred
    if parent._meta.label_lower != "events.eventseriespage":
        return None
    return parent


def event_offer(page, url):
    """Registration: free (the association's events cost nothing), on this site or elsewhere,
    with the seats left when the event has a limit."""
    source = page.source_event()
    if page.external_registration_url:
        registration_url = page.external_registration_url
    elif source.registration_open:
        registration_url = f"{url}{page.reverse_subpage('register_view')}"
    else:
        registration_url = url
    offer = {
        "@type": "Offer",
        "price": "0",
        "priceCurrency": "CHF",
        "url": registration_url,
        "validFrom": iso_utc(source.first_published_at),
    }
    if not page.is_past and (source.registration_open or page.external_registration_url):
        seats_left = None if page.external_registration_url else source.seats_left()
        if seats_left is None:
            availability = "InStock"
        elif seats_left == 0:
            availability = "SoldOut"
        else:
            availability = "LimitedAvailability"
        offer["availability"] = f"https://schema.org/{availability}"
    return offer


def _event_page(page, request, site_settings):
    url = canonical_url(page, request)
    places = []
    place = event_place(page)
    if place:
        places.append(place)
    if page.online_url or not places:
        # The meeting link itself is private (sent to participants): point at the event page.
        # Without a venue or a link, the event happens on the site itself (a daily post).
        places.append({"@type": "VirtualLocation", "url": url})
    if places[-1]["@type"] == "VirtualLocation":
        mode = "MixedEventAttendanceMode" if len(places) > 1 else "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    series = event_series(page)
    data = {
        "@type": "Event",
        "name": page.title,
        "description": description(page) or strip_tags(page.description)[:300],
        "startDate": iso_utc(page.start),
        "endDate": iso_utc(page.end),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "inLanguage": page.language,
        "url": url,
        "image": image_url(page, request)
        or (series and image_url(series, request))
        or default_image_url(request),
        "isAccessibleForFree": True,
        "offers": event_offer(page, url),
        "organizer": organisation(request, site_settings),
    }
    speakers = [person.name for person in page.people.all() if person.role == "speaker"]
    if speakers:
        data["performer"] = [{"@type": "Person", "name": name} for name in speakers]
    if series is not None:
        data["superEvent"] = {
            "@type": "EventSeries",
            "name": series.title,
            "url": canonical_url(series, request),
        }
    data["location"] = places[0] if len(places) == 1 else places
    return data


def _event_series_page(page, request, site_settings):
    data = {
        "@type": "EventSeries",
        "name": page.title,
        "description": description(page) or strip_tags(page.description)[:300],
        "url": canonical_url(page, request),
        "image": image_url(page, request) or default_image_url(request),
        "organizer": organisation(request, site_settings),
    }
    events = page.events()
    first, last = events.first(), events.last()
    if first is not None:
        data["startDate"] = iso_utc(first.start)
        data["endDate"] = iso_utc(last.end)
    return data


def _area(code, label):
    """A canton ("CH-VD", ISO 3166-2) or a country ("FR") a provider works in."""
    if code == "OTHER":
        return None
    if code.startswith("CH-"):
        return {
            "@type": "AdministrativeArea",
            "name": str(label),
            "identifier": code,
            "address": postal_address(region=code.removeprefix("CH-"), country="CH"),
        }
    return {"@type": "Country", "name": str(label), "identifier": code}


def _provider_page(page, request, site_settings):
    """A provider of the directory: where they work (cantons and countries), in what languages.
    Their own postal address is not published (only regions are asked for)."""
    regions = dict(page._meta.get_field("regions").options)
    data = {
        "@type": "Organization" if page.kind == "organisation" else "Person",
        "name": page.title,
        "description": strip_tags(page.bio)[:300],
        "url": canonical_url(page, request),
        "knowsLanguage": list(page.languages),
        "areaServed": [
            area for code in page.regions if (area := _area(code, regions.get(code, code)))
        ],
    }
    picture = image_url(page, request)
    if picture:
        data["image"] = picture
    if page.website:
        data["sameAs"] = [page.website]
    return data


register_json_ld("home.HomePage", _home_page)
register_json_ld("providers.ProviderPage", _provider_page)
register_json_ld("events.EventPage", _event_page)
register_json_ld("events.EventSeriesPage", _event_series_page)
register_json_ld("news.NewsPage", _news_page)
register_json_ld("news.NewsIndexPage", _news_index_page)
register_json_ld("tools.ToolPage", _tool_page)


def article_date(page):
    day = getattr(page, "date", None)
    return day.isoformat() if day else iso_utc(page.first_published_at)


def opengraph_locale(language_code):
    regions = {"fr": "fr_CH", "de": "de_CH", "it": "it_CH", "en": "en_GB"}
    return regions.get(language_code, language_code)


def page_metadata(page, request, site_settings=None):
    """Everything the <head> needs about `page` (None for views that are not pages)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    site_name = getattr(site_settings, "organisation_name", "") or "Social Business Models"
    metadata = {
        "canonical": canonical_url(page, request),
        "site_name": site_name,
        "og_locale": opengraph_locale(language),
        "og_locale_alternates": [
            opengraph_locale(code) for code, _name in settings.LANGUAGES if code != language
        ],
        "json_ld": [],
    }
    if page is None:
        return metadata
    picture = image_url(page, request)
    is_article = page._meta.label_lower == "news.newspage" or hasattr(page, "get_article_date")
    metadata.update(
        {
            "title": page.seo_title or page.title,
            "description": description(page),
            "og_type": "article" if is_article else "website",
            "image": picture or default_image_url(request),
            "image_alt": share_image_alt(page) if picture else site_name,
            "twitter_card": "summary_large_image" if picture else "summary",
            "published_time": article_date(page) if is_article else None,
            "json_ld": page_json_ld(page, request, site_settings),
        }
    )
    return metadata

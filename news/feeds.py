"""RSS and Atom feeds per language: news, and new or updated tool sheets.

Every link is absolute and every date is given in UTC. A feed lists the live pages of its
language tree (an untranslated page appears as its alias, as it does on the site).
"""

import datetime
from zoneinfo import ZoneInfo

from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from core.feeds import PublicFeed
from core.urls import absolute_url, page_url
from home.models import SiteSettings
from news.models import NewsIndexPage, NewsPage
from tools.models import ToolIndexPage, ToolPage

FEED_LENGTH = 30


def in_utc(moment):
    return moment.astimezone(datetime.UTC) if moment else None


def news_date_in_utc(day):
    """A news item's date (a calendar day in Switzerland) as the UTC instant it begins."""
    local = datetime.datetime.combine(day, datetime.time.min, tzinfo=ZoneInfo("Europe/Zurich"))
    return local.astimezone(datetime.UTC)


class LocaleFeed(PublicFeed):
    """A feed for one language, chosen by the `language` in the address."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, language):
        try:
            return Locale.objects.get(language_code=language)
        except Locale.DoesNotExist as error:
            raise Http404("Unknown language") from error

    def author_name(self):
        site = Site.find_for_request(self.request)
        return SiteSettings.for_site(site).organisation_name if site else "Social Business Models"

    def item_link(self, item):
        return page_url(item, self.request)

    def item_guid(self, item):
        return page_url(item, self.request)

    item_guid_is_permalink = True

    def home_url(self, locale):
        home = Page.objects.filter(depth=2, locale=locale).live().first()
        return page_url(home, self.request) if home else absolute_url("/")


class NewsFeed(LocaleFeed):
    def title(self, locale):
        return _("Social Business Models – news")

    def description(self, locale):
        return _("The news of the Social Business Models association.")

    def link(self, locale):
        index = NewsIndexPage.objects.live().filter(locale=locale).first()
        return page_url(index, self.request) if index else self.home_url(locale)

    def items(self, locale):
        return (
            NewsPage.objects.live()
            .public()
            .filter(locale=locale)
            .order_by("-date", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_author_name(self, item):
        return item.author or None

    def item_pubdate(self, item):
        return news_date_in_utc(item.date)

    def item_updateddate(self, item):
        return in_utc(item.last_published_at) or news_date_in_utc(item.date)


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


class ToolsFeed(LocaleFeed):
    """Tool sheets, the most recently published or updated first."""

    def title(self, locale):
        return _("Social Business Models – new and updated tools")

    def description(self, locale):
        return _("Tool sheets published or updated in the tool library.")

    def link(self, locale):
        index = ToolIndexPage.objects.live().filter(locale=locale).first()
        return page_url(index, self.request) if index else self.home_url(locale)

    def items(self, locale):
        return (
            ToolPage.objects.live()
            .public()
            .filter(locale=locale)
            .order_by("-last_published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return f"{item.sheet_number} – {item.title}"

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return in_utc(item.first_published_at)

    def item_updateddate(self, item):
        return in_utc(item.last_published_at)


class ToolsAtomFeed(ToolsFeed):
    feed_type = Atom1Feed
    subtitle = ToolsFeed.description

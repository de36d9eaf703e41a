"""RSS and Atom feeds of upcoming events, one per language."""

from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from core.feeds import PublicFeed
from core.urls import absolute_url, page_url

from .calendars import DOMAIN, event_text
from .views import upcoming_events

# tag: URIs (RFC 4151) name the entries for good, whatever becomes of their address.
TAG_AUTHORITY = f"tag:{DOMAIN},2026:"


class UpcomingEventsFeed(PublicFeed):
    """Upcoming events of one language (PublicFeed declares it and gives the author)."""

    def get_object(self, request, language_code):
        return language_code

    def title(self, language_code):
        return _("Social Business Models: upcoming events")

    def link(self, language_code):
        return absolute_url(f"/{language_code}/")

    def description(self, language_code):
        return _("Webinars, workshops and training sessions of the association.")

    def items(self, language_code):
        return list(upcoming_events(language_code)[:50])

    def item_title(self, item):
        start = timezone.localtime(item.start)
        return f"{start:%d.%m.%Y %H:%M} – {item.title}"

    def item_description(self, item):
        return event_text(item)

    def item_link(self, item):
        return page_url(item, self.request)

    def item_guid(self, item):
        return f"{TAG_AUTHORITY}event/{item.translation_key}/{item.locale.language_code}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class UpcomingEventsAtomFeed(UpcomingEventsFeed):
    feed_type = Atom1Feed
    subtitle = UpcomingEventsFeed.description

"""The base of every RSS and Atom feed: public addresses, the feed's language, an author.

Django's `Feed` completes relative links with the request's host and declares the active
language; feed readers keep both, so a feed built here names the public origin (SITE_URL) for
its own address and its links, and the language in its address (`language` or
`language_code` keyword) for its `<language>` / `xml:lang`.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import translation

from core.urls import absolute_url

LANGUAGE_KEYWORDS = ("language", "language_code")


class PublicFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        self.request = request
        language = next((kwargs[key] for key in LANGUAGE_KEYWORDS if key in kwargs), None)
        with translation.override(language):
            response = super().__call__(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    def feed_url(self, obj):
        return absolute_url(self.request.path)

    def author_name(self):
        """The publisher of every entry (Atom requires an author for the feed or each entry)."""
        return settings.WAGTAIL_SITE_NAME

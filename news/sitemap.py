"""sitemap.xml over every live, public page of every language, with hreflang alternates.

Untranslated aliases are left out (they repeat their source page's text); each translated
page names its real translations (and itself) as `xhtml:link rel="alternate"` entries, and
the default language's version as `x-default`, as the pages do (includes/hreflang.html).
"""

from collections import defaultdict

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.urls import page_url


class TranslatedPagesSitemap(Sitemap):
    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(depth__gt=1, alias_of__isnull=True)
            .select_related("locale")
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        entries = []
        by_translation = defaultdict(list)
        for item in self.paginator.page(page).object_list:
            location = page_url(item, self.request)
            if location is None:
                continue
            entry = {
                "item": item,
                "location": location,
                "lastmod": item.last_published_at or item.latest_revision_created_at,
                "alternates": [],
            }
            entries.append(entry)
            by_translation[item.translation_key].append(entry)
        for group in by_translation.values():
            if len(group) < 2:
                continue
            alternates = [
                {"lang_code": entry["item"].locale.language_code, "location": entry["location"]}
                for entry in group
            ]
            # As the pages' own <link rel="alternate">: the default language's version is
            # the one for visitors whose language has none.
            default = next(
                (a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None
            )
            if default:
                alternates.append({"lang_code": "x-default", "location": default["location"]})
            for entry in group:
                entry["alternates"] = alternates
        lastmods = [entry["lastmod"] for entry in entries if entry["lastmod"]]
        if lastmods and len(lastmods) == len(entries):
            self.latest_lastmod = max(lastmods)
        return entries

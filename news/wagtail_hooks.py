"""The news app's sections on other domains' pages: latest news on the home page, open data
links in the tool library."""

from django.urls import reverse
from django.utils import translation

from core.cache import CHROME, PAGES
from core.pictures import with_renditions
from core.sections import register_section
from news.models import NewsIndexPage, NewsPage, listing, with_cycles_in
from news.opendata import LICENCE_NAME

HOME_NEWS_COUNT = 3


def _home_news_context(page, request):
    index = NewsIndexPage.objects.live().filter(locale_id=page.locale_id).first()
    if index is None:
        return None
    items = with_cycles_in(listing(NewsPage.objects.child_of(index))[:HOME_NEWS_COUNT], page.locale)
    if not items:
        return None
    # Kept in the cache with the section: their card renditions made to exist first.
    with_renditions([item.image for item in items], "card")
    return {"index": index, "items": items}


def _open_data_context(page, request):
    language = page.locale.language_code if page is not None else translation.get_language()
    return {
        "licence_name": LICENCE_NAME,
        "csv_url": reverse("news:tools_csv", kwargs={"language": language}),
        "json_url": reverse("news:tools_json", kwargs={"language": language}),
        "api_url": reverse("api_schema"),
    }


register_section(
    "home",
    "latest_news",
    "news/includes/home_news.html",
    _home_news_context,
    order=30,
    cached_in=(PAGES, CHROME),
)
register_section(
    "tool_library",
    "open_data",
    "news/includes/tool_library_open_data.html",
    _open_data_context,
    order=80,
)

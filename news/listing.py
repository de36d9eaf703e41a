"""The news index's listing on the kit (core/listing.py): a theme facet with counts, pages."""

from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _

from core import listing as kit
from taxonomy.models import Theme
from taxonomy.utils import terms_of_taxonomies

from .models import NEWS_PER_PAGE, NewsPage, listing, with_cycles_in


class NewsListing(kit.Listing):
    def __init__(self, index, request):
        self.notices = []
        themes = terms_of_taxonomies([Theme], index.locale)[Theme].values()
        known = {theme.slug for theme in themes}
        self.filters = {"theme": kit.read_choices(request.GET, "theme", known, self.notices)}
        chosen = self.filters["theme"]
        news = listing(NewsPage.objects.child_of(index))
        links = NewsPage.themes.through.objects.filter(newspage__in=news.values("pk"))
        theme_counts = links.order_by().values(option=F("theme__slug"))
        counts = kit.union_counts([("theme", theme_counts, Count("newspage"))])["theme"]
        options = [
            kit.Option(t.slug, t.name, counts.get(t.slug, 0), t.slug in chosen) for t in themes
        ]
        self.facets = [kit.Facet("theme", _("Theme"), options)]
        if chosen:
            news = news.filter(pk__in=NewsPage.objects.filter(themes__slug__in=chosen).values("pk"))
        self.page = kit.paginate(news, NEWS_PER_PAGE, request.GET.get("page"), self.notices)
        self.items = with_cycles_in(self.page.object_list, index.locale)

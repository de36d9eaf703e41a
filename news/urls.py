"""Machine-readable addresses, without a language prefix (the language is in the path)."""

from django.urls import path

from news import feeds, opendata, views

app_name = "news"

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap_xml, name="sitemap"),
    path("feeds/<str:language>/news.rss", feeds.NewsFeed(), name="news_rss"),
    path("feeds/<str:language>/news.atom", feeds.NewsAtomFeed(), name="news_atom"),
    path("feeds/<str:language>/tools.rss", feeds.ToolsFeed(), name="tools_rss"),
    path("feeds/<str:language>/tools.atom", feeds.ToolsAtomFeed(), name="tools_atom"),
    path("open-data/<str:language>/tools.json", opendata.tools_json, name="tools_json"),
    path("open-data/<str:language>/tools.csv", opendata.tools_csv, name="tools_csv"),
]

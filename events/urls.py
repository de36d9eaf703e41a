"""Calendar files and feeds, without a language prefix (the language is in the address)."""

from django.urls import path

from . import feeds, views

app_name = "events"

urlpatterns = [
    path("events/<int:page_id>/calendar.ics", views.event_ics, name="event_ics"),
    path("events/cycle/<int:page_id>/calendar.ics", views.series_ics, name="series_ics"),
    path("events/<str:language_code>/upcoming.ics", views.upcoming_ics, name="upcoming_ics"),
    path("events/<str:language_code>/rss/", feeds.UpcomingEventsFeed(), name="rss"),
    path("events/<str:language_code>/atom/", feeds.UpcomingEventsAtomFeed(), name="atom"),
]

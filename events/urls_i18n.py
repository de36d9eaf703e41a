"""Visitor pages of the events app that carry the language prefix."""

from django.urls import path

from . import views

app_name = "events_i18n"

urlpatterns = [
    path("confirm/<str:token>/", views.confirm_view, name="confirm"),
    path("cancel/<str:token>/", views.cancel_view, name="cancel"),
]

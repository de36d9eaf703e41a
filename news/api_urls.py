"""The partner API's addresses, included at /api/v2/ by the project's URLconf."""

from django.urls import path

from news.api import api_router
from news.openapi import schema_view

urlpatterns = [
    path("schema/", schema_view, name="api_schema"),
    path("", api_router.urls),
]

"""The kernel's admin views: private media for the users allowed to read them."""

from django.urls import path
from wagtail import hooks

from .private_media import serve_private_media


@hooks.register("register_admin_urls")
def private_media_urls():
    return [path("private-media/<path:path>", serve_private_media, name="private_media")]

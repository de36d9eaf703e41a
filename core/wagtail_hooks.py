"""The kernel's hooks: private media for the users allowed to read them, and the full-page
cache's note of the page a request serves."""

from django.urls import path
from wagtail import hooks

from .page_cache import remember_served_page
from .private_media import serve_private_media

hooks.register("before_serve_page", remember_served_page)


@hooks.register("register_admin_urls")
def private_media_urls():
    return [path("private-media/<path:path>", serve_private_media, name="private_media")]

"""The site's URLs plus a constant Django response: the server and middleware alone."""

from django.http import HttpResponse
from django.urls import path

from sbm_site.urls import handler404, handler500
from sbm_site.urls import urlpatterns as site_urlpatterns

CONSTANT_BODY = b"<!doctype html><title>constant</title><p>Constant Django response.</p>"


def constant(request):
    return HttpResponse(CONSTANT_BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/constant/", constant), *site_urlpatterns]

__all__ = ["handler404", "handler500", "urlpatterns"]

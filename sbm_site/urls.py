from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import routing
from home import views as home_views
from home.styleguide import styleguide
from volunteers.handoff import PageWorkflowActionView

# Wagtail's password and login forms; its pages go through core/routing.py (cached routes,
# no transaction to read a page).
wagtail_utility_urls = [url for url in wagtail_urls.urlpatterns if url.name != "wagtail_serve"]

# URLs without a language prefix: the admin, documents and machine-readable endpoints.
urlpatterns = [
    # Before the admin's own: the password reset form, throttled (home/views.py).
    path("admin/password_reset/", home_views.PasswordResetView.as_view()),
    # Before the admin's own: a page's workflow action from the dashboard, followed by what
    # happens next (volunteers/handoff.py).
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        PageWorkflowActionView.as_view(),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", home_views.healthcheck, name="healthcheck"),
    path("", include("tools.urls")),
    path("", include("events.urls")),
    path("", include("providers.urls")),
    path("", include("guides.urls")),
    path("", include("news.urls")),
    path("api/v2/", include("news.api_urls")),
    path("", include("diagnostic.urls")),
    path("", include("contributions.urls")),
]

if settings.SERVE_MEDIA:
    from django.views.static import serve

    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [
        path(f"{media_prefix}<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# Visitor-facing URLs carry the language: /fr/..., /de/..., /it/..., /en/...
urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("search/", include("search.urls")),
    path("contribuer/", include("contributions.urls_i18n")),
    path("registrations/", include("events.urls_i18n")),
    path("styleguide/", styleguide, name="styleguide"),
    path("", include(wagtail_utility_urls)),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"

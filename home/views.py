import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from wagtail.admin.views import account

from core.ratelimit import over_limit

PASSWORD_RESETS_PER_ADDRESS = 5
PASSWORD_RESETS_PER_EMAIL = 3

# Form fields never shown back: secrets, tokens, and the robots' traps of the public forms.
UNECHOED_FIELD_MARKERS = ("password", "token", "csrf", "secret")
HONEYPOT_FIELDS = {"website", "homepage"}
# Seconds after which a visitor (or a crawler) may try again when the database is away.
RETRY_AFTER_SECONDS = 30


@never_cache
@transaction.non_atomic_requests
def healthcheck(request):
    """Liveness and readiness for load balancers: answers 503 while the database is away.

    Outside ATOMIC_REQUESTS: the request's transaction would connect before this view runs, so
    an unreachable database would give a 500 instead of the 503 below.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "not ready"
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def database_unavailable(error):
    """True for a database that cannot be reached or is busy (stopped, restarting, locked).

    Django wraps the driver's errors: OperationalError covers a refused or lost connection on
    PostgreSQL and "database is locked" on SQLite; InterfaceError a connection already closed.
    """
    return isinstance(error, (OperationalError, InterfaceError))


def kept_input(request):
    """What the visitor typed into the form they sent, to show back: never secrets or files."""
    if request.method != "POST":
        return []
    try:
        fields = request.POST.lists()
    except Exception:  # noqa: BLE001 - an unreadable body leaves nothing to show back
        return []
    kept = []
    for name, values in fields:
        lowered = name.lower()
        if lowered in HONEYPOT_FIELDS or any(mark in lowered for mark in UNECHOED_FIELD_MARKERS):
            continue
        kept.extend((name, value) for value in values if value.strip())
    return kept


@requires_csrf_token
def server_error(request):
    """The 500 page, or a 503 while the database is unavailable; a sent form is shown back.

    Rendered without the database-backed chrome (menus, settings): the database may be the
    cause. Django calls this view while it handles the exception, so `sys.exc_info()` names it.
    In the language of the address, which LocaleMiddleware may not have reached.
    """
    error = sys.exc_info()[1]
    unavailable = database_unavailable(error)
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        content = render_to_string(
            "503.html" if unavailable else "500.html",
            {"kept_input": kept_input(request)},
            request=request,
        )
    response = HttpResponse(
        content, status=503 if unavailable else 500, content_type="text/html; charset=utf-8"
    )
    add_never_cache_headers(response)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class PasswordResetView(account.PasswordResetView):
    """The admin's "forgotten password" form, throttled per visitor and per e-mail address.

    Every valid request counts, whether or not an account has that address, so neither the
    answer nor the limit tells an outsider which addresses have accounts.
    """

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        if over_limit(self.request, "password-reset", PASSWORD_RESETS_PER_ADDRESS) or over_limit(
            self.request, "password-reset:email", PASSWORD_RESETS_PER_EMAIL, subject=email
        ):
            form.add_error(
                None,
                _(
                    "Too many password reset requests were sent from your connection or for "
                    "this e-mail address. Please try again in an hour."
                ),
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)

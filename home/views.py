from django.db import connection, transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from wagtail.admin.views import account

from core.ratelimit import over_limit

PASSWORD_RESETS_PER_ADDRESS = 5
PASSWORD_RESETS_PER_EMAIL = 3


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


@requires_csrf_token
def server_error(request):
    # Rendered without the database-backed chrome: the database may be the cause.
    return HttpResponse(
        render(request, "500.html").content, status=500, content_type="text/html; charset=utf-8"
    )


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

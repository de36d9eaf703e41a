from django.db import connection, transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token


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

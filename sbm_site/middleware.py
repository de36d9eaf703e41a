from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.utils import translation
from django.utils.translation import get_language_from_path
from django.views.defaults import bad_request


class PermissionsPolicyMiddleware:
    """Tell browsers the site never uses the camera, microphone, location or payments."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class RefuseNullCharactersMiddleware:
    """Answer 400 to an address whose path or query string carries a null character.

    No page, filter or feed takes one, PostgreSQL refuses it in any text it is given, and it
    would otherwise reach every view that passes parameters to the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or _null_in_query(request):
            language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
            with translation.override(language):
                return bad_request(request, SuspiciousOperation("null character in the address"))
        return self.get_response(request)


def _null_in_query(request):
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in request.GET.lists()
    )

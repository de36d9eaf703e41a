"""Locale-scoped authorisation at one place for every admin and API path.

Runs after URL resolution (`process_view`) and before the view, for Wagtail's page and snippet
views, bulk actions and every wagtail-localize view. Each path is mapped to what it writes (a
page, a snippet, a translation, the locales of a submission) and checked with
`translations/permissions.py`; paths that only read pass. The views' own permission checks
still run afterwards: this layer only narrows them to the person's locales.

A refusal is a 403 for an API or a form submission, and Wagtail's "no permission" redirect with
a message for a page a person opened.
"""

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource

from .permissions import (
    user_may_use_model,
    user_may_write_locale,
    user_may_write_object,
    user_may_write_page,
)

# Wagtail's page views that write (or open an editor that writes) the page in the URL.
PAGE_WRITING_VIEWS = {
    "edit",
    "delete",
    "unpublish",
    "convert_alias",
    "move",
    "move_confirm",
    "set_page_position",
    "copy",
    "workflow_action",
    "collect_workflow_action_data",
    "confirm_workflow_cancellation",
    "set_privacy",
    "lock",
    "unlock",
    "revisions_revert",
    "revisions_unschedule",
}
# Views that create a page under the one in the URL.
PAGE_CREATING_VIEWS = {"add", "add_subpage", "choose_parent"}

# Snippet views that write the object in the URL, with the permission they use.
SNIPPET_WRITING_VIEWS = {
    "edit": "change",
    "delete": "delete",
    "unpublish": "publish",
    "workflow_action": "change",
    "collect_workflow_action_data": "change",
    "confirm_workflow_cancellation": "change",
    "lock": "change",
    "unlock": "change",
    "revisions_revert": "change",
    "revisions_unschedule": "publish",
    "copy": "add",
}

# wagtail-localize's views that change a translation (its target locale).
TRANSLATION_WRITING_VIEWS = {
    "edit_string_translation",
    "edit_override",
    "upload_pofile",
    "machine_translate",
    "stop_translation",
}
LOCALIZE_API_VIEWS = {"edit_string_translation", "edit_override"}


class LocaleScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._snippet_namespaces = None

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated or user.is_superuser:
            return None
        namespace, _sep, url_name = match.view_name.rpartition(":")
        check = None
        if namespace == "wagtailadmin_pages":
            check = self.check_page_view
        elif namespace == "wagtail_localize":
            check = self.check_localize_view
        elif namespace == "" and url_name == "wagtail_bulk_action":
            check = self.check_bulk_action
        elif namespace in self.snippet_namespaces():
            check = self.check_snippet_view
        if check is None:
            return None
        if check(request, url_name, view_kwargs, namespace):
            return None
        return refuse(request, api=url_name in LOCALIZE_API_VIEWS)

    # Pages ----------------------------------------------------------------------------------

    def check_page_view(self, request, url_name, kwargs, namespace):
        if url_name in PAGE_WRITING_VIEWS and "page_id" in kwargs:
            page = Page.objects.filter(pk=kwargs["page_id"]).first()
            return page is None or user_may_write_page(request.user, page)
        if url_name in PAGE_CREATING_VIEWS and "parent_page_id" in kwargs:
            parent = Page.objects.filter(pk=kwargs["parent_page_id"]).first()
            return parent is None or user_may_write_page(request.user, parent, creating=True)
        if url_name == "copy" and request.method == "POST":
            destination = Page.objects.filter(pk=request.POST.get("new_parent_page")).first()
            return destination is None or user_may_write_page(
                request.user, destination, creating=True
            )
        return True

    # Snippets -------------------------------------------------------------------------------

    def snippet_namespaces(self):
        if self._snippet_namespaces is None:
            self._snippet_namespaces = {
                model.snippet_viewset.url_namespace: model
                for model in get_snippet_models()
                if issubclass(model, TranslatableMixin)
            }
        return self._snippet_namespaces

    def check_snippet_view(self, request, url_name, kwargs, namespace):
        model = self.snippet_namespaces()[namespace]
        opts = model._meta
        if url_name == "add":
            locale_code = request.GET.get("locale") or request.POST.get("locale")
            locale = Locale.objects.filter(language_code=locale_code).first() or (
                Locale.get_default()
            )
            return user_may_write_locale(
                request.user, f"{opts.app_label}.add_{opts.model_name}", locale.language_code
            )
        action = SNIPPET_WRITING_VIEWS.get(url_name)
        if action is None or "pk" not in kwargs:
            return True
        instance = model._default_manager.filter(pk=unquote(str(kwargs["pk"]))).first()
        return instance is None or user_may_write_object(request.user, instance, action)

    def check_bulk_action(self, request, url_name, kwargs, namespace):
        model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
        if not issubclass(model, TranslatableMixin | Page):
            return True
        ids = [value for value in request.GET.getlist("id") if value.isdigit()]
        if model is Page or issubclass(model, Page):
            return all(
                user_may_write_page(request.user, page) for page in Page.objects.filter(pk__in=ids)
            )
        action = "delete" if kwargs["action"] == "delete" else "change"
        return all(
            user_may_write_object(request.user, instance, action)
            for instance in model._default_manager.filter(pk__in=ids)
        )

    # wagtail-localize -----------------------------------------------------------------------

    def check_localize_view(self, request, url_name, kwargs, namespace):
        user = request.user
        if url_name in ("submit_page_translation", "submit_snippet_translation"):
            if request.method != "POST":
                return True
            locales = Locale.objects.filter(pk__in=_digits(request.POST.getlist("locales")))
            return all(
                user_may_write_locale(
                    user,
                    "wagtail_localize.submit_translation",
                    locale.language_code,
                    translation=True,
                )
                for locale in locales
            )
        if url_name == "update_translations":
            source = TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).first()
            if source is None:
                return True
            publish = bool(request.POST.get("publish_translations"))
            return all(
                self.may_write_translation(user, translation, publish=publish)
                for translation in Translation.objects.filter(source=source, enabled=True)
            )
        if url_name in TRANSLATION_WRITING_VIEWS:
            translation = Translation.objects.filter(pk=kwargs["translation_id"]).first()
            return translation is None or self.may_write_translation(user, translation)
        if url_name == "convert_to_alias":
            page = Page.objects.filter(pk=kwargs["page_id"]).first()
            return page is None or user_may_write_page(user, page)
        if url_name in ("snippets_api_listing", "snippets_api_detail"):
            try:
                model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
            except LookupError:
                return True
            return user_may_use_model(user, model)
        return True

    @staticmethod
    def may_write_translation(user, translation, *, publish=False):
        """Positive check: wagtail-localize's update view checks no permission per target."""
        try:
            instance = translation.get_target_instance()
        except ObjectDoesNotExist:  # not created yet: judged by its locale
            instance = None
        if isinstance(instance, Page):
            permissions = instance.permissions_for_user(user)
            return (
                permissions.can_edit()
                and (not publish or permissions.can_publish())
                and user_may_write_page(user, instance)
            )
        if instance is not None:
            opts = instance._meta
            return (
                user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
                and (not publish or user_may_publish_snippet(user, instance))
                and user_may_write_object(user, instance)
            )
        return user.has_perm("wagtail_localize.submit_translation") and user_may_write_locale(
            user,
            "wagtail_localize.submit_translation",
            translation.target_locale.language_code,
            translation=True,
        )


def user_may_publish_snippet(user, instance):
    opts = instance._meta
    if not hasattr(instance, "live"):  # no draft state: saving is publishing
        return True
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}") and user_may_write_object(
        user, instance, "publish"
    )


def _digits(values):
    return [value for value in values if str(value).isdigit()]


def refuse(request, *, api=False):
    message = _("You may change content only in the languages of your role.")
    if api:
        return JsonResponse({"detail": message}, status=403)
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied(message)
    messages.error(request, message)
    return redirect("wagtailadmin_home")

"""The translators' admin views: claiming and releasing an item from the status report
(translations/reports.py), submitting a translation for review, and wagtail-localize's
"Translate" form offering only the user's languages."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.views import submit_translations

from . import claims
from .middleware import LocaleScopeMiddleware
from .models import TranslationAssignment
from .permissions import user_may_write_locale
from .review import NoWorkflow, submit_for_review, target_instance


def _back(request):
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect("translations_status_report")


@require_POST
def claim_view(request):
    locale = Locale.objects.filter(language_code=request.POST.get("locale", "")).first()
    instance = claims.source_instance(request.POST.get("kind", ""), request.POST.get("pk", ""))
    if locale is None or instance is None or locale == Locale.get_default():
        return _back(request)
    if not claims.may_claim(request.user, locale):
        raise PermissionDenied
    try:
        claims.claim(request.user, instance, locale)
    except claims.AlreadyClaimed:
        messages.error(
            request,
            _("Somebody already takes care of “%(title)s” in %(language)s.")
            % {"title": instance, "language": locale.get_display_name()},
        )
    else:
        messages.success(
            request,
            _("You take care of “%(title)s” in %(language)s.")
            % {"title": instance, "language": locale.get_display_name()},
        )
    return _back(request)


@require_POST
def release_view(request, assignment_id):
    assignment = get_object_or_404(TranslationAssignment, pk=assignment_id)
    if not claims.may_release(request.user, assignment):
        raise PermissionDenied
    claims.release(request.user, assignment)
    messages.success(request, _("The item is free again for the other translators."))
    return _back(request)


@require_POST
def submit_for_review_view(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    if not LocaleScopeMiddleware.may_write_translation(request.user, translation):
        raise PermissionDenied
    try:
        submit_for_review(translation, request.user)
    except NoWorkflow:
        messages.error(request, _("No review is set up for this language: ask a moderator."))
    except ValidationError as error:
        messages.error(
            request,
            _("The translation cannot be saved yet: %(errors)s")
            % {"errors": "; ".join(error.messages)},
        )
    else:
        messages.success(
            request,
            _("Sent for review to the other translators of %(language)s.")
            % {"language": translation.target_locale.get_display_name()},
        )
    return redirect(AdminURLFinder(request.user).get_edit_url(target_instance(translation)))


class LocaleScopedSubmitMixin:
    """wagtail-localize's "Translate" form, with only the languages the user translates into."""

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        allowed = [
            locale.pk
            for locale in field.queryset
            if user_may_write_locale(
                self.request.user,
                "wagtail_localize.submit_translation",
                locale.language_code,
                translation=True,
            )
        ]
        field.queryset = field.queryset.filter(pk__in=allowed)
        if len(allowed) < 2:
            form.fields["select_all"].widget = forms.HiddenInput()
        return form


class SubmitPageTranslationView(
    LocaleScopedSubmitMixin, submit_translations.SubmitPageTranslationView
):
    pass


class SubmitSnippetTranslationView(
    LocaleScopedSubmitMixin, submit_translations.SubmitSnippetTranslationView
):
    pass

"""The translators' admin views: the translation status report (filters, claims, CSV export),
claiming and releasing an item, submitting a translation for review, and wagtail-localize's
"Translate" form offering only the user's languages."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.views import submit_translations

from core.spreadsheets import SafeCsvWriter
from core.urls import absolute_url
from home.roles import MODERATORS

from . import claims
from .middleware import LocaleScopeMiddleware
from .models import TranslationAssignment
from .permissions import can_view_translation_status, user_may_write_locale
from .review import NoWorkflow, submit_for_review, target_instance
from .status import STATUS_CHOICES, content_type_choices, target_locales, translation_status

MINE = "mine"
NOBODY = "nobody"


class StatusFilterForm(forms.Form):
    locale = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    content_type = forms.ChoiceField(label=gettext_lazy("Type of content"), required=False)
    assigned_to = forms.ChoiceField(label=gettext_lazy("Assigned to"), required=False)

    def __init__(self, *args, target_locales, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["locale"].choices = everything + [
            (locale.language_code, locale.get_display_name()) for locale in target_locales
        ]
        self.fields["status"].choices = everything + [
            (value, str(label)) for value, label in STATUS_CHOICES
        ]
        self.fields["content_type"].choices = everything + [
            (str(pk), label) for pk, label in content_type_choices()
        ]
        claimants = (
            get_user_model()
            .objects.filter(pk__in=TranslationAssignment.objects.values("user_id"))
            .order_by("username")
        )
        self.fields["assigned_to"].choices = [
            *everything,
            (MINE, _("Me")),
            (NOBODY, _("Nobody")),
            *((str(user.pk), user.get_full_name() or user.get_username()) for user in claimants),
        ]


def status_report(request):
    if not can_view_translation_status(request.user):
        raise PermissionDenied
    locales = target_locales()
    form = StatusFilterForm(request.GET or None, target_locales=locales)
    content_type_ids, statuses, assigned_to = None, None, ""
    if form.is_valid():
        assigned_to = form.cleaned_data["assigned_to"]
        if code := form.cleaned_data["locale"]:
            locales = [locale for locale in locales if locale.language_code == code]
        if content_type := form.cleaned_data["content_type"]:
            content_type_ids = [int(content_type)]
        if status := form.cleaned_data["status"]:
            statuses = [status]
    rows, counts = translation_status(
        locales=locales, content_type_ids=content_type_ids, statuses=statuses
    )
    rows = _assigned_rows(rows, assigned_to, request.user)
    if request.GET.get("export") == "csv":
        return _csv_response(request, rows)
    query = request.GET.copy()
    query.pop("export", None)
    query["export"] = "csv"
    return render(
        request,
        "translations/admin/status_report.html",
        {
            "page_title": _("Translation status"),
            "form": form,
            "rows": rows,
            "counts": [(value, label, counts[value]) for value, label in STATUS_CHOICES],
            "csv_url": f"?{query.urlencode()}",
            "claimable_locales": {
                locale.pk for locale in target_locales() if claims.may_claim(request.user, locale)
            },
            "next_url": request.get_full_path(),
            "may_release_all": request.user.is_superuser
            or request.user.groups.filter(name=MODERATORS).exists(),
        },
    )


def _assigned_rows(rows, assigned_to, user):
    if not assigned_to:
        return rows
    if assigned_to == NOBODY:
        return [row for row in rows if row.assignment is None]
    user_id = user.pk if assigned_to == MINE else int(assigned_to)
    return [row for row in rows if row.assignment and row.assignment.user_id == user_id]


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


def _csv_response(request, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
    response.write("\ufeff")  # Lets spreadsheet software recognise UTF-8.
    writer = SafeCsvWriter(response)
    writer.writerow(
        [
            _("Title"),
            _("Type of content"),
            _("Language"),
            _("Status"),
            _("Translated texts"),
            _("Texts to translate"),
            _("Address in the administration"),
            _("Assigned to"),
            _("Since"),
        ]
    )
    for row in rows:
        url = row.action_url
        writer.writerow(
            [
                row.item.label,
                row.item.type_label,
                row.locale.language_code,
                row.status_label,
                row.translated,
                row.total,
                absolute_url(url) if url else "",
                _assignee_username(row.assignment) if row.assignment else "",
                row.assignment.claimed_at.isoformat() if row.assignment else "",
            ]
        )
    return response


def _assignee_username(assignment):
    return assignment.user.get_username() if assignment.user else assignment.volunteer_name

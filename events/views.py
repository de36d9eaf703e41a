"""Registration, cancellation and calendar files."""

from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from core.ratelimit import over_limit

from . import emails
from .calendars import ics_bytes
from .forms import RegistrationForm
from .listing import event_context
from .models import EventPage, EventSeriesPage
from .registrations import AlreadyRegistered, cancel, registration_from_token
from .registrations import register as take_seat

REGISTRATION_LIMIT = 5
RATE_WINDOW = 3600


def _render_with_form(request, event, form, status):
    response = TemplateResponse(
        request,
        event.get_template(request),
        {**event.get_context(request), **event_context(event, request, form=form)},
        status=status,
    )
    return response


@never_cache
def register(request, event):
    if request.method != "POST":
        return HttpResponseRedirect(event.url + "#registration")
    if not event.takes_registrations:
        raise Http404
    form = RegistrationForm(request.POST)
    if form.is_spam:
        return HttpResponseRedirect(event.url + "?registration=confirmed#registration")
    if not form.is_valid():
        return _render_with_form(request, event, form, 400)
    if over_limit(request, "events:register", REGISTRATION_LIMIT, RATE_WINDOW):
        form.add_error(
            None,
            _(
                "Too many registrations were sent from your connection. "
                "Please try again in an hour."
            ),
        )
        return _render_with_form(request, event, form, 429)
    data = form.cleaned_data
    try:
        registration = take_seat(
            event,
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            consent=data["consent"],
            language=translation.get_language() or event.locale.language_code,
        )
    except AlreadyRegistered:
        form.add_error(
            "email",
            _(
                "This e-mail address is already registered for this event. The confirmation "
                "e-mail contains a link to cancel."
            ),
        )
        return _render_with_form(request, event, form, 400)
    emails.send_confirmation(registration)
    state = "waiting" if registration.is_waiting else "confirmed"
    return HttpResponseRedirect(f"{event.url}?registration={state}#registration")


@never_cache
def cancel_view(request, token):
    registration = registration_from_token(token)
    context = {"registration": registration, "cancelled": False}
    if registration is None:
        return TemplateResponse(request, "events/cancel.html", context, status=404)
    context["event"] = registration.event.localized
    if request.method == "POST":
        promoted = cancel(registration)
        if promoted is not None:
            emails.send_promotion(promoted)
        context["cancelled"] = True
    elif request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    return TemplateResponse(request, "events/cancel.html", context)


def _ics_response(events, name, filename, request):
    response = HttpResponse(ics_bytes(events, name, request), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def event_ics(request, page_id):
    event = get_object_or_404(EventPage.objects.live().public(), pk=page_id)
    return _ics_response([event], event.title, f"{event.slug}.ics", request)


@require_GET
def series_ics(request, page_id):
    series = get_object_or_404(EventSeriesPage.objects.live().public(), pk=page_id)
    return _ics_response(list(series.events()), series.title, f"{series.slug}.ics", request)


def upcoming_events(language_code):
    locale = get_object_or_404(Locale, language_code=language_code)
    return (
        EventPage.objects.live()
        .public()
        .filter(locale=locale, end__gte=timezone.now())
        .select_related("locale")
        .order_by("start", "pk")
    )


@require_GET
def upcoming_ics(request, language_code):
    events = upcoming_events(language_code)
    with translation.override(language_code):
        name = _("Social Business Models: upcoming events")
    return _ics_response(list(events), name, f"events-{language_code}.ics", request)

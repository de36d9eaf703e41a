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
from .registrations import cancel, confirm_address
from .registrations import register as take_seat
from .tokens import LinkProblem, registration_to_cancel, registration_to_confirm

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
    registration, created = take_seat(
        event,
        name=data["name"],
        email=data["email"],
        organisation=data["organisation"],
        consent=data["consent"],
        language=translation.get_language() or event.locale.language_code,
    )
    # The answer is the same whether the address was new or already registered, so the form
    # tells nobody who registered; the address's owner gets the link (again) or, when already
    # confirmed, their confirmation again.
    if created or not registration.is_address_confirmed:
        emails.send_address_check(registration)
    else:
        emails.send_confirmation(registration)
    return HttpResponseRedirect(f"{event.url}?registration=pending#registration")


LINK_PROBLEM_STATUS = {LinkProblem.INVALID: 400, LinkProblem.GONE: 410, LinkProblem.EXPIRED: 410}


def _link_problem(request, template, registration, problem):
    context = {"registration": registration, "problem": problem.value}
    if registration is not None:
        context["event"] = registration.event.localized
    return TemplateResponse(request, template, context, status=LINK_PROBLEM_STATUS[problem])


def _state_url(event, registration):
    state = "waiting" if registration.is_waiting else "confirmed"
    return f"{event.url}?registration={state}#registration"


@never_cache
def confirm_view(request, token):
    """The double opt-in link. A GET only shows a button: mail scanners that open links must
    not confirm an address on the owner's behalf."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    registration, problem = registration_to_confirm(token)
    if problem is not None:
        return _link_problem(request, "events/confirm.html", registration, problem)
    event = registration.event.localized
    if registration.is_address_confirmed:
        return HttpResponseRedirect(_state_url(event, registration))
    if request.method == "GET":
        return TemplateResponse(
            request, "events/confirm.html", {"registration": registration, "event": event}
        )
    confirmed = confirm_address(registration)
    if confirmed is None:
        return _link_problem(request, "events/confirm.html", registration, LinkProblem.EXPIRED)
    emails.send_confirmation(confirmed)
    return HttpResponseRedirect(_state_url(event, confirmed))


@never_cache
def cancel_view(request, token):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    registration, problem = registration_to_cancel(token)
    if problem is not None:
        return _link_problem(request, "events/cancel.html", registration, problem)
    context = {"registration": registration, "event": registration.event.localized}
    if request.method == "POST":
        if not cancel(registration):
            return _link_problem(request, "events/cancel.html", None, LinkProblem.GONE)
        context["cancelled"] = True
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

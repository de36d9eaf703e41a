"""Admin and cross-domain integration of the events app.

- sections: the next events on the home page, upcoming events on a tool sheet, upcoming
  sessions on a training module and on each step of a training path, past and upcoming events
  on a tool's impact page (admin);
- "Create the events of the cycle": a button on each cycle, leading to a form with a rule;
- registrations: a listing per event with CSV export for the organisers.
"""

from django.forms import modelform_factory
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from core.cache import CHROME, PAGES
from core.sections import register_section
from core.spreadsheets import NeutralisedExportMixin
from guides.listings import TRAINING_SESSIONS_HOOK
from tools.impact import IMPACT_LIST_LIMIT, IMPACT_TEMPLATE

from .admin_views import GenerateEventsView
from .forms import RegistrationAdminForm
from .listing import (
    home_section,
    module_sessions_section,
    tool_section,
    upcoming_sessions_of_modules,
)
from .models import EventPage, EventSeriesPage, Registration

# Upcoming events change with publications, pictures and the clock.
UPCOMING_SECTION = {"cached_in": (PAGES, CHROME), "clock_minutes": 5}
register_section(
    "home", "events", "events/includes/home_events.html", home_section, 40, **UPCOMING_SECTION
)
register_section(
    "tool_sheet",
    "events",
    "events/includes/tool_events.html",
    tool_section,
    50,
    **UPCOMING_SECTION,
)
register_section(
    "training_module",
    "sessions",
    "events/includes/module_sessions.html",
    module_sessions_section,
    order=20,
)

hooks.register(TRAINING_SESSIONS_HOOK, upcoming_sessions_of_modules)


@hooks.register("register_admin_urls")
def register_generate_events_url():
    return [
        path(
            "events/cycle/<int:series_id>/create-events/",
            GenerateEventsView.as_view(),
            name="events_generate",
        )
    ]


def generate_button(page, user, priority):
    if not isinstance(page.specific_deferred, EventSeriesPage):
        return None
    if not page.permissions_for_user(user).can_add_subpage():
        return None
    return Button(
        _("Create the events of the cycle"),
        url=reverse("events_generate", args=[page.pk]),
        icon_name="calendar",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def cycle_header_button(page, user, view_name, next_url=None):
    button = generate_button(page, user, priority=16)
    return [button] if button else []


@hooks.register("register_page_listing_more_buttons")
def cycle_listing_button(page, user, next_url=None):
    button = generate_button(page, user, priority=9)
    return [button] if button else []


class RegistrationIndexView(NeutralisedExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event")


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "email", "organisation", "event", "state", "created_at"]
    list_filter = ["event", "status"]
    search_fields = ["name", "email", "organisation"]
    list_export = [
        "event",
        "name",
        "email",
        "organisation",
        "status",
        "email_confirmed_at",
        "language",
        "created_at",
    ]
    export_filename = "registrations"
    form_fields = ["name", "email", "organisation", "status"]
    copy_view_enabled = False
    inspect_view_enabled = True

    index_view_class = RegistrationIndexView

    def get_form_class(self, for_update=False):
        return modelform_factory(
            self.model,
            form=RegistrationAdminForm,
            formfield_callback=self.formfield_for_dbfield,
            fields=self.form_fields,
        )


registration_viewset = RegistrationViewSet("event_registrations")


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return registration_viewset


def _tool_events(tool):
    return EventPage.objects.filter(
        related_tools__translation_key=tool.translation_key, alias_of__isnull=True
    ).select_related("locale")


def _event_rows(events):
    return [
        {
            "title": event.title,
            "url": reverse("wagtailadmin_pages:edit", args=[event.pk]),
            "meta": f"{date_format(timezone.localtime(event.start), 'SHORT_DATE_FORMAT')}, "
            f"{event.locale.get_display_name()}",
        }
        for event in events
    ]


def _upcoming_impact(tool, request):
    events = _tool_events(tool).filter(end__gte=timezone.now()).order_by("start", "pk")
    return {
        "heading": gettext("Upcoming events that present it"),
        "rows": _event_rows(events.distinct()[:IMPACT_LIST_LIMIT]),
        "empty": gettext("No upcoming event presents this tool."),
    }


def _past_impact(tool, request):
    events = _tool_events(tool).filter(end__lt=timezone.now()).order_by("-start", "-pk")
    return {
        "heading": gettext("Past events that presented it"),
        "rows": _event_rows(events.distinct()[:IMPACT_LIST_LIMIT]),
        "empty": gettext("No past event presented this tool."),
    }


register_section("tool_impact", "upcoming_events", IMPACT_TEMPLATE, _upcoming_impact, order=10)
register_section("tool_impact", "past_events", IMPACT_TEMPLATE, _past_impact, order=20)

"""Create the events of a cycle in one action, from a recurrence rule."""

from datetime import timedelta

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail_localize.synctree import create_aliases_for_new_page

from .models import EventFormat, EventLanguage, EventPage, EventSeriesPage
from .schedule import DAILY, MONTHLY, WEEKLY, Rule

MAX_OCCURRENCES = 100


class GenerateEventsForm(forms.Form):
    title_pattern = forms.CharField(
        label=_("Title of each event"),
        max_length=200,
        initial=_("Webinar {number}"),
        help_text=_("{number} becomes the event's number in the cycle, e.g. 'Day {number}'."),
    )
    frequency = forms.ChoiceField(
        label=_("Repeat"),
        choices=[
            (MONTHLY, _("Every month, on a given weekday")),
            (WEEKLY, _("Every week")),
            (DAILY, _("Every day")),
        ],
    )
    week_of_month = forms.TypedChoiceField(
        label=_("Which week of the month"),
        coerce=int,
        initial=3,
        choices=[
            (1, _("first")),
            (2, _("second")),
            (3, _("third")),
            (4, _("fourth")),
            (-1, _("last")),
        ],
        help_text=_("Only for a monthly cycle."),
    )
    weekday = forms.TypedChoiceField(
        label=_("Weekday"),
        coerce=int,
        initial=3,
        choices=[
            (0, _("Monday")),
            (1, _("Tuesday")),
            (2, _("Wednesday")),
            (3, _("Thursday")),
            (4, _("Friday")),
            (5, _("Saturday")),
            (6, _("Sunday")),
        ],
        help_text=_("For a monthly or weekly cycle."),
    )
    first_day = forms.DateField(
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The first event is on this day or the first matching day after it."),
    )
    count = forms.IntegerField(
        label=_("Number of events"), min_value=1, max_value=MAX_OCCURRENCES, initial=12
    )
    start_time = forms.TimeField(
        label=_("Start time (Swiss time)"),
        widget=forms.TimeInput(attrs={"type": "time"}),
        initial="13:00",
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration in minutes"), min_value=1, max_value=24 * 60, initial=90
    )
    event_format = forms.ChoiceField(
        label=_("Format"), choices=EventFormat.choices, initial=EventFormat.WEBINAR
    )
    language = forms.ChoiceField(label=_("Language of the event"), choices=EventLanguage.choices)
    online_url = forms.URLField(
        label=_("Online meeting link"), required=False, assume_scheme="https"
    )
    capacity = forms.IntegerField(
        label=_("Number of seats"),
        min_value=1,
        required=False,
        help_text=_("Leave empty for no limit."),
    )
    publish = forms.BooleanField(
        label=_("Publish the events at once"),
        required=False,
        help_text=_("Otherwise they are created as drafts, to complete one by one."),
    )
    submit_for_moderation = forms.BooleanField(
        label=_("Submit the events for moderation at once"),
        required=False,
        help_text=_(
            "The moderators receive them and publish them. Leave unticked to complete them "
            "one by one first: each draft then has its own 'Submit for moderation' button."
        ),
    )

    def __init__(self, *args, can_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the choices this person may use: publishing for those who publish in this
        # tree, handing over to the moderators for everybody else.
        if can_publish:
            del self.fields["submit_for_moderation"]
        else:
            del self.fields["publish"]

    def rule(self):
        data = self.cleaned_data
        return Rule(
            frequency=data["frequency"],
            first_day=data["first_day"],
            count=data["count"],
            start_time=data["start_time"],
            duration=timedelta(minutes=data["duration_minutes"]),
            weekday=data["weekday"],
            week_of_month=data["week_of_month"],
        )


def unique_slug(parent, base):
    slug, number = base, 1
    taken = set(parent.get_children().values_list("slug", flat=True))
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def create_events(series, form, user=None):
    """Create the events of the rule as drafts; publish them or start their workflow.

    Publication is checked here, where it happens, whatever the form offered: a person who may
    not publish in the cycle's tree gets drafts.
    """
    data = form.cleaned_data
    may_publish = user is None or series.permissions_for_user(user).can_publish_subpage()
    publish = data.get("publish") and may_publish
    submit = data.get("submit_for_moderation") and not publish
    occurrences = form.rule().occurrences()
    offset = series.get_children().type(EventPage).count()
    created = []
    for position, (start, end) in enumerate(occurrences, start=offset + 1):
        title = data["title_pattern"].replace("{number}", str(position))
        event = EventPage(
            title=title,
            slug=unique_slug(series, slugify(title)[:70] or f"event-{position}"),
            locale=series.locale,
            start=start,
            end=end,
            event_format=data["event_format"],
            language=data["language"],
            online_url=data["online_url"],
            capacity=data["capacity"],
            live=False,
            owner=user,
        )
        series.add_child(instance=event)
        revision = event.save_revision(user=user)
        if publish:
            revision.publish(user=user)
        elif submit and (workflow := event.get_workflow()) is not None:
            workflow.start(event, user)
        create_aliases_for_new_page(event)
        created.append(event)
    return created


class GenerateEventsView(WagtailAdminTemplateMixin, FormView):
    template_name = "events/admin/generate_events.html"
    form_class = GenerateEventsForm
    header_icon = "calendar"

    def dispatch(self, request, series_id):
        self.series = get_object_or_404(EventSeriesPage, pk=series_id)
        if not self.series.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        return super().dispatch(request, series_id)

    def get_page_title(self):
        return _("Create the events of the cycle")

    def get_page_subtitle(self):
        return self.series.title

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def can_publish(self):
        return self.series.permissions_for_user(self.request.user).can_publish_subpage()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "can_publish": self.can_publish()}

    def get_initial(self):
        return {"language": self.series.locale.language_code}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["series"] = self.series
        return context

    def form_valid(self, form):
        created = create_events(self.series, form, self.request.user)
        data = form.cleaned_data
        count = {"count": len(created)}
        if data.get("publish"):
            message = _("%(count)d events were created in the cycle and published.") % count
        elif data.get("submit_for_moderation"):
            message = (
                _(
                    "%(count)d events were created in the cycle and sent to the moderators, "
                    "who publish them. You will receive an e-mail when they are published."
                )
                % count
            )
        else:
            message = (
                _(
                    "%(count)d events were created in the cycle as drafts. Next step: open each "
                    "one, complete it, then use 'Submit for moderation' (or 'Publish' if you may)."
                )
                % count
            )
        messages.success(self.request, message)
        return redirect("wagtailadmin_explore", self.series.pk)

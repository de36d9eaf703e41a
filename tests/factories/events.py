"""Events: the agenda, cycles of events, events and the registrations to them."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from events.models import EventIndexPage, EventPage, EventSeriesPage, Registration

from .pages import PageFactory, demo_page


def demo_agenda():
    """The agenda of the demo site in the default language ("evenements")."""
    return demo_page(EventIndexPage, "evenements", title="Événements")


class EventIndexPageFactory(PageFactory):
    """An agenda; the demo site has one per language ("evenements")."""

    class Meta:
        model = EventIndexPage

    title = factory.LazyAttribute(lambda page: f"Agenda essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"agenda-essai-{page.number}")


class EventSeriesPageFactory(PageFactory):
    """A cycle of events in the demo agenda of the default language, published and aliased."""

    class Meta:
        model = EventSeriesPage

    parent = factory.LazyFunction(demo_agenda)
    title = factory.LazyAttribute(lambda page: f"Cycle essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"cycle-essai-{page.number}")


class EventPageFactory(PageFactory):
    """An event in the demo agenda of the default language, published and aliased.

    It starts in ten days (`start`) and lasts `hours` (a parameter, 2); a French webinar with
    registration open and no seat limit. Its title comes from its slug ("atelier-hiver" gives
    "Atelier hiver").
    """

    class Meta:
        model = EventPage

    class Params:
        hours = 2

    parent = factory.LazyFunction(demo_agenda)
    slug = factory.LazyAttribute(lambda page: f"atelier-essai-{page.number}")
    title = factory.LazyAttribute(lambda page: page.slug.replace("-", " ").capitalize())
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    end = factory.LazyAttribute(lambda page: page.start + timedelta(hours=page.hours))


class RegistrationFactory(DjangoModelFactory):
    """A confirmed registration (seat and address), with consent, to a new event (or to
    `event`); `email_confirmed_at=None` gives one whose address is still to confirm."""

    class Meta:
        model = Registration

    class Params:
        number = factory.Sequence(lambda n: n + 1)

    event = factory.SubFactory(EventPageFactory)
    name = factory.LazyAttribute(lambda row: f"Personne {row.number}")
    email = factory.LazyAttribute(lambda row: f"personne-{row.number}@example.org")
    consent = True
    status = Registration.Status.CONFIRMED
    email_confirmed_at = factory.LazyFunction(timezone.now)

"""Taking seats, the waiting list and cancellations, safe under concurrent requests.

Every change locks the event's row (`select_for_update`) inside a transaction, so two
registrations for the last seat are serialised: one gets it, the other joins the waiting list.
On SQLite the database is locked at the start of each transaction (transaction_mode IMMEDIATE).
"""

from django.core import signing
from django.db import IntegrityError, transaction

from .models import EventPage, Registration

CANCEL_SALT = "events.registration.cancel"


class AlreadyRegistered(Exception):
    pass


def register(event, *, name, email, organisation="", consent=True, language="fr"):
    """Register a person for the event (its source page); returns the Registration."""
    source = event.source_event()
    try:
        with transaction.atomic():
            locked = EventPage.objects.select_for_update().only("pk", "capacity").get(pk=source.pk)
            if Registration.objects.filter(event=locked, email=email).exists():
                raise AlreadyRegistered
            status = Registration.Status.CONFIRMED
            if locked.capacity is not None:
                taken = Registration.objects.filter(
                    event=locked, status=Registration.Status.CONFIRMED
                ).count()
                if taken >= locked.capacity:
                    status = Registration.Status.WAITING
            return Registration.objects.create(
                event=locked,
                name=name,
                email=email,
                organisation=organisation,
                consent=consent,
                status=status,
                language=language,
            )
    except IntegrityError as error:
        # Two simultaneous requests with the same e-mail: the unique constraint decides.
        raise AlreadyRegistered from error


def cancel(registration):
    """Delete the registration; a freed seat goes to the first person on the waiting list.

    Returns the promoted Registration, or None.
    """
    with transaction.atomic():
        locked = (
            EventPage.objects.select_for_update()
            .only("pk", "capacity")
            .get(pk=registration.event_id)
        )
        was_confirmed = (
            Registration.objects.filter(pk=registration.pk).values_list("status", flat=True).first()
            == Registration.Status.CONFIRMED
        )
        deleted, _details = Registration.objects.filter(pk=registration.pk).delete()
        if not deleted or not was_confirmed:
            return None
        taken = Registration.objects.filter(
            event=locked, status=Registration.Status.CONFIRMED
        ).count()
        if locked.capacity is not None and taken >= locked.capacity:
            return None
        first_waiting = (
            Registration.objects.filter(event=locked, status=Registration.Status.WAITING)
            .order_by("created_at", "pk")
            .first()
        )
        if first_waiting is None:
            return None
        first_waiting.status = Registration.Status.CONFIRMED
        first_waiting.save(update_fields=["status"])
        return first_waiting


def cancel_token(registration):
    return signing.dumps({"r": registration.pk, "e": registration.email}, salt=CANCEL_SALT)


def registration_from_token(token):
    """The Registration the token was made for, or None (bad, forged or already cancelled)."""
    try:
        data = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    return (
        Registration.objects.select_related("event")
        .filter(pk=data.get("r"), email=data.get("e"))
        .first()
    )


def upcoming_registrations_for(user, limit=10):
    """Upcoming events taking registrations on this site, with their counts, for a dashboard.

    Only for people allowed to see registrations (`events.view_registration`); an empty list
    otherwise. Each event (in the default language, which holds the registrations) carries
    `confirmed_count`, `waiting_count` and `seats_left_count` (None when unlimited). One query.
    """
    from django.db.models import Count, Q
    from django.utils import timezone
    from wagtail.models import Locale

    if not user.is_authenticated or not user.has_perm("events.view_registration"):
        return []
    events = list(
        EventPage.objects.live()
        .filter(
            locale=Locale.get_default(),
            end__gte=timezone.now(),
            registration_open=True,
            external_registration_url="",
        )
        .annotate(
            confirmed_count=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)
            ),
            waiting_count=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.WAITING)
            ),
        )
        .order_by("start", "pk")[:limit]
    )
    for event in events:
        event.seats_left_count = (
            None if event.capacity is None else max(event.capacity - event.confirmed_count, 0)
        )
    return events

"""Taking seats, the waiting list and cancellations, safe under concurrent requests.

Every change locks the event's row (`select_for_update`) inside a transaction, so two
registrations for the last seat are serialised: one gets it, the other joins the waiting list.
On SQLite the database is locked at the start of each transaction (transaction_mode IMMEDIATE).

Double opt-in: `register` keeps the registration unconfirmed and the view sends a link
(`emails.send_address_check`); `confirm_address` is called when the person follows it.
Whatever frees a seat (a cancellation, an organiser deleting a registration or changing its
status, an unconfirmed registration expiring) ends in `fill_free_seats`, which promotes the
first people of the waiting list and e-mails them once the transaction commits
(`Registration.save` and the `pre_delete`/`post_delete` receivers in `events.signals`).
"""

from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Locale

from . import emails
from .models import EventPage, Registration, holding_seat_q


def lock_event(event_id):
    """The event's row, locked until the end of the transaction (seats and waiting list)."""
    return EventPage.objects.select_for_update().only("pk", "capacity", "start").get(pk=event_id)


def fill_free_seats(event, exclude=None):
    """Give the free seats of `event` (locked) to the first people of the waiting list.

    `exclude`: the pk of a registration just put on the waiting list, which must not get its
    seat back at once.

    Only people who confirmed their address are promoted. Each gets the promotion e-mail after
    the transaction commits. Returns the promoted registrations. Nobody is promoted once the
    event has started (nor when the registrations of a past event are purged).
    """
    if event.capacity is None or event.start <= timezone.now():
        return []
    free = event.capacity - Registration.objects.filter(event=event).holding_seat().count()
    if free <= 0:
        return []
    promoted = list(
        Registration.objects.filter(event=event)
        .exclude(pk=exclude)
        .waiting_for_seat()
        .select_for_update()[:free]
    )
    if not promoted:
        return []
    # A queryset update, not save(): save() would fill the seats again.
    Registration.objects.filter(pk__in=[row.pk for row in promoted]).update(
        status=Registration.Status.CONFIRMED
    )
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        transaction.on_commit(partial(emails.send_promotion, registration))
    return promoted


def _status_for_newcomer(event):
    if event.capacity is None:
        return Registration.Status.CONFIRMED
    taken = Registration.objects.filter(event=event).holding_seat().count()
    if taken >= event.capacity:
        return Registration.Status.WAITING
    return Registration.Status.CONFIRMED


def register(event, *, name, email, organisation="", consent=True, language="fr"):
    """Ask for a seat at the event (its source page) with an unconfirmed address.

    Returns `(registration, created)`. When the address already has a registration for the
    event, that one is returned unchanged with `created` False (the caller sends the link
    again, and says nothing the visitor could learn the registration from); an unconfirmed
    registration whose period is over is replaced by a new one, at the end of the queue.
    """
    source = event.source_event()
    try:
        with transaction.atomic():
            locked = lock_event(source.pk)
            existing = Registration.objects.filter(event=locked, email=email).first()
            if existing is not None and not existing.confirmation_expired():
                return existing, False
            if existing is not None:
                existing.delete()
            # Seats freed by expired registrations go to the waiting list before a newcomer.
            fill_free_seats(locked)
            registration = Registration.objects.create(
                event=locked,
                name=name,
                email=email,
                organisation=organisation,
                consent=consent,
                status=_status_for_newcomer(locked),
                language=language,
            )
            return registration, True
    except IntegrityError:
        # Two simultaneous requests with the same e-mail: the unique constraint decides.
        return Registration.objects.get(event_id=source.pk, email=email), False


def confirm_address(registration):
    """Record that the person followed the confirmation link; returns the registration.

    People on the waiting list keep their place in it; a seat that is free at this moment
    (and not owed to someone earlier in the list) becomes theirs. Returns None when the
    registration is gone or its period ran out meanwhile.
    """
    with transaction.atomic():
        locked = lock_event(registration.event_id)
        current = Registration.objects.filter(pk=registration.pk).first()
        if current is None or current.confirmation_expired():
            return None
        if current.is_address_confirmed:
            return current
        fill_free_seats(locked)
        current.email_confirmed_at = timezone.now()
        if current.is_waiting and _status_for_newcomer(locked) == Registration.Status.CONFIRMED:
            current.status = Registration.Status.CONFIRMED
        current.save(update_fields=["email_confirmed_at", "status"])
        return current


def cancel(registration):
    """Delete the registration; a freed seat goes to the first person on the waiting list
    (see `events.signals`). Returns False when it was already gone."""
    with transaction.atomic():
        lock_event(registration.event_id)
        deleted, _details = Registration.objects.filter(pk=registration.pk).delete()
    return bool(deleted)


def upcoming_registrations_for(user, limit=10):
    """Upcoming events taking registrations on this site, with their counts, for a dashboard.

    Only for people allowed to see registrations (`events.view_registration`); an empty list
    otherwise. Each event (in the default language, which holds the registrations) carries
    `confirmed_count` (seats held), `waiting_count` and `seats_left_count` (None when
    unlimited). One query.
    """
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
            confirmed_count=Count("registrations", filter=holding_seat_q("registrations__")),
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

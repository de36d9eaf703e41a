"""A seat freed by deleting a registration, however it is deleted (the visitor's cancel link,
the organisers' admin, a queryset in a purge command), goes to the waiting list; so do the
seats an organiser adds by publishing the event with a larger capacity.

`pre_delete` locks the event's row before the registration's row goes, in the order the
registration flow takes them; `post_delete` fills the seats in the same transaction (Django
runs both inside the deletion's transaction).
"""

from django.db import transaction
from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published

from .models import EventPage, Registration
from .registrations import fill_free_seats, lock_event


@receiver(pre_delete, sender=Registration)
def lock_the_event_before_deleting(sender, instance, **kwargs):
    lock_event(instance.event_id)


@receiver(post_delete, sender=Registration)
def give_the_freed_seat_to_the_waiting_list(sender, instance, origin=None, **kwargs):
    # When the event itself is deleted, its registrations go with it: no one to promote.
    if isinstance(origin, Page) or not EventPage.objects.filter(pk=instance.event_id).exists():
        return
    fill_free_seats(lock_event(instance.event_id))


@receiver(page_published, sender=EventPage)
def give_added_seats_to_the_waiting_list(sender, instance, **kwargs):
    with transaction.atomic():
        fill_free_seats(lock_event(instance.pk))

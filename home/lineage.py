"""Adaptations and lineage: a page (tool sheet, shared model) adapted from another of its kind.

A model that uses `AdaptationMixin` declares its own `adapted_from` (a foreign key to itself,
`related_name="adaptations"`); the mixin adds what changed (audience, country, sector,
language, in words) and refuses a source that is the page itself or one of its adaptations.
`page_lineage()` gives the page's source and its adaptations, in the page's language, for its
template, PDF and admin.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from core.cache import PAGES, cached
from core.i18n_pages import localize_pages

CHANGED_ASPECTS = ["changed_audience", "changed_country", "changed_sector", "changed_language"]
# What an adaptation tells about itself, public in the API.
ADAPTATION_FIELDS = [*CHANGED_ASPECTS, "adaptation_note"]


class AdaptationMixin(models.Model):
    changed_audience = models.BooleanField(
        _("for another audience"),
        default=False,
        help_text=_("Tick when the adaptation addresses other people than the source."),
    )
    changed_country = models.BooleanField(
        _("for another country or region"),
        default=False,
        help_text=_("Tick when the adaptation fits the source to another country or region."),
    )
    changed_sector = models.BooleanField(
        _("for another sector"),
        default=False,
        help_text=_("Tick when the adaptation serves another field of activity."),
    )
    changed_language = models.BooleanField(
        _("in another language"),
        default=False,
        help_text=_(
            "Tick when the adaptation was rewritten for speakers of another language, "
            "beyond a translation."
        ),
    )
    adaptation_note = models.TextField(
        _("what changed"),
        blank=True,
        max_length=2000,
        help_text=_("In a few sentences: what was changed from the source, and why."),
    )

    class Meta:
        abstract = True

    @classmethod
    def adaptation_panels(cls):
        return [
            MultiFieldPanel(
                [
                    FieldPanel("adapted_from"),
                    FieldRowPanel([FieldPanel(name) for name in CHANGED_ASPECTS[:2]]),
                    FieldRowPanel([FieldPanel(name) for name in CHANGED_ASPECTS[2:]]),
                    FieldPanel("adaptation_note"),
                ],
                heading=_("Adaptation"),
            )
        ]

    @property
    def changed_aspects(self):
        """The labels of what the adaptation changed, e.g. ["for another audience"]."""
        return [
            self._meta.get_field(name).verbose_name
            for name in CHANGED_ASPECTS
            if getattr(self, name)
        ]

    def clean_adapted_from(self, message):
        """Refuse a source that leads back to this page.

        The source's language is checked by the edit form (home/forms.py), not here: an alias
        or a new translation of an adaptation points at the source of the default language
        until wagtail-localize links it to the source's translation.
        """
        origin, seen = self.adapted_from, set()
        while origin is not None:
            if origin.pk == self.pk or origin.translation_key == self.translation_key:
                raise ValidationError({"adapted_from": message})
            if origin.pk in seen:
                break
            seen.add(origin.pk)
            origin = origin.adapted_from


def page_lineage(page):
    """(source in the page's language or None, live adaptations in the page's language).

    The adaptations of any language version of the page count, each adaptation once.
    """
    model = type(page)
    origin = None
    if page.adapted_from_id:
        source = model.objects.filter(pk=page.adapted_from_id).first()
        if source is not None:
            origin = localize_pages([source], page.locale)[0]
            if not origin.live:
                origin = None
    # Which pages are adaptations changes only when a page is published or unpublished: they
    # are kept in the cache of published pages, so a warm sheet pays no query for them.
    adaptations = cached(
        (PAGES,),
        f"lineage:{model._meta.label_lower}:{page.pk}",
        lambda: _adaptations(model, page),
    )
    return origin, localize_pages(adaptations, page.locale)


def _adaptations(model, page):
    """The live adaptations of any language version of `page`, each adaptation once (in the
    page's language when it has a version in it), by title."""
    rows = (
        model.objects.live()
        .filter(adapted_from__translation_key=page.translation_key)
        .exclude(translation_key=page.translation_key)
        .order_by("title")
    )
    by_key = {}
    for adaptation in rows:
        if adaptation.translation_key not in by_key or adaptation.locale_id == page.locale_id:
            by_key[adaptation.translation_key] = adaptation
    return list(by_key.values())

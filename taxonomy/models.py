"""The shared taxonomy: levers, life-cycle phases, audiences and themes.

Every domain (tools, guides, events, providers, models) classifies its content with these
snippets. They are translatable through wagtail-localize: one row per locale, linked by
`translation_key`. A `slug` identifies a term across locales so that filters in URLs stay the
same whatever the visitor's language (`?lever=financial-resources`).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from core.images import alt_text_field, image_field, image_panels
from core.translation_review import LocaleWorkflowMixin


class TaxonomyTermQuerySet(models.QuerySet):
    def in_locale(self, locale):
        return self.filter(locale=locale)

    def live(self):
        """Published terms: what visitors and the API see (a new term waits for moderation)."""
        return self.filter(live=True)


class TaxonomyTerm(
    LocaleWorkflowMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A term of one taxonomy in one language.

    A change to a term changes how every page is filtered, in every language: editors' changes
    are drafts that go through the "Modération" workflow (home/roles.py), translators' changes
    to a term of their language through "Relecture de la traduction" (translations/roles.py);
    the row keeps the published version until the change is approved.
    """

    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_(
            "The name visitors see in filters and on the sheets, in the language of this version."
        ),
    )
    slug = models.SlugField(
        _("identifier in addresses"),
        max_length=80,
        help_text=_(
            "Short identifier used in web addresses and filters, the same in every language "
            "(lowercase letters, digits and hyphens)."
        ),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences that explain the term to a visitor."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("position"),
        default=0,
        help_text=_("Terms are listed from the smallest to the largest position."),
    )

    objects = TaxonomyTermQuerySet.as_manager()
    _revisions = GenericRelation(
        "wagtailcore.Revision", related_query_name="%(app_label)s_%(class)s"
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(app_label)s_%(class)s",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
        # The public API searches published terms only.
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions


class Lever(TaxonomyTerm):
    """One of the three levers of a socio-economic model, with its illustration."""

    image = image_field(
        _("illustration"),
        _(
            "A drawing that stands for the lever, at least 640 × 480 pixels (JPEG or PNG). "
            "Shown on the tool sheets and cards of this lever that have no illustration of "
            "their own."
        ),
    )
    image_alt = alt_text_field()

    panels = [*TaxonomyTerm.panels, image_panels(heading=_("Illustration"))]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("lever")
        verbose_name_plural = _("levers")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Phase(TaxonomyTerm):
    """A phase of an organisation's life cycle (curiosity, conception, maturation, ...)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("life-cycle phase")
        verbose_name_plural = _("life-cycle phases")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Audience(TaxonomyTerm):
    """A group of people the content is made for (project leaders, funders, schools, ...)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Theme(TaxonomyTerm):
    """A subject (governance, impact measurement, funding, ...)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


TAXONOMY_MODELS = (Lever, Phase, Audience, Theme)

"""What the search remembers, and the synonyms editors give it.

Searches that found nothing are counted per day and language; popular searches are counted by
Wagtail's own `wagtail.contrib.search_promotions` (`Query` and its daily hits). Neither keeps
anything about the person who searched.

`SearchSynonym`: a word visitors type ("canvas", "budjet") and the words the search looks for
as well ("canevas", "budget"), kept by editors as a translatable snippet: each language has its
own list.
"""

import re

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string

from .highlight import fold

SYNONYM_SEPARATOR = re.compile(r"[,;\n]+")


class ZeroResultQuery(models.Model):
    query_string = models.CharField(
        _("words searched"),
        max_length=MAX_QUERY_STRING_LENGTH,
        help_text=_("What visitors typed in the search box."),
    )
    language_code = models.CharField(
        _("language"),
        max_length=10,
        help_text=_("The language of the site the visitors searched in."),
    )
    date = models.DateField(_("day"), help_text=_("The day of the searches."))
    hits = models.PositiveIntegerField(
        _("number of searches"),
        default=0,
        help_text=_("How many times these words were searched that day without result."),
    )

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(
                fields=["query_string", "language_code", "date"],
                name="search_zero_result_query_per_day",
            )
        ]
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return self.query_string

    @classmethod
    def record(cls, query_string, language_code, date=None):
        entry, _ = cls.objects.get_or_create(
            query_string=normalise_query_string(query_string)[:MAX_QUERY_STRING_LENGTH],
            language_code=language_code,
            date=date or timezone.localdate(),
        )
        cls.objects.filter(pk=entry.pk).update(hits=F("hits") + 1)


class SearchSynonym(TranslatableMixin, models.Model):
    word = models.CharField(
        _("word typed"),
        max_length=100,
        help_text=_(
            'A word visitors type in the search box, e.g. "canvas" or a frequent misspelling '
            'such as "budjet". Capitals and accents do not matter.'
        ),
    )
    synonyms = models.CharField(
        _("words searched as well"),
        max_length=500,
        help_text=_(
            "The words the search also looks for, separated by commas, e.g. "
            '"canevas, business model".'
        ),
    )

    panels = [FieldPanel("word"), FieldPanel("synonyms")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["word"]

    def __str__(self):
        return f"{self.word} \u2192 {self.synonyms}"

    @property
    def folded_word(self):
        return fold(self.word.strip())

    def synonym_list(self):
        return [word.strip() for word in SYNONYM_SEPARATOR.split(self.synonyms) if word.strip()]

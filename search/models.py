"""What the search remembers: searches that found nothing, counted per day and language.

Popular searches are counted by Wagtail's own `wagtail.contrib.search_promotions` (`Query`
and its daily hits). Neither keeps anything about the person who searched.
"""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string


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

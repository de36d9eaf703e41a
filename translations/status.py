"""Translation status of every page and translatable snippet in every language.

French (the default locale) is the source language: each page or snippet of the default locale
is one row per other locale, with one of four statuses:

- missing: nothing exists in that language, or only an alias of the French page;
- in progress: a wagtail-localize translation exists but not every text is translated, or the
  translated page or snippet is not published (or has unpublished changes), or it was
  synchronised with the French and not saved since (its TranslationSource was updated after the
  last TranslationLog for that language: the new French texts wait in the translation editor);
- outdated: the French source changed since the translation was last synchronised (the French
  page or snippet was published again after its content was last taken into wagtail-localize's
  TranslationSource): a sync ("Sync with the French") is what it waits for;
- up to date: translated, complete, published and synchronised after the last source change.

Page types and snippets are discovered (every page model, every snippet model with
TranslatableMixin), so types added later join the report by themselves. The whole table costs a
fixed number of queries: a handful for pages and wagtail-localize's tables, one per snippet
model, one for the claims (translations/claims.py). A row also counts the texts that are still
machine translations, which a person must review.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Max
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from core.urls import absolute_url

from .models import TranslationAssignment

MISSING = "missing"
IN_PROGRESS = "in_progress"
OUTDATED = "outdated"
UP_TO_DATE = "up_to_date"

STATUS_CHOICES = [
    (MISSING, _("Missing")),
    (IN_PROGRESS, _("In progress")),
    (OUTDATED, _("Outdated")),
    (UP_TO_DATE, _("Up to date")),
]
STATUS_LABELS = dict(STATUS_CHOICES)
WAITING_STATUSES = [MISSING, IN_PROGRESS, OUTDATED]


def translatable_page_models():
    """Every concrete page type of the site (all pages are translatable in Wagtail)."""
    return [model for model in get_page_models() if model is not Page]


def translatable_snippet_models():
    """Every registered snippet model that wagtail-localize can translate."""
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def content_type_choices():
    """(content type id, readable name) for every type the report covers, sorted by name."""
    models = translatable_page_models() + translatable_snippet_models()
    content_types = ContentType.objects.get_for_models(*models)
    choices = [
        (content_types[model].pk, str(model._meta.verbose_name).capitalize()) for model in models
    ]
    return sorted(choices, key=lambda choice: choice[1].lower())


@dataclass
class SourceItem:
    """A page or snippet of the default locale."""

    kind: str  # "page" or "snippet"
    pk: object
    label: str
    translation_key: object
    content_type_id: int
    type_label: str
    model: type
    published_at: object = None

    @property
    def claim_kind(self):
        """How the claim form names the item's type: "page" or the snippet model's label."""
        return "page" if self.kind == "page" else self.model._meta.label


@dataclass
class Target:
    """What exists of a source item in another locale."""

    pk: object
    is_alias: bool = False
    is_published: bool = True


@dataclass
class StatusRow:
    item: SourceItem
    locale: Locale
    status: str
    translated: int = 0
    total: int = 0
    target_pk: object = None
    assignment: object = None  # the TranslationAssignment of whoever took care of it
    machine_made: int = 0  # texts still as the machine translated them, for a human to review
    # wagtail-localize's source of the French original, and the locales it is translated into
    # through wagtail-localize: a synchronisation updates every one of them.
    source_id: object = None
    translation_locale_ids: frozenset = frozenset()
    may_sync: bool = False  # set by the report for the person who reads it

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def percent(self):
        if not self.total:
            return 100 if self.status != MISSING else 0
        return round(100 * self.translated / self.total)

    @property
    def assignee(self):
        """Who takes care of it (a person's name, or the volunteer named on a public offer)."""
        return self.assignment.assignee if self.assignment else ""

    @property
    def claimed_at(self):
        return self.assignment.claimed_at if self.assignment else None

    @property
    def admin_url(self):
        """The absolute address of `action_url`, for exports read outside the admin."""
        url = self.action_url
        return absolute_url(url) if url else ""

    @property
    def action_url(self):
        """Where to act: the (translation) editor of the target, or the submit view when missing."""
        item = self.item
        has_target = self.target_pk is not None and self.status != MISSING
        try:
            if item.kind == "page":
                if has_target:
                    return reverse("wagtailadmin_pages:edit", args=[self.target_pk])
                return reverse("wagtail_localize:submit_page_translation", args=[item.pk])
            if has_target:
                url_name = item.model.snippet_viewset.get_url_name("edit")
                return reverse(url_name, args=[quote(self.target_pk)])
            return reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[item.model._meta.app_label, item.model._meta.model_name, quote(item.pk)],
            )
        except NoReverseMatch:
            return ""

    @property
    def sync_url(self):
        """wagtail-localize's "Sync translated pages" form for the French original: it brings the
        changed French texts into every translation, and keeps the texts already translated."""
        if self.source_id is None:
            return ""
        return reverse("wagtail_localize:update_translations", args=[self.source_id])

    @property
    def source_url(self):
        item = self.item
        if item.kind == "page":
            return reverse("wagtailadmin_pages:edit", args=[item.pk])
        return reverse(item.model.snippet_viewset.get_url_name("edit"), args=[quote(item.pk)])


def _page_items(default_locale, content_types_by_id, page_type_ids):
    """Source pages and their counterparts in other locales: one query."""
    items, targets = [], {}
    pages = (
        Page.objects.filter(depth__gt=1, content_type_id__in=page_type_ids)
        .values(
            "pk",
            "title",
            "translation_key",
            "locale_id",
            "content_type_id",
            "alias_of_id",
            "live",
            "has_unpublished_changes",
            "last_published_at",
        )
        .order_by("path")
    )
    for page in pages:
        if page["locale_id"] == default_locale.pk:
            model = content_types_by_id[page["content_type_id"]]
            items.append(
                SourceItem(
                    kind="page",
                    pk=page["pk"],
                    label=page["title"],
                    translation_key=page["translation_key"],
                    content_type_id=page["content_type_id"],
                    type_label=str(model._meta.verbose_name),
                    model=model,
                    published_at=page["last_published_at"],
                )
            )
        else:
            targets[(page["translation_key"], page["locale_id"])] = Target(
                pk=page["pk"],
                is_alias=page["alias_of_id"] is not None,
                is_published=page["live"] and not page["has_unpublished_changes"],
            )
    return items, targets


def _snippet_items(model, default_locale, content_type_id):
    """Source snippets of one model and their translations: one query."""
    items, targets = [], {}
    for instance in model.objects.all():
        if instance.locale_id == default_locale.pk:
            items.append(
                SourceItem(
                    kind="snippet",
                    pk=instance.pk,
                    label=str(instance),
                    translation_key=instance.translation_key,
                    content_type_id=content_type_id,
                    type_label=str(model._meta.verbose_name),
                    model=model,
                    published_at=getattr(instance, "last_published_at", None),
                )
            )
        else:
            is_published = True
            if isinstance(instance, DraftStateMixin):
                is_published = instance.live and not instance.has_unpublished_changes
            targets[(instance.translation_key, instance.locale_id)] = Target(
                pk=instance.pk, is_published=is_published
            )
    return items, targets


def _localize_state(default_locale):
    """wagtail-localize's bookkeeping for every source of the default locale: five queries."""
    sources = {
        source["object_id"]: source
        for source in TranslationSource.objects.filter(locale=default_locale).values(
            "id", "object_id", "last_updated_at"
        )
    }
    translations = defaultdict(set)
    for source_id, locale_id in Translation.objects.filter(
        enabled=True, source__locale=default_locale
    ).values_list("source_id", "target_locale_id"):
        translations[source_id].add(locale_id)
    last_saved = {
        (log["source_id"], log["locale_id"]): log["last"]
        for log in TranslationLog.objects.filter(source__locale=default_locale)
        .values("source_id", "locale_id")
        .annotate(last=Max("created_at"))
        .order_by()
    }
    totals = dict(
        StringSegment.objects.filter(source__locale=default_locale)
        .values("source_id")
        .annotate(total=Count("id"))
        .order_by()
        .values_list("source_id", "total")
    )
    translated = {
        (row["source_id"], row["string__translations__locale_id"]): row["done"]
        for row in StringSegment.objects.filter(
            source__locale=default_locale,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(done=Count("id"))
        .order_by()
    }
    machine_made = {
        (row["source_id"], row["string__translations__locale_id"]): row["done"]
        for row in StringSegment.objects.filter(
            source__locale=default_locale,
            string__translations__context_id=F("context_id"),
            string__translations__translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(done=Count("id"))
        .order_by()
    }
    return sources, translations, last_saved, totals, translated, machine_made


def _status_for(item, locale, target, state):
    sources, translations, last_saved, totals, translated, machine_made = state
    source = sources.get(item.translation_key)
    translated_into = frozenset(translations.get(source["id"], ())) if source else frozenset()
    has_translation = locale.pk in translated_into
    if target is None or target.is_alias:
        return StatusRow(item, locale, MISSING, target_pk=target.pk if target else None)
    if not has_translation:
        # Translated by hand, outside wagtail-localize: there is no synchronisation to compare.
        return StatusRow(item, locale, UP_TO_DATE, target_pk=target.pk)
    total = totals.get(source["id"], 0)
    done = min(translated.get((source["id"], locale.pk), 0), total)
    row = StatusRow(item, locale, UP_TO_DATE, translated=done, total=total, target_pk=target.pk)
    row.source_id = source["id"]
    row.translation_locale_ids = translated_into
    row.machine_made = machine_made.get((source["id"], locale.pk), 0)
    saved_at = last_saved.get((source["id"], locale.pk))
    synced_at = source["last_updated_at"]
    if saved_at is None or (item.published_at and item.published_at > synced_at):
        # The French changed after its texts were last taken into the translation: a sync.
        row.status = OUTDATED
    elif synced_at > saved_at or done < total or not target.is_published:
        # Synchronised, and the translated page or snippet not saved since (the new texts wait
        # in the translation editor), or texts untranslated, or a version waiting for review.
        row.status = IN_PROGRESS
    return row


def target_locales(default_locale=None):
    """Every locale but the default one, in the order of the LANGUAGES setting."""
    default_locale = default_locale or Locale.get_default()
    order = [code for code, _name in settings.LANGUAGES]
    locales = Locale.objects.exclude(pk=default_locale.pk)
    return sorted(
        locales,
        key=lambda locale: (
            order.index(locale.language_code) if locale.language_code in order else len(order),
            locale.language_code,
        ),
    )


def translation_status(*, locales=None, content_type_ids=None, statuses=None):
    """The status rows, filtered; and the number of rows per status before the status filter.

    Returns (rows, counts). `locales`, `content_type_ids` and `statuses` narrow the table; the
    counts respect the first two so that they describe what the filters show.
    """
    default_locale = Locale.get_default()
    if locales is None:
        locales = target_locales(default_locale)
    page_models = translatable_page_models()
    snippet_models = translatable_snippet_models()
    content_types = ContentType.objects.get_for_models(*page_models, *snippet_models)
    wanted = set(content_type_ids) if content_type_ids else None

    def is_wanted(model):
        return wanted is None or content_types[model].pk in wanted

    items, targets = [], {}
    page_type_ids = [content_types[model].pk for model in page_models if is_wanted(model)]
    if page_type_ids:
        by_id = {content_types[model].pk: model for model in page_models}
        page_items, page_targets = _page_items(default_locale, by_id, page_type_ids)
        items += page_items
        targets.update({("page", *key): value for key, value in page_targets.items()})
    for model in snippet_models:
        if not is_wanted(model):
            continue
        snippet_items, snippet_targets = _snippet_items(
            model, default_locale, content_types[model].pk
        )
        items += snippet_items
        label = model._meta.label
        targets.update({(label, *key): value for key, value in snippet_targets.items()})

    state = _localize_state(default_locale)
    rows = []
    for item in items:
        scope = "page" if item.kind == "page" else item.model._meta.label
        for locale in locales:
            target = targets.get((scope, item.translation_key, locale.pk))
            rows.append(_status_for(item, locale, target, state))
    assignments = {
        (str(assignment.source_id), assignment.locale_id): assignment
        for assignment in TranslationAssignment.objects.filter(locale__in=locales).select_related(
            "user"
        )
    }
    for row in rows:
        row.assignment = assignments.get((str(row.item.translation_key), row.locale.pk))
    counts = Counter(row.status for row in rows)
    counts = {status: counts.get(status, 0) for status, _label in STATUS_CHOICES}
    if statuses:
        rows = [row for row in rows if row.status in statuses]
    return rows, counts


def waiting_counts(locales):
    """{locale: {status: count}} of what waits for translators in these locales."""
    rows, _counts = translation_status(locales=list(locales))
    waiting = defaultdict(lambda: dict.fromkeys(WAITING_STATUSES, 0))
    for row in rows:
        if row.status in WAITING_STATUSES:
            waiting[row.locale][row.status] += 1
    return {locale: waiting[locale] for locale in locales}

"""Retention policy as code: personal data is kept no longer than it is needed.

Each domain app declares what it keeps and for how long in its own `retention.py`, next to its
models, on the Wagtail hook `register_retention_rules` (a function that returns rules):

    @hooks.register(RETENTION_HOOK)
    def registration_rules():
        return [DeleteRows("registrations", setting="RETENTION_REGISTRATIONS_DAYS", ...)]

`retention_rules()` imports every installed app's `retention` module and gathers the rules,
so `manage.py purge_personal_data` applies a new app's rules without being changed. The
periods come from settings (days, from the environment: see `sbm_site/settings/base.py`); the
privacy page lists the rules that carry a public description (`public_label`, `public_period`).

A rule finds its candidates from a cutoff (now minus its period) and deletes or anonymises
them in batches. Candidates are found again on every run and anonymised rows no longer match,
so a run that is repeated, or interrupted and started again, does the rest and nothing twice.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, Max, QuerySet, Value
from django.db.models.functions import Cast, Concat
from django.utils.module_loading import autodiscover_modules
from wagtail import hooks
from wagtail.models import (
    ModelLogEntry,
    Page,
    PageLogEntry,
    Revision,
    RevisionMixin,
    WorkflowState,
)

RETENTION_HOOK = "register_retention_rules"
BATCH_SIZE = 500


def retention_rules():
    """Every app's rules, in their `order` (then by name)."""
    autodiscover_modules("retention")
    rules = [rule for hook in hooks.get_hooks(RETENTION_HOOK) for rule in hook()]
    return sorted(rules, key=lambda rule: (rule.order, rule.name))


def public_retention_periods():
    """(kind of data, what happens and when) for the privacy page, in the active language."""
    periods = {}
    for rule in retention_rules():
        if rule.public_label:
            periods.setdefault(str(rule.public_label), rule.public_text)
    return list(periods.items())


def _batches(items, size=BATCH_SIZE):
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Rule:
    """One category of personal data and what becomes of it once its period is over.

    - `name`: the category, as the command prints it;
    - `setting`: the setting that holds the period in days, or `period` (a timedelta) for a
      fixed one;
    - `public_label` / `public_period`: what the privacy page says (translatable; the period
      text receives `%(days)s`); rules without them are not listed there;
    - `order`: rules run in this order (deletions before the log entries of what they delete).
    """

    verb = "deleted"

    def __init__(
        self, name, *, setting=None, period=None, public_label=None, public_period=None, order=50
    ):
        if (setting is None) == (period is None):
            raise ValueError(f"Rule {name!r} needs exactly one of `setting` and `period`.")
        self.name = name
        self.setting = setting
        self.period = period
        self.public_label = public_label
        self.public_period = public_period
        self.order = order

    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"

    @property
    def days(self):
        if self.setting is not None:
            return int(getattr(settings, self.setting))
        return self.period.days

    @property
    def public_text(self):
        return self.public_period % {"days": self.days} if self.public_period else ""

    def cutoff(self, now):
        return now - (timedelta(days=self.days) if self.setting else self.period)

    def candidates(self, cutoff):
        """What the rule would act on now: a queryset or a list."""
        raise NotImplementedError

    def count(self, candidates):
        return candidates.count() if isinstance(candidates, QuerySet) else len(candidates)

    def apply(self, candidates):
        """Act on the candidates batch by batch, yielding how many each batch handled."""
        raise NotImplementedError


class DeleteRows(Rule):
    """Delete the rows `rows(cutoff)` selects (`delete(queryset)` when plain deletion is not
    enough, e.g. pages with their aliases)."""

    def __init__(self, name, *, rows, delete=None, **options):
        super().__init__(name, **options)
        self.rows = rows
        self.delete = delete or (lambda queryset: queryset.delete())

    def candidates(self, cutoff):
        return self.rows(cutoff)

    def apply(self, candidates):
        model = candidates.model
        for batch in _batches(list(candidates.values_list("pk", flat=True))):
            self.delete(model._default_manager.filter(pk__in=batch))
            yield len(batch)


class AnonymiseRows(Rule):
    """Keep the rows `rows(cutoff)` selects but erase their personal data with `anonymise(row)`.

    `rows` must leave out the rows already anonymised.
    """

    verb = "anonymised"

    def __init__(self, name, *, rows, anonymise, **options):
        super().__init__(name, **options)
        self.rows = rows
        self.anonymise = anonymise

    def candidates(self, cutoff):
        return self.rows(cutoff)

    def apply(self, candidates):
        model = candidates.model
        for batch in _batches(list(candidates.values_list("pk", flat=True))):
            for row in model._default_manager.filter(pk__in=batch):
                self.anonymise(row)
            yield len(batch)


def decided_before(model, cutoff, statuses):
    """Primary keys of the objects of `model` whose latest workflow run ended with one of
    `statuses` (WorkflowState.STATUS_*) before `cutoff`.

    The decision's time is the end of the run's last task: when the moderator approved or
    asked for changes. An object sent back to its workflow is no longer decided.
    """
    parents = model._meta.get_parent_list()
    base = parents[-1] if parents else model
    runs = (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(base, for_concrete_model=False),
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
        )
        .annotate(decided_at=Max("task_states__finished_at"))
        .order_by("object_id", "created_at", "pk")
        .values_list("object_id", "status", "decided_at")
    )
    latest = {object_id: (status, decided_at) for object_id, status, decided_at in runs}
    return [
        int(object_id)
        for object_id, (status, decided_at) in latest.items()
        if status in statuses and decided_at is not None and decided_at < cutoff
    ]


def erase_from_revisions(obj, **values):
    """Overwrite `values` in every stored revision of `obj` (drafts carry the same fields)."""
    for revision in Revision.objects.for_instance(obj):
        revision.content = {**revision.content, **values}
        revision.save(update_fields=["content"])


def anonymised_label(object_id):
    return f"#{object_id}"


class AnonymiseLogEntries(Rule):
    """Anonymise the admin's log entries of deleted objects of `models`.

    Wagtail's history keeps each action with the object's label (`str(obj)`: a registrant's
    "Name <address>", a provider's name) and action data. Once an object is gone and its last
    entry is older than the period, its entries keep their action, date, author and object id,
    and lose the label (replaced by "#<id>") and the data. The audit trail stays.
    """

    verb = "anonymised"

    def __init__(self, name, *, models, **options):
        super().__init__(name, **options)
        self.models = models

    def _entries(self, model, cutoff):
        if issubclass(model, Page):
            log_model, id_field = PageLogEntry, "page_id"
            existing = Page.objects.values("pk")
        else:
            log_model, id_field = ModelLogEntry, "object_id"
            existing = model._default_manager.annotate(id_text=Cast("pk", CharField())).values(
                "id_text"
            )
        entries = log_model.objects.filter(
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False)
        )
        recent = entries.filter(timestamp__gte=cutoff).values(id_field)
        return (
            entries.exclude(**{f"{id_field}__in": existing})
            .exclude(**{f"{id_field}__in": recent})
            .exclude(label=Concat(Value("#"), Cast(id_field, CharField())))
        )

    def candidates(self, cutoff):
        return [self._entries(model, cutoff) for model in self.models]

    def count(self, candidates):
        return sum(entries.count() for entries in candidates)

    def apply(self, candidates):
        for entries in candidates:
            log_model = entries.model
            id_field = "page_id" if log_model is PageLogEntry else "object_id"
            for batch in _batches(list(entries.values_list("pk", flat=True))):
                log_model.objects.filter(pk__in=batch).update(
                    label=Concat(Value("#"), Cast(F(id_field), CharField())), data={}
                )
                yield len(batch)


class OrphanedFiles(Rule):
    """Delete the files under `folder` that no row of `model` (nor any of its revisions)
    refers to in `field` any more, once they are older than the period (a file being uploaded
    is not referenced yet)."""

    def __init__(self, name, *, model, field, folder, period=timedelta(days=1), **options):
        super().__init__(name, period=period, **options)
        self.model = model
        self.field_name = field
        self.folder = folder.rstrip("/")

    @property
    def storage(self):
        return self.model._meta.get_field(self.field_name).storage

    def referenced(self):
        names = set(
            self.model._default_manager.exclude(**{self.field_name: ""}).values_list(
                self.field_name, flat=True
            )
        )
        if issubclass(self.model, RevisionMixin):
            content_type = ContentType.objects.get_for_model(self.model, for_concrete_model=False)
            for content in Revision.objects.filter(content_type=content_type).values_list(
                "content", flat=True
            ):
                names.add(content.get(self.field_name) or "")
        return names

    def stored_files(self, folder):
        # Not storage.exists(folder): on S3 a folder is only a prefix, never an object.
        try:
            directories, files = self.storage.listdir(folder)
        except FileNotFoundError:
            return
        for name in files:
            yield f"{folder}/{name}"
        for directory in directories:
            yield from self.stored_files(f"{folder}/{directory}")

    def candidates(self, cutoff):
        referenced = self.referenced()
        storage = self.storage
        return [
            name
            for name in self.stored_files(self.folder)
            if name not in referenced and storage.get_modified_time(name) < cutoff
        ]

    def apply(self, candidates):
        storage = self.storage
        for batch in _batches(candidates, size=100):
            for name in batch:
                storage.delete(name)
            yield len(batch)

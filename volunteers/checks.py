"""Editor conventions as Django system checks: every field a volunteer fills in has a label
and a help text marked for translation (with French help), and every model a French name.

They run with every `manage.py check` (and so in the lint step, `scripts/lint`, where a
warning fails), the way Django reports a model that breaks its own rules.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.utils import translation
from django.utils.functional import Promise
from modelcluster.fields import ParentalKey
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

TAG = "conventions"


def local_app_labels():
    """The project's own apps: those whose folder sits at the root of the project."""
    root = Path(settings.BASE_DIR).resolve()
    return sorted(
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == root
    )


def _wagtail_mixin_fields():
    # Fields of Wagtail's mixins come with Wagtail's own labels and scheduling help.
    return {
        field.name
        for mixin in (DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin)
        for field in mixin._meta.get_fields()
    }


def audited_fields(models):
    """The fields of `models` that a volunteer fills in through a form."""
    app_labels = set(local_app_labels())
    mixin_fields = _wagtail_mixin_fields()
    for model in models:
        for field in model._meta.get_fields():
            if not (field.concrete or field.many_to_many) or field.auto_created:
                continue
            if not field.editable or field.primary_key or isinstance(field, ParentalKey):
                continue
            if field.model._meta.app_label not in app_labels:  # e.g. Wagtail's Page fields
                continue
            if field.name in mixin_fields:
                continue
            yield model, field


def label_problems(models):
    """One system-check message for each unlabelled or unexplained field of `models`."""
    problems = []
    with translation.override("fr"):
        for model in models:
            if not isinstance(model._meta.verbose_name, Promise):
                problems.append(
                    checks.Warning(
                        "The model's name is not marked for translation.",
                        hint="Set Meta.verbose_name with gettext_lazy (French in locale/).",
                        obj=model,
                        id="sbm.W001",
                    )
                )
        for model, field in audited_fields(models):
            if not isinstance(field.verbose_name, Promise):
                problems.append(_field_warning(model, field, "label", "sbm.W002"))
            if not isinstance(field.help_text, Promise) or not str(field.help_text).strip():
                problems.append(_field_warning(model, field, "help text", "sbm.W003"))
    return problems


def _field_warning(model, field, what, code):
    return checks.Warning(
        f"{model.__name__}.{field.name} has no {what} marked for translation.",
        hint=f"Give the field a {what} with gettext_lazy, translated into French.",
        obj=field,
        id=code,
    )


@checks.register(TAG)
def check_labels(app_configs=None, **kwargs):
    configs = app_configs or [apps.get_app_config(label) for label in local_app_labels()]
    local = set(local_app_labels())
    models = [model for config in configs if config.label in local for model in config.get_models()]
    return label_problems(models)

"""Helpers of the retention tests: run the purge, read its report, age rows and decisions."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState


def purge(*options):
    """Run `purge_personal_data`; its report as {category: count}."""
    output = StringIO()
    call_command("purge_personal_data", *options, stdout=output, verbosity=0)
    report = {}
    for line in output.getvalue().splitlines():
        category, _, outcome = line.rpartition(": ")
        report[category] = int(outcome.split()[0])
    return report


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def decide_days_ago(obj, days):
    """Move the moderators' decisions on `obj` `days` into the past."""
    TaskState.objects.filter(workflow_state__in=WorkflowState.objects.for_instance(obj)).update(
        finished_at=days_ago(days)
    )

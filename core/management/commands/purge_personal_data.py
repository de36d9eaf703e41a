"""Apply the retention policy: delete or anonymise personal data whose period is over.

The rules come from each app's `retention.py` (see `core.retention`); this command knows none
of them by name. Each category runs in its own transaction: a failure in one rolls it back,
the others still run, and the command ends with an error naming the failed categories.
Run it daily (deploy/systemd/, docs/operations.md).
"""

import logging
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from core.retention import retention_rules

logger = logging.getLogger("sbm.retention")


class Command(BaseCommand):
    help = (
        "Delete or anonymise personal data kept longer than the retention periods of the "
        "settings (RETENTION_*_DAYS). Idempotent; run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would be deleted or anonymised in each category; change nothing.",
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        now = timezone.now()
        failed = []
        for rule in retention_rules():
            try:
                with transaction.atomic():
                    self.run_rule(rule, rule.cutoff(now), dry_run, int(verbosity))
            except Exception:  # noqa: BLE001 - one category's failure must not stop the others
                logger.exception("Retention rule %r failed; its changes are rolled back", rule)
                self.stderr.write(f"{rule.name}: failed, nothing changed")
                failed.append(rule.name)
        if failed:
            raise CommandError(f"Categories that failed: {', '.join(failed)}")

    def run_rule(self, rule, cutoff, dry_run, verbosity):
        candidates = rule.candidates(cutoff)
        total = rule.count(candidates)
        if dry_run:
            self.stdout.write(f"{rule.name}: {total} would be {rule.verb}")
            return
        done = 0
        with tqdm(
            total=total,
            desc=rule.name,
            unit="item",
            file=sys.stderr,
            disable=verbosity < 1 or total == 0,
            mininterval=0.5,
        ) as bar:
            for handled in rule.apply(candidates):
                done += handled
                bar.update(handled)
        self.stdout.write(f"{rule.name}: {done} {rule.verb}")

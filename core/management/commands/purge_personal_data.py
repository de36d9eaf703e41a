"""Apply the retention policy: delete or anonymise personal data whose period is over.

The rules come from each app's `retention.py` (see `core.retention`); this command knows none
of them by name. Each category runs in its own transaction, so a failure in one leaves the
others done and itself untouched. Run it daily (deploy/systemd/, docs/operations.md).
"""

import sys

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from core.retention import retention_rules


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
        for rule in retention_rules():
            cutoff = rule.cutoff(now)
            with transaction.atomic():
                candidates = rule.candidates(cutoff)
                total = rule.count(candidates)
                if dry_run:
                    self.stdout.write(f"{rule.name}: {total} would be {rule.verb}")
                    continue
                done = 0
                with tqdm(
                    total=total,
                    desc=rule.name,
                    unit="item",
                    file=sys.stderr,
                    disable=int(verbosity) < 1 or total == 0,
                    mininterval=0.5,
                ) as bar:
                    for handled in rule.apply(candidates):
                        done += handled
                        bar.update(handled)
            self.stdout.write(f"{rule.name}: {done} {rule.verb}")

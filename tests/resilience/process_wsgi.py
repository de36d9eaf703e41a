"""The site's WSGI application for the process-fault tests, with an optional slow publish.

When SBM_FAULT_PUBLISH_SECONDS is set, a `page_published` receiver announces the publication
(a JSON file in SBM_FAULT_PUBLISH_MARKERS naming the worker's pid, the revision and the title)
and then sleeps that long. Wagtail sends the signal after it has stored the new revision and
the page's new live content, and before it writes the publish log entry; the request's
transaction (ATOMIC_REQUESTS) is still open. A test that kills the announced worker during the
sleep therefore kills it with a half-done publication in an open transaction, every time.
"""

import json
import os
import time
from pathlib import Path

from sbm_site.wsgi import application

PUBLISH_SECONDS = float(os.environ.get("SBM_FAULT_PUBLISH_SECONDS") or 0)

if PUBLISH_SECONDS > 0:
    from wagtail.signals import page_published

    MARKERS = Path(os.environ["SBM_FAULT_PUBLISH_MARKERS"])

    def _announce_and_wait(sender, instance, revision, **kwargs):
        marker = MARKERS / f"{time.time_ns()}-{os.getpid()}.json"
        details = {"pid": os.getpid(), "revision": revision.pk, "title": instance.title}
        marker.with_suffix(".tmp").write_text(json.dumps(details))
        marker.with_suffix(".tmp").rename(marker)
        time.sleep(PUBLISH_SECONDS)

    page_published.connect(_announce_and_wait, dispatch_uid="sbm-fault-slow-publish")

__all__ = ["application"]

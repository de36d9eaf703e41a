"""The association's anonymous statistics of completed diagnoses (admin report)."""

from collections import Counter, defaultdict

from django.contrib.auth.decorators import permission_required
from django.db.models import Count
from django.shortcuts import render
from django.utils.translation import gettext as _

from taxonomy.models import Lever
from taxonomy.utils import active_locale

from .models import DiagnosticCompletion, DiagnosticPage

BUCKETS = list(range(0, 101, 10))


@permission_required("diagnostic.view_diagnosticcompletion", raise_exception=True)
def statistics(request):
    counts = dict(DiagnosticCompletion.objects.values_list("page_id").annotate(total=Count("id")))
    pages = list(DiagnosticPage.objects.filter(pk__in=counts).order_by("title"))
    lever_names = {
        lever.slug: lever.name for lever in Lever.objects.live().filter(locale=active_locale())
    }
    distributions = defaultdict(lambda: defaultdict(Counter))
    checklist = defaultdict(Counter)
    for page_id, scores, recognised in DiagnosticCompletion.objects.values_list(
        "page_id", "scores", "checklist_recognised"
    ).iterator():
        for slug, bucket in (scores or {}).items():
            distributions[page_id][slug][bucket] += 1
        if recognised is not None:
            checklist[page_id][recognised] += 1
    reports = []
    for page in pages:
        levers = []
        for slug, counter in sorted(distributions[page.pk].items()):
            peak = max(counter.values()) or 1
            levers.append(
                {
                    "name": lever_names.get(slug, slug),
                    "bars": [
                        {
                            "bucket": bucket,
                            "count": counter.get(bucket, 0),
                            "height": round(80 * counter.get(bucket, 0) / peak),
                            "x": index * 28,
                        }
                        for index, bucket in enumerate(BUCKETS)
                    ],
                }
            )
        reports.append(
            {
                "page": page,
                "total": counts[page.pk],
                "levers": levers,
                "checklist": sorted(checklist[page.pk].items()),
            }
        )
    return render(
        request,
        "diagnostic/admin/statistics.html",
        {"reports": reports, "page_title": _("Self-diagnosis statistics")},
    )

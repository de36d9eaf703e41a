"""The co-creation pipeline in numbers: what each tool has received, and where help is wanted.

Every function here answers with a fixed number of queries, whatever the number of tools,
examples or contributors.
"""

from collections import defaultdict

from django.db.models import Count

from core.i18n_pages import localize_pages
from core.site_data import default_locale, locales_by_code
from tools.models import ToolPage, ToolStatus

from .models import CommentKind, ToolComment, ToolProposal, UsageExample

# The sheet shows the latest approved comments; the others stay in the admin.
SHEET_COMMENT_LIMIT = 20

REVIEW_STATUSES = [ToolStatus.PROPOSAL, ToolStatus.IN_REVISION]


def _pick_translation(rows, locale_id):
    """One object per translation_key, in the locale `locale_id` when it exists."""
    chosen = {}
    for row in rows:
        current = chosen.get(row.translation_key)
        if current is None or (row.locale_id == locale_id and current.locale_id != locale_id):
            chosen[row.translation_key] = row
    return list(chosen.values())


def _live_examples(tool):
    return list(
        UsageExample.objects.filter(live=True, tool__translation_key=tool.translation_key)
        .select_related("locale")
        .order_by("-submitted_at")
    )


def _live_comments(tool):
    """The tool's latest approved comments (observations, not revisions or offers)."""
    return list(
        ToolComment.objects.filter(
            live=True, kind=CommentKind.COMMENT, tool__translation_key=tool.translation_key
        )
        .select_related("locale")
        .order_by("-submitted_at")[: SHEET_COMMENT_LIMIT * 4]
    )


def credited_contributors(tool, live_examples=None):
    """Names of the people whose contributions to the tool were approved and who agreed.

    `live_examples`: the tool's live usage examples when the caller has them already; the
    other contributions come in one query.
    """
    names = set()
    if live_examples is None:
        names.update(
            UsageExample.objects.filter(
                live=True, consent_to_credit=True, tool__translation_key=tool.translation_key
            ).values_list("contributor_name", flat=True)
        )
    else:
        names.update(
            example.contributor_name for example in live_examples if example.consent_to_credit
        )
    comments = ToolComment.objects.filter(
        live=True, consent_to_credit=True, tool__translation_key=tool.translation_key
    ).values_list("contributor_name", flat=True)
    proposals = ToolProposal.objects.filter(
        consent_to_credit=True, tool__translation_key=tool.translation_key, tool__live=True
    ).values_list("contributor_name", flat=True)
    names.update(comments.order_by().union(proposals.order_by(), all=True))
    return sorted(name for name in names if name.strip())


def sheet_contributions(tool, request):
    """What the tool sheet shows about contributions; computed once per request."""
    cache = getattr(request, "_contributions_sheet", None) if request is not None else None
    if cache is not None and cache["tool_id"] == tool.pk:
        return cache
    live_examples = _live_examples(tool)
    # The sheet is served in its own language: its locale is the visitor's.
    examples = _pick_translation(live_examples, tool.locale_id)
    data = {
        "tool_id": tool.pk,
        "tool": tool,
        "examples": examples,
        "example_count": len(examples),
        "comments": _pick_translation(_live_comments(tool), tool.locale_id)[:SHEET_COMMENT_LIMIT],
        "contributors": credited_contributors(tool, live_examples),
    }
    if request is not None:
        request._contributions_sheet = data
    return data


def help_wanted(locale):
    """Tools that need examples, a review or a translation, linked in the visitor's language."""
    default = default_locale()
    sources = list(ToolPage.objects.live().filter(locale=default).order_by("sheet_number", "title"))
    examples = dict(
        UsageExample.objects.filter(live=True)
        .values("tool__translation_key")
        .annotate(count=Count("translation_key", distinct=True))
        .values_list("tool__translation_key", "count")
    )
    translated = defaultdict(set)
    for key, locale_id in ToolPage.objects.filter(
        alias_of__isnull=True, translation_key__in=[tool.translation_key for tool in sources]
    ).values_list("translation_key", "locale_id"):
        translated[locale_id].add(key)
    pending_proposals = ToolPage.objects.filter(
        locale=default, live=False, status=ToolStatus.PROPOSAL
    ).count()

    all_locales = sorted(locales_by_code().values(), key=lambda each: each.pk)
    language_of = {each.pk: each.language_code for each in all_locales}
    shown = localize_pages(sources, locale) if sources else []
    entries = [
        {
            "tool": page,
            "source": source,
            "language": language_of[page.locale_id],
            "examples": examples.get(source.translation_key, 0),
        }
        for source, page in zip(sources, shown, strict=True)
    ]
    other_locales = [other for other in all_locales if other.pk != default.pk]
    translations = [
        {
            "locale": other,
            "entries": [
                entry
                for entry in entries
                if entry["source"].translation_key not in translated[other.pk]
            ],
        }
        for other in other_locales
    ]
    return {
        "needs_examples": [entry for entry in entries if entry["examples"] == 0],
        "needs_review": [entry for entry in entries if entry["source"].status in REVIEW_STATUSES],
        "needs_translation": [group for group in translations if group["entries"]],
        "pending_proposals": pending_proposals,
        "tool_count": len(entries),
    }

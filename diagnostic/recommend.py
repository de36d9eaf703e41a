"""What a visitor's result points to: tools, a guide, providers and upcoming events.

Rules (unit-tested in tests/diagnostic/test_scoring.py):
- tools tagged with one of the weakest levers; those that also serve the visitor's phase come
  first; tools without any lever tag are never recommended; at most MAX_TOOLS, by sheet number;
- the guide of the visitor's phase (or, without a phase, a guide sharing the weak levers' tools);
- providers who have practised one of the recommended tools;
- upcoming events about one of the weakest levers.
Other domains are reached through their models' public fields; a domain that is not installed
simply contributes nothing.
"""

from django.apps import apps
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

MAX_TOOLS = 6
MAX_PROVIDERS = 4
MAX_EVENTS = 3


def _model(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _field_names(model):
    return {field.name for field in model._meta.get_fields()}


def recommended_tools(outcome, locale):
    ToolPage = _model("tools.ToolPage")
    weak = [lever.slug for lever in outcome.weakest]
    if ToolPage is None or not weak:
        return []
    tools = ToolPage.objects.live().filter(locale=locale, levers__slug__in=weak)
    if outcome.phase is not None:
        serves_phase = ToolPage.objects.filter(phases__slug=outcome.phase.slug).values("pk")
        tools = tools.annotate(
            phase_rank=Case(
                When(pk__in=serves_phase, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by("phase_rank", "sheet_number")
    else:
        tools = tools.order_by("sheet_number")
    seen, result = set(), []
    for tool in tools.distinct()[: MAX_TOOLS * 3]:
        if tool.pk not in seen:
            seen.add(tool.pk)
            result.append(tool)
    return result[:MAX_TOOLS]


def recommended_guide(outcome, locale, tools):
    GuidePage = _model("guides.GuidePage")
    if GuidePage is None:
        return None
    guides = GuidePage.objects.live().filter(locale=locale)
    names = _field_names(GuidePage)
    if outcome.phase is not None:
        if "phase" in names:
            match = guides.filter(phase__slug=outcome.phase.slug).first()
        elif "phases" in names:
            match = guides.filter(phases__slug=outcome.phase.slug).first()
        else:
            match = None
        if match is not None:
            return match
    return None


def recommended_providers(tools, locale):
    ProviderPage = _model("providers.ProviderPage")
    if ProviderPage is None or not tools:
        return []
    names = _field_names(ProviderPage)
    relation = next((name for name in ("tools", "practised_tools") if name in names), None)
    if relation is None:
        return []
    source_keys = [tool.translation_key for tool in tools]
    return list(
        ProviderPage.objects.live()
        .filter(locale=locale, **{f"{relation}__translation_key__in": source_keys})
        .distinct()
        .order_by("title")[:MAX_PROVIDERS]
    )


def recommended_events(outcome, locale):
    EventPage = _model("events.EventPage")
    weak = [lever.slug for lever in outcome.weakest]
    if EventPage is None or not weak:
        return []
    names = _field_names(EventPage)
    start = next((name for name in ("start", "starts_at", "start_at") if name in names), None)
    if start is None or "levers" not in names:
        return []
    return list(
        EventPage.objects.live()
        .filter(locale=locale, levers__slug__in=weak, **{f"{start}__gte": timezone.now()})
        .distinct()
        .order_by(start)[:MAX_EVENTS]
    )


def recommendations(outcome, locale):
    tools = recommended_tools(outcome, locale)
    return {
        "tools": tools,
        "guide": recommended_guide(outcome, locale, tools),
        "providers": recommended_providers(tools, locale),
        "events": recommended_events(outcome, locale),
    }

"""The querysets and context of every guides page, built in one place with bounded queries.

Pages keep their taxonomy when translated (they point at the French term rows), so filters use
the term's slug and templates show terms in the visitor's language (`taxonomy.utils`). Tool
sheets referenced by a step are shown in the page's language with `localize_pages`.
"""

from django.db.models import Count, F, Prefetch
from django.utils.translation import gettext as _
from wagtail import hooks

from core import listing as kit
from core.i18n_pages import localize_pages
from core.sections import sections_for
from home.lineage import page_lineage
from taxonomy.models import Audience, Lever, Phase
from taxonomy.utils import active_locale, localize_terms, page_terms, terms_by_translation_key

from .models import (
    BusinessModelPage,
    GuidePage,
    GuideStep,
    Region,
    Sector,
    TrainingModulePage,
    TrainingPathPage,
    TrainingPathStep,
    total_effort_hours,
)
from .roles import TRAINERS


def _select(param, legend, all_label, choices, chosen):
    """One <select> of a GET filter form: choices are (value, label) pairs."""
    options = [kit.Option(value, label, checked=value == chosen) for value, label in choices]
    return kit.Facet(param, legend, options, [chosen] if chosen else [], all_label)


def _named_terms(terms):
    """{"audience_terms": [...], ...}: a page's terms by the names its template reads."""
    return {f"{field_name[:-1]}_terms": found for field_name, found in terms.items()}


# --- Guides ---------------------------------------------------------------------------------


def guide_queryset():
    return GuidePage.objects.live().prefetch_related(
        "audiences",
        "phases",
        Prefetch("steps", queryset=GuideStep.objects.select_related("tool").order_by("sort_order")),
    )


def guide_index_context(index, request):
    locale = active_locale()
    audiences = list(Audience.objects.live().filter(locale=locale))
    phases = list(Phase.objects.live().filter(locale=locale))
    audience = kit.read_choice(request.GET, "audience", {term.slug for term in audiences})
    phase = kit.read_choice(request.GET, "phase", {term.slug for term in phases})

    guides = guide_queryset().child_of(index)
    if audience:
        guides = guides.filter(audiences__slug=audience)
    if phase:
        guides = guides.filter(phases__slug=phase)
    guides = list(guides.distinct().order_by("path"))

    audience_names = {term.translation_key: term for term in audiences}
    phase_names = {term.translation_key: term for term in phases}
    for guide in guides:
        steps = list(guide.steps.all())
        guide.step_count = len(steps)
        guide.effort_total = _total_effort([step.tool for step in steps])
        guide.audience_terms = localize_terms(guide.audiences.all(), audience_names)
        guide.phase_terms = localize_terms(guide.phases.all(), phase_names)

    return {
        "guides": guides,
        "filters": [
            _select(
                "audience",
                _("Audience"),
                _("All audiences"),
                [(term.slug, term.name) for term in audiences],
                audience,
            ),
            _select(
                "phase",
                _("Life-cycle phase"),
                _("All phases"),
                [(term.slug, term.name) for term in phases],
                phase,
            ),
        ],
        "is_filtered": bool(audience or phase),
    }


def _total_effort(tools):
    return total_effort_hours(tools)


def guide_steps(guide):
    """The guide's steps in order, each with its tool sheet in the guide's language."""
    steps = list(guide.steps.all().select_related("tool").order_by("sort_order"))
    tools = localize_pages([step.tool for step in steps], guide.locale)
    for step, tool in zip(steps, tools, strict=True):
        step.localized_tool = tool
    return steps


def guide_context(guide):
    steps = guide_steps(guide)
    return {
        "steps": steps,
        "effort_total": _total_effort([step.localized_tool for step in steps]),
        **_named_terms(page_terms(guide, ["audiences", "phases"])),
    }


def guides_for_tool(tool, request):
    """The tool-sheet section: the live guides, in the sheet's language, that use this tool."""
    guides = list(
        GuidePage.objects.live()
        .filter(locale_id=tool.locale_id, steps__tool__translation_key=tool.translation_key)
        .distinct()
        .order_by("path")
    )
    if not guides:
        return None
    return {"guides": guides}


# --- Training modules -----------------------------------------------------------------------


# Apps that know when modules are given register a function under this Wagtail hook:
# `(modules, locale) -> {module translation key: [upcoming sessions in `locale`]}`, with a number
# of queries that does not depend on the number of modules (events/wagtail_hooks.py).
TRAINING_SESSIONS_HOOK = "training_module_sessions"


def upcoming_sessions(modules, locale):
    sessions = {}
    for find_sessions in hooks.get_hooks(TRAINING_SESSIONS_HOOK):
        for key, found in find_sessions(modules, locale).items():
            sessions.setdefault(key, []).extend(found)
    return sessions


def training_index_context(index, request):
    locale = active_locale()
    audience_names = terms_by_translation_key(Audience, locale)
    modules = list(
        TrainingModulePage.objects.child_of(index)
        .live()
        .prefetch_related("audiences")
        .order_by("path")
    )
    for module in modules:
        module.audience_terms = localize_terms(module.audiences.all(), audience_names)
    paths = list(
        TrainingPathPage.objects.child_of(index)
        .live()
        .prefetch_related(
            "audiences",
            Prefetch("steps", queryset=TrainingPathStep.objects.order_by("sort_order")),
        )
        .order_by("path")
    )
    for training_path in paths:
        training_path.audience_terms = localize_terms(training_path.audiences.all(), audience_names)
        training_path.module_count = len(training_path.steps.all())
    return {"modules": modules, "paths": paths}


def training_path_steps(training_path):
    """The path's steps in order, each with its live module in the path's language and the
    module's upcoming sessions; steps whose module is not live are left out."""
    steps = list(training_path.steps.all().select_related("module").order_by("sort_order"))
    modules = localize_pages([step.module for step in steps], training_path.locale)
    sessions = upcoming_sessions(modules, training_path.locale)
    shown = []
    for step, module in zip(steps, modules, strict=True):
        if not module.live:
            continue
        step.localized_module = module
        step.sessions = sessions.get(module.translation_key, [])
        shown.append(step)
    return shown


def training_path_context(training_path):
    return {
        "steps": training_path_steps(training_path),
        **_named_terms(page_terms(training_path, ["audiences"])),
    }


def is_trainer(user):
    """Whether `user` may open the trainers' materials (as the collection restriction says)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=TRAINERS).exists()


def training_module_context(module, request):
    materials = list(module.materials.all().select_related("document").order_by("sort_order"))
    tools = localize_pages(module.tools.all().order_by("title"), module.locale)
    trainer_materials = [material for material in materials if material.for_trainers_only]
    return {
        "tools": tools,
        "materials": [material for material in materials if not material.for_trainers_only],
        "trainer_materials": trainer_materials,
        "shows_trainer_materials": bool(trainer_materials) and is_trainer(request.user),
        **_named_terms(page_terms(module, ["audiences"])),
        "sections": sections_for("training_module", module, request),
    }


# --- Shared business models -----------------------------------------------------------------


MODELS_PER_PAGE = 12


class BusinessModelListing(kit.Listing):
    """The shared models under one index: sector, region and lever, each a <select> whose
    options say how many models they give (the other filters applied, one query for all),
    unknown values dropped with a notice, pages of `MODELS_PER_PAGE`."""

    FIELDS = {"sector": "sector", "region": "region", "lever": "levers__slug"}

    def __init__(self, index, request):
        self.index = index
        self.notices = []
        levers = list(Lever.objects.live().filter(locale=active_locale()))
        choices = {
            "sector": Sector.choices,
            "region": Region.choices,
            "lever": [(term.slug, term.name) for term in levers],
        }
        self.filters = {}
        for param, options in choices.items():
            known = {value for value, _label in options}
            value = kit.read_choice(request.GET, param, known, self.notices)
            self.filters[param] = [value] if value else []
        self.base = BusinessModelPage.objects.child_of(index).live()
        counts = self._counts()
        legends = {
            "sector": (_("Sector"), _("All sectors")),
            "region": (_("Region"), _("All regions")),
            "lever": (_("Lever"), _("All levers")),
        }
        self.facets = [
            kit.Facet(
                param,
                legends[param][0],
                [
                    kit.Option(value, label, counts[param].get(value, 0), value in chosen)
                    for value, label in choices[param]
                ],
                chosen,
                legends[param][1],
            )
            for param, chosen in self.filters.items()
        ]
        models = (
            self._filtered(self.base)
            .select_related("adapted_from", "image")
            .prefetch_related("levers", "image__renditions")
            .order_by("path")
        )
        self.page = kit.paginate(models, MODELS_PER_PAGE, request.GET.get("page"), self.notices)
        self.business_models = list(self.page.object_list)
        lever_names = {term.translation_key: term for term in levers}
        for model in self.business_models:
            model.lever_terms = localize_terms(model.levers.all(), lever_names)

    def _filtered(self, queryset, skip=None):
        for param, field_name in self.FIELDS.items():
            if param != skip and self.filters[param]:
                # Through a subquery: a model with several levers is listed once.
                chosen = BusinessModelPage.objects.filter(**{field_name: self.filters[param][0]})
                queryset = queryset.filter(pk__in=chosen.values("pk"))
        return queryset

    def _counts(self):
        """{facet: {option: models}}, each facet counted with the other filters applied."""
        return kit.published_counts(
            f"business-models:{self.index.pk}",
            self.filters,
            lambda: [
                (
                    param,
                    self._filtered(self.base, skip=param).order_by().values(option=F(field_name)),
                    Count("pk", distinct=True),
                )
                for param, field_name in self.FIELDS.items()
            ],
        )


def business_model_context(model, request):
    origin, adaptations = page_lineage(model)
    return {
        "canvas": model.canvas(),
        "impact_measures": list(model.impact_measures.all().order_by("sort_order")),
        "tools": localize_pages(model.tools.all().order_by("title"), model.locale),
        **_named_terms(page_terms(model, ["levers"])),
        "origin": origin,
        "adaptations": adaptations,
        "sections": sections_for("business_model", model, request),
    }

"""The public side of co-creation: the contribution forms, the "help wanted" page, the board
of contributions and their stages, and each contributor's private follow-up page."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import EmptyPage
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from core.listing import pagination
from core.ratelimit import over_limit
from core.site_data import active_locale
from guides.models import BusinessModelPage
from tools.models import ToolPage

from . import follow_links, pipeline, progress, submission
from .forms import (
    AdaptationForm,
    CommentForm,
    ModelAdaptationForm,
    RevisionForm,
    ToolProposalForm,
    TranslationOfferForm,
    UsageExampleForm,
    plain_text,
)
from .models import CommentKind, RevisablePart

# At most RATE_LIMIT accepted contributions per visitor IP in RATE_WINDOW seconds.
DEFAULT_RATE_LIMIT = 10
RATE_WINDOW = 3600


def over_rate_limit(request):
    """Count one submission for the visitor; True once the hourly limit is exceeded."""
    limit = getattr(settings, "CONTRIBUTIONS_RATE_LIMIT", DEFAULT_RATE_LIMIT)
    return over_limit(request, "contributions:submissions", limit, RATE_WINDOW)


TOOL_FORMS = {
    "example": {
        "form": UsageExampleForm,
        "heading": gettext_lazy("Share a usage example"),
        "intro": gettext_lazy(
            "Tell how an organisation used this tool and what came of it. Once approved by "
            "the moderators, your example appears on the tool sheet."
        ),
    },
    CommentKind.COMMENT: {
        "form": CommentForm,
        "heading": gettext_lazy("Comment on this tool"),
        "intro": gettext_lazy(
            "An observation, a question, something that worked or did not: the team reads "
            "every comment."
        ),
    },
    CommentKind.REVISION: {
        "form": RevisionForm,
        "heading": gettext_lazy("Suggest a revision"),
        "intro": gettext_lazy(
            "Something to correct, clarify or add? Your suggestion goes to the reviewers."
        ),
    },
    CommentKind.TRANSLATION: {
        "form": TranslationOfferForm,
        "heading": gettext_lazy("Offer to translate this tool"),
        "intro": gettext_lazy(
            "Help bring this tool to more people: tell us into which language you could "
            "translate it, and the translators' team will contact you."
        ),
    },
}


def _live_tool(tool_id):
    tool = get_object_or_404(ToolPage.objects.live().select_related("locale"), pk=tool_id)
    return tool


def _tool_for_visitor(tool):
    """The sheet in the visitor's language when it exists, to link back to it."""
    locale = Locale.get_active()
    if tool.locale_id == locale.pk:
        return tool
    return (
        ToolPage.objects.live().filter(translation_key=tool.translation_key, locale=locale).first()
        or tool
    )


def _rejected(request, template, context, form, status=400):
    """The form again, with its errors and what the person typed."""
    context["form"] = form
    return TemplateResponse(request, template, context, status=status)


def _screen(request, form, template, context):
    """What every public contribution form does before it keeps anything: a bot's post is
    thanked and dropped, an invalid form comes back with its errors (400), a connection over
    the rate limit gets the form back with a notice (429). None when the contribution passes."""
    if form.is_spam:
        return HttpResponseRedirect(reverse("contributions:thanks"))
    if not form.is_valid():
        return _rejected(request, template, context, form)
    if over_rate_limit(request):
        form.add_error(
            None,
            _(
                "Too many contributions were sent from your connection. "
                "Please try again in an hour."
            ),
        )
        return _rejected(request, template, context, form, status=429)
    return None


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def tool_contribution(request, tool_id, kind):
    if kind not in TOOL_FORMS:
        raise Http404
    tool = _tool_for_visitor(_live_tool(tool_id))
    spec = TOOL_FORMS[kind]
    form_class = spec["form"]
    extra = {"tool": submission.source_tool(tool)} if form_class is TranslationOfferForm else {}
    context = {
        "tool": tool,
        "kind": kind,
        "heading": spec["heading"],
        "intro": spec["intro"],
        "action": request.path,
    }
    template = "contributions/contribution_form.html"
    if request.method == "GET":
        part = request.GET.get("partie", "")
        if part and (form_class is not RevisionForm or part not in RevisablePart.values):
            return HttpResponseBadRequest()
        initial = {"proposed_part": part, "proposed_text": part_as_text(tool, part)} if part else {}
        context["form"] = form_class(initial=initial, **extra)
        return TemplateResponse(request, template, context)

    form = form_class(request.POST, request.FILES, **extra)
    refused = _screen(request, form, template, context)
    if refused:
        return refused
    data = form.contributor_data()
    locale = Locale.get_active()
    if kind == "example":
        for name in ("title", "organisation", "description", "attachment"):
            data[name] = form.cleaned_data[name] or ""
        contribution = submission.submit_usage_example(tool, locale, data)
    else:
        for name in ("message", "section", "target_locale", "proposed_part", "proposed_text"):
            if name in form.cleaned_data:
                data[name] = form.cleaned_data[name]
        contribution = submission.submit_comment(tool, locale, kind, data)
    return _thanks(contribution, tool)


def _thanks(contribution, tool=None):
    """The thank-you page, with the private link to follow the contribution."""
    query = {"tool": tool.pk} if tool else {}
    query["suivi"] = follow_links.follow_token(contribution)
    return HttpResponseRedirect(reverse("contributions:thanks") + "?" + urlencode(query))


def part_as_text(tool, part):
    """The current text of a part of the sheet, as plain text to reword."""
    return plain_text(str(getattr(tool, part) or "").replace("</p>", "</p>\n\n")).strip()


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def propose_tool(request):
    library = submission.library()
    if library is None:
        raise Http404
    template = "contributions/propose_tool.html"
    context = {"library": library}
    if request.method == "GET":
        context["form"] = ToolProposalForm()
        return TemplateResponse(request, template, context)
    form = ToolProposalForm(request.POST)
    refused = _screen(request, form, template, context)
    if refused:
        return refused
    page = submission.submit_tool_proposal(
        Locale.get_active(), form.cleaned_data, form.contributor_data()
    )
    return _thanks(page.proposal)


ADAPTATIONS = {
    "tool": {
        "model": ToolPage,
        "form": AdaptationForm,
        "submit": submission.submit_tool_adaptation,
        "heading": gettext_lazy("Propose an adaptation of this tool"),
        "intro": gettext_lazy(
            "You adapted this tool for another audience, country, sector or language? Describe "
            "your adaptation: it becomes a draft tool sheet, linked to this one, that the "
            "reviewers work on with you before it is published."
        ),
    },
    "model": {
        "model": BusinessModelPage,
        "form": ModelAdaptationForm,
        "submit": submission.submit_model_adaptation,
        "heading": gettext_lazy("Propose an adaptation of this model"),
        "intro": gettext_lazy(
            "Your organisation takes up this model in its own context? Describe what changes: "
            "your adaptation becomes a draft shared model, linked to this one, with its canvas "
            "to complete. The team publishes it once it is ready."
        ),
    },
}


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def propose_adaptation(request, page_id, kind):
    spec = ADAPTATIONS[kind]
    source = get_object_or_404(spec["model"].objects.live().select_related("locale"), pk=page_id)
    template = "contributions/adaptation_form.html"
    context = {
        "source": source,
        "heading": spec["heading"],
        "intro": spec["intro"],
        "action": request.path,
    }
    if request.method == "GET":
        context["form"] = spec["form"]()
        return TemplateResponse(request, template, context)
    form = spec["form"](request.POST)
    refused = _screen(request, form, template, context)
    if refused:
        return refused
    proposal = spec["submit"](
        source, Locale.get_active(), form.adaptation_data(), form.contributor_data()
    )
    return _thanks(proposal)


@never_cache
def thanks(request):
    tool = None
    tool_id = request.GET.get("tool", "")
    if tool_id.isdigit():
        tool = ToolPage.objects.live().filter(pk=int(tool_id)).first()
    token = request.GET.get("suivi", "")
    follow_url = ""
    if token and follow_links.contribution_from_token(token) is not None:
        follow_url = request.build_absolute_uri(reverse("contributions:follow", args=[token]))
    response = TemplateResponse(
        request, "contributions/thanks.html", {"tool": tool, "follow_url": follow_url}
    )
    response["Referrer-Policy"] = "no-referrer"
    return response


def board(request):
    """Every contribution and its stage, newest first; nothing personal."""
    number = request.GET.get("page", "1")
    if not number.isdigit() or int(number) < 1:
        return HttpResponseBadRequest()
    try:
        page = progress.board_page(int(number), Locale.get_active())
    except EmptyPage as error:
        raise Http404 from error
    return TemplateResponse(
        request,
        "contributions/board.html",
        {
            "board_page": page,
            "rows": page.object_list,
            "pagination": pagination(page, []),
            "stages": progress.Stage,
        },
    )


@never_cache
def follow(request, token):
    """The contributor's private page: where their contribution stands, and why if declined."""
    contribution = follow_links.contribution_from_token(token)
    if contribution is None:
        raise Http404
    row = progress.follow(contribution, Locale.get_active())
    response = TemplateResponse(
        request,
        "contributions/follow.html",
        {"row": row, "stages": progress.Stage, "reasons": row.extra["reasons"]},
    )
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def help_wanted(request):
    return TemplateResponse(
        request,
        "contributions/help_wanted.html",
        pipeline.help_wanted(active_locale()),
    )

"""Turn a valid public submission into draft content waiting in its workflow.

Nothing here publishes: a contribution is saved as a draft revision (live=False) and
submitted to the workflow attached to its model or page; the reviewers' approval publishes it.
"""

import html
import re
import uuid

import nh3
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from guides.models import CANVAS_FIELDS, BusinessModelPage
from tools.models import ToolIndexPage, ToolPage, ToolStatus

from .models import ModelAdaptationProposal, ToolComment, ToolProposal, UsageExample


def source_tool(tool):
    """The tool sheet in the default language that a (possibly translated) sheet belongs to."""
    default = Locale.get_default()
    if tool.locale_id == default.pk:
        return tool
    return ToolPage.objects.get(locale=default, translation_key=tool.translation_key)


def _submit(obj):
    """Save a draft revision of `obj` and start the workflow that moderates it."""
    revision = obj.save_revision(log_action=True)
    workflow = obj.get_workflow()
    if workflow is not None:
        workflow.start(obj, user=None)
    return revision


@transaction.atomic
def submit_usage_example(tool, locale, data):
    example = UsageExample(tool=source_tool(tool), locale=locale, live=False, **data)
    example.save()
    _submit(example)
    return example


@transaction.atomic
def submit_comment(tool, locale, kind, data):
    comment = ToolComment(tool=source_tool(tool), locale=locale, kind=kind, live=False, **data)
    comment.save()
    _submit(comment)
    return comment


def paragraphs(text):
    """Plain text as rich-text paragraphs: escaped, then sanitised by nh3 to <p> and <br>."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    markup = "".join(
        f"<p>{html.escape(block).replace(chr(10), '<br/>')}</p>" for block in blocks if block
    )
    return nh3.clean(markup, tags={"p", "br"}, attributes={})


def library():
    return ToolIndexPage.objects.filter(locale=Locale.get_default()).first()


PROPOSAL_NUMBER_PREFIX = "P-"
_LEADING_NUMBER = re.compile(r"^(\d+)")


def next_sheet_number(locale):
    """The number after the highest sheet number of `locale`'s library, e.g. "15" after "14b"."""
    numbers = ToolPage.objects.filter(locale=locale).values_list("sheet_number", flat=True)
    highest = max(
        (int(match.group(1)) for number in numbers if (match := _LEADING_NUMBER.match(number))),
        default=0,
    )
    return f"{highest + 1:02d}"


@transaction.atomic
def number_published_proposal(page):
    """A proposal published as a tool sheet leaves its placeholder ("P-9778ca") for the next
    free number of the library, in the page, its latest revision and its aliases (created
    here: a proposal has none while it is a draft)."""
    if not page.sheet_number.startswith(PROPOSAL_NUMBER_PREFIX):
        return None
    # One numbering at a time: two proposals published together never get the same number.
    ToolIndexPage.objects.select_for_update().filter(pk=page.get_parent().pk).first()
    number = next_sheet_number(page.locale)
    ToolPage.objects.filter(pk=page.pk).update(sheet_number=number)
    ToolPage.objects.filter(alias_of_id=page.pk).update(sheet_number=number)
    revision = page.get_latest_revision()
    if revision is not None and revision.content.get("sheet_number") == page.sheet_number:
        revision.content["sheet_number"] = number
        revision.save(update_fields=["content"])
    page.sheet_number = number
    # The new sheet joins the other languages' libraries, as an alias until it is translated.
    if not ToolPage.objects.filter(alias_of_id=page.pk).exists():
        create_aliases_for_new_page(page)
    return number


@transaction.atomic
def submit_tool_proposal(locale, data, contributor):
    """A draft tool sheet with status "proposal" under the library, in the review workflow."""
    index = library()
    marker = uuid.uuid4().hex[:6]
    slug = f"{slugify(data['title'])[:60] or 'outil'}-{marker}"
    tool = ToolPage(
        title=data["title"],
        slug=slug,
        locale=index.locale,
        sheet_number=f"{PROPOSAL_NUMBER_PREFIX}{marker}",
        summary=data["summary"],
        target_groups=paragraphs(data.get("target_groups", "")),
        reasons=paragraphs(data.get("reasons", "")),
        status=ToolStatus.PROPOSAL,
        live=False,
    )
    index.add_child(instance=tool)
    ToolProposal.objects.create(tool=tool, locale=locale, **contributor)
    _submit(tool)
    return tool


# What an adaptation takes from its source before the reviewers and the contributor rework it.
ADAPTED_TOOL_FIELDS = [
    "summary",
    "target_groups",
    "reasons",
    "expected_results",
    "instructions",
    "complexity",
    "human_resources",
    "effort",
    "effort_hours",
    "licence",
    "authors",
]
ADAPTED_TOOL_TERMS = ["phases", "levers", "audiences", "themes"]


@transaction.atomic
def submit_tool_adaptation(source, locale, data, contributor):
    """A draft tool sheet adapted from `source` (in the default language), status "proposal",
    under the library and in the review workflow, like any proposed tool; returns the
    proposal (who sent it)."""
    source = source_tool(source)
    index = source.get_parent()
    marker = uuid.uuid4().hex[:6]
    tool = ToolPage(
        slug=f"{slugify(data['title'])[:60] or 'outil'}-{marker}",
        locale=source.locale,
        sheet_number=f"{PROPOSAL_NUMBER_PREFIX}{marker}",
        status=ToolStatus.PROPOSAL,
        adapted_from=source,
        live=False,
        **{name: getattr(source, name) for name in ADAPTED_TOOL_FIELDS},
        **data,
    )
    for name in ADAPTED_TOOL_TERMS:
        setattr(tool, name, list(getattr(source, name).all()))
    index.add_child(instance=tool)
    proposal = ToolProposal.objects.create(tool=tool, locale=locale, **contributor)
    _submit(tool)
    return proposal


@transaction.atomic
def submit_model_adaptation(source, locale, data, contributor):
    """A draft shared model adapted from `source`, with its canvas to rework, beside it in the
    index (and its workflow, if the index has one); returns the proposal (who sent it)."""
    index = source.get_parent()
    marker = uuid.uuid4().hex[:6]
    model = BusinessModelPage(
        slug=f"{slugify(data['title'])[:60] or 'modele'}-{marker}",
        locale=source.locale,
        adapted_from=source,
        licence=source.licence,
        attribution=source.attribution or source.organisation,
        live=False,
        **{name: getattr(source, name) for name in CANVAS_FIELDS},
        **data,
    )
    model.levers = list(source.levers.all())
    model.tools = list(source.tools.all())
    index.add_child(instance=model)
    proposal = ModelAdaptationProposal.objects.create(
        business_model=model, locale=locale, **contributor
    )
    _submit(model)
    return proposal

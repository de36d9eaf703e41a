"""Blocks of a tool sheet's "instructions for use"."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from home.blocks import RICH_TEXT_FEATURES, VideoBlock


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step title"), max_length=200)
    text = blocks.RichTextBlock(label=_("what to do"), features=RICH_TEXT_FEATURES)
    duration = blocks.CharBlock(
        label=_("duration"), required=False, max_length=100, help_text=_('e.g. "45 minutes"')
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "tools/blocks/step.html"


class TipBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("tip"), features=["bold", "italic", "link"])

    class Meta:
        icon = "help"
        label = _("Tip")
        template = "tools/blocks/tip.html"


class InstructionsBlock(blocks.StreamBlock):
    step = StepBlock()
    tip = TipBlock()
    text = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="blocks/paragraph.html"
    )
    image = ImageBlock(label=_("Image"), template="blocks/image.html")
    video = VideoBlock()


def instruction_groups(instructions):
    """Consecutive steps grouped in one numbered list (numbering goes on after a tip)."""
    groups = []
    number = 1
    for block in instructions:
        is_step = block.block_type == "step"
        if groups and groups[-1]["steps"] == is_step:
            groups[-1]["blocks"].append(block)
        else:
            groups.append({"steps": is_step, "start": number, "blocks": [block]})
        if is_step:
            number += 1
    return groups

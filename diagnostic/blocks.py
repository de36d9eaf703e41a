"""Blocks volunteers use to write a self-diagnosis in the admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class LeverPointsBlock(blocks.StructBlock):
    lever = SnippetChooserBlock("taxonomy.Lever", label=_("lever"))
    points = blocks.IntegerBlock(
        label=_("points"),
        min_value=-10,
        max_value=10,
        help_text=_("Points this answer gives to the lever (0 to 10; negative if it weakens it)."),
    )

    class Meta:
        label = _("Points for a lever")


class AnswerBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("answer"), max_length=300)
    points = blocks.ListBlock(LeverPointsBlock(), label=_("points per lever"), default=[])
    phase = SnippetChooserBlock(
        "taxonomy.Phase",
        label=_("life-cycle phase"),
        required=False,
        help_text=_("If this answer tells where the organisation stands, choose the phase."),
    )

    class Meta:
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("question"), max_length=300)
    help_text = blocks.CharBlock(label=_("explanation"), max_length=500, required=False)
    kind = blocks.ChoiceBlock(
        label=_("kind of question"),
        choices=[
            ("single", _("One answer")),
            ("multiple", _("Several answers")),
            ("scale", _("Scale (one answer on a line)")),
        ],
        default="single",
    )
    answers = blocks.ListBlock(AnswerBlock(), label=_("answers"), min_num=2)

    class Meta:
        label = _("Question")
        icon = "help"


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title of the step"), max_length=200)
    intro = blocks.TextBlock(label=_("introduction"), required=False)
    questions = blocks.ListBlock(QuestionBlock(), label=_("questions"), min_num=1)

    class Meta:
        label = _("Step of the questionnaire")
        icon = "list-ul"


class BandBlock(blocks.StructBlock):
    lever = SnippetChooserBlock("taxonomy.Lever", label=_("lever"))
    minimum = blocks.IntegerBlock(label=_("from (percent)"), min_value=0, max_value=100, default=0)
    maximum = blocks.IntegerBlock(label=_("to (percent)"), min_value=0, max_value=100, default=100)
    title = blocks.CharBlock(label=_("profile title"), max_length=200)
    text = blocks.TextBlock(label=_("profile text"))

    class Meta:
        label = _("Score band")
        icon = "table"


class StatementBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("statement"), max_length=300)

    class Meta:
        label = _("Statement")

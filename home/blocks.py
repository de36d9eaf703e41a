"""StreamField blocks shared by every page type of the site."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from core.retention import public_retention_periods

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        help_text=_("Use a section heading for a new part of the page, a sub-heading inside it."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "blocks/quote.html"


class LinkStructValue(blocks.StructValue):
    def url(self):
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    button_label = blocks.CharBlock(label=_("button label"), max_length=60)
    page = blocks.PageChooserBlock(
        label=_("page of the site"),
        required=False,
        help_text=_("Choose a page of the site, or give an external address below."),
    )
    external_url = blocks.URLBlock(label=_("external address"), required=False)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action.html"
        value_class = LinkStructValue

    def clean(self, value):

        value = super().clean(value)
        if not value.get("page") and not value.get("external_url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or give an address."))}
            )
        return value


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(
        label=_("video address"),
        help_text=_("Address of the video on YouTube, Vimeo or PeerTube."),
    )
    title = blocks.CharBlock(
        label=_("video title"),
        max_length=200,
        help_text=_("Describes the video for people who cannot see it."),
    )
    transcript = blocks.TextBlock(label=_("transcript or summary"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    documents = blocks.ListBlock(DocumentLinkBlock(), label=_("documents"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Documents to download")
        template = "blocks/document_list.html"


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    page = blocks.PageChooserBlock(label=_("page of the site"), required=False)
    external_url = blocks.URLBlock(label=_("external address"), required=False)

    class Meta:
        icon = "form"
        label = _("Card")
        value_class = LinkStructValue


class CardGridBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    cards = blocks.ListBlock(CardBlock(), label=_("cards"))

    class Meta:
        icon = "table"
        label = _("Cards")
        template = "blocks/card_grid.html"


class RetentionPeriodsBlock(blocks.StaticBlock):
    """How long each kind of personal data is kept, read from the settings when the page is
    shown: the privacy page can never disagree with the retention policy (core.retention)."""

    class Meta:
        icon = "time"
        label = _("Retention periods of personal data")
        admin_text = _(
            "Shows how long the site keeps each kind of personal data, with the periods set "
            "for the site, in the visitor's language. Nothing to fill in."
        )
        template = "blocks/retention_periods.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["periods"] = public_retention_periods()
        return context


class MenuLinkBlock(blocks.StructBlock):
    """One link of a menu group: a page of the site (shown in the visitor's language) or an
    external address."""

    label = blocks.CharBlock(
        label=_("label"),
        max_length=80,
        help_text=_("The words visitors see and click, short (two or three words)."),
    )
    page = blocks.PageChooserBlock(
        label=_("page of the site"),
        required=False,
        help_text=_("Choose a page of the site; leave empty to give an external address instead."),
    )
    external_url = blocks.URLBlock(
        label=_("external address"),
        required=False,
        help_text=_("Only when the link leads outside the site."),
    )

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):

        value = super().clean(value)
        if not value.get("page") and not value.get("external_url"):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(
                        _("Choose a page of the site or give an external address.")
                    )
                }
            )
        return value


class MenuGroupBlock(blocks.StructBlock):
    """A group of the main menu: its name in the menu bar and the links it opens."""

    label = blocks.CharBlock(
        label=_("group name"),
        max_length=30,
        help_text=_(
            'One or two words shown in the menu bar, for example "Tools". A group with a '
            "single link is shown as that link."
        ),
    )
    links = blocks.ListBlock(MenuLinkBlock(), label=_("links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Menu group")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="blocks/paragraph.html"
    )
    image = ImageBlock(label=_("Image"), template="blocks/image.html")
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    documents = DocumentListBlock()
    cards = CardGridBlock()
    retention_periods = RetentionPeriodsBlock()

    class Meta:
        label = _("Content")

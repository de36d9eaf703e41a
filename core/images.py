"""The image fields every page type uses: an image from the library and its alternative text.

Images are not translated (one file for every language); the alternative text is a field of the
page or snippet, so translators write it in their language. Without it, the image's own
description in the library is used (`core/templatetags/sbm_images.py`). Field names stay
`image` and `hero_image`: the share image of a page (`news/metadata.py`) looks for them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

ALT_TEXT_HELP = _(
    "What the image shows, for people who cannot see it, in the language of this page "
    '(e.g. "Two volunteers drawing the canvas on a poster"). Leave empty to use the '
    "description of the image in the library, or when the image is purely decorative."
)


def image_field(verbose_name, help_text):
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


def alt_text_field():
    return models.CharField(
        _("alternative text of the image"), max_length=250, blank=True, help_text=ALT_TEXT_HELP
    )


def image_panels(field_name="image", heading=None):
    """The image and its alternative text, side by side in the editor."""
    return MultiFieldPanel(
        [FieldPanel(field_name), FieldPanel(f"{field_name}_alt")],
        heading=heading or _("Image"),
    )


class HeroImageMixin(models.Model):
    """A wide image at the top of a section's index page."""

    hero_image = image_field(
        _("main image"),
        _(
            "A wide picture shown at the top of the page, at least 1600 × 600 pixels "
            "(JPEG or PNG, under 2 MB). Set its focal point in the image library so that "
            "the crop keeps what matters. Optional: the page looks right without one."
        ),
    )
    hero_image_alt = alt_text_field()

    hero_panels = [image_panels("hero_image", _("Main image"))]

    class Meta:
        abstract = True

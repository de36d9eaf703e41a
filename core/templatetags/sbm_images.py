"""One way to show an image on the public site: `{% responsive_picture image "preset" %}`.

Every page type goes through this tag, so that every picture is a `<picture>` of Wagtail
renditions with a WebP source over a JPEG (or PNG, for logos) fallback, a `srcset` of
two widths with `sizes`, the fallback's `width` and `height` (no layout shift), and
`loading="lazy"` unless the image is the page's hero (`eager=True`: loaded at once, with
`fetchpriority="high"`). Crops use `fill`, which keeps the image's focal point in the frame.

Listings select their images and prefetch their renditions (`select_related("image")`,
`prefetch_related("image__renditions")`, or `core.pictures.with_renditions` for what is kept in
a cache) so that the number of queries does not grow with the pictures a page shows.
"""

from django import template
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from core.pictures import PRESETS, preset_specs

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def responsive_picture(image, preset, alt="", eager=False, css_class=""):
    """A `<picture>` of `image` cut for `preset`; nothing at all when there is no image.

    `alt` is the text written on the page, in the page's language; without it, the image's own
    description in the library (Wagtail's `description` field) is used.
    """
    if not image:
        return {"picture": None}
    specs = preset_specs(preset)
    prefetched = getattr(image, "_prefetched_objects_cache", {})
    if "renditions" in prefetched:
        filters = {image.clean_filter_for_svg(Filter(spec=spec)) for spec in specs}
        if len(image.find_existing_renditions(*filters)) < len(filters):
            # A list prefetched before these renditions were cut (an image kept in a cache):
            # Wagtail would take it as complete and cut them again at every request. Without
            # it, Wagtail looks in its renditions cache and the database first.
            del prefetched["renditions"]
    renditions = get_renditions_or_not_found(image, specs)
    attrs = {
        "alt": alt or image.description or "",
        "sizes": PRESETS[preset][2],
        "class": " ".join(filter(None, ["picture__image", css_class])),
    }
    if eager:
        attrs["fetchpriority"] = "high"
    else:
        attrs["loading"] = "lazy"
        attrs["decoding"] = "async"
    return {"picture": Picture(renditions, attrs), "preset": preset}

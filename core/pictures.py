"""The picture presets of the public site: the renditions each kind of picture is cut into.

`core/templatetags/sbm_images.py` renders them; a listing that wants to prefetch exactly the
renditions its pictures need asks `preset_specs(name)`.
"""

from django.db.models import prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.images.models import Filter

# WebP for every current browser, JPEG for the others. No AVIF: Willow encodes it at libavif's
# default speed, measured at 2.3 s for one 800 × 300 rendition against 0.15 s for WebP on our
# server, for files only a fifth smaller than WebP's on our flat drawings; the first visitor
# after a publication would wait seconds per picture. Adding "avif" here is all it takes.
PHOTO_FORMATS = "format-{webp,jpeg}"
# Logos often have a transparent background: PNG keeps it where WebP is not supported.
LOGO_FORMATS = "format-{webp,png}"

# name: (size specs, formats, sizes attribute)
PRESETS = {
    "hero": ("fill-{800x300,1600x600}", PHOTO_FORMATS, "(min-width: 75rem) 75rem, 100vw"),
    "card": (
        "fill-{400x225,800x450}",
        PHOTO_FORMATS,
        "(min-width: 64rem) 22rem, (min-width: 40rem) 50vw, 100vw",
    ),
    "illustration": ("fill-{320x240,640x480}", PHOTO_FORMATS, "(min-width: 40rem) 20rem, 100vw"),
    "logo": ("fill-{160x160,320x320}", LOGO_FORMATS, "10rem"),
}


def preset_specs(preset):
    sizes_spec, formats, _sizes = PRESETS[preset]
    return Filter.expand_spec([sizes_spec, formats])


def with_renditions(images, preset):
    """Prefetch the renditions of `images` and make those of `preset` exist, so that every
    picture of them cut for `preset` costs nothing more: one query for all of them, plus the
    cutting of the renditions missing (once per image and preset, site-wide).

    For images kept in a cache: Wagtail takes a prefetched list of renditions as complete, so
    an image kept with its renditions prefetched before the preset's were cut would have them
    cut again at every request (core/templatetags/sbm_images.py guards against that too)."""
    images = [image for image in images if image is not None]
    prefetch_related_objects(images, "renditions")
    specs = preset_specs(preset)
    for image in images:
        # Found in the prefetched list, or cut now and added to it by Wagtail.
        image.get_renditions(*specs)
    return images


def with_images_and_renditions(objects, field_name="image", preset=None):
    """Set the image of `field_name` (a foreign key) on each of `objects`, of one model or of
    several, with its renditions prefetched: two queries at most for all of them (none for
    images already read), where `prefetch_related_objects` makes two per model. With `preset`,
    that preset's renditions are made to exist (`with_renditions`)."""
    fields = {type(instance): instance._meta.get_field(field_name) for instance in objects}
    images = {}
    wanted = set()
    for instance in objects:
        field = fields[type(instance)]
        image_id = getattr(instance, field.attname)
        if image_id is None:
            continue
        wanted.add(image_id)
        if field.is_cached(instance):
            images[image_id] = field.get_cached_value(instance)
    missing = wanted - images.keys()
    if missing:
        images.update(get_image_model().objects.in_bulk(missing))
    if preset:
        with_renditions(images.values(), preset)
    else:
        prefetch_related_objects(list(images.values()), "renditions")
    for instance in objects:
        field = fields[type(instance)]
        image = images.get(getattr(instance, field.attname))
        if image is not None:
            field.set_cached_value(instance, image)
    return objects

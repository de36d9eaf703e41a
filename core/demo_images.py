"""Pictures of the demo site, drawn by code at load time: nothing downloaded, nothing committed.

Every picture is ours: geometric illustrations in the brand colours (one per lever), abstract
patterns for the cycles of events and the sections' heroes, initials for the providers' logos.
They are kept in one collection whose name gives their licence, and each title repeats it, so
that an editor who reuses one knows the terms. Each picture's `description` is its French
alternative text; pages set their own, in their language, in `image_alt`.

Loading is idempotent: an image is looked up by title before it is drawn, and a page or term
receives one only when its field is empty (an editor's choice is never replaced).
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection

COLLECTION_NAME = "Illustrations de Social Business Models (CC BY-SA 4.0)"
LICENCE_NOTE = "© Social Business Models, CC BY-SA 4.0"

PRIMARY = (11, 93, 75)
PRIMARY_DARK = (6, 57, 46)
ACCENT = (138, 59, 18)
SURFACE = (243, 246, 244)
SUN = (255, 191, 71)
MINT = (143, 201, 178)
PALETTE = [PRIMARY, PRIMARY_DARK, ACCENT, SUN, MINT]

# Drawn at twice the size then reduced: smooth edges without an anti-aliasing library.
SUPERSAMPLE = 2


def demo_collection():
    existing = Collection.objects.filter(name=COLLECTION_NAME).first()
    if existing:
        return existing
    return Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


def demo_image(title, description, filename, size, draw):
    """The library image titled `title` (with the licence note), drawn by `draw` if absent."""
    Image = get_image_model()
    full_title = f"{title} ({LICENCE_NOTE})"
    existing = Image.objects.filter(title=full_title).first()
    if existing:
        return existing
    width, height = size
    canvas = PILImage.new("RGB", (width * SUPERSAMPLE, height * SUPERSAMPLE), SURFACE)
    draw(ImageDraw.Draw(canvas), width * SUPERSAMPLE, height * SUPERSAMPLE)
    picture = canvas.resize(size, PILImage.Resampling.LANCZOS)
    # A palette of 64 colours keeps flat drawings small (a few tens of KB) and sharp.
    picture = picture.quantize(colors=64, method=PILImage.Quantize.MEDIANCUT)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    image = Image(
        title=full_title,
        description=description[:255],
        collection=demo_collection(),
        file=ImageFile(buffer, name=filename),
    )
    image.save()
    return image


def give_image(item, image, alt="", field="image"):
    """Set `item.<field>` (and its alternative text) when empty; publish pages and snippets.

    Returns True when the item changed.
    """
    if getattr(item, f"{field}_id"):
        return False
    setattr(item, field, image)
    setattr(item, f"{field}_alt", alt)
    if getattr(item, "latest_revision_id", None):
        item.save_revision().publish()
    else:
        item.save()
    return True


# The drawings. Each takes an ImageDraw and the canvas size.


def people(draw, width, height):
    """Human resources: a group of people side by side, of every size and colour."""
    ground = int(height * 0.86)
    draw.rectangle([0, ground, width, height], fill=MINT)
    count = 5
    step = width / (count + 1)
    for index in range(count):
        x = step * (index + 1)
        scale = 0.8 + 0.2 * ((index * 2) % 3) / 2
        head = height * 0.09 * scale
        body_top = ground - height * 0.42 * scale
        colour = PALETTE[index % len(PALETTE)]
        draw.rounded_rectangle(
            [x - head * 1.5, body_top, x + head * 1.5, ground], radius=int(head), fill=colour
        )
        draw.ellipse(
            [x - head, body_top - head * 2.3, x + head, body_top - head * 0.3], fill=colour
        )


def coins(draw, width, height):
    """Financial resources: stacks of coins that grow, under a rising line."""
    ground = int(height * 0.86)
    draw.rectangle([0, ground, width, height], fill=MINT)
    coin_width = width * 0.14
    coin_height = height * 0.045
    points = []
    for column in range(4):
        x = width * (0.16 + column * 0.22)
        stack = 3 + column * 3
        for level in range(stack):
            top = ground - (level + 1) * coin_height * 1.1
            colour = SUN if level % 2 == 0 else ACCENT
            draw.ellipse(
                [x - coin_width / 2, top, x + coin_width / 2, top + coin_height * 1.6],
                fill=colour,
                outline=PRIMARY_DARK,
                width=SUPERSAMPLE * 2,
            )
        points.append((x, ground - (stack + 2) * coin_height * 1.1))
    draw.line(points, fill=PRIMARY, width=SUPERSAMPLE * 8, joint="curve")
    tip_x, tip_y = points[-1]
    size = width * 0.03
    draw.polygon(
        [(tip_x - size, tip_y + size), (tip_x + size * 1.2, tip_y - size * 1.2), (tip_x, tip_y)],
        fill=PRIMARY,
    )


def rings(draw, width, height):
    """Strategic alliances: three rings that hold together, and the links between partners."""
    radius = min(width, height) * 0.22
    centre_x, centre_y = width / 2, height * 0.52
    offsets = [(-radius * 0.75, -radius * 0.35), (radius * 0.75, -radius * 0.35), (0, radius * 0.6)]
    for (dx, dy), colour in zip(offsets, [PRIMARY, ACCENT, SUN], strict=True):
        x, y = centre_x + dx, centre_y + dy
        draw.ellipse(
            [x - radius, y - radius, x + radius, y + radius],
            outline=colour,
            width=int(radius * 0.18),
        )
    for corner_x, corner_y in [(0.1, 0.15), (0.9, 0.15), (0.1, 0.88), (0.9, 0.88)]:
        x, y = width * corner_x, height * corner_y
        draw.line([(x, y), (centre_x, centre_y)], fill=MINT, width=SUPERSAMPLE * 4)
        dot = radius * 0.15
        draw.ellipse([x - dot, y - dot, x + dot, y + dot], fill=PRIMARY_DARK)


def canvas_grid(draw, width, height):
    """A tool: the nine blocks of the canvas, the values at the centre."""
    margin = width * 0.08
    cell_width = (width - 2 * margin) / 3
    cell_height = (height - 2 * margin) / 3
    for row in range(3):
        for column in range(3):
            left = margin + column * cell_width
            top = margin + row * cell_height
            centre = row == 1 and column == 1
            draw.rounded_rectangle(
                [left + 6, top + 6, left + cell_width - 6, top + cell_height - 6],
                radius=int(cell_height * 0.12),
                fill=SUN if centre else (PRIMARY if (row + column) % 2 else MINT),
            )


def pattern(seed):
    """An abstract pattern of tiles (quarter circles, triangles, dots), different per seed."""

    def draw_pattern(draw, width, height):
        chance = random.Random(seed)  # noqa: S311 - a drawing, not a secret
        colours = chance.sample(PALETTE, 3)
        tile = height / 4
        for row in range(4):
            for column in range(int(width / tile) + 1):
                left, top = column * tile, row * tile
                right, bottom = left + tile, top + tile
                shape = chance.randrange(4)
                colour = chance.choice(colours)
                if shape == 0:
                    start = chance.choice([0, 90, 180, 270])
                    corner = [left - tile, top - tile, right, bottom]
                    draw.pieslice(corner, start, start + 90, fill=colour)
                elif shape == 1:
                    draw.polygon([(left, bottom), (right, bottom), (right, top)], fill=colour)
                elif shape == 2:
                    inset = tile * 0.25
                    draw.ellipse(
                        [left + inset, top + inset, right - inset, bottom - inset], fill=colour
                    )
                else:
                    draw.rectangle(
                        [left, top + tile * 0.4, right, bottom - tile * 0.4], fill=colour
                    )

    return draw_pattern


def initials(name, colour):
    """A logo made of the initials of `name` on a coloured disc."""
    letters = "".join(word[0] for word in name.replace("-", " ").split() if word[0].isalpha())
    letters = letters[:2].upper()

    def draw_initials(draw, width, height):
        draw.ellipse([0, 0, width - 1, height - 1], fill=colour)
        font = ImageFont.load_default(size=int(height * 0.4))
        draw.text((width / 2, height / 2), letters, fill=SURFACE, font=font, anchor="mm")

    return draw_initials


def lever_image(slug):
    """The illustration of a lever, by its slug (the same in every language)."""
    drawings = {
        "human-resources": (
            people,
            "Cinq silhouettes de tailles et de couleurs différentes, côte à côte.",
        ),
        "financial-resources": (
            coins,
            "Des piles de pièces de plus en plus hautes, sous une flèche qui monte.",
        ),
        "strategic-alliances": (
            rings,
            "Trois anneaux entrelacés, reliés à quatre partenaires dans les coins.",
        ),
    }
    draw, description = drawings[slug]
    return demo_image(f"Levier {slug}", description, f"levier-{slug}.png", (800, 600), draw)


def hero_image(slug, seed):
    """A wide abstract pattern for the top of a section."""
    return demo_image(
        f"Bandeau {slug}",
        "Motif abstrait de formes géométriques aux couleurs de l'association.",
        f"bandeau-{slug}.png",
        (1600, 600),
        pattern(seed),
    )

"""The venue's address in fields (street, postcode, town, canton, country) instead of one text.

The old text is parsed best-effort: the last line "1018 Lausanne" (or "CH-1018 Lausanne")
gives the postcode and the town, the lines above it the street; the canton comes from the
towns of Romandie we know. A text that does not parse stays whole in the street field, for an
editor to split. Page revisions are updated too, so that the editor opens the same address.
"""

import re

from django.db import migrations, models

POSTCODE_AND_TOWN = re.compile(r"^(?:CH[- ]?)?(?P<postcode>\d{4})\s+(?P<town>.+)$", re.IGNORECASE)
CANTONS = {
    "lausanne": "VD",
    "vevey": "VD",
    "montreux": "VD",
    "yverdon-les-bains": "VD",
    "nyon": "VD",
    "morges": "VD",
    "genève": "GE",
    "geneve": "GE",
    "carouge": "GE",
    "fribourg": "FR",
    "bulle": "FR",
    "neuchâtel": "NE",
    "neuchatel": "NE",
    "la chaux-de-fonds": "NE",
    "sion": "VS",
    "martigny": "VS",
    "sierre": "VS",
    "delémont": "JU",
    "porrentruy": "JU",
    "bienne": "BE",
    "biel/bienne": "BE",
    "berne": "BE",
    "bern": "BE",
}
FIELDS = ("venue_street", "venue_postal_code", "venue_locality", "venue_region", "venue_country")


def parse_address(text):
    """{field: value} of the structured address for the one-text `text`."""
    lines = [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]
    if len(lines) == 1 and "," in lines[0]:
        lines = [part.strip() for part in lines[0].split(",") if part.strip()]
    parsed = dict.fromkeys(FIELDS, "")
    parsed["venue_country"] = "CH"
    if not lines:
        return parsed
    found = POSTCODE_AND_TOWN.match(lines[-1])
    if found is None:
        parsed["venue_street"] = ", ".join(lines)[:200]
        return parsed
    town = found["town"]
    parsed.update(
        venue_street=", ".join(lines[:-1])[:200],
        venue_postal_code=found["postcode"],
        venue_locality=town[:100],
        venue_region=CANTONS.get(town.lower(), ""),
    )
    return parsed


def split_addresses(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for event in EventPage.objects.exclude(venue_address=""):
        for field, value in parse_address(event.venue_address).items():
            setattr(event, field, value)
        event.save(update_fields=FIELDS)
    content_type = ContentType.objects.filter(app_label="events", model="eventpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        content = revision.content or {}
        if "venue_address" not in content:
            continue
        content.update(parse_address(content.pop("venue_address")))
        revision.content = content
        revision.save(update_fields=["content"])


def join_addresses(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    for event in EventPage.objects.all():
        town = " ".join(part for part in (event.venue_postal_code, event.venue_locality) if part)
        event.venue_address = "\n".join(line for line in (event.venue_street, town) if line)
        event.save(update_fields=["venue_address"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_address_confirmation"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventpage",
            name="venue_street",
            field=models.CharField(
                blank=True,
                help_text="E.g. Rue de la Borde 13. Leave empty online.",
                max_length=200,
                verbose_name="street and number",
            ),
        ),
        migrations.AddField(
            model_name="eventpage",
            name="venue_postal_code",
            field=models.CharField(
                blank=True, help_text="E.g. 1018.", max_length=12, verbose_name="postcode"
            ),
        ),
        migrations.AddField(
            model_name="eventpage",
            name="venue_locality",
            field=models.CharField(
                blank=True, help_text="E.g. Lausanne.", max_length=100, verbose_name="town"
            ),
        ),
        migrations.AddField(
            model_name="eventpage",
            name="venue_region",
            field=models.CharField(
                blank=True,
                help_text="The canton's abbreviation in Switzerland, e.g. VD. Optional.",
                max_length=100,
                verbose_name="canton or region",
            ),
        ),
        migrations.AddField(
            model_name="eventpage",
            name="venue_country",
            field=models.CharField(
                blank=True,
                default="CH",
                help_text="Two-letter code of the country, e.g. CH or FR.",
                max_length=2,
                verbose_name="country",
            ),
        ),
        migrations.RunPython(split_addresses, join_addresses),
        migrations.RemoveField(model_name="eventpage", name="venue_address"),
    ]

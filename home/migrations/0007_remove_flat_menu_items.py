"""The menu's links live in its groups now (0005): the flat list goes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_main_menu_groups"),
    ]

    operations = [
        migrations.DeleteModel(
            name="MainMenuItem",
        ),
    ]

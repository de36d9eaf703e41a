"""The volunteers' groups get their French names (home/roles.py), renamed in place.

An earlier version created "Editors", "Reviewers", "Moderators" and "Translators (xx)": their
members, permissions and workflow tasks stay with them. setup_site applies the same renaming
(for a database restored from a backup after this migration ran).
"""

from django.db import migrations

from home.roles import rename_former_groups


def rename_groups(apps, schema_editor):
    rename_former_groups(
        apps.get_model("auth", "Group"), apps.get_model("wagtailcore", "GroupApprovalTask")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_hero_image_alternative_text"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename_groups, migrations.RunPython.noop)]

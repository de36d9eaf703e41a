"""Date formats per language (FORMAT_MODULE_PATH): Django's where they suit the site.

The month names below are Django's msgids, repeated here so that `scripts/messages` keeps them
in the project's catalogue: Italian writes them in lower case inside a date ("3 dicembre
2026"), where Django's own Italian catalogue capitalises them.
"""

from django.utils.translation import gettext_noop

MONTH_NAMES = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]

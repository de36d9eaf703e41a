"""The fields that classify a page with the shared taxonomy.

Every page type links to the terms the same way (a ParentalManyToManyField, optional, without
a reverse accessor on the term) under the same label; only the help text says what the terms
mean for that page type, so each field takes its own.
"""

from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField


def _terms_field(model, verbose_name, help_text):
    return ParentalManyToManyField(
        model, verbose_name=verbose_name, blank=True, related_name="+", help_text=help_text
    )


def levers_field(help_text):
    return _terms_field("taxonomy.Lever", _("levers"), help_text)


def phases_field(help_text):
    return _terms_field("taxonomy.Phase", _("life-cycle phases"), help_text)


def audiences_field(help_text):
    return _terms_field("taxonomy.Audience", _("audiences"), help_text)


def themes_field(help_text):
    return _terms_field("taxonomy.Theme", _("themes"), help_text)

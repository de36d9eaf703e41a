"""Licences and attribution, the same for every content type that carries someone's work.

Tool sheets and their instruments, guides, shared business models, training materials and an
event's slides and replay all choose among the same licences, with the same chooser: each
option explains in plain words what it lets others do. `licence_field()` and
`attribution_field()` give a model its fields; `LicensedMixin` gives it the link and badge
its templates, PDFs and API show.
"""

from dataclasses import dataclass

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _


class Licence(models.TextChoices):
    CC_BY_SA_4 = "CC-BY-SA-4.0", "Creative Commons BY-SA 4.0"
    CC_BY_4 = "CC-BY-4.0", "Creative Commons BY 4.0"
    CC_BY_NC_SA_4 = "CC-BY-NC-SA-4.0", "Creative Commons BY-NC-SA 4.0"
    CC0 = "CC0-1.0", "CC0 1.0"
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved, shown with permission")


LICENCE_URLS = {
    Licence.CC_BY_SA_4: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_4: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_NC_SA_4: "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}

# What each licence lets others do, for the volunteers who choose it.
LICENCE_EXPLANATIONS = {
    Licence.CC_BY_SA_4: _(
        "The association's usual choice. Anyone may copy, adapt and share the work, even "
        "commercially, if they credit the authors and share their adaptation under the same "
        "licence."
    ),
    Licence.CC_BY_4: _(
        "Anyone may copy, adapt and share the work, even commercially, as long as they credit "
        "the authors. Adaptations may use another licence."
    ),
    Licence.CC_BY_NC_SA_4: _(
        "Like the usual choice, but nobody may use the work to earn money without asking the "
        "authors first."
    ),
    Licence.CC0: _(
        "The authors give up every right: anyone may do anything with the work, without even "
        "crediting them."
    ),
    Licence.ALL_RIGHTS_RESERVED: _(
        "The work belongs to its authors, who allowed us to show it here; nobody may copy or "
        "adapt it without asking them. Choose it for a speaker's slides or a video published "
        "elsewhere."
    ),
}

# The badges are drawings of our own, one per Creative Commons licence.
LICENCE_BADGES = {
    Licence.CC_BY_SA_4: "tools/img/licence-cc-by-sa-4.0.svg",
    Licence.CC_BY_4: "tools/img/licence-cc-by-4.0.svg",
    Licence.CC_BY_NC_SA_4: "tools/img/licence-cc-by-nc-sa-4.0.svg",
    Licence.CC0: "tools/img/licence-cc0-1.0.svg",
}


class LicenceChooser(forms.RadioSelect):
    """The licences as radio buttons, each with a sentence that says what it allows."""

    option_template_name = "core/widgets/licence_option.html"

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["explanation"] = LICENCE_EXPLANATIONS.get(value, "")
        if option["explanation"] and option["attrs"].get("id"):
            option["explanation_id"] = f"{option['attrs']['id']}-explanation"
            option["attrs"]["aria-describedby"] = option["explanation_id"]
        return option


def licence_field(help_text, verbose_name=None, default=Licence.CC_BY_SA_4):
    return models.CharField(
        verbose_name or _("licence"),
        max_length=20,
        choices=Licence.choices,
        default=default,
        help_text=help_text,
    )


def attribution_field(help_text=None, verbose_name=None):
    return models.CharField(
        verbose_name or _("attribution"),
        max_length=255,
        blank=True,
        help_text=help_text or _("Who made the work, as they must be credited."),
    )


@dataclass(frozen=True)
class Credit:
    """What a page shows under a work: whom to credit, and the licence with its link."""

    licence: str
    attribution: str = ""

    @property
    def label(self):
        return Licence(self.licence).label

    @property
    def url(self):
        return LICENCE_URLS.get(self.licence, "")


class LicensedMixin:
    """The licence's address, badge and credit line, for a model with a `licence` field (and
    an `attribution` field, if the work has one)."""

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    @property
    def licence_badge(self):
        """The static path of the licence's badge, or "" for a licence without one."""
        return LICENCE_BADGES.get(self.licence, "")

    @property
    def credit(self):
        return Credit(self.licence, getattr(self, "attribution", ""))

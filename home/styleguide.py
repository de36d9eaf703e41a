"""The styleguide: every component of the public site with the real stylesheet, for editors.

Staff only (people who may use the Wagtail admin); the admin's help menu links to it. It shows
the tokens and components that docs/design.md describes, in the visitor's language.
"""

from django.contrib.auth.decorators import user_passes_test
from django.shortcuts import render
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache

from core.listing import Pagination

COLOUR_TOKENS = [
    ("--colour-text", "#1b1f23", pgettext_lazy("styleguide", "Text")),
    ("--colour-muted", "#4a5560", pgettext_lazy("styleguide", "Secondary text")),
    ("--colour-primary", "#0b5d4b", pgettext_lazy("styleguide", "Links, buttons, current item")),
    ("--colour-primary-dark", "#06392e", pgettext_lazy("styleguide", "Hover")),
    ("--colour-accent", "#8a3b12", pgettext_lazy("styleguide", "Quotations, event format")),
    ("--colour-surface", "#f3f6f4", pgettext_lazy("styleguide", "Header, panels")),
    ("--colour-surface-strong", "#e1ece7", pgettext_lazy("styleguide", "Call to action")),
    ("--colour-border", "#6b7780", pgettext_lazy("styleguide", "Form fields and controls")),
    ("--colour-focus", "#ffbf47", pgettext_lazy("styleguide", "Keyboard focus")),
    ("--colour-error", "#b3261e", pgettext_lazy("styleguide", "Errors")),
    ("--colour-success", "#1e6b34", pgettext_lazy("styleguide", "Success")),
    ("--colour-footer", "#16302a", pgettext_lazy("styleguide", "Footer")),
]


def _may_use_the_admin(user):
    return user.is_active and user.has_perm("wagtailadmin.access_admin")


@never_cache
@user_passes_test(_may_use_the_admin, login_url="wagtailadmin_login")
def styleguide(request):
    pages = Pagination(
        links=[(1, ""), (2, "page=2"), (3, "page=3"), (None, ""), (9, "page=9")],
        current=2,
        previous="",
        next="page=3",
    )
    return render(
        request,
        "home/styleguide.html",
        {"colour_tokens": COLOUR_TOKENS, "styleguide_pages": pages},
    )

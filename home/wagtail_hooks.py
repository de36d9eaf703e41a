from django.templatetags.static import static
from django.urls import reverse, reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Footer, MainMenu


@hooks.register("insert_editor_js")
def editor_submit_guard():
    """The editor's own submission waits for a background autosave under way (see the script)."""
    return format_html('<script src="{}"></script>', static("home/js/editor-submit-guard.js"))


@hooks.register("construct_page_listing_buttons")
def view_draft_only_for_who_may_open_it(buttons, page, user, context=None):
    """Wagtail's "View draft" (a row's "…" menu) is shown on every page with unpublished
    changes, while its view admits only who may edit or publish the page: it is left out for
    everyone else (e.g. a French translator on a French original)."""
    draft_url = reverse("wagtailadmin_pages:view_draft", args=[page.pk])
    for button in buttons:
        offered = getattr(button, "dropdown_buttons", None)
        if not offered or not any(item.url == draft_url for item in offered):
            continue
        permissions = page.permissions_for_user(user)
        if not (permissions.can_edit() or permissions.can_publish()):
            button.dropdown_buttons = [item for item in offered if item.url != draft_url]


@hooks.register("register_help_menu_item")
def styleguide_menu_item():
    """The public site's components with the real stylesheet (home/styleguide.py)."""
    return MenuItem(
        _("Site styleguide"), reverse_lazy("styleguide"), icon_name="doc-full", order=900
    )


class MainMenuViewSet(SnippetViewSet):
    """The main menu of each language: its groups and their links (Snippets menu)."""

    model = MainMenu
    icon = "list-ul"
    list_display = ["name", "locale"]


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "list-ul"


register_snippet(MainMenuViewSet)
register_snippet(FooterViewSet)

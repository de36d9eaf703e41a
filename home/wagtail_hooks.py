from django.templatetags.static import static
from django.urls import reverse_lazy
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

from django.templatetags.static import static
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from sbm_site.page_cache import remember_served_page

hooks.register("before_serve_page", remember_served_page)


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

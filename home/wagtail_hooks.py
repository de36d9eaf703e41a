from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from sbm_site.page_cache import remember_served_page

hooks.register("before_serve_page", remember_served_page)


@hooks.register("insert_editor_js")
def editor_submit_guard():
    """The editor's own submission waits for a background autosave under way (see the script)."""
    return format_html('<script src="{}"></script>', static("home/js/editor-submit-guard.js"))

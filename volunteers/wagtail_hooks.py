"""The volunteers' dashboard (one per role) and the link to their guide in the admin menu.

The detailed panels that other apps add to the dashboard (contributions waiting, translations
waiting, stale provider profiles) and Wagtail's own "awaiting your review" panel are gathered
under the role dashboard, after its summary, instead of being scattered among Wagtail's panels.
"""

from django.forms import Media
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import handoff, views
from .dashboard import dashboard_context

# Panels of other apps (and Wagtail's) that belong to "what waits for me", in this order.
GATHERED_PANELS = [
    "workflow_objects_to_moderate",
    "contributions_waiting",
    "waiting_translations",
    "stale_providers",
]


class RoleDashboard(Component):
    """The summary of a volunteer's roles, followed by the detailed panels of what waits."""

    name = "volunteer_dashboard"
    template_name = "volunteers/admin/dashboard.html"
    order = 5

    def __init__(self, user, details=()):
        self.user = user
        self.details = list(details)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(dashboard_context(self.user))
        context["details"] = [panel.render_html(parent_context) for panel in self.details]
        return context

    @property
    def media(self):
        media = Media(css={"all": ["volunteers/dashboard.css"]})
        for panel in self.details:
            media += panel.media
        return media


@hooks.register("construct_homepage_panels", order=100)
def add_role_dashboard(request, panels):
    gathered = {panel.name: panel for panel in panels if panel.name in GATHERED_PANELS}
    panels[:] = [panel for panel in panels if panel.name not in gathered]
    details = [gathered[name] for name in GATHERED_PANELS if name in gathered]
    panels.insert(0, RoleDashboard(request.user, details))


@hooks.register("register_admin_urls")
def register_guide_urls():
    return [
        path("guide/", views.guide_index, name="volunteers_guide"),
        path("guide/img/<str:name>", views.guide_image, name="volunteers_guide_image"),
        path("guide/<slug:slug>/", views.guide_chapter, name="volunteers_guide_chapter"),
    ]


@hooks.register("register_admin_menu_item")
def register_guide_menu_item():
    return MenuItem(
        _("Volunteers' guide"),
        reverse("volunteers_guide"),
        name="volunteers-guide",
        icon_name="help",
        order=10000,
    )


@hooks.register("after_edit_page")
def tell_what_happens_after_a_page_workflow_action(request, page):
    handoff.say_what_happens_next(request, page)


@hooks.register("after_edit_snippet")
def tell_what_happens_after_a_snippet_workflow_action(request, instance):
    handoff.say_what_happens_next(request, instance)

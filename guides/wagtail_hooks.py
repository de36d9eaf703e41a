"""Admin and cross-domain integration of the guides app.

Every tool sheet lists the guides it belongs to: a section on the "tool_sheet" target.
"""

from home.sections import register_section

from .listings import guides_for_tool

register_section(
    "tool_sheet",
    "guides",
    "guides/includes/tool_guides.html",
    get_context=guides_for_tool,
    order=30,
)

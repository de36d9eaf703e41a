"""Edit forms in tabs that follow how a volunteer thinks about a page.

Every page type shows the same tabs in the same order, so that a volunteer who knows one form
knows them all: Content (what visitors read), Classification (how visitors find it), Files
(what they download), any tab of the page type's own, Promotion (search engines and social
networks) and Publishing (address, scheduling, privacy).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.models import Page


def page_tabs(content, *, classification=None, files=None, extra=(), publishing=()):
    """A TabbedInterface with the site's standard tabs; empty tabs are left out.

    `extra` is a list of (heading, panels) placed before Promotion; `publishing` panels are
    shown above Wagtail's own settings in the Publishing tab.
    """
    tabs = [ObjectList(content, heading=_("Content"))]
    if classification:
        tabs.append(ObjectList(classification, heading=_("Classification")))
    if files:
        tabs.append(ObjectList(files, heading=_("Files")))
    tabs += [ObjectList(panels, heading=heading) for heading, panels in extra]
    tabs.append(ObjectList(Page.promote_panels, heading=_("Promotion")))
    tabs.append(ObjectList([*publishing, *Page.settings_panels], heading=_("Publishing")))
    return TabbedInterface(tabs)

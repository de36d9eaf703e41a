"""Translated snippets follow the workflow of their language's page tree.

Wagtail attaches a snippet workflow to a content type: every German lever would go through the
same workflow as the French originals. A translation is reviewed by the translators of its own
language instead ("Relecture de la traduction", translations/roles.py): an object of another
locale than the default one takes the workflow attached to the root page of its locale, and an
original of the default locale keeps its content type's workflow ("Modération", "Relecture en
co-création").
"""

from wagtail.models import Locale, Page


class LocaleWorkflowMixin:
    """Put before WorkflowMixin in the bases of a translatable snippet model."""

    def get_workflow(self):
        if self.locale_id is None or self.locale_id == Locale.get_default().pk:
            return super().get_workflow()
        root = Page.objects.filter(depth=2, locale_id=self.locale_id).order_by("path").first()
        if root is None:
            return super().get_workflow()
        return root.get_workflow() or super().get_workflow()

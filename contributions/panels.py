"""Admin panels of the contributions: what a reviewer needs beside the fields."""

from django.urls import reverse
from wagtail.admin.panels import HelpPanel


def compare_url(comment):
    """The admin page that shows the draft made from a suggested revision next to the text
    before it ("" while there is no such draft)."""
    revision = comment.page_revision
    if revision is None:
        return ""
    previous = (
        type(revision)
        .objects.filter(
            base_content_type_id=revision.base_content_type_id,
            object_id=revision.object_id,
            pk__lt=revision.pk,
        )
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    if previous is None:
        return ""
    return reverse(
        "wagtailadmin_pages:revisions_compare",
        args=(int(revision.object_id), previous, revision.pk),
    )


class RevisionDraftPanel(HelpPanel):
    """A link to the comparison of the sheet before and after the suggested wording."""

    def __init__(self, **kwargs):
        kwargs.setdefault("template", "contributions/admin/revision_draft_panel.html")
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["compare_url"] = compare_url(self.instance) if self.instance.pk else ""
            return context

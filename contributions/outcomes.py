"""What an approved contribution turns into besides its own publication.

- A suggested revision with a new wording becomes a draft revision of the tool sheet (in the
  contributor's language when the sheet exists there), submitted to the sheet's workflow: the
  reviewers compare it with the current text in Wagtail's revision comparison.
- An offer to translate makes its author the translator of the tool in that language, in the
  translation status report: the member with that e-mail address when there is exactly one,
  otherwise the person's name as a volunteer without an account.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.fields import RichTextField
from wagtail_localize.models import TranslatableObject

from tools.models import ToolPage
from translations.models import TranslationAssignment

from .models import CommentKind, ToolComment
from .submission import paragraphs


def revised_sheet(comment):
    """The sheet the new wording is written for: the one in the comment's language, if any."""
    tool = comment.tool
    if comment.locale_id == tool.locale_id:
        return tool
    translated = ToolPage.objects.filter(
        translation_key=tool.translation_key, locale_id=comment.locale_id, alias_of__isnull=True
    ).first()
    return translated or tool


def draft_from_revision(comment):
    """Save the proposed wording as a draft revision of the sheet; start its review."""
    if comment.page_revision_id or not (comment.proposed_part and comment.proposed_text):
        return None
    sheet = revised_sheet(comment)
    draft = sheet.get_latest_revision_as_object()
    field = ToolPage._meta.get_field(comment.proposed_part)
    text = comment.proposed_text
    if isinstance(field, RichTextField):
        text = paragraphs(text)
    setattr(draft, comment.proposed_part, text)
    try:
        revision = draft.save_revision(log_action=True)
    except ValidationError:
        # The sheet as it stands does not validate (a required field emptied since): the
        # reviewers take the suggestion from the comment itself.
        return None
    ToolComment.objects.filter(pk=comment.pk).update(page_revision=revision)
    comment.page_revision = revision
    sheet.refresh_from_db()
    workflow = sheet.get_workflow()
    if workflow is not None and sheet.current_workflow_state is None:
        workflow.start(sheet, user=None)
    return revision


def translator_for(comment):
    """The member account behind the offer's e-mail address, when exactly one matches."""
    email = comment.contributor_email
    if not email:
        return None
    users = list(get_user_model().objects.filter(email__iexact=email, is_active=True)[:2])
    return users[0] if len(users) == 1 else None


def assign_translation(comment):
    """Record the offer's author as the translator of the tool into the offered language."""
    if comment.target_locale_id is None:
        return None
    source, _created = TranslatableObject.objects.get_or_create_from_instance(comment.tool)
    user = translator_for(comment)
    try:
        with transaction.atomic():
            return TranslationAssignment.objects.create(
                source=source,
                locale_id=comment.target_locale_id,
                user=user,
                volunteer_name="" if user else comment.contributor_name,
            )
    except IntegrityError:
        # Someone already takes care of it: the moderators sort it out with both people.
        return None


def translation_assigned(comment):
    """Whether the offer's author is the one recorded as the tool's translator."""
    if comment.kind != CommentKind.TRANSLATION or comment.target_locale_id is None:
        return False
    assignment = (
        TranslationAssignment.objects.filter(
            source_id=comment.tool.translation_key, locale_id=comment.target_locale_id
        )
        .select_related("user")
        .first()
    )
    if assignment is None:
        return False
    if assignment.user is None:
        return assignment.volunteer_name == comment.contributor_name
    return assignment.user.email.lower() == comment.contributor_email.lower()


def follow_up(contribution):
    """Turn an approved contribution into what it offered."""
    if not isinstance(contribution, ToolComment):
        return
    if contribution.kind == CommentKind.REVISION:
        draft_from_revision(contribution)
    elif contribution.kind == CommentKind.TRANSLATION:
        assign_translation(contribution)

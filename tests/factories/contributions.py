"""What the public contributes: usage examples, comments and tool proposals.

An approved contribution is published as a moderator's approval publishes it. A pending one
(the `pending` trait) goes through `contributions.submission` as the public form sends it: a
draft revision, submitted to the "Modération" workflow.
"""

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from contributions import submission
from contributions.models import CommentKind, ToolComment, ToolProposal, UsageExample

from .tools import ToolPageFactory

# The person who contributes, unless a test says otherwise: she agrees to be credited, not to
# be contacted, and her address is on secret.example.net so that tests can look for leaks.
CONTRIBUTOR = {
    "contributor_name": "Camille Rochat",
    "contributor_email": "camille.rochat@secret.example.net",
    "consent_to_credit": True,
    "consent_to_contact": False,
}


def contributor_data(**fields):
    """The contributor's fields as the public forms send them, with `fields` changed."""
    return {**CONTRIBUTOR, **fields}


class ContributionFactory(DjangoModelFactory):
    class Meta:
        abstract = True

    # Not a field: publish on creation (False: submit to the moderators' workflow).
    approve = True
    tool = factory.SubFactory(ToolPageFactory)
    locale = factory.LazyFunction(Locale.get_default)
    contributor_name = CONTRIBUTOR["contributor_name"]
    contributor_email = CONTRIBUTOR["contributor_email"]
    consent_to_credit = CONTRIBUTOR["consent_to_credit"]
    consent_to_contact = CONTRIBUTOR["consent_to_contact"]

    @classmethod
    def _build(cls, model_class, *args, approve, **kwargs):
        return model_class(*args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, approve, **kwargs):
        if not approve:
            return cls._submit(**kwargs)
        contribution = model_class(*args, live=False, **kwargs)
        contribution.save()
        contribution.save_revision().publish()
        contribution.refresh_from_db()
        return contribution


class UsageExampleFactory(ContributionFactory):
    """A usage example of a new tool sheet (or of `tool`), approved and published."""

    class Meta:
        model = UsageExample

    class Params:
        pending = factory.Trait(
            approve=False,
            title="Exemple en attente",
            organisation="Coopérative en attente",
            description="Pas encore relu.",
        )

    title = "Exemple approuvé"
    organisation = "Association du quartier"
    description = "Nous avons utilisé l'outil en comité."

    @classmethod
    def _submit(cls, *, tool, locale, **data):
        return submission.submit_usage_example(tool, locale, data)


class ToolCommentFactory(ContributionFactory):
    """A comment on a new tool sheet (or on `tool`), approved and published."""

    class Meta:
        model = ToolComment

    class Params:
        pending = factory.Trait(approve=False, message="Une remarque à relire.")

    kind = CommentKind.COMMENT
    message = "Une remarque approuvée."

    @classmethod
    def _submit(cls, *, tool, locale, kind, **data):
        return submission.submit_comment(tool, locale, kind, data)


class ToolProposalFactory(DjangoModelFactory):
    """A tool proposed through the public form: a draft sheet (status "proposal") submitted to
    the co-creation review workflow, and who proposed it. `title` and `summary` are the sheet's.
    """

    class Meta:
        model = ToolProposal

    class Params:
        number = factory.Sequence(lambda n: n + 1)

    # Not fields of the proposal: what the person wrote about the tool.
    title = factory.LazyAttribute(lambda row: f"Outil proposé {row.number}")
    summary = "Un outil proposé par le public."
    locale = factory.LazyFunction(Locale.get_default)
    contributor_name = CONTRIBUTOR["contributor_name"]
    contributor_email = CONTRIBUTOR["contributor_email"]
    consent_to_credit = CONTRIBUTOR["consent_to_credit"]
    consent_to_contact = CONTRIBUTOR["consent_to_contact"]

    @classmethod
    def _build(cls, model_class, *args, title, summary, **kwargs):
        return model_class(*args, **kwargs)

    @classmethod
    def _create(cls, model_class, *, locale, title, summary, **contributor):
        tool = submission.submit_tool_proposal(
            locale, {"title": title, "summary": summary}, contributor
        )
        return model_class.objects.get(tool=tool)

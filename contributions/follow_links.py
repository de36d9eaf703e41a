"""The private link a contributor follows their contribution with.

A signed token names one contribution (kind and number, signed with the site's secret key):
nobody can make one up or change it, and it carries no name or address.
"""

from django.core import signing
from django.urls import reverse

from .models import ModelAdaptationProposal, ToolComment, ToolProposal, UsageExample

SALT = "contributions.follow"

# The model behind each name a token may carry.
MODELS = {
    "example": UsageExample,
    "comment": ToolComment,
    "proposal": ToolProposal,
    "adaptation": ModelAdaptationProposal,
}


def follow_token(contribution):
    name = next(key for key, model in MODELS.items() if isinstance(contribution, model))
    # No timestamp: the same contribution always has the same link.
    return signing.Signer(salt=SALT).sign_object([name, contribution.pk])


def follow_path(contribution):
    """The follow-up page's path, in the active language."""
    return reverse("contributions:follow", args=[follow_token(contribution)])


def contribution_from_token(token):
    """The contribution a token names, or None when the token is forged or altered."""
    try:
        name, pk = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    model = MODELS.get(name)
    if model is None or not isinstance(pk, int):
        return None
    return model.objects.filter(pk=pk).first()

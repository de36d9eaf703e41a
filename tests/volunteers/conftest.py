import pytest
from django.contrib.auth.models import Group, User


@pytest.fixture
def make_volunteer(db):
    """A volunteer in the given groups (an administrator with `superuser=True`)."""

    def make(username, *groups, superuser=False):
        user = User.objects.create_user(
            username, email=f"{username}@example.org", password="x", is_superuser=superuser
        )  # noqa: S106
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        return user

    return make

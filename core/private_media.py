"""Files that only some administration users may read, kept outside the public media.

A domain app keeps a file here (a FileField with `storage=private_storage`) and says who may
read it with the Wagtail hook `register_private_media`: a function returning the path prefix
of its files and the permission that reads them, e.g.
`("contributions/", "contributions.change_usageexample")`. Such files have no public address:
their URL is the admin view `serve_private_media`, which checks the permission. When a file
becomes public (a moderator approves what carries it), `publish` copies it to the public
media under the same name; `withdraw` and `delete` take copies away.

The storage is `STORAGES["private"]`: a folder outside MEDIA_ROOT (`PRIVATE_MEDIA_ROOT`), or a
prefix of the S3 bucket that no custom domain serves (see sbm_site/settings/base.py).
"""

from pathlib import PurePosixPath

from django.core.exceptions import PermissionDenied
from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.http import FileResponse, Http404
from django.urls import reverse
from django.views.decorators.cache import never_cache
from storages.backends.s3 import S3Storage
from wagtail import hooks

HOOK = "register_private_media"


class PrivateURLMixin:
    """The address of a private file is the admin view that checks who asks for it."""

    def url(self, name):
        return reverse("private_media", kwargs={"path": name})


class PrivateFileSystemStorage(PrivateURLMixin, FileSystemStorage):
    pass


class PrivateS3Storage(PrivateURLMixin, S3Storage):
    pass


def private_storage():
    """The storage of private files (`STORAGES["private"]`); a callable, so that migrations
    record a reference to it and not the settings of the machine that made them."""
    return storages["private"]


def publish(name: str) -> None:
    """Copy the private file `name` to the public media under the same name."""
    if not name or default_storage.exists(name):
        return
    with private_storage().open(name, "rb") as source:
        saved = default_storage.save(name, source)
    if saved != name:  # pragma: no cover - exists() just said the name was free
        default_storage.delete(saved)
        raise FileExistsError(name)


def withdraw(name: str) -> None:
    """Remove the public copy of `name`, if there is one."""
    if name:
        default_storage.delete(name)


def delete(name: str) -> None:
    """Remove `name` everywhere: the private file and its public copy."""
    if name:
        private_storage().delete(name)
        default_storage.delete(name)


def permission_for(path: str) -> str | None:
    for owner in hooks.get_hooks(HOOK):
        prefix, permission = owner()
        if path.startswith(prefix):
            return permission
    return None


@never_cache
def serve_private_media(request, path):
    """The private file `path`, as a download, to a user with the permission that reads it."""
    parts = PurePosixPath(path).parts
    if not parts or ".." in parts or path.startswith("/"):
        raise Http404
    permission = permission_for(path)
    if permission is None:
        raise Http404
    if not request.user.has_perm(permission):
        raise PermissionDenied
    storage = private_storage()
    if not storage.exists(path):
        raise Http404
    response = FileResponse(storage.open(path, "rb"), as_attachment=True, filename=parts[-1])
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response

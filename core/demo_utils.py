"""Helpers for the apps' demo content: idempotent page creation in the default locale."""

from wagtail.models import Locale, Page


def source_home():
    """The home page of the default locale (the home app's HomePage, found by its content type:
    the kernel imports no domain app)."""
    return Page.objects.get(
        depth=2,
        locale=Locale.get_default(),
        content_type__app_label="home",
        content_type__model="homepage",
    ).specific


def get_or_create_page(parent, model, slug, **fields):
    """Return the child page of `parent` with this slug, creating and publishing it if absent.

    Returns (page, created). An existing page is left as editors made it.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def child_of_type(parent, model):
    page = Page.objects.child_of(parent).type(model).first()
    return page.specific if page else None

"""The base of every page factory: a page added under its parent, published, aliased."""

import factory
from wagtail_localize.synctree import create_aliases_for_new_page

from core.demo_utils import get_or_create_page, source_home
from core.pdf import regeneration_paused

# The arguments that say where and how a page is created; they are not fields of the page.
PAGE_CONTROLS = ("parent", "publish", "revision", "aliases")


def demo_page(model, slug, **fields):
    """The demo site's page of `model` under the French home page, created if it is missing.

    `load_demo_content` makes every section of the site (the tool library "outils", the agenda
    "evenements", ...); a database set up without it still gets the page, aliased in every
    language like the admin does.
    """
    page, created = get_or_create_page(source_home(), model, slug, **fields)
    if created:
        create_aliases_for_new_page(page)
    return page


def terms(model, slugs_param):
    """Taxonomy terms of the page's locale chosen by slug, from the factory's `slugs_param`."""

    def lookup(page):
        slugs = getattr(page, slugs_param)
        if not slugs:
            return []
        return list(model.objects.filter(locale=page.locale, slug__in=slugs))

    return factory.LazyAttribute(lookup)


class PageFactory(factory.Factory):
    """A Wagtail page created under `parent` as a volunteer creates it in the admin.

    Arguments that are not fields of the page:
    - `parent`: the page to add it under (each factory defaults to the demo site's section);
    - `publish` (True): save a revision and publish it; False leaves a draft (`live=False`);
    - `revision` (True): for a draft, save a revision as the admin's "Save draft" does;
    - `aliases` (True): create the aliases in the other languages' trees after publishing, as
      the admin does for a new page of the default language (wagtail-localize's
      `create_aliases_for_new_page`); False keeps the page in its own tree only.
    The `bare` trait writes a live page straight into the tree, without a revision or aliases:
    the cheapest row, for tests that need many pages of one language.

    Each page gets a number from a sequence, used for unique titles and slugs. Default titles
    have no apostrophe, so that a test finds them as they are in the HTML (Django escapes "'").
    """

    class Meta:
        abstract = True

    class Params:
        number = factory.Sequence(lambda n: n + 1)
        bare = factory.Trait(publish=False, revision=False, aliases=False, live=True)

    parent = factory.LazyFunction(source_home)
    publish = True
    revision = True
    aliases = True

    title = factory.LazyAttribute(lambda page: f"Page essai {page.number}")
    slug = factory.LazyAttribute(lambda page: f"page-essai-{page.number}")
    locale = factory.SelfAttribute("parent.locale")
    live = factory.SelfAttribute("publish")

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        for name in PAGE_CONTROLS:
            kwargs.pop(name, None)
        return model_class(*args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, parent, publish, revision, aliases, **kwargs):
        page = model_class(*args, **kwargs)
        # Like the demo content, a page made for a test renders its PDF when first asked for,
        # not on publication (about a sixth of the fast lane's time went to PDFs nobody read);
        # tests of the publication's own PDF task publish outside a factory.
        with regeneration_paused():
            parent.add_child(instance=page)
            if publish:
                page.save_revision().publish()
                # The revision published a copy: read back what it saved (live revision, dates).
                page.refresh_from_db()
            elif revision:
                page.save_revision()
            if aliases:
                create_aliases_for_new_page(page)
        return page

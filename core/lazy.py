"""A page's helpers named by dotted path: how a models module uses code that imports it.

The import rule (docs/architecture.md): a domain's helpers (its listing, sheet, views, forms,
PDF) import its models at module level, and nothing imports inside a function. A page that
calls one of those helpers therefore cannot import it: it names it on the class,

    class ToolIndexPage(BasePage):
        listing_class = helper_at("tools.listing.ToolListing")

        def get_context(self, request, *args, **kwargs):
            context = super().get_context(request, *args, **kwargs)
            context["listing"] = self.listing_class(self, request)
            return context

and the name is resolved with Django's `import_string` the first time it is read (always after
the models are loaded), then kept. Read on the class or on a page, it gives the helper itself
(a function is not bound to the page: it takes the page as an argument, as it is written).
"""

from django.utils.module_loading import import_string


class helper_at:
    """A helper named by dotted path (lower case: it reads like `cached_property`)."""

    def __init__(self, dotted_path):
        self.dotted_path = dotted_path
        self.target = None

    def __get__(self, instance, owner=None):
        if self.target is None:
            self.target = import_string(self.dotted_path)
        return self.target

    def __repr__(self):
        return f"helper_at({self.dotted_path!r})"

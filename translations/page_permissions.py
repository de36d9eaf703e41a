"""What the admin offers on a page is what it accepts.

Wagtail's `PagePermissionTester` decides which actions the explorer, the page header and the
editor offer. Three of its answers are wider than what the admin then accepts, so a volunteer
was offered actions that ended in "Désolé, vous n'avez pas la permission…":

- **History** is offered on every page but the root (`can_view_revisions`), while the history
  view (and the usage view the status panel links to) requires `can_edit`: a section team
  exploring down to its agenda saw it on every home page.
- **Move** and **Copy** are offered on any page the person may change, while a move or a copy
  needs "add" permission at the destination: a section root (the agenda) can go nowhere its
  team may add pages, and the review team, which adds nowhere, could copy every sheet.
  Offered only when the person may add pages under the page's parent (where a copy goes by
  default, and the only destination a section root's team has).
- The **locale scopes** (`translations/permissions.py`): the French translators change French
  pages that are translations only; the middleware refused the others, the explorer still
  offered to edit them.

`home.models.BasePage.permissions_for_user` returns this tester (setting
`SBM_PAGE_PERMISSION_TESTER`). It makes no query of its own for most people: Wagtail's cached
page permissions of the user give the groups that reach a page; only a French translator's
check on a French page asks whether it is a translation (once per page and request).
"""

from wagtail.models import Page, PagePermissionTester

from core.site_data import language_of_locale

from .permissions import _admitted, group_scope, is_translation, source_language_code

_CACHE_ATTRIBUTE = "_sbm_page_write_cache"


def _user_cache(user):
    cache = getattr(user, _CACHE_ATTRIBUTE, None)
    if cache is None:
        cache = {
            "groups": dict(user.groups.values_list("pk", "name")),
            "source": source_language_code(),
            "pages": {},
        }
        setattr(user, _CACHE_ATTRIBUTE, cache)
    return cache


class VolunteerPagePermissionTester(PagePermissionTester):
    def _granting_groups(self, page):
        names = _user_cache(self.user)["groups"]
        return sorted(
            {
                names[perm.group_id]
                for perm in self.permission_policy.get_cached_permissions_for_user(self.user)
                if page.path.startswith(perm.page.path) and perm.group_id in names
            }
        )

    def writes_here(self, *, creating=False):
        """The locale scope of the groups that give the person rights on this page admits it
        (the rule translations/middleware.py applies to every write)."""
        if not self.user.is_active or self.user.is_superuser:
            return True
        key = (self.page.pk, creating)
        pages = _user_cache(self.user)["pages"]
        if key not in pages:
            granting = self._granting_groups(self.page)
            language = language_of_locale(self.page.locale_id)
            source = _user_cache(self.user)["source"]
            translation = False
            if (
                not creating
                and language == source
                and any(group_scope(name).translations_only_in_source for name in granting)
            ):
                translation = is_translation(self.page)
            pages[key] = not granting or _admitted(self.user, granting, language, translation)
        return pages[key]

    def may_add_under_parent(self):
        if self.user.is_superuser:
            return True
        if self.page_is_root or self.page.depth <= 1:
            return False
        parent_path = self.page.path[: -Page.steplen]
        return any(
            parent_path.startswith(perm.page.path) and perm.permission.codename == "add_page"
            for perm in self.permission_policy.get_cached_permissions_for_user(self.user)
        ) and self.writes_here(creating=True)

    def can_add_subpage(self):
        return super().can_add_subpage() and self.writes_here(creating=True)

    def can_edit(self):
        return super().can_edit() and self.writes_here()

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk=ignore_bulk) and self.writes_here()

    def can_unpublish(self):
        return super().can_unpublish() and self.writes_here()

    def can_publish(self):
        return super().can_publish() and self.writes_here()

    def can_publish_subpage(self):
        return super().can_publish_subpage() and self.writes_here(creating=True)

    def can_lock(self):
        return super().can_lock() and self.writes_here()

    def can_view_revisions(self):
        return super().can_view_revisions() and self.can_edit()

    def can_move(self):
        return super().can_move() and self.may_add_under_parent()

    def can_copy(self):
        return super().can_copy() and self.may_add_under_parent()

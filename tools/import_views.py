"""The admin view of the bulk import: send a file, read the check, confirm the import.

The files sent are kept in the private storage (`core/private_media.py`) between the check and
the confirmation, under a random name kept in the volunteer's session, and deleted after the
import. The check runs again on confirmation, so what is written is what is true then.
"""

import uuid
from pathlib import PurePath

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .importer import (
    COLUMNS,
    MAX_FILE_BYTES,
    ImportFileError,
    apply,
    files_from_zip,
    plan,
    read_rows,
    source_index,
)

SESSION_KEY = "tool_import"
STORAGE_PREFIX = "imports"
TEMPLATE_FILE = "tools/import/modele-import-fiches.csv"


class ImportForm(forms.Form):
    spreadsheet = forms.FileField(
        label=gettext_lazy("Spreadsheet of the tools"),
        help_text=gettext_lazy(
            "A CSV or Excel (.xlsx) file made from the template, or the site's open-data "
            "catalogue in JSON. One tool per row; the sheet number identifies the tool."
        ),
    )
    archive = forms.FileField(
        label=gettext_lazy("Documents of the tools (optional)"),
        required=False,
        help_text=gettext_lazy(
            "A .zip archive with the files named in the “files” column (PDF, Word, Excel, "
            "OpenDocument, PNG or JPEG)."
        ),
    )
    submit_for_review = forms.BooleanField(
        label=gettext_lazy("Send the imported sheets to review at once"),
        required=False,
        initial=True,
        help_text=gettext_lazy(
            "The reviewers receive them in their workflow. Untick to complete them first: "
            "each one stays a draft you can open in the tool library."
        ),
    )

    def clean_spreadsheet(self):
        upload = self.cleaned_data["spreadsheet"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)d MB: split it into several files.")
                % {"limit": MAX_FILE_BYTES // (1024 * 1024)}
            )
        return upload

    def clean_archive(self):
        upload = self.cleaned_data.get("archive")
        if upload and PurePath(upload.name).suffix.lower() != ".zip":
            raise forms.ValidationError(_("Send the documents as one .zip archive."))
        return upload


class ToolImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "tools/admin/import.html"
    form_class = ImportForm
    page_title = gettext_lazy("Import tool sheets")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.index = source_index()
        except ImportFileError as error:
            raise PermissionDenied from error
        if not self.index.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "template_url": static(TEMPLATE_FILE),
                "columns": COLUMNS,
                "index": self.index,
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "import":
            return self.confirm()
        return super().post(request, *args, **kwargs)

    # Step 1: check the file and keep it until the volunteer confirms.
    def form_valid(self, form):
        spreadsheet = form.cleaned_data["spreadsheet"]
        archive = form.cleaned_data.get("archive")
        data = spreadsheet.read()
        archive_data = archive.read() if archive else b""
        try:
            rows = read_rows(spreadsheet.name, data)
            files = files_from_zip(archive_data) if archive else {}
        except ImportFileError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        import_plan = plan(rows, user=self.request.user, files=files)
        token = None
        if import_plan.importable:
            token = self.keep(spreadsheet.name, data, archive_data)
            self.request.session[SESSION_KEY] = {
                "token": token,
                "name": PurePath(spreadsheet.name).name,
                "archive": bool(archive),
                "submit": form.cleaned_data["submit_for_review"],
            }
        return self.render_to_response(
            self.get_context_data(form=form, plan=import_plan, token=token)
        )

    # Step 2: import what was checked, checked again.
    def confirm(self):
        kept = self.request.session.get(SESSION_KEY)
        if not kept or kept.get("token") != self.request.POST.get("token"):
            messages.error(
                self.request, _("This import is no longer waiting: send the file again.")
            )
            return redirect("tools_import")
        storage = storages["private"]
        folder = f"{STORAGE_PREFIX}/{kept['token']}"
        try:
            with storage.open(f"{folder}/spreadsheet") as file:
                rows = read_rows(kept["name"], file.read())
            files = {}
            if kept["archive"]:
                with storage.open(f"{folder}/archive.zip") as file:
                    files = files_from_zip(file.read())
        except (ImportFileError, OSError):
            messages.error(
                self.request, _("This import is no longer waiting: send the file again.")
            )
            return redirect("tools_import")
        import_plan = plan(rows, user=self.request.user, files=files)
        if not import_plan.importable:
            return self.render_to_response(
                self.get_context_data(form=self.get_form_class()(), plan=import_plan)
            )
        written = apply(import_plan, user=self.request.user, submit_for_review=kept["submit"])
        self.forget(storage, folder)
        if kept["submit"]:
            message = _(
                "%(count)d sheets were saved as drafts and sent to review. The reviewers "
                "receive them in their dashboard; you will be told when they are published."
            )
        else:
            message = _(
                "%(count)d sheets were saved as drafts. Next step: open each one in the tool "
                "library, complete it, then submit it for review."
            )
        messages.success(self.request, message % {"count": len(written)})
        return redirect("wagtailadmin_explore", self.index.pk)

    def keep(self, name, data, archive_data):
        token = uuid.uuid4().hex
        storage = storages["private"]
        folder = f"{STORAGE_PREFIX}/{token}"
        storage.save(f"{folder}/spreadsheet", ContentFile(data))
        if archive_data:
            storage.save(f"{folder}/archive.zip", ContentFile(archive_data))
        return token

    def forget(self, storage, folder):
        for name in ("spreadsheet", "archive.zip"):
            if storage.exists(f"{folder}/{name}"):
                storage.delete(f"{folder}/{name}")
        self.request.session.pop(SESSION_KEY, None)

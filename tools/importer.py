"""Bulk import of tool sheets from a spreadsheet (CSV, XLSX) or the site's own open-data JSON.

The columns are the open-data keys (the exported `ToolPage.api_fields`, `news/opendata.py`), so
a file exported from the site can be imported again; `docs/import.md` documents them and
`tools/static/tools/import/` holds a template volunteers copy. A row is identified by its sheet
number in the source locale's tool library: importing the same file twice creates each tool once
and changes nothing the second time.

The import runs in two steps, whoever starts it (the `import_tools` command or the admin view):
1. `read_rows()` + `plan()` check every row and report, row by row, what would be created or
   changed and every row refused with its reason. Nothing is written.
2. `apply()` writes the plan in one transaction, only when no row was refused: a file is never
   imported half-way. Each tool becomes a draft revision (never published), handed to its
   review workflow when asked, with its files as documents and instruments.
"""

import csv
import html
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale
from wagtail.utils.file import hash_filelike
from wagtail_localize.synctree import create_aliases_for_new_page

from core.licences import Licence
from core.progress import progress
from core.public_fields import CELL_SEPARATOR, text_items
from core.uploads import DOCUMENT_TYPES, inspect_upload
from taxonomy.models import Audience, Lever, Phase, Theme

from .models import Complexity, ToolIndexPage, ToolPage, ToolStatus

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 1000
IMPORT_COLLECTION = "Import de fiches"
# A cell starting with one of these is a formula to a spreadsheet program: refused, never
# stored (core/spreadsheets.py neutralises the same characters on export).
FORMULA_STARTS = ("=", "+", "@")

TAXONOMY_COLUMNS = {"phases": Phase, "levers": Lever, "audiences": Audience, "themes": Theme}
LIST_COLUMNS = ("target_groups", "reasons", "expected_results")
TEXT_COLUMNS = {
    "title": 255,
    "summary": 1000,
    "human_resources": 255,
    "effort": 255,
    "authors": 500,
    "contributors": 1000,
}
NAME_LIST_COLUMNS = ("authors", "contributors")
REQUIRED_COLUMNS = ("sheet_number", "title", "summary")
COLUMNS = (
    "sheet_number",
    "title",
    "summary",
    *TAXONOMY_COLUMNS,
    "complexity",
    "human_resources",
    "effort",
    "effort_hours",
    *LIST_COLUMNS,
    "steps",
    "status",
    "licence",
    "authors",
    "contributors",
    "files",
)
# Open-data keys that an import ignores: they describe the page on the site, not the tool.
IGNORED_COLUMNS = ("url", "language", "last_updated")
# The page fields a row sets, in the order a report lists changes.
PAGE_FIELDS = (
    "title",
    "summary",
    "complexity",
    "human_resources",
    "effort",
    "effort_hours",
    *LIST_COLUMNS,
    "status",
    "licence",
    "authors",
    "contributors",
)


class ImportFileError(Exception):
    """The file as a whole cannot be read (format, size, encoding, columns)."""


@dataclass
class ImportFile:
    """A named file that rows may attach (from a folder or a ZIP next to the spreadsheet)."""

    name: str
    data: bytes


@dataclass
class Row:
    number: int  # As a spreadsheet program numbers it: the header is row 1.
    values: dict


@dataclass
class RowPlan:
    number: int
    sheet_number: str = ""
    title: str = ""
    action: str = ""  # "create", "update", "unchanged" or "" when refused
    changes: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    cleaned: dict = field(default_factory=dict)
    page: ToolPage | None = None

    @property
    def refused(self):
        return bool(self.errors)


@dataclass
class ImportPlan:
    rows: list

    @property
    def refused(self):
        return [row for row in self.rows if row.refused]

    def count(self, action):
        return sum(1 for row in self.rows if not row.refused and row.action == action)

    @property
    def importable(self):
        return bool(self.rows) and not self.refused


# Reading ---------------------------------------------------------------------------------


def read_rows(name, data):
    """The rows of a CSV, XLSX or JSON file, as {column: text or list} dictionaries."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            _("The file is larger than %(limit)d MB: split it into several files.")
            % {"limit": MAX_FILE_BYTES // (1024 * 1024)}
        )
    extension = PurePath(name).suffix.lower()
    readers = {".csv": _read_csv, ".xlsx": _read_xlsx, ".json": _read_json}
    if extension not in readers:
        raise ImportFileError(
            _("Send a CSV, Excel (.xlsx) or JSON file; a %(extension)s file cannot be read.")
            % {"extension": extension or _("nameless")}
        )
    rows = readers[extension](data)
    if len(rows) > MAX_ROWS:
        raise ImportFileError(
            _("The file has %(count)d rows; import at most %(limit)d at a time.")
            % {"count": len(rows), "limit": MAX_ROWS}
        )
    if not rows:
        raise ImportFileError(_("The file contains no tool."))
    return rows


def _check_header(header):
    header = [str(column or "").strip() for column in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ImportFileError(
            _("Columns missing from the first row: %(columns)s. Start from the template.")
            % {"columns": ", ".join(missing)}
        )
    unknown = [c for c in header if c and c not in COLUMNS and c not in IGNORED_COLUMNS]
    if unknown:
        raise ImportFileError(
            _("Unknown columns: %(columns)s. The possible columns are: %(possible)s.")
            % {"columns": ", ".join(unknown), "possible": ", ".join(COLUMNS)}
        )
    return header


def _read_csv(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("The file is not in UTF-8. Save it as “CSV UTF-8” in your spreadsheet program.")
        ) from error
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = _check_header(next(reader, []))
        return [
            Row(number, dict(zip(header, cells, strict=False)))
            for number, cells in enumerate(reader, start=2)
            if any(cell.strip() for cell in cells)
        ]
    except csv.Error as error:
        raise ImportFileError(_("The CSV file is damaged: %(error)s") % {"error": error}) from error


def _read_xlsx(data):
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged file.
        raise ImportFileError(_("The Excel file cannot be read.")) from error
    sheet = workbook.worksheets[0]
    lines = sheet.iter_rows()
    header = _check_header([cell.value for cell in next(lines, [])])
    rows = []
    for number, cells in enumerate(lines, start=2):
        values = {}
        for column, cell in zip(header, cells, strict=False):
            if cell.data_type == "f":
                values[column] = "=" + str(cell.value).lstrip("=")
            else:
                values[column] = "" if cell.value is None else str(cell.value)
        if any(value.strip() for value in values.values()):
            rows.append(Row(number, values))
    workbook.close()
    return rows


def _read_json(data):
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ImportFileError(_("The JSON file cannot be read.")) from error
    tools = document.get("tools") if isinstance(document, dict) else document
    if not isinstance(tools, list) or not all(isinstance(tool, dict) for tool in tools):
        raise ImportFileError(
            _('The JSON file must be the site\'s open-data catalogue: {"tools": [...]}.')
        )
    language = document.get("language") if isinstance(document, dict) else None
    if language and language != settings.LANGUAGE_CODE:
        raise ImportFileError(
            _(
                "This catalogue is in another language (%(language)s). Import the French "
                "catalogue; translations go through the translation workflow."
            )
            % {"language": language}
        )
    if tools:
        _check_header(list(tools[0]))
    return [Row(number, dict(tool)) for number, tool in enumerate(tools, start=1)]


def files_from_zip(data):
    """The files of a ZIP archive sent with the spreadsheet, checked as any upload."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise ImportFileError(_("The archive of files is not a valid ZIP file.")) from error
    files = {}
    for member in archive.infolist():
        if member.is_dir():
            continue
        if member.file_size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
            raise ImportFileError(
                _("%(name)s in the archive is too large.") % {"name": member.filename}
            )
        name = PurePath(member.filename).name
        files[name] = ImportFile(name, archive.read(member))
    return files


# Checking --------------------------------------------------------------------------------


def _as_list(value):
    if isinstance(value, list):
        return [str(item).strip() for item in value if str(item).strip()]
    return [item.strip() for item in str(value or "").split(CELL_SEPARATOR.strip()) if item.strip()]


def _rich_list(items):
    if not items:
        return ""
    if len(items) == 1:
        return f"<p>{escape(items[0])}</p>"
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _choice(value, choices, column, errors):
    """A choice from its value or its label in any of the site's languages."""
    wanted = str(value).strip().casefold()
    for choice_value, label in choices:
        labels = {str(choice_value).casefold()}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                labels.add(str(label).casefold())
        if wanted in labels:
            return choice_value
    errors.append(
        _("%(column)s: “%(value)s” is not one of %(choices)s.")
        % {
            "column": column,
            "value": value,
            "choices": ", ".join(str(label) for _value, label in choices),
        }
    )
    return None


def _steps(value, errors):
    """Instructions from one step per line (or a JSON list): "Title : what to do"."""
    lines = value if isinstance(value, list) else str(value or "").splitlines()
    steps = []
    for line in lines:
        if isinstance(line, dict):
            title, text = line.get("title", ""), line.get("text", "")
        else:
            title, _sep, text = str(line).partition(":")
        title, text = str(title).strip(), str(text).strip()
        if not title and not text:
            continue
        if not title or not text:
            errors.append(
                _("steps: write each step on its own line as “Title : what to do” (%(line)s).")
                % {"line": line}
            )
            continue
        steps.append(
            {
                "type": "step",
                "value": {"title": title[:200], "text": f"<p>{escape(text)}</p>", "duration": ""},
            }
        )
    return steps


class TermLookup:
    """The live terms of each taxonomy in the source locale, by slug and by name."""

    def __init__(self, locale):
        self.terms = {}
        for column, model in TAXONOMY_COLUMNS.items():
            terms = {}
            for term in model.objects.live().filter(locale=locale):
                terms[term.slug.casefold()] = term
                terms[term.name.casefold()] = term
            self.terms[column] = terms

    def names(self, column):
        return ", ".join(sorted({term.name for term in self.terms[column].values()}))

    def find(self, column, names, errors):
        found = []
        for name in names:
            term = self.terms[column].get(name.casefold())
            if term is None:
                errors.append(
                    _("%(column)s: unknown term “%(name)s”. The terms are: %(terms)s.")
                    % {"column": column, "name": name, "terms": self.names(column)}
                )
            elif term not in found:
                found.append(term)
        return found


def _check_row(row, terms, files):
    values, errors = row.values, []
    # Columns the file has: an absent column leaves the sheet's value alone on re-import.
    cleaned = {"present": {column for column in values if column in COLUMNS}}
    for column, value in values.items():
        if isinstance(value, str) and value.strip().startswith(FORMULA_STARTS):
            errors.append(
                _("%(column)s: formulas are not imported (“%(value)s”). Type the value itself.")
                % {"column": column, "value": value.strip()[:40]}
            )
    if errors:
        return cleaned, errors

    def text(column):
        value = values.get(column)
        if isinstance(value, list):
            value = CELL_SEPARATOR.join(str(item) for item in value)
        return "" if value is None else str(value).strip()

    for column in REQUIRED_COLUMNS:
        if not text(column):
            errors.append(_("%(column)s: required.") % {"column": column})
    cleaned["sheet_number"] = text("sheet_number")
    if len(cleaned["sheet_number"]) > ToolPage._meta.get_field("sheet_number").max_length:
        errors.append(_("sheet_number: at most 10 characters."))
    for column, limit in TEXT_COLUMNS.items():
        cleaned[column] = text(column)
        if column in NAME_LIST_COLUMNS:
            # Names separated by commas, as the sheet stores them; the open data lists them.
            names = re.split(r"[;,]", cleaned[column])
            cleaned[column] = ", ".join(name.strip() for name in names if name.strip())
        if len(cleaned[column]) > limit:
            errors.append(
                _("%(column)s: at most %(limit)d characters (%(length)d).")
                % {"column": column, "limit": limit, "length": len(cleaned[column])}
            )
    for column in TAXONOMY_COLUMNS:
        cleaned[column] = terms.find(column, _as_list(values.get(column)), errors)
    for column in LIST_COLUMNS:
        cleaned[column] = _rich_list(_as_list(values.get(column)))
    cleaned["complexity"] = (
        _choice(text("complexity"), Complexity.choices, "complexity", errors)
        if text("complexity")
        else Complexity.MEDIUM
    )
    cleaned["status"] = (
        _choice(text("status"), ToolStatus.choices, "status", errors)
        if text("status")
        else ToolStatus.PUBLISHED
    )
    cleaned["licence"] = (
        _choice(text("licence"), Licence.choices, "licence", errors)
        if text("licence")
        else Licence.CC_BY_SA_4
    )
    cleaned["effort_hours"] = None
    if text("effort_hours"):
        try:
            hours = Decimal(text("effort_hours").replace(",", "."))
        except InvalidOperation:
            hours = None
        if hours is None or not hours.is_finite() or hours < 0 or hours >= 100000:
            errors.append(
                _("effort_hours: a number of hours such as 2.5 (“%(value)s”).")
                % {"value": text("effort_hours")}
            )
        else:
            cleaned["effort_hours"] = hours.quantize(Decimal("0.1"))
    cleaned["steps"] = _steps(values.get("steps"), errors)
    cleaned["files"] = []
    for name in _as_list(values.get("files")):
        if "://" in name:
            errors.append(
                _(
                    "files: “%(name)s” is an address. Addresses are not downloaded: put the "
                    "file itself in the archive sent with the spreadsheet."
                )
                % {"name": name[:80]}
            )
            continue
        attached = files.get(PurePath(name).name)
        if attached is None:
            errors.append(
                _("files: “%(name)s” is not in the archive sent with the spreadsheet.")
                % {"name": name}
            )
            continue
        try:
            inspect_upload(
                ContentFile(attached.data, name=attached.name),
                extensions=DOCUMENT_TYPES.keys(),
                max_bytes=settings.WAGTAILDOCS_MAX_UPLOAD_SIZE,
            )
        except ValidationError as error:
            errors.append(
                _("files: %(name)s: %(reason)s")
                % {"name": attached.name, "reason": " ".join(error.messages)}
            )
            continue
        cleaned["files"].append(attached)
    return cleaned, errors


def _reader_items(rich_text):
    """What a reader sees of a rich-text list, not the markup the editor produced."""
    return [" ".join(html.unescape(item).split()) for item in text_items(rich_text)]


def _current_values(page, present):
    values = {name: getattr(page, name) for name in PAGE_FIELDS}
    values["effort_hours"] = (
        Decimal(page.effort_hours).quantize(Decimal("0.1"))
        if page.effort_hours is not None
        else None
    )
    for column in LIST_COLUMNS:
        values[column] = _reader_items(values[column])
    for column in TAXONOMY_COLUMNS:
        values[column] = sorted(term.pk for term in getattr(page, column).all())
    values["steps"] = [
        (block.block_type, block.value["title"], block.value["text"].source)
        for block in page.instructions
        if block.block_type == "step"
    ]
    return {name: value for name, value in values.items() if name in present}


def _new_values(cleaned):
    values = {name: cleaned[name] for name in PAGE_FIELDS}
    for column in LIST_COLUMNS:
        values[column] = _reader_items(values[column])
    for column in TAXONOMY_COLUMNS:
        values[column] = sorted(term.pk for term in cleaned[column])
    values["steps"] = [
        (step["type"], step["value"]["title"], step["value"]["text"]) for step in cleaned["steps"]
    ]
    return {name: value for name, value in values.items() if name in cleaned["present"]}


def source_index():
    locale = Locale.get_default()
    index = ToolIndexPage.objects.filter(locale=locale).first()
    if index is None:
        raise ImportFileError(_("The tool library does not exist yet in French."))
    return index


def plan(rows, *, user=None, files=None):
    """What importing `rows` would do, row by row; nothing is written."""
    index = source_index()
    files = files or {}
    terms = TermLookup(index.locale)
    existing = {
        page.sheet_number: page
        for page in ToolPage.objects.child_of(index).prefetch_related(*TAXONOMY_COLUMNS)
    }
    may_add = user is None or index.permissions_for_user(user).can_add_subpage()
    seen = {}
    plans = []
    for row in rows:
        cleaned, errors = _check_row(row, terms, files)
        result = RowPlan(
            row.number,
            sheet_number=cleaned.get("sheet_number", ""),
            title=cleaned.get("title", ""),
            cleaned=cleaned,
            errors=errors,
        )
        plans.append(result)
        if errors:
            continue
        number = cleaned["sheet_number"]
        if number in seen:
            result.errors.append(
                _("sheet_number: %(number)s is already on row %(row)d of this file.")
                % {"number": number, "row": seen[number]}
            )
            continue
        seen[number] = row.number
        page = existing.get(number)
        if page is None:
            if not may_add:
                result.errors.append(_("You may not add tool sheets to the library."))
                continue
            result.action = "create"
            continue
        latest = page.get_latest_revision_as_object()
        if user is not None and not page.permissions_for_user(user).can_edit():
            result.errors.append(_("You may not change sheet %(number)s.") % {"number": number})
            continue
        result.page = page
        before, after = _current_values(latest, cleaned["present"]), _new_values(cleaned)
        result.changes = [name for name in after if before[name] != after[name]]
        new_files = _new_files(page, cleaned["files"])
        if new_files:
            result.changes.append("files")
        result.action = "update" if result.changes else "unchanged"
    return ImportPlan(plans)


def _file_hash(data):
    return hash_filelike(io.BytesIO(data))


def _new_files(page, files):
    """The files not yet attached to `page` (compared by content, as Wagtail hashes it)."""
    if not files:
        return []
    known = {instrument.document.file_hash for instrument in page.instruments.all()}
    return [attached for attached in files if _file_hash(attached.data) not in known]


# Writing ---------------------------------------------------------------------------------


def _collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=IMPORT_COLLECTION).first()
    return collection or root.add_child(name=IMPORT_COLLECTION)


def _document(attached, user):
    """The library's document with this content, or a new one in the import collection."""
    Document = get_document_model()
    document = Document.objects.filter(file_hash=_file_hash(attached.data)).first()
    if document is None:
        document = Document(
            title=PurePath(attached.name).stem.replace("_", " ")[:255],
            collection=_collection(),
            uploaded_by_user=user,
        )
        document.file.save(attached.name, ContentFile(attached.data), save=False)
        document._set_document_file_metadata()
        document.save()
    return document


def _fill(page, cleaned, user):
    """Set the columns the file has on `page` (unsaved or a revision's object)."""
    present = cleaned["present"]
    for name in PAGE_FIELDS:
        if name in present or name in REQUIRED_COLUMNS:
            setattr(page, name, cleaned[name])
    for column in TAXONOMY_COLUMNS:
        if column in present:
            getattr(page, column).set(cleaned[column])
    if cleaned["steps"]:
        # The file's steps are the instructions: tips and images are the editors' work on
        # the page and stay in the page's history (the previous revision).
        page.instructions = cleaned["steps"]
    for attached in _new_files(page, cleaned["files"]):
        document = _document(attached, user)
        page.instruments.add(
            page.instruments.model(
                title=document.title,
                document=document,
                kind="other",
                licence=cleaned["licence"],
                locale=page.locale,
            )
        )


def apply(import_plan, *, user=None, submit_for_review=False, stream=None):
    """Write an importable plan; returns the pages created or changed."""
    if not import_plan.importable:
        raise ImportFileError(_("The file has refused rows: nothing was imported."))
    index = source_index()
    written = []
    rows = [row for row in import_plan.rows if row.action in ("create", "update")]
    with transaction.atomic():
        for row in progress(rows, description=_("Import"), stream=stream):
            cleaned = row.cleaned
            if row.action == "create":
                page = ToolPage(
                    title=cleaned["title"],
                    sheet_number=cleaned["sheet_number"],
                    summary=cleaned["summary"],
                    locale=index.locale,
                    live=False,
                    owner=user,
                )
                _fill(page, cleaned, user)
                index.add_child(instance=page)
                page.save_revision(user=user, log_action=True)
                create_aliases_for_new_page(page)
            else:
                page = row.page.get_latest_revision_as_object()
                _fill(page, cleaned, user)
                page.save_revision(user=user, log_action=True)
            if submit_for_review and not page.workflow_in_progress:
                workflow = page.get_workflow()
                if workflow is not None:
                    workflow.start(page, user)
            written.append(page)
    return written

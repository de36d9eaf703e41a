"""Spreadsheet exports that no spreadsheet program runs as formulas.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel,
LibreOffice and Google Sheets (`=HYPERLINK(...)` in a registrant's name becomes a link to an
attacker's site). Such text is written with a leading apostrophe, which the programs show as
plain text (OWASP, "CSV Injection"). Numbers and dates are written as they are.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """`value`, or a text that no spreadsheet program evaluates."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class NeutralisedExportMixin:
    """For Wagtail's SpreadsheetExportMixin views (list_export): CSV and XLSX cells neutralised.

    Wagtail keeps XLSX cells as text already; CSV cells it writes raw. Every admin export
    (core/reports.py, the registrations listing) goes through this one place.
    """

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))

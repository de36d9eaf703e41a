"""Every UI string has French, German, Italian and English text, compiled, and none is fuzzy."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["fr", "de", "it", "en"]
CATALOGUE_FOLDERS = sorted(
    {path.parent for path in ROOT.glob("**/locale") if ".venv" not in path.parts}
)


def catalogues():
    for folder in CATALOGUE_FOLDERS:
        for language in LANGUAGES:
            yield folder / "locale" / language / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("po_path", list(catalogues()), ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_is_complete_and_compiled(po_path):
    assert po_path.exists(), f"{po_path} is missing: run scripts/messages"
    catalogue = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"{po_path}: untranslated {untranslated[:10]}"
    assert not fuzzy, f"{po_path}: fuzzy {fuzzy[:10]}"
    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    expected = {(e.msgid, e.msgstr or tuple(e.msgstr_plural.values())) for e in catalogue}
    actual = {(e.msgid, e.msgstr or tuple(e.msgstr_plural.values())) for e in compiled if e.msgid}
    assert expected == actual, f"{po_path.with_suffix('.mo')} is stale: run scripts/messages"


@pytest.mark.slow
def test_every_string_in_the_code_is_in_the_catalogues(tmp_path):
    """Extract the strings afresh in a copy of the project and compare with the catalogues."""
    assert shutil.which("xgettext"), "GNU gettext is needed (scripts/test installs it)"
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "node_modules", "media", "staticfiles", "test-artifacts", "*.sqlite3*"
        ),
    )
    subprocess.run(
        [sys.executable, str(copy / "scripts" / "messages"), "--extract-only"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    for po_path in catalogues():
        fresh = polib.pofile(str(copy / po_path.relative_to(ROOT)))
        committed = polib.pofile(str(po_path))
        missing = {e.msgid for e in fresh} - {e.msgid for e in committed}
        assert not missing, (
            f"{po_path.relative_to(ROOT)} lacks strings used in the code: {sorted(missing)[:10]}; "
            "run scripts/messages and translate them"
        )

"""French typography for text that a visitor reads: non-breaking spaces and "1er".

French sets a non-breaking space before the colon and a narrow one before ; ! ? and inside
« guillemets », so that the sign never starts a line; the first day of a month is "1er".
Other languages keep their text as written. HTML is safe to pass: only the text between tags
changes, never a tag, an attribute, a script or preformatted code.
"""

import re

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"

MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
# Any space (or &nbsp;) before the sign, or none before ; ! ? after a letter.
_SPACE = r"(?:[ \t\u00a0\u202f]|&nbsp;|&#160;|&#xa0;)"
_BEFORE_COLON = re.compile(_SPACE + r"+:")
_BEFORE_PUNCTUATION = re.compile(_SPACE + r"+([;!?])")
_OPENING_GUILLEMET = re.compile(r"«" + _SPACE + r"*")
_CLOSING_GUILLEMET = re.compile(_SPACE + r"*»")
_FIRST_OF_MONTH = re.compile(r"\b1(?:er)?" + _SPACE + r"+(" + MONTHS + r")\b", re.IGNORECASE)
_TAG = re.compile(r"(<[^>]*>)")
_RAW_ELEMENTS = ("script", "style", "pre", "code", "textarea")


def _french_text(text: str) -> str:
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    text = _BEFORE_PUNCTUATION.sub(NARROW_NBSP + r"\1", text)
    text = _OPENING_GUILLEMET.sub("«" + NARROW_NBSP, text)
    text = _CLOSING_GUILLEMET.sub(NARROW_NBSP + "»", text)
    return _FIRST_OF_MONTH.sub("1er" + NBSP + r"\1", text)


def french_typography(html: str) -> str:
    """Apply French spacing to the text of `html`, leaving its tags and raw elements alone."""
    parts = _TAG.split(html)
    raw_element = None
    for index, part in enumerate(parts):
        if index % 2:
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            name = name.group(1).lower() if name else ""
            if raw_element is None and name in _RAW_ELEMENTS and not part.startswith("</"):
                raw_element = name
            elif raw_element == name and part.startswith("</"):
                raw_element = None
        elif raw_element is None and part:
            parts[index] = _french_text(part)
    return "".join(parts)


def language_of(subject) -> str | None:
    """The language of a page (the text of an alias is its original's), or a language code."""
    if subject is None or subject == "":
        return None
    if isinstance(subject, str):
        return subject
    language = getattr(subject, "content_language", None)
    if language:
        return language
    locale = getattr(subject, "locale", None)
    return getattr(locale, "language_code", None)


def typography(value, language: str) -> str:
    """`value` set for `language`; escaped first unless it is already safe HTML."""
    text = str(conditional_escape(value))
    if language and language.split("-")[0] == "fr":
        text = french_typography(text)
    # Escaped above; only spaces were changed since.
    return mark_safe(text)  # noqa: S308  # nosec B308 B703

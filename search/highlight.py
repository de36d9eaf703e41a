"""Excerpts of a page with the visitor's words marked, found whatever their case and accents."""

import re
import unicodedata

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

EXCERPT_LENGTH = 240
EXCERPT_SOURCES = ("summary", "intro", "search_description", "text")


def fold(text: str) -> str:
    """Lowercase `text` without accents: "Modèle" and "modele" fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _folded_with_positions(text):
    """The folded text and, for each of its characters, the index of the original character."""
    folded, positions = [], []
    for index, character in enumerate(text):
        for folded_character in fold(character):
            folded.append(folded_character)
            positions.append(index)
    return "".join(folded), positions


def find_terms(text: str, terms) -> list[tuple[int, int]]:
    """(start, end) spans of `text` where a word begins with one of `terms`, accent-blind."""
    terms = sorted({fold(term) for term in terms if term}, key=len, reverse=True)
    if not terms or not text:
        return []
    folded, positions = _folded_with_positions(text)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(term) for term in terms) + r")\w*")
    spans = []
    for match in pattern.finditer(folded):
        start = positions[match.start()]
        end = positions[match.end() - 1] + 1
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, end))
    return spans


def _window(text, spans, length):
    if len(text) <= length:
        return 0, len(text)
    first = spans[0][0] if spans else 0
    start = max(0, first - length // 4)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        floor = spans[0][1] if spans else start
        if space > floor:
            end = space
    return start, end


def highlight(text: str, terms, length: int = EXCERPT_LENGTH) -> str:
    """An HTML-escaped excerpt of `text` around the first match, each match in <mark>."""
    text = " ".join(strip_tags(text or "").split())
    spans = find_terms(text, terms)
    start, end = _window(text, spans, length)
    parts = ["…" if start else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        parts.append(escape(text[cursor:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    if end < len(text):
        parts.append("…")
    # Every piece of text is escaped above; only <mark> is ours.
    return mark_safe("".join(parts))  # noqa: S308  # nosec B308 B703


def excerpt(page, terms, length: int = EXCERPT_LENGTH) -> str:
    """The page's first text field that mentions a term, else its first non-empty one."""
    texts = []
    for name in EXCERPT_SOURCES:
        value = getattr(page, name, None)
        if isinstance(value, str) and value.strip():
            texts.append(value)
    for text in texts:
        if find_terms(strip_tags(text), terms):
            return highlight(text, terms, length)
    return highlight(texts[0], terms, length) if texts else ""

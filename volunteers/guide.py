"""The volunteers' guide: Markdown chapters in docs/guide/<language>/, rendered in the admin.

The chapters are written in French and English; other admin languages get the English text.
Images live in docs/guide/img/ (the browser walk-throughs take them) and are served by the
admin; links between chapters (`other-chapter.md`) and to images (`../img/name.png`) are
rewritten to the admin's URLs, so that the same files read well on a code host too.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import markdown
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

GUIDE_DIR = Path(settings.BASE_DIR) / "docs" / "guide"
IMAGE_DIR = GUIDE_DIR / "img"
GUIDE_LANGUAGES = ["fr", "en"]
CHAPTERS = [
    "publishing-a-tool",
    "importing-tools",
    "reviewing-a-contribution",
    "translating",
    "running-a-webinar-cycle",
    "vetting-a-provider",
]
IMAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.png$")
_IMAGE_LINK = re.compile(r"\]\(\.\./img/([a-z0-9-]+\.png)\)")
_CHAPTER_LINK = re.compile(r"\]\(([a-z0-9-]+)\.md(#[\w-]+)?\)")


@dataclass
class Chapter:
    slug: str
    title: str
    body: str

    @property
    def url(self):
        return reverse("volunteers_guide_chapter", args=[self.slug])


def guide_language(language=None):
    language = (language or get_language() or "fr").split("-")[0]
    return language if language in GUIDE_LANGUAGES else "en"


def _rewrite_links(text):
    def image(match):
        return "](" + reverse("volunteers_guide_image", args=[match.group(1)]) + ")"

    def chapter(match):
        if match.group(1) not in CHAPTERS:
            return match.group(0)
        url = reverse("volunteers_guide_chapter", args=[match.group(1)])
        return f"]({url}{match.group(2) or ''})"

    return _CHAPTER_LINK.sub(chapter, _IMAGE_LINK.sub(image, text))


@lru_cache(maxsize=32)
def _render(path, modified):
    text = path.read_text(encoding="utf-8")
    title_match = re.search(r"^# (.+)$", text, flags=re.MULTILINE)
    title = title_match.group(1).strip() if title_match else path.stem
    text = re.sub(r"^# .+\n", "", text, count=1, flags=re.MULTILINE)
    # The files are ours (in the repository), not visitors' input: their HTML is trusted.
    body = markdown.markdown(_rewrite_links(text), extensions=["tables", "sane_lists"])
    return title, body


# The guide's HTML is rendered from our own Markdown files in docs/guide/, never from input.
def chapter(slug, language=None):
    """The chapter in the admin user's language, or None when it does not exist."""
    if slug not in CHAPTERS:
        return None
    path = GUIDE_DIR / guide_language(language) / f"{slug}.md"
    if not path.exists():
        return None
    title, body = _render(path, path.stat().st_mtime)
    return Chapter(slug, title, mark_safe(body))  # noqa: S308  # nosec B308 B703


def chapters(language=None):
    return [found for slug in CHAPTERS if (found := chapter(slug, language))]


def introduction(language=None):
    path = GUIDE_DIR / guide_language(language) / "README.md"
    if not path.exists():
        return None
    title, body = _render(path, path.stat().st_mtime)
    return Chapter("", title, mark_safe(body))  # noqa: S308  # nosec B308 B703


def image_path(name):
    """The image file for a name from a guide link, or None (unknown names are refused)."""
    if not IMAGE_NAME.match(name):
        return None
    path = IMAGE_DIR / name
    return path if path.is_file() else None

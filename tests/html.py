"""Parsed-HTML helpers for assertions.

A test that checks a page's structure (an element, its attributes, its text, its place in the
page) asks the parsed document with a CSS selector instead of searching the raw markup: the
assertion then names what it means and does not depend on attribute order, quoting or
whitespace. Checks that a dangerous raw string is absent from the output (an injected
`<script>`) stay raw-string checks: the raw bytes are what they verify.

    soup = parse(response)
    assert one(soup, "main#main")["lang"] == "fr"
    assert texts(soup, "h3 a") == ["Premier", "Second"]
"""

from bs4 import BeautifulSoup, Tag


def parse(source) -> BeautifulSoup:
    """Parse a response (its content) or markup (str or bytes) with Python's "html.parser"."""
    if hasattr(source, "content"):
        source = source.content
    if isinstance(source, bytes):
        source = source.decode()
    return BeautifulSoup(source, "html.parser")


def text_of(node: Tag) -> str:
    """The text a visitor reads in `node`, runs of whitespace collapsed to one space.

    The contents of `<script>`, `<style>` and `<template>` are not text (BeautifulSoup leaves
    them out), and character references are decoded: "L'associazione", not "L&#x27;…".
    """
    return " ".join(node.get_text().split())


def one(node: Tag, css: str) -> Tag:
    """The only element under `node` that matches the selector `css`; fails otherwise."""
    found = node.select(css)
    assert len(found) == 1, f"{len(found)} elements match {css!r}, expected exactly one"
    return found[0]


def texts(node: Tag, css: str) -> list[str]:
    """The text (as `text_of`) of every element under `node` matching `css`, in page order."""
    return [text_of(element) for element in node.select(css)]

"""Paragraphs from the HTML (or MHT) documents Word embeds as altChunks."""

from __future__ import annotations

import email
import email.policy
import re

from lxml import etree, html

_BLOCKS = {
    "p", "div", "li", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "br", "section",
    "article", "blockquote", "pre", "dt", "dd", "ul", "ol", "header", "footer", "title",
}  # fmt: skip
_SKIP = {"script", "style", "head", "noscript", "template"}
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")


def html_paragraphs(markup: bytes | str) -> list[tuple[str, int | None]]:
    """``(text, heading level or None)`` for each block of an HTML document."""
    parser = html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=False
    )
    try:
        root = html.fromstring(markup, parser=parser)
    except (etree.LxmlError, ValueError, TypeError):
        return []
    out: list[tuple[str, int | None]] = []
    buf: list[str] = []
    level: list[int | None] = [None]

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(buf)).strip()
        if text:
            out.append((text, level[0]))
        buf.clear()
        level[0] = None

    def walk(el: etree._Element) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            if el.tail:
                buf.append(el.tail)
            return
        block = tag in _BLOCKS
        if block:
            flush()
            if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
                level[0] = int(tag[1])
        if el.text and tag:
            buf.append(el.text)
        for c in el:
            walk(c)
        if block:
            flush()
        if el.tail:
            buf.append(el.tail)

    walk(root)
    flush()
    return out


def mht_html(data: bytes) -> bytes | str | None:
    """The HTML body of an MHT (MIME) archive, or None."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        for part in message.walk():
            if part.get_content_type() in ("text/html", "text/plain"):
                return part.get_content()
    except Exception:  # noqa: BLE001 - a damaged MIME archive just yields no text
        return None
    return None

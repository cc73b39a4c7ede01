"""Small helpers for WordprocessingML elements, namespace-agnostic.

Transitional (``schemas.openxmlformats.org``) and Strict (``purl.oclc.org``) documents use
different namespaces for the same vocabulary, so elements and attributes are matched by
local name.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from contract_analyzer.ingest.safexml import local_name


def attr(el: etree._Element | None, name: str) -> str | None:
    """An attribute by local name (``w:val``, ``r:id``...), or None."""
    if el is None:
        return None
    for key, value in el.attrib.items():
        if key == name or key.endswith("}" + name):
            return value
    return None


def child(el: etree._Element | None, name: str) -> etree._Element | None:
    """The first child element with that local name."""
    if el is None:
        return None
    for c in el:
        if local_name(c.tag) == name:
            return c
    return None


def children(el: etree._Element | None, name: str) -> Iterator[etree._Element]:
    """Child elements with that local name."""
    if el is None:
        return
    for c in el:
        if local_name(c.tag) == name:
            yield c


def val(el: etree._Element | None, name: str) -> str | None:
    """``<name w:val="..."/>`` of a child, or None."""
    return attr(child(el, name), "val")


def on(el: etree._Element | None) -> bool:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``) is on."""
    if el is None:
        return False
    value = attr(el, "val")
    return value is None or value.lower() not in ("0", "false", "off", "none")


def int_val(value: str | None, default: int | None = None) -> int | None:
    """An integer attribute value (tolerating junk), or ``default``."""
    if value is None:
        return default
    try:
        return int(value.strip())
    except (ValueError, AttributeError):
        return default


def descendants(el: etree._Element, name: str) -> Iterator[etree._Element]:
    """Descendant elements with that local name (document order)."""
    for d in el.iter():
        if local_name(d.tag) == name:
            yield d

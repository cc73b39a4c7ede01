"""A hardened XML parser for the parts of Office packages.

No entity is ever substituted (internal or external), no DTD is loaded, nothing is fetched
from a network, and libxml2's safety limits stay on (``huge_tree=False``: depth and text-node
size caps). Any parse failure becomes :class:`CorruptDocument` naming the part, so no lxml
exception leaves the ingest package.
"""

from __future__ import annotations

from lxml import etree

from contract_analyzer.errors import CorruptDocument

_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "huge_tree": False,
    "load_dtd": False,
    "dtd_validation": False,
    "attribute_defaults": False,
    "remove_comments": True,
    "remove_pis": True,
    "collect_ids": False,
}


def hardened_parser() -> etree.XMLParser:
    """A new parser with entity resolution and network access off (parsers are not thread-safe)."""
    return etree.XMLParser(**_PARSER_OPTIONS)


def parse_xml(data: bytes, source: str, part: str) -> etree._Element:
    """Parse one package part; raise :class:`CorruptDocument` if it is not well-formed XML."""
    if not data.strip():
        raise CorruptDocument(source, f"the part {part} is empty")
    try:
        root = etree.fromstring(data, hardened_parser())
    except etree.XMLSyntaxError as exc:
        msg = str(exc.msg or exc)
        if "amplification" in msg or "entity" in msg.lower():
            cause = f"the part {part} declares XML entities that would explode in size ({msg})"
        else:
            cause = f"the part {part} is damaged XML ({msg})"
        raise CorruptDocument(source, cause) from None
    except (etree.LxmlError, ValueError, MemoryError) as exc:
        raise CorruptDocument(source, f"the part {part} cannot be parsed ({exc})") from None
    if root is None:
        raise CorruptDocument(source, f"the part {part} holds no XML element")
    return root


def has_dtd(root: etree._Element) -> bool:
    """True when the part carries a DOCTYPE (not allowed in Office XML; a sign of an XXE attempt)."""
    try:
        docinfo = root.getroottree().docinfo
        return bool(docinfo.doctype) or docinfo.internalDTD is not None
    except (etree.LxmlError, ValueError):
        return False


def local_name(tag: object) -> str:
    """The tag without its namespace (``""`` for comments, entities and processing instructions)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]

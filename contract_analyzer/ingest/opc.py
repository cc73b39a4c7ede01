"""The Open Packaging Conventions layer of Office files: content types and relationships.

Just enough of OPC to find a package's main part and the parts it points to (styles,
numbering, headers, footers, altChunks), read through :class:`SafeZip` and the hardened XML
parser. A damaged relationship or content-type part is tolerated with a warning where the
main text can still be found; python-docx, by contrast, refuses the whole package.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from lxml import etree

from contract_analyzer.errors import ContractAnalyzerError
from contract_analyzer.ingest.safexml import has_dtd, local_name, parse_xml
from contract_analyzer.ingest.safezip import SafeZip

OFFICE_DOCUMENT = "officeDocument"  # relationship type suffix (transitional and strict)

WORD_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": (
        "a Word template (.dotx)"
    ),
    "application/vnd.ms-word.document.macroEnabled.main+xml": (
        "a macro-enabled Word document (.docm); macros are ignored"
    ),
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": (
        "a macro-enabled Word template (.dotm); macros are ignored"
    ),
}


@dataclass(frozen=True)
class Relationship:
    """One relationship of a part: its id, type (last path segment), target part and mode."""

    id: str
    type: str
    target: str
    external: bool


class Package:
    """An Office package: parts by name, their content types and relationships."""

    def __init__(self, zip_: SafeZip, source: str) -> None:
        self.zip = zip_
        self.source = source
        self.warnings: list[str] = []
        self._types: tuple[dict[str, str], dict[str, str]] | None = None
        self._rels: dict[str, list[Relationship]] = {}

    def xml(self, part: str) -> etree._Element | None:
        """The parsed XML of a part (None when the part is absent)."""
        data = self.zip.read(part)
        if data is None:
            return None
        root = parse_xml(data, self.source, part)
        if has_dtd(root):
            self.warnings.append(f"the part {part} carries a DOCTYPE (entities were not resolved)")
        return root

    def _content_types(self) -> tuple[dict[str, str], dict[str, str]]:
        if self._types is None:
            defaults: dict[str, str] = {}
            overrides: dict[str, str] = {}
            try:
                root = self.xml("[Content_Types].xml")
            except ContractAnalyzerError as exc:
                self.warnings.append(f"content types ignored: {exc.cause}")
                root = None
            for el in root.iter() if root is not None else ():
                name = local_name(el.tag)
                if name == "Default":
                    ext = (el.get("Extension") or "").lower()
                    defaults[ext] = (el.get("ContentType") or "").strip()
                elif name == "Override":
                    part = (el.get("PartName") or "").lstrip("/").lower()
                    overrides[part] = (el.get("ContentType") or "").strip()
            self._types = (defaults, overrides)
        return self._types

    def content_type(self, part: str) -> str:
        """The declared content type of a part ("" when undeclared)."""
        defaults, overrides = self._content_types()
        part = part.lstrip("/").lower()
        if part in overrides:
            return overrides[part]
        return defaults.get(posixpath.splitext(part)[1].lstrip("."), "")

    def relationships(self, part: str) -> list[Relationship]:
        """The relationships of ``part`` ("" for the package itself); [] when none or damaged."""
        if part in self._rels:
            return self._rels[part]
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        rels: list[Relationship] = []
        try:
            root = self.xml(rels_name)
        except ContractAnalyzerError as exc:
            self.warnings.append(f"relationships of {part or 'the package'} ignored: {exc.cause}")
            root = None
        for el in root.iter() if root is not None else ():
            if local_name(el.tag) != "Relationship":
                continue
            target = el.get("Target") or ""
            external = (el.get("TargetMode") or "").lower() == "external"
            rels.append(
                Relationship(
                    id=el.get("Id") or "",
                    type=(el.get("Type") or "").rstrip("/").rsplit("/", 1)[-1],
                    target=target if external else self.resolve(part, target),
                    external=external,
                )
            )
        self._rels[part] = rels
        return rels

    def related(self, part: str, rel_type: str) -> list[str]:
        """Internal targets of ``part``'s relationships of one type, that exist in the package."""
        return [
            r.target
            for r in self.relationships(part)
            if r.type == rel_type and not r.external and self.zip.has(r.target)
        ]

    def target(self, part: str, rel_id: str) -> Relationship | None:
        """The relationship of ``part`` with id ``rel_id``."""
        for rel in self.relationships(part):
            if rel.id == rel_id:
                return rel
        return None

    @staticmethod
    def resolve(base_part: str, target: str) -> str:
        """A relationship target as a part name, relative to the part that owns it."""
        target = target.split("#", 1)[0].replace("\\", "/")
        if target.startswith("/"):
            return posixpath.normpath(target).lstrip("/")
        folder = posixpath.dirname(base_part)
        return posixpath.normpath(posixpath.join(folder, target)).lstrip("/")

    def main_part(self) -> str | None:
        """The package's main part: the officeDocument relationship, else a well-known name."""
        for target in self.related("", OFFICE_DOCUMENT):
            return self.zip.find(target)
        for guess in ("word/document.xml", "xl/workbook.xml", "ppt/presentation.xml"):
            found = self.zip.find(guess)
            if found is not None:
                return found
        return None

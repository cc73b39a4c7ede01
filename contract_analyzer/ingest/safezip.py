"""A ZIP container read under limits, for DOCX packages.

Before any member is inflated the central directory is checked against the settings: number
of members, total declared size, and the compression ratio of every large member (a zip bomb
inflates a few kilobytes to gigabytes). Reads are capped at the declared size (Python's
zipfile stops there and then checks the CRC), and the bytes actually inflated are counted
against ``max_inflated_bytes``. Every zipfile/zlib error becomes a :class:`ContractAnalyzerError`.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from contract_analyzer.errors import CorruptDocument, DocumentTooLarge, EncryptedDocument
from contract_analyzer.settings import Settings

_MB = 1024 * 1024


def _mb(n: float) -> str:
    return f"{n / _MB:,.1f} MB"


class SafeZip:
    """Read-only access to a ZIP held in memory, refusing bombs before inflating anything."""

    def __init__(self, data: bytes, source: str, settings: Settings) -> None:
        self.source = source
        self.settings = settings
        self.inflated = 0
        self.warnings: list[str] = []
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
            raise CorruptDocument(source, f"damaged ZIP container ({exc})") from None
        except (struct.error, IndexError, KeyError, UnicodeError) as exc:
            raise CorruptDocument(source, f"damaged ZIP directory ({exc})") from None
        self._check(infos)
        self._infos: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if info.filename in self._infos:
                self.warnings.append(f"the ZIP container lists {info.filename!r} twice")
            self._infos.setdefault(info.filename, info)
        self._lower = {name.lower(): name for name in self._infos}

    def _check(self, infos: list[zipfile.ZipInfo]) -> None:
        s = self.settings
        if len(infos) > s.max_zip_members:
            raise DocumentTooLarge(
                self.source,
                f"the ZIP container has {len(infos):,} members, over the limit of "
                f"{s.max_zip_members:,} (setting max_zip_members)",
            )
        total = 0
        for info in infos:
            size = max(int(info.file_size), 0)
            total += size
            packed = max(int(info.compress_size), 1)
            if size >= s.zip_ratio_check_min_bytes and size / packed > s.max_compression_ratio:
                raise DocumentTooLarge(
                    self.source,
                    f"zip bomb refused: the member {info.filename!r} would inflate "
                    f"{size / packed:,.0f} times ({_mb(packed)} to {_mb(size)}), over the limit "
                    f"of {s.max_compression_ratio:g} (setting max_compression_ratio)",
                )
        if total > s.max_inflated_bytes:
            raise DocumentTooLarge(
                self.source,
                f"the ZIP container would inflate to {_mb(total)}, over the limit of "
                f"{_mb(s.max_inflated_bytes)} (setting max_inflated_bytes)",
            )

    def names(self) -> list[str]:
        """Member names in directory order."""
        return list(self._infos)

    def find(self, name: str) -> str | None:
        """The stored name matching ``name`` (OPC part names are case-insensitive), or None."""
        name = name.lstrip("/")
        if name in self._infos:
            return name
        return self._lower.get(name.lower())

    def has(self, name: str) -> bool:
        """True when the container holds a member of that name."""
        return self.find(name) is not None

    def read(self, name: str) -> bytes | None:
        """The inflated bytes of a member (None when absent), within the inflation budget."""
        stored = self.find(name)
        if stored is None:
            return None
        info = self._infos[stored]
        if info.flag_bits & 0x1:
            raise EncryptedDocument(
                self.source, f"the ZIP member {stored!r} is encrypted; a password is needed"
            )
        budget = self.settings.max_inflated_bytes - self.inflated
        if info.file_size > budget:
            raise DocumentTooLarge(
                self.source,
                f"reading {stored!r} would inflate past {_mb(self.settings.max_inflated_bytes)} "
                "(setting max_inflated_bytes)",
            )
        try:
            with self._zip.open(info) as fh:
                data = fh.read(info.file_size + 1)
        except zipfile.BadZipFile as exc:
            raise CorruptDocument(self.source, f"damaged ZIP member {stored!r} ({exc})") from None
        except (zlib.error, EOFError, OSError, ValueError, struct.error) as exc:
            raise CorruptDocument(
                self.source, f"the ZIP member {stored!r} cannot be inflated ({exc})"
            ) from None
        except NotImplementedError as exc:
            raise CorruptDocument(
                self.source, f"the ZIP member {stored!r} uses an unsupported compression ({exc})"
            ) from None
        except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
            raise EncryptedDocument(self.source, f"the ZIP member {stored!r}: {exc}") from None
        self.inflated += len(data)
        if len(data) > info.file_size:
            raise CorruptDocument(
                self.source, f"the ZIP member {stored!r} is larger than its declared size"
            )
        return data

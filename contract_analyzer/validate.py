"""Argument checks at the public boundary: a bad value becomes one :class:`InvalidArgument`.

Every public call (``ca.load_document``, ``ca.analyze``, the extractors, the batch) checks its
arguments here before any work starts, so a wrong type, an impossible setting or an unknown
keyword is a message naming the argument and the value, never a TypeError from deep inside a
library. The checks are cheap (types and ranges); whether a path exists, or a playbook name is
known, is checked by the code that opens it (``FileNotReadable``, ``PlaybookError``).

``as_of`` is not checked here: its coercion belongs to the key-dates layer.
"""

from __future__ import annotations

import functools
import inspect
import io
import math
import os
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from contract_analyzer.errors import InvalidArgument

F = TypeVar("F", bound=Callable[..., Any])
_SHOWN = 80  # characters of a value shown in a message


def shown(value: Any) -> str:
    """A short ``repr`` of a value for a message (long texts and bytes are cut)."""
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a hostile __repr__ must not hide the real error
        text = f"<{type(value).__name__}>"
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def type_error(argument: str, value: Any, expected: str) -> InvalidArgument:
    """The error for a value of the wrong type."""
    return InvalidArgument(
        argument, f"expected {expected}, got {type(value).__name__} {shown(value)}"
    )


def check_text(value: Any, argument: str = "text") -> str:
    """``value`` if it is a str of valid Unicode (the text-level extractors take text, not bytes
    or None; a lone surrogate such as ``"\\ud800"`` cannot be encoded, so no tokenizer can
    read it)."""
    if not isinstance(value, str):
        raise type_error(argument, value, "a str")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InvalidArgument(
                argument,
                f"not valid Unicode text: a lone surrogate {value[exc.start]!r} at offset "
                f"{exc.start} (decode bytes with errors='replace' first)",
            ) from None
    return value


def check_texts(value: Any, argument: str = "texts") -> list[str]:
    """``value`` as a list of valid texts: a list, tuple or other iterable of str (a single
    str is refused: iterating it would classify its characters one by one)."""
    if isinstance(value, (str, bytes, bytearray, memoryview)) or value is None:
        raise type_error(argument, value, "a list (or other iterable) of str")
    try:
        items = list(value)
    except TypeError:
        raise type_error(argument, value, "a list (or other iterable) of str") from None
    for i, item in enumerate(items):
        check_text(item, f"{argument}[{i}]")
    return items


def check_settings(value: Any, argument: str = "settings") -> Any:
    """``value`` if it is None or a :class:`Settings`."""
    from contract_analyzer.settings import Settings

    if value is not None and not isinstance(value, Settings):
        raise type_error(argument, value, "a contract_analyzer.Settings or None")
    return value


def check_source(value: Any, argument: str = "source", *, document: bool = False) -> Any:
    """A path, bytes or a binary file object (or a Document when ``document``).

    An empty path and a text-mode file are refused here, naming the argument; a missing path
    or a folder (``FileNotReadable``) and empty bytes (``EmptyDocument``) by the loader.
    """
    from contract_analyzer.document import Document

    if document and isinstance(value, Document):
        return value
    if isinstance(value, bool):
        raise type_error(argument, value, _source_kinds(document))
    if isinstance(value, (str, os.PathLike)):
        if not os.fspath(value):
            raise InvalidArgument(argument, "an empty path ('') names no file")
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return value  # empty bytes: the loader's EmptyDocument ("<bytes>: ... empty")
    if isinstance(value, io.TextIOBase):
        raise InvalidArgument(
            argument, f"a text-mode file {shown(value)}; open the file in binary mode ('rb')"
        )
    if callable(getattr(value, "read", None)):
        return value
    raise type_error(argument, value, _source_kinds(document))


def _source_kinds(document: bool) -> str:
    return "a path, bytes or a binary file" + (" or a Document" if document else "")


def check_document(value: Any, argument: str = "document") -> Any:
    """``value`` if it is a :class:`Document`."""
    from contract_analyzer.document import Document

    if not isinstance(value, Document):
        raise type_error(argument, value, "a contract_analyzer.Document (see load_document)")
    return value


def check_document_or_text(value: Any, argument: str = "source") -> Any:
    """``value`` if it is a Document or a str."""
    from contract_analyzer.document import Document

    if not isinstance(value, (Document, str)):
        raise type_error(argument, value, "a Document or a str")
    if isinstance(value, str):
        check_text(value, argument)
    return value


def check_playbook(value: Any, argument: str = "playbook") -> Any:
    """None, a kind name, a path to a YAML file, or a Playbook object (not a number or a list)."""
    if value is None or isinstance(value, os.PathLike):
        return value
    if isinstance(value, str):
        if not value.strip():
            raise InvalidArgument(argument, "an empty playbook name ('')")
        return value
    if type(value).__name__ == "Playbook" and hasattr(value, "components"):
        return value
    raise type_error(argument, value, "a playbook name (e.g. 'saas'), a YAML path or a Playbook")


def check_optional(value: Any, argument: str, types: tuple[type, ...], expected: str) -> Any:
    """``value`` if it is None or an instance of ``types`` (bool is never an int here)."""
    if value is None:
        return value
    if isinstance(value, bool) and bool not in types:
        raise type_error(argument, value, expected)
    if not isinstance(value, types):
        raise type_error(argument, value, expected)
    return value


def check_positive(
    value: Any, argument: str, *, integer: bool = False, allow_zero: bool = False
) -> Any:
    """A finite number > 0 (>= 0 with ``allow_zero``); an int when ``integer``."""
    kinds: tuple[type, ...] = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise type_error(argument, value, "an int" if integer else "a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidArgument(argument, f"must be a finite number, not {shown(value)}")
    if value < 0 or (value == 0 and not allow_zero):
        bound = "0 or more" if allow_zero else "a positive number (more than 0)"
        raise InvalidArgument(argument, f"must be {bound}, not {shown(value)}")
    return value


Checks = Mapping[str, Callable[[Any, str], Any]]


def checked(fn: F, checks: Checks, name: str | None = None) -> F:
    """``fn`` with its arguments checked first: unknown or missing arguments and every value
    with a check in ``checks`` (parameter name -> check(value, name)) raise InvalidArgument.

    ``fn`` receives what the checks return (the value itself, or e.g. an iterable read into a
    list by :func:`check_texts`, so a generator is not consumed by its check)."""
    signature = inspect.signature(fn)
    label = name or fn.__name__

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as exc:
            raise InvalidArgument(label, f"{exc} (signature: {label}{signature})") from None
        for parameter, value in bound.arguments.items():
            check = checks.get(parameter)
            if check is not None:
                bound.arguments[parameter] = check(value, parameter)
        return fn(*bound.args, **bound.kwargs)

    wrapper.__signature__ = signature  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]

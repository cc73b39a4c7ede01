"""The batch progress bar: files done, rate and ETA on stderr, only where someone watches."""

from __future__ import annotations

import sys
from typing import Any, Protocol


class Progress(Protocol):
    """What the runner needs from a progress display."""

    def update(self, n: int = 1) -> Any: ...
    def set_postfix_str(self, s: str = "", refresh: bool = True) -> Any: ...
    def close(self) -> Any: ...


class _Silent:
    def update(self, n: int = 1) -> None:
        return None

    def set_postfix_str(self, s: str = "", refresh: bool = True) -> None:
        return None

    def close(self) -> None:
        return None


def wants_progress(progress: bool | None) -> bool:
    """``progress`` if given, else True only when stderr is a terminal or in a notebook."""
    if progress is not None:
        return bool(progress)
    if "ipykernel" in sys.modules:
        return True
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


def make_progress(total: int, *, done: int = 0, enabled: bool | None = None) -> Progress:
    """A tqdm bar over ``total`` files of which ``done`` (cache hits) are already finished."""
    if not wants_progress(enabled):
        return _Silent()
    from tqdm.auto import tqdm

    return tqdm(
        total=total,
        initial=done,
        unit="file",
        desc="scoring",
        file=sys.stderr,
        dynamic_ncols=True,
        smoothing=0.1,
    )

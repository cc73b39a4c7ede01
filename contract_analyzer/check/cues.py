"""The phrase lexicon of the CUAD categories (``answers/cues.yaml``), compiled once.

Read by the CUAD answers and by the checker's stated components (:mod:`.statements`), so both
find a category in the same words. It sits outside the ``answers`` package because the
answers import the checker's context, which must not import them back.

Each ``any`` pattern carries the literal words one of which every match must contain (read
from the pattern's parse tree, :func:`required_literals`): a sentence containing none of them
is skipped without running the pattern. The answers ask every category of every sentence, so
this test, which gives the same result as the search it spares, is most of their speed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from contract_analyzer.text.casefold import fold_case

try:  # the regex parser of the standard library (re._parser from Python 3.11)
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

CUES_FILE = Path(__file__).parent / "answers" / "cues.yaml"


@dataclass(frozen=True)
class Cue:
    """A category's patterns: a sentence matches ``any`` (and ``with`` if given), not ``unless``."""

    any: tuple[re.Pattern[str], ...]
    with_: tuple[re.Pattern[str], ...] = ()
    unless: tuple[re.Pattern[str], ...] = ()
    # per ``any`` pattern, the lower-cased literal words one of which its every match
    # contains, as one alternation searched in the folded sentence (None: no such word, the
    # pattern is always run); and their union, tested first: most sentences contain no word
    # of a category's cues
    _gates: tuple[re.Pattern[str] | None, ...] = field(
        init=False, repr=False, compare=False, default=()
    )
    _gate: re.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        words = [required_literals(p) for p in self.any]
        object.__setattr__(self, "_gates", tuple(_alternation(w) if w else None for w in words))
        if words and all(words):
            union = sorted({w for ws in words for w in ws})  # type: ignore[union-attr]
            object.__setattr__(self, "_gate", _alternation(union))

    def matches(self, sentence: str) -> re.Match[str] | None:
        """The first ``any`` match in ``sentence`` when the sentence qualifies, else None."""
        folded = _folded(sentence)
        if self._gate is not None and self._gate.search(folded) is None:
            return None  # no ``any`` pattern can match: none of their words is there
        hit = None
        for pattern, gate in zip(self.any, self._gates, strict=True):
            if gate is not None and gate.search(folded) is None:
                continue
            hit = pattern.search(sentence)
            if hit is not None:
                break
        if hit is None:
            return None
        if self.with_ and not any(p.search(sentence) for p in self.with_):
            return None
        if any(p.search(sentence) for p in self.unless):
            return None
        return hit


def _compile(items: list[str] | None) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in items or ())


@lru_cache(maxsize=1)
def load_cues() -> dict[str, Cue]:
    """Category id -> its compiled cue (read once)."""
    data = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    return {
        cat: Cue(
            _compile(spec.get("any")), _compile(spec.get("with")), _compile(spec.get("unless"))
        )
        for cat, spec in data.items()
    }


def _alternation(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One pattern matching any of ``words`` (lower case) in a ``fold_case`` text."""
    return re.compile("|".join(re.escape(w) for w in words))


_FOLDED: dict[str, str] = {}  # sentences folded lately (the cues ask each sentence often)
_FOLDED_MAX = 20_000


def _folded(sentence: str) -> str:
    folded = _FOLDED.get(sentence)
    if folded is None:
        if len(_FOLDED) >= _FOLDED_MAX:
            _FOLDED.clear()
        folded = _FOLDED[sentence] = fold_case(sentence)
    return folded


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-cased ASCII words one of which every match of ``pattern`` contains (the most
    selective set its parse tree shows), or None when it shows none. Only a necessary
    condition: a text containing one may still not match."""
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a pattern re compiled always parses; be safe anyway
        return None
    found = _sequence_literals(list(tree))
    return tuple(sorted(found)) if found else None


def _selectivity(words: frozenset[str]) -> tuple[int, int]:
    return min(len(w) for w in words), -len(words)


def _candidates(items: list) -> list[frozenset[str]]:
    """Sets of alternatives, one of each a match of the sequence ``items`` contains."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, arg in items:
        if op is _sre_parse.LITERAL:
            run.append(chr(arg))
            continue
        close_run()
        inner = _item_literals(op, arg)
        if inner is not None:
            candidates.append(inner)
    close_run()
    out = []
    for c in candidates:
        if not c or not all(w and w.isascii() for w in c):
            continue
        words = {w.lower() for w in c}
        # a word containing another alternative adds nothing to the test
        out.append(frozenset(w for w in words if not any(v != w and v in w for v in words)))
    return out


def _sequence_literals(items: list) -> frozenset[str] | None:
    """The most selective set of alternatives one of which a match of ``items`` contains."""
    found = _candidates(items)
    return max(found, key=_selectivity) if found else None


def _item_literals(op: object, arg: object) -> frozenset[str] | None:
    if op is _sre_parse.SUBPATTERN:
        return _sequence_literals(list(arg[-1]))  # type: ignore[index]
    if op is _sre_parse.BRANCH:
        out: set[str] = set()
        for branch in arg[1]:  # type: ignore[index]
            one = _sequence_literals(list(branch))
            if one is None:
                return None
            out |= one
        return frozenset(out)
    if op in (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT) or str(op) == "POSSESSIVE_REPEAT":
        low, _high, item = arg  # type: ignore[misc]
        return _sequence_literals(list(item)) if low >= 1 else None
    if op is _sre_parse.ASSERT:  # a positive look-around: the sentence contains it too
        return _sequence_literals(list(arg[1]))  # type: ignore[index]
    return None

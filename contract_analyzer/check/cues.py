"""The phrase lexicon of the CUAD categories (``answers/cues.yaml``), compiled once.

Read by the CUAD answers and by the checker's stated components (:mod:`.statements`), so both
find a category in the same words. It sits outside the ``answers`` package because the
answers import the checker's context, which must not import them back.

Each ``any`` pattern carries the literal words one of which every match must contain (read
from the pattern's parse tree, ``text.casefold.required_literals``): a sentence containing
none of them is skipped without running the pattern. Which cue words a sentence contains is
found once per sentence for all categories (``_Words``, one trie pattern). The answers ask
every category of every sentence, so this test, which gives the same result as the searches
it spares, is most of their speed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from contract_analyzer.resources import yaml_loader
from contract_analyzer.text.casefold import fold_case, required_literals

CUES_FILE = Path(__file__).parent / "answers" / "cues.yaml"


@dataclass(frozen=True)
class Cue:
    """A category's patterns: a sentence matches ``any`` (and ``with`` if given), not ``unless``."""

    any: tuple[re.Pattern[str], ...]
    with_: tuple[re.Pattern[str], ...] = ()
    unless: tuple[re.Pattern[str], ...] = ()
    # per ``any`` pattern, the lower-cased literal words one of which its every match
    # contains (None: no such word, the pattern is always run); and their union, tested
    # first: most sentences contain no word of a category's cues
    _needs: tuple[frozenset[str] | None, ...] = field(
        init=False, repr=False, compare=False, default=()
    )
    _union: frozenset[str] | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        words = [required_literals(p) for p in self.any]
        needs = tuple(frozenset(w) if w else None for w in words)
        object.__setattr__(self, "_needs", needs)
        if needs and all(needs):
            object.__setattr__(self, "_union", frozenset().union(*needs))  # type: ignore[arg-type]
        for w in needs:
            if w:
                _WORDS.add(w)

    def matches(self, sentence: str) -> re.Match[str] | None:
        """The first ``any`` match in ``sentence`` when the sentence qualifies, else None."""
        present = _WORDS.present(sentence)
        if self._union is not None and present.isdisjoint(self._union):
            return None  # no ``any`` pattern can match: none of their words is there
        hit = None
        for pattern, needs in zip(self.any, self._needs, strict=True):
            if needs is not None and present.isdisjoint(needs):
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
    data = yaml.load(CUES_FILE.read_text(encoding="utf-8"), Loader=yaml_loader())  # noqa: S506 - a safe loader
    return {
        cat: Cue(
            _compile(spec.get("any")), _compile(spec.get("with")), _compile(spec.get("unless"))
        )
        for cat, spec in data.items()
    }


class _Words:
    """The cue words of every Cue made so far, and which of them a sentence contains.

    One scan per sentence serves all the categories asked of it: a trie of the words as one
    pattern, looked for (zero-width) at every position of the folded sentence. At one
    position it finds the longest word there; the other words starting there are its
    prefixes, so they are known too."""

    MAX_CACHED = 20_000  # sentences remembered (the answers ask each one per category)

    def __init__(self) -> None:
        self.words: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        self._prefixes: dict[str, frozenset[str]] = {}
        self._seen: dict[str, frozenset[str]] = {}

    def add(self, words: frozenset[str]) -> None:
        if not words <= self.words:
            self.words |= words
            self._pattern = None
            self._seen.clear()

    def _compile(self) -> re.Pattern[str]:
        words = self.words
        self._prefixes = {
            w: frozenset(w[:i] for i in range(1, len(w) + 1) if w[:i] in words) for w in words
        }
        self._pattern = re.compile(f"(?=({_trie(sorted(words))}))", re.DOTALL)
        return self._pattern

    def present(self, sentence: str) -> frozenset[str]:
        """The words of the lexicon that ``fold_case(sentence)`` contains."""
        found = self._seen.get(sentence)
        if found is None:
            pattern = self._pattern or self._compile()
            prefixes = self._prefixes
            folded = fold_case(sentence)
            found = frozenset().union(*(prefixes[m.group(1)] for m in pattern.finditer(folded)))
            if len(self._seen) >= self.MAX_CACHED:
                self._seen.clear()
            self._seen[sentence] = found
        return found


def _trie(words: list[str]) -> str:
    """A pattern matching any of ``words`` (sorted, distinct), the longest where several
    start at one place: shared beginnings are written once and an ending is optional only
    after the longer continuations were tried."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    branches = []
    for first, rests in groups.items():
        longer = [r for r in rests if r]
        tail = ""
        if longer:
            tail = f"(?:{_trie(longer)})" + ("?" if "" in rests else "")
        branches.append(re.escape(first) + tail)
    return "|".join(branches)


_WORDS = _Words()

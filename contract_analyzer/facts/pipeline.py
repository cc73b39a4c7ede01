"""The spaCy pipeline behind the fact extractors: a fact-friendly tokenizer and Matcher components.

A blank English pipeline (``English()``, what ``spacy.blank("en")`` builds) with two changes,
both the documented spaCy way:

* a custom tokenizer (``nlp.tokenizer``) that keeps numeric groups whole ("03/01/2024",
  "1,000.00", "2024-03-01" are one token each, so their SHAPE says what they are) and splits
  letters from digits ("1st" -> "1" "st", "EUR4,000" -> "EUR" "4,000"), so one pattern covers
  "March 1st" and "March 1 st". Whitespace other than a single space becomes its own token,
  as in spaCy, so offsets map back to the text exactly;
* one ``ca_fact_matcher`` component per kind of fact (dates, durations, money, percentages).
  Each holds :class:`spacy.matcher.Matcher` objects, one per class of trigger word (month
  names, numeric dates, weekdays ...), writes its matches to ``doc.spans[kind]`` (longest
  accepted match wins; span label = pattern name), and helper matches (labels starting with
  "_") to ``doc.spans[kind + "_aux"]``. Each kind registers its patterns and an
  ``accept(span)`` check (context guard + a value that parses) with :func:`register_kind`.

Speed: the Matcher costs about a microsecond per token per pattern, so the components only
match near trigger words found by :mod:`contract_analyzer.facts.scan`. :func:`parse` goes one
step further and tokenizes only those windows of the text (returned as ``(offset, Doc)``
pairs); ``nlp(text)`` on a whole text also works and gives the same spans.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from spacy.attrs import NORM, SHAPE
from spacy.lang.en import English
from spacy.lang.lex_attrs import word_shape
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from contract_analyzer.facts import date_patterns, dates, durations, money
from contract_analyzer.facts.matching import KindSpec, Parsed, Pattern, doc_text
from contract_analyzer.facts.scan import KIND_OF, scan

_TOKEN_RE = re.compile(
    r"(\d+(?:[./\-]\d+|,\d{3}(?!\d))*"  # numeric group: 03/01/2024 1,000.00 2024-03-01
    r"|[^\W\d_]+"  # letters
    r"|\[[^\]\w\n]{0,5}\]|_{2,}"  # blanks: [ ]  [•]  ____
    r"|[^\w\s]"  # one punctuation mark
    r"|\S)( ?)"  # anything else; one space after a token is its trailing space
    r"|(\s+)",  # other whitespace is a token of its own, as in spaCy
    re.DOTALL,
)


class FactTokenizer:
    """Tokenizer for facts: numeric groups whole, digits split from letters, exact offsets."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for word, space, blank in _TOKEN_RE.findall(text):
            if blank:
                words.append(blank)
                spaces.append(False)
            else:
                words.append(word)
                spaces.append(bool(space))
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["ca_text"] = text
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # spaCy calls these when saving/loading a pipeline; the tokenizer has no state to save
    def to_bytes(self, **_: Any) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **__: Any) -> FactTokenizer:
        return self

    def to_disk(self, _path: Any, **__: Any) -> None:
        return None

    def from_disk(self, _path: Any, **__: Any) -> FactTokenizer:
        return self


# the registry: one matcher component per kind, in this order (explicit, no import side effects)
_KINDS: dict[str, KindSpec] = {
    "dates": dates.SPEC,
    "durations": durations.SPEC,
    "money": money.MONEY_SPEC,
    "percentages": money.PERCENT_SPEC,
}
KINDS: tuple[str, ...] = tuple(_KINDS)
# Word classes as lexeme NORMs ("may" -> "§month"), for fast patterns: a Matcher test of one
# attribute value is a C comparison, ``{"IN": [...]}`` a Python call per token. Tags are
# computed once per distinct word, when its lexeme is created.
_NORM_TAGGERS: tuple[Callable[[str], str | None], ...] = (date_patterns.norm_tag,)


def _tag(text: str) -> str | None:
    for tagger in _NORM_TAGGERS:
        tag = tagger(text)
        if tag is not None:
            return tag
    return None


class FactMatcher:
    """Pipeline component: Matcher patterns of one kind -> ``doc.spans[kind]``.

    Patterns whose name starts with "_" are helpers (e.g. the "30 days after" before a date);
    their accepted spans go to ``doc.spans[kind + "_aux"]`` for the kind's module to combine.
    Docs made by :func:`parse` say in ``doc.user_data["ca_classes"]`` which trigger classes
    they hold; for any other Doc the component scans its text itself.
    """

    def __init__(self, vocab: Vocab, kind: str) -> None:
        spec = _KINDS[kind]
        self.kind = kind
        self.vocab = vocab
        self.accept = spec.accept
        self._helpers: dict[int, bool] = {}
        patterns = {
            label: [flag_pattern(vocab, pattern) for pattern in plist]
            for label, plist in spec.patterns().items()
        }
        self.matchers: dict[str, Matcher] = {}
        for cls, labels in spec.groups.items():
            matcher = Matcher(vocab, validate=False)
            for label in labels:
                matcher.add(label, patterns[label])
            self.matchers[cls] = matcher

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        classes = doc.user_data.get("ca_classes")
        regions: list[tuple[int, int, set[str]]]
        if classes is not None:
            regions = [(0, len(doc), set(classes))]
        else:
            regions = []
            for w in scan(doc_text(doc), (self.kind,)):
                span = doc.char_span(w.start, w.end, alignment_mode="expand")
                if span is not None:
                    regions.append((span.start, span.end, w.classes))
        out: list[tuple[int, int, int]] = []
        for a, b, found in regions:
            target: Doc | Span = doc if (a, b) == (0, len(doc)) else doc[a:b]
            for cls in sorted(found):
                matcher = self.matchers.get(cls)
                if matcher is not None:
                    out.extend((mid, s + a, e + a) for mid, s, e in matcher(target))
        return out

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        aux: list[Span] = []
        matches = self._matches(doc)
        if matches:
            trimmed: set[tuple[int, int, int]] = set()
            for match_id, start, end in matches:
                while end > start and doc[end - 1].is_space:
                    end -= 1
                if end > start:
                    trimmed.add((match_id, start, end))
            # longest first, so an accepted match hides the shorter matches inside it unchecked
            covered_to = -1  # end of the accepted main span that started at or before this one
            for match_id, start, end in sorted(trimmed, key=lambda m: (m[1], -m[2], m[0])):
                helper = self._is_helper(match_id)
                if not helper and end <= covered_to:
                    continue
                span = Span(doc, start, end, label=match_id)
                if self.accept(span):
                    if helper:
                        aux.append(span)
                    else:
                        spans.append(span)
                        covered_to = max(covered_to, end)
        doc.spans[self.kind] = filter_spans(spans) if len(spans) > 1 else spans
        if aux:
            doc.spans[f"{self.kind}_aux"] = filter_spans(aux)
        return doc

    def _is_helper(self, match_id: int) -> bool:
        helper = self._helpers.get(match_id)
        if helper is None:
            helper = self._helpers[match_id] = self.vocab.strings[match_id].startswith("_")
        return helper


# ------------------------------------------------------------------- lexeme flags

# Matcher set tests ({"LOWER": {"IN": [...]}}) are Python calls per token and pattern state;
# a lexeme flag is a bit tested in C. Each distinct set test becomes one flag of the vocab
# (``Vocab.add_flag``, computed once per word), while flags last; the rest stay set tests.
_FLAG_TABLES: dict[int, tuple[Vocab, dict[tuple[str, str], int | None]]] = {}
_FLAGGABLE = {"LOWER", "ORTH", "TEXT", "NORM", "SHAPE"}


def _attr_getter(vocab: Vocab, attr: str) -> Callable[[str], str]:
    """The lexeme's value of ``attr`` computed from its text, as the vocab computes it."""
    if attr == "LOWER":
        return str.lower
    if attr in ("ORTH", "TEXT"):
        return str
    if attr == "NORM":
        norm = vocab.lex_attr_getters.get(NORM)
        return norm if norm is not None else str.lower
    return vocab.lex_attr_getters.get(SHAPE) or word_shape


def _flag_getter(vocab: Vocab, attr: str, test: dict[str, Any]) -> Callable[[str], bool] | None:
    if len(test) != 1:
        return None
    ((op, value),) = test.items()
    get = _attr_getter(vocab, attr)
    if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in value):
        members = frozenset(value)
        if op == "IN":
            return lambda text: get(text) in members
        return lambda text: get(text) not in members
    if op == "REGEX" and isinstance(value, str):
        rx = re.compile(value)
        return lambda text: rx.search(get(text)) is not None
    return None


def flag_pattern(vocab: Vocab, pattern: Pattern) -> Pattern:
    """``pattern`` with its set and regex tests on lexeme attributes turned into flags."""
    _, table = _FLAG_TABLES.setdefault(id(vocab), (vocab, {}))
    out: Pattern = []
    for token in pattern:
        new: dict[Any, Any] = {}
        for attr, test in token.items():
            if attr.upper() not in _FLAGGABLE or not isinstance(test, dict):
                new[attr] = test
                continue
            key = (attr.upper(), repr(sorted(test.items())))
            if key not in table:
                getter = _flag_getter(vocab, attr.upper(), test)
                try:
                    table[key] = vocab.add_flag(getter) if getter is not None else None
                except ValueError:  # no free flag left
                    table[key] = None
            flag = table[key]
            if flag is None:
                new[attr] = test
            else:
                new[flag] = True
        out.append(new)
    return out


@Language.factory("ca_fact_matcher", default_config={"kind": "dates"})
def make_fact_matcher(nlp: Language, name: str, kind: str) -> FactMatcher:
    """spaCy factory for :class:`FactMatcher`."""
    return FactMatcher(nlp.vocab, kind)


_LOCK = threading.Lock()
_NLP: Language | None = None


def build_nlp() -> Language:
    """A fresh pipeline: blank English, the fact tokenizer, one matcher per kind."""
    # English() is what spacy.blank("en") builds, without resolving a whole training config
    # (same vocabulary and defaults; a third of the cold start of this pipeline)
    nlp = English()
    default_norm = nlp.vocab.lex_attr_getters.get(NORM)

    def norm(text: str) -> str:
        tag = _tag(text)
        if tag is not None:
            return tag
        return default_norm(text) if default_norm is not None else text.lower()

    nlp.vocab.lex_attr_getters[NORM] = norm
    for lex in nlp.vocab:
        tag = _tag(lex.orth_)
        if tag is not None:
            lex.norm_ = tag
    nlp.tokenizer = FactTokenizer(nlp.vocab)
    nlp.max_length = 50_000_000  # the tokenizer is linear; size limits live in Settings
    for kind in KINDS:
        nlp.add_pipe("ca_fact_matcher", name=f"ca_{kind}", config={"kind": kind})
    return nlp


def get_nlp() -> Language:
    """The shared pipeline (built on first use, thread-safe)."""
    global _NLP
    if _NLP is None:
        with _LOCK:
            if _NLP is None:
                _NLP = build_nlp()
    return _NLP


def _window_docs(nlp: Language, text: str, kinds: Sequence[str]) -> Parsed:
    out: Parsed = []
    for w in scan(text, kinds):
        doc = nlp.make_doc(text[w.start : w.end])
        doc.user_data["ca_classes"] = w.classes
        out.append((w.start, doc))
    return out


def parse(text: str, kinds: Sequence[str] = KINDS) -> Parsed:
    """Tokenize and match the windows of ``text`` that may hold facts of ``kinds``.

    Returns ``(offset, Doc)`` pairs: each Doc covers ``text[offset:offset + len(doc.text)]``
    and carries the matched spans in ``doc.spans[kind]``.
    """
    nlp = get_nlp()
    docs = _window_docs(nlp, text, kinds)
    for _, doc in docs:
        for kind in kinds:
            nlp.get_pipe(f"ca_{kind}")(doc)
    return docs


def parse_many(
    texts: Iterable[str], kinds: Sequence[str] = KINDS, batch_size: int = 256
) -> Iterator[Parsed]:
    """:func:`parse` over many texts; the window Docs go through ``nlp.pipe`` in batches."""
    nlp = get_nlp()
    disable = [f"ca_{k}" for k in KINDS if k not in kinds]
    items = list(texts)
    per_text = [_window_docs(nlp, text, kinds) for text in items]
    flat = [doc for docs in per_text for _, doc in docs]
    with nlp.select_pipes(disable=disable):
        done = list(nlp.pipe(flat, batch_size=batch_size))
    k = 0
    for docs in per_text:
        yield [(offset, done[k + i]) for i, (offset, _) in enumerate(docs)]
        k += len(docs)


def kinds_of(classes: Iterable[str]) -> set[str]:
    """The fact kinds a set of trigger classes belongs to."""
    return {KIND_OF[c.split(":")[0]] for c in classes}

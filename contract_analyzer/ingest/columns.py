"""Reading order on pages set in two columns.

Line clustering reads straight across the page, which interleaves two columns. A column
gutter shows up as a wide gap between words, at the same x position, on many rows. When a
page has one, each run of rows that do not cross the gutter is read as its left half then
its right half; rows spanning the gutter (titles, full-width paragraphs) stay where they are.
Single-column pages (nearly all contracts) come back unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MIN_GUTTER = 7.0  # points; with the row-count and prose tests, word spaces do not qualify
MIN_ROWS = 8
Row = list[tuple[dict[str, Any], Any]]  # (word, chars) tuples of one line


def _gutter(rows: Sequence[Row], width: float) -> float | None:
    """The x of a column gutter: a position in the middle of the page that few rows cross,
    with rows of running text on both sides. Rows are either split by it (the columns' lines
    align) or lie wholly on one side of it (they do not: each column's lines are rows of their
    own)."""
    lo, hi = 0.3 * width, 0.7 * width
    spans: list[tuple[float, float, list[tuple[float, float]]]] = []
    candidates: set[float] = set()
    for row in rows:
        xs = sorted((w["x0"], w["x1"]) for w, _ in row)
        gaps = []
        for (_, a1), (b0, _) in zip(xs, xs[1:], strict=False):
            mid = (a1 + b0) / 2
            if b0 - a1 >= MIN_GUTTER and lo <= mid <= hi:
                gaps.append((a1, b0))
                candidates.add(round(mid / 4) * 4)
        spans.append((xs[0][0], max(x1 for _, x1 in xs), gaps))
    # positions no row's words cover, even where no row has both columns
    candidates.update(c for c in range(int(lo) // 4 * 4, int(hi) + 1, 4) if c >= lo)
    best, best_score = None, 0
    for c in sorted(candidates):
        split = crossing = left = right = 0
        for x0, x1, gaps in spans:
            if any(a <= c <= b for a, b in gaps):
                split += 1
            elif x0 < c < x1:
                crossing += 1
            elif x1 <= c:
                left += 1
            else:
                right += 1
        if crossing > 0.3 * len(rows):
            continue
        both = min(split + left, split + right)  # rows of text on the thinner side
        if both >= MIN_ROWS and both >= 0.4 * (len(rows) - crossing) / 2 and both > best_score:
            best, best_score = c, both
    if best is None:
        return None
    return best if _prose_on_both_sides(rows, best) else None


def _median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else 0.0


def _prose_on_both_sides(rows: Sequence[Row], c: float) -> bool:
    """Columns of running text (not a table): wordy lines that fill each column."""
    left_words, right_words, left_fill, right_fill = [], [], [], []
    x_min = min(w["x0"] for row in rows for w, _ in row)
    x_max = max(w["x1"] for row in rows for w, _ in row)
    for row in rows:
        lpart = [w for w, _ in row if w["x1"] <= c]
        rpart = [w for w, _ in row if w["x0"] >= c]
        if len(lpart) + len(rpart) < len(row):
            continue  # crosses the gutter
        if lpart:
            left_words.append(len(lpart))
            left_fill.append(
                (max(w["x1"] for w in lpart) - min(w["x0"] for w in lpart)) / max(c - x_min, 1)
            )
        if rpart:
            right_words.append(len(rpart))
            right_fill.append(
                (max(w["x1"] for w in rpart) - min(w["x0"] for w in rpart)) / max(x_max - c, 1)
            )
    return (
        _median(left_words) >= 5
        and _median(right_words) >= 5
        and _median(left_fill) >= 0.6
        and _median(right_fill) >= 0.6
    )


def order_rows(rows: Sequence[Row], width: float) -> list[Row]:
    """Rows in reading order: column by column where the page has a gutter."""
    if len(rows) < MIN_ROWS or width <= 0:
        return list(rows)
    c = _gutter(rows, width)
    if c is None:
        return list(rows)
    out: list[Row] = []
    left: list[Row] = []
    right: list[Row] = []

    def flush() -> None:
        out.extend(left)
        out.extend(right)
        left.clear()
        right.clear()

    for row in rows:
        lpart = [t for t in row if t[0]["x1"] <= c]
        rpart = [t for t in row if t[0]["x0"] >= c]
        if len(lpart) + len(rpart) < len(row):  # a word straddles the gutter
            flush()
            out.append(row)
            continue
        if lpart:
            left.append(lpart)
        if rpart:
            right.append(rpart)
    flush()
    return out

"""Portfolio plots (matplotlib): coverage heatmap, deadline timeline, score distribution and
one contract's terms against the portfolio.

Every function draws on the ``ax`` (or ``axes``) it is given, or on a new
:class:`matplotlib.figure.Figure` (no pyplot state, safe in a server or a batch job), and
returns the figure. :func:`figure_svg` turns a figure into inline SVG for an HTML page:
text stays text, no external references, and the same figure gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from contract_analyzer.portfolio.views import (
    STATUS_CODES,
    STATUS_LABELS,
    TIMELINE_KINDS,
    TIMELINE_LABELS,
    coverage_codes,
)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# colours (colour-blind friendly: blue / orange / vermillion from the Okabe-Ito palette)
STATUS_COLOURS: dict[str, str] = {
    "absent-not-required": "#eeeeee",
    "present": "#0072b2",
    "weak": "#e69f00",
    "missing": "#d55e00",
}
KIND_MARKERS: dict[str, tuple[str, str]] = {  # key date kind -> (marker, colour)
    "effective_date": ("o", "#999999"),
    "next_notice_deadline": ("D", "#d55e00"),
    "current_term_end": ("s", "#0072b2"),
    "expiration_date": ("s", "#56b4e9"),
}
SOON_DAYS = 90  # a notice deadline within this many days is highlighted


def _axes(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    if ax is not None:
        return ax.figure, ax
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, layout="constrained")
    return fig, fig.add_subplot()


def _short(name: str, width: int = 38) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def coverage_heatmap(matrix: pd.DataFrame, ax: Axes | None = None) -> Figure:
    """Contracts (rows) by components (columns), coloured by status: present, weak, missing,
    or not required and not found (grey)."""
    from matplotlib.colors import BoundaryNorm, ListedColormap
    from matplotlib.patches import Patch

    n_rows, n_cols = matrix.shape
    fig, ax = _axes(ax, (max(6.0, 0.34 * n_cols + 3.5), max(2.5, 0.32 * n_rows + 2.2)))
    order = sorted(STATUS_CODES, key=STATUS_CODES.get)
    cmap = ListedColormap([STATUS_COLOURS[s] for s in order])
    norm = BoundaryNorm(np.arange(len(order) + 1) - 0.5, cmap.N)
    codes = coverage_codes(matrix).to_numpy() if n_rows and n_cols else np.zeros((0, 0))
    ax.imshow(codes if codes.size else np.zeros((1, 1)), cmap=cmap, norm=norm, aspect="auto")
    ax.set_xticks(range(n_cols), [c.replace("_", " ") for c in matrix.columns], rotation=60,
                  ha="right", fontsize=8)  # fmt: skip
    ax.set_yticks(range(n_rows), [_short(str(f)) for f in matrix.index], fontsize=8)
    ax.set_xticks(np.arange(n_cols + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(n_rows + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)
    ax.set_title("Which components each contract has", fontsize=11, loc="left")
    ax.legend(
        handles=[Patch(color=STATUS_COLOURS[s], label=STATUS_LABELS[s]) for s in order],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=8,
        frameon=False,
    )
    return fig


def deadline_timeline(
    deadlines: pd.DataFrame, as_of: dt.date, ax: Axes | None = None, soon_days: int = SOON_DAYS
) -> Figure:
    """One line per contract from its effective date to the end of its term, with the last
    day to give notice of non-renewal marked (red label when within ``soon_days``) and a
    vertical line at ``as_of``."""
    import matplotlib.dates as mdates

    files = list(dict.fromkeys(deadlines["file"])) if not deadlines.empty else []
    fig, ax = _axes(ax, (10.0, max(2.5, 0.42 * len(files) + 1.6)))
    if not files:
        ax.text(0.5, 0.5, "no dated key dates found", ha="center", va="center",
                transform=ax.transAxes)  # fmt: skip
        ax.set_axis_off()
        return fig
    y = {f: i for i, f in enumerate(files)}
    for file, group in deadlines.groupby("file", sort=False):
        dates = sorted(group["date"])
        ax.plot(dates[:1] + dates[-1:], [y[file]] * 2, color="#bbbbbb", linewidth=2, zorder=1)
    for kind in TIMELINE_KINDS:
        part = deadlines[deadlines["kind"] == kind]
        if part.empty:
            continue
        marker, colour = KIND_MARKERS.get(kind, ("o", "#555555"))
        ax.scatter(list(part["date"]), [y[f] for f in part["file"]], marker=marker,
                   color=colour, s=42, zorder=3, label=TIMELINE_LABELS.get(kind, kind))  # fmt: skip
    for row in deadlines[deadlines["kind"] == "next_notice_deadline"].itertuples():
        soon = 0 <= row.days_left <= soon_days
        ax.annotate(
            f"{row.date:%d %b %Y} ({row.days_left:+d} d)",
            (mdates.date2num(row.date), y[row.file]),
            xytext=(6, 5),
            textcoords="offset points",
            fontsize=7,
            color="#d55e00" if soon else "#444444",
            fontweight="bold" if soon else "normal",
        )
    ax.axvline(mdates.date2num(as_of), color="#333333", linestyle="--", linewidth=1,
               label=f"as of {as_of:%d %b %Y}")  # fmt: skip
    ax.set_yticks(range(len(files)), [_short(str(f)) for f in files], fontsize=8)
    ax.set_ylim(len(files) - 0.4, -0.6)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", color="#eeeeee")
    ax.set_title("Terms, renewals and notice deadlines", fontsize=11, loc="left", pad=22)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=4, fontsize=8, frameon=False)
    return fig


def score_distribution(contracts: pd.DataFrame, axes: Sequence[Axes] | None = None) -> Figure:
    """Left: how many contracts fall in each 10-point score band. Right: every contract's
    score, worst first, coloured by band (below 50 red, below 75 orange, else blue)."""
    from matplotlib.figure import Figure

    scores = contracts[["file", "score"]].dropna().sort_values(["score", "file"], kind="stable")
    if axes is None:
        fig = Figure(figsize=(10.0, max(3.0, 0.3 * len(scores) + 1.5)), layout="constrained")
        axes = fig.subplots(1, 2, width_ratios=[1, 1.4])
    fig = axes[0].figure
    hist_ax, bar_ax = axes[0], axes[1]
    values = scores["score"].astype(float).to_numpy()
    colours = [_score_colour(v) for v in values]
    hist_ax.hist(values, bins=np.arange(0, 101, 10), color="#0072b2", edgecolor="white")
    if len(values):
        hist_ax.axvline(float(np.median(values)), color="#333333", linestyle="--", linewidth=1)
        hist_ax.text(float(np.median(values)), hist_ax.get_ylim()[1] * 0.95,
                     f" median {np.median(values):.0f}", fontsize=8, va="top")  # fmt: skip
    hist_ax.set_xlim(0, 100)
    hist_ax.set_xlabel("score (100 = nothing to fix)", fontsize=9)
    hist_ax.set_ylabel("contracts", fontsize=9)
    hist_ax.yaxis.get_major_locator().set_params(integer=True)
    hist_ax.set_title("Score distribution", fontsize=11, loc="left")
    bar_ax.barh(range(len(values)), values, color=colours)
    bar_ax.set_yticks(range(len(values)), [_short(str(f)) for f in scores["file"]], fontsize=8)
    bar_ax.set_xlim(0, 100)
    bar_ax.invert_yaxis()
    for i, v in enumerate(values):
        bar_ax.text(v + 1, i, f"{v:.0f}", va="center", fontsize=7)
    bar_ax.set_title("Score per contract (worst first)", fontsize=11, loc="left")
    return fig


def _score_colour(score: float) -> str:
    if score < 50:
        return "#d55e00"
    if score < 75:
        return "#e69f00"
    return "#0072b2"


def terms_comparison(
    terms: pd.DataFrame, file: str | None = None, axes: Sequence[Axes] | None = None
) -> Figure:
    """Payment days, notice days and liability cap (months of fees) of every contract as dots
    on one scale per term; ``file``'s value is the large red dot. Contracts that do not state
    a term are counted under each panel."""
    from matplotlib.figure import Figure

    from contract_analyzer.portfolio.terms import NUMERIC_TERMS

    names = list(NUMERIC_TERMS)
    if axes is None:
        fig = Figure(figsize=(10.0, 2.6), layout="constrained")
        axes = fig.subplots(1, len(names))
    fig = axes[0].figure
    titles = {
        "payment_days": "Payment terms (days)",
        "notice_days": "Non-renewal notice (days)",
        "liability_cap_months": "Liability cap (months of fees)",
    }
    rng = np.random.default_rng(0)  # fixed jitter: the same data gives the same picture
    for ax, term in zip(axes, names, strict=False):
        values = terms[["file", term]].dropna()
        others = values[values["file"] != file]
        jitter = rng.uniform(-0.15, 0.15, len(others))
        ax.scatter(others[term], jitter, color="#0072b2", alpha=0.6, s=30, label="portfolio")
        if len(values):
            ax.axvline(float(values[term].median()), color="#999999", linestyle=":", linewidth=1)
        mine = values[values["file"] == file]
        if len(mine):
            ax.scatter(mine[term], [0.0], color="#d55e00", s=110, zorder=3, label=_short(file, 30))
        ax.set_ylim(-0.6, 0.6)
        ax.set_yticks([])
        ax.set_title(titles.get(term, term), fontsize=10, loc="left")
        missing = int(terms[term].isna().sum())
        ax.set_xlabel(f"{missing} of {len(terms)} do not state it", fontsize=8)
        for side in ("left", "right", "top"):
            ax.spines[side].set_visible(False)
    if file is not None:
        axes[0].legend(loc="upper left", fontsize=7, frameon=False)
    return fig


def figure_svg(fig: Figure) -> str:
    """The figure as an ``<svg>`` element to put inline in HTML (no XML prolog, no DOCTYPE,
    no metadata date, fixed element ids, text kept as text)."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "contract-analyzer"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    start = svg.find("<svg")
    svg = svg[start:] if start >= 0 else svg
    # keep the natural size (width/height) and let CSS shrink it to the page when narrower
    return svg.replace("<svg ", '<svg class="plot" role="img" ', 1)

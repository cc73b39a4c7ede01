"""spaCy Matcher patterns for dates (the ``dates`` kind of the facts pipeline).

Few, loose patterns; the strict checks (a day is 1-31, the words spell a year, the context
is not a section number) happen in :mod:`contract_analyzer.facts.dates` when a match is
accepted. An optional whitespace token sits where a line break may split a date.

Speed: a Matcher test of ``{"LOWER": {"IN": [...]}}`` is a Python call per token, while a
test of one attribute value is a C comparison. So the vocabulary of this private pipeline
tags its words by class through the lexeme ``NORM`` attribute (month names have NORM
"§month", day numbers "§dd", ...; see :data:`NORM_TAGS`) and the patterns test those tags.
"""

from __future__ import annotations

from contract_analyzer.facts import matching as pl
from contract_analyzer.facts.holidays import holiday_token_lists
from contract_analyzer.facts.vocab import FULL_WEEKDAYS, MONTHS, WEEKDAYS
from contract_analyzer.facts.vocab import UNITS as DURATION_UNITS
from contract_analyzer.text.numbers import CARDINAL_WORDS, ORDINAL_UNITS, UNITS

ORDINAL_SUFFIXES = ["st", "nd", "rd", "th"]
DAY_DIGITS = [str(i) for i in range(1, 32)] + [f"0{i}" for i in range(1, 10)]
DAY_WORDS = (
    [w for w, v in UNITS.items() if 1 <= v <= 19]
    + [w for w, v in ORDINAL_UNITS.items() if 1 <= v <= 19]
    + ["twenty", "thirty", "twentieth", "thirtieth"]
)
UNIT_1_9 = [w for w, v in UNITS.items() if 1 <= v <= 9] + [
    w for w, v in ORDINAL_UNITS.items() if 1 <= v <= 9
]
YEAR_START = ["one", "two", "nineteen", "eighteen", "seventeen", "sixteen", "twenty"]
YEAR_WORDS = sorted(CARDINAL_WORDS | {"and", "-", "zero", "oh"})
PLACEHOLDER_RE = r"^(\[[^\]\w]{0,5}\]|_{2,})$"
REL_UNITS = sorted(
    k
    for k, v in DURATION_UNITS.items()
    if v in {"day", "week", "month", "year", "fortnight", "decade"} and len(k) > 2
)
WEEK_WORDS = ["next", "last", "this", "previous", "following", "coming", "past"]
WEEKDAY_PLURALS = [w + "s" for w in FULL_WEEKDAYS]
COUNT_WORDS = sorted(
    (CARDINAL_WORDS - {"hundred", "thousand", "million", "billion", "trillion"})
    | {"a", "an", "few", "couple", "several", "of", "and", "-"}
)

# lexeme NORM tags (one class per word; the first listed wins)
NORM_TAGS: dict[str, str] = {}
for _tag, _words in (
    ("§month", MONTHS),
    ("§wd", WEEKDAYS),
    ("§wds", WEEKDAY_PLURALS),
    ("§dd", DAY_DIGITS),
    ("§suf", ORDINAL_SUFFIXES),
    ("§dw", DAY_WORDS),
    ("§today", ["today", "tomorrow", "yesterday", "tmrw"]),
    ("§which", WEEK_WORDS),
    ("§cnt", ["a", "an", "few", "couple", "several"]),
    ("§unit", REL_UNITS),
):
    for _w in _words:
        NORM_TAGS.setdefault(_w, _tag)


def norm_tag(text: str) -> str | None:
    """The class tag a word gets as its NORM in the facts pipeline, if any."""
    low = text.lower()
    tag = NORM_TAGS.get(low)
    if tag is None and len(low) == 4 and low.isdigit():
        return "§y4"
    return tag


def _norm(tag: str, **extra: object) -> dict[str, object]:
    return {"NORM": tag, **extra}


def date_patterns() -> dict[str, list[pl.Pattern]]:
    """Named token patterns for every date form the extractor reads."""
    tok, words = pl.tok, pl.words
    ws = pl.WS
    month = _norm("§month")
    month_tight = _norm("§month", SPACY=False)
    dot_opt = tok(ORTH=".", OP="?")
    day_rest = [
        tok(NORM={"IN": ["§suf", "§dw"]}, OP="?"),
        # "20t h", "21s t", "2n d": ordinal suffixes split by a PDF text layer
        tok(LOWER={"IN": ["t", "s", "n", "r", "-", "h"]}, OP="?"),
        tok(LOWER={"IN": ["h", "t", "d", *UNIT_1_9]}, OP="?"),
        pl.WS,
    ]
    days = [[_norm("§dd"), *day_rest], [_norm("§dw"), *day_rest]]
    day_mid = [tok(NORM={"IN": ["§dd", "§dw"]}), *day_rest]
    day_digits = _norm("§dd")
    day_tight = _norm("§dd", SPACY=False)
    year4 = tok(SHAPE="dddd")
    years = [
        # "2024" (NORM "§y4"), or a year in words ("two thousand and eighteen", checked later)
        [tok(NORM={"IN": ["§y4", "§dw"]}), tok(LOWER={"IN": YEAR_WORDS}, OP="*")],
        [tok(ORTH={"IN": ["'", "’"]}, SPACY=False), tok(SHAPE="dd")],
    ]
    placeholder = tok(TEXT={"REGEX": PLACEHOLDER_RE})
    weekday = _norm("§wd")
    sep_tight = tok(ORTH={"IN": ["-", "/", "."]}, SPACY=False)
    count_more = tok(LOWER={"IN": COUNT_WORDS}, OP="*")
    counts = [[tok(LIKE_NUM=True)], [_norm("§cnt")]]
    unit = [tok(LOWER={"IN": ["business", "working"]}, OP="?"), _norm("§unit")]
    unit_sep = tok(LOWER={"IN": [",", "and"]}, OP="?")
    now_words = words("now", "today", "tomorrow", "yesterday", "tmrw")
    tails = [[words("ago", "later", "hence")], [words("from", "after", "before"), now_words]]
    mid_count = tok(NORM={"IN": ["§cnt"]}, OP="?")

    p: dict[str, list[pl.Pattern]] = {}
    p["DATE_MDY"] = [
        [month, dot_opt, ws, tok(LOWER={"IN": [",", "the"]}, OP="{0,2}"), *day_mid,
         tok(LOWER={"IN": [",", "of", "."]}, OP="{0,2}"), ws, *y]
        for y in years
    ] + [[month, dot_opt, ws, *day_mid, tok(LOWER="of"), tok(SHAPE="dd")]]  # fmt: skip
    p["DATE_MD"] = [[month, dot_opt, ws, tok(LOWER={"IN": [",", "the"]}, OP="{0,2}"), *day_mid]]
    p["DATE_DMY"] = [
        [*d, tok(LOWER={"IN": [".", "day", "of"]}, OP="{0,3}"), ws, month, dot_opt,
         tok(LOWER={"IN": [",", "of", "in"]}, OP="{0,2}"), ws, *y]
        for d in days
        for y in years
    ] + [
        [*d, tok(LOWER={"IN": [".", "day", "of"]}, OP="{0,3}"), month, tok(LOWER="of"), tok(SHAPE="dd")]
        for d in days
    ]  # fmt: skip
    p["DATE_DM"] = [
        [*d, tok(LOWER={"IN": [".", "day", "of"]}, OP="{0,3}"), ws, month] for d in days
    ]
    p["DATE_MY"] = [
        [month, dot_opt, tok(LOWER={"IN": [",", "of"]}, OP="{0,2}"), ws, year4],
        [month, dot_opt, tok(ORTH={"IN": ["'", "’"]}), tok(SHAPE="dd")],
    ]
    p["DATE_PH"] = [
        [placeholder, tok(LOWER={"IN": ["day", "of"]}, OP="{0,2}"), placeholder, tok(ORTH=",", OP="?"), ws, year4],
        [placeholder, tok(LOWER={"IN": ["day", "of"]}, OP="{0,2}"), month, tok(ORTH=",", OP="?"), ws, year4],
        *[[*d, tok(LOWER={"IN": ["day", "of"]}, OP="{0,2}"), placeholder, tok(ORTH=",", OP="?"), ws, year4]
          for d in days],
        [month, placeholder, tok(ORTH=",", OP="?"), ws, year4],
        [placeholder, tok(ORTH=","), year4],
    ]  # fmt: skip
    numeric = sorted(
        {f"{a}{s}{b}{s}{y}" for a in ("d", "dd") for b in ("d", "dd") for s in "/-." for y in ("dd", "dddd")}
        | {f"dddd{s}{m}{s}{d}" for m in ("d", "dd") for d in ("d", "dd") for s in "/-."}
    )  # fmt: skip
    no_year = sorted({f"{a}{s}{b}" for a in ("d", "dd") for b in ("d", "dd") for s in "/-."})
    p["DATE_NUM"] = [
        [tok(SHAPE={"IN": numeric})],
        [tok(SHAPE={"IN": [s for s in no_year if "/" in s]}, SPACY=False),
         tok(ORTH=",", SPACY=False), tok(SHAPE={"IN": ["dd", "dddd"]})],
        [tok(SHAPE="dddd", LENGTH=8)],
    ]  # fmt: skip
    p["DATE_NUM_NOYEAR"] = [[tok(SHAPE={"IN": no_year})]]
    p["DATE_SEP"] = [
        [{**year4, "SPACY": False}, sep_tight, month_tight, sep_tight, day_digits],
        [day_tight, sep_tight, month_tight, sep_tight, tok(SHAPE={"IN": ["dd", "dddd"]})],
        [month_tight, sep_tight, day_tight, sep_tight, tok(SHAPE={"IN": ["dd", "dddd"]})],
        [month_tight, sep_tight, tok(SHAPE={"IN": ["d-dddd", "dd-dddd", "d/dddd", "dd/dddd"]})],
        [month_tight, sep_tight, day_digits],
        [day_tight, sep_tight, month],
    ]
    # weekday + day of month: "Thursday the 21st", "Mon 13th"
    p["DATE_WD_DAY"] = [[weekday, tok(ORTH=",", OP="?"), tok(LOWER="the", OP="?"), *day_mid]]
    # day of month alone: "on the 18th", "for the twenty second"
    p["DATE_DAY_ONLY"] = [[words(w), *d] for w in ("the", "on") for d in days]
    # relative to the moment of writing, by trigger word
    p["DATE_REL_NOW"] = [
        [_norm("§today")],
        [tok(LOWER="the", OP="?"), words("day"), words("after", "before"), words("tomorrow", "yesterday", "tmrw")],
        *[[*c, count_more, *unit, unit_sep, mid_count, tok(LIKE_NUM=True, OP="?"), count_more,
           *unit, unit_sep, mid_count, tok(LIKE_NUM=True, OP="?"), count_more, *unit, *t]
          for c in counts for t in tails],
        *[[*c, count_more, *unit, unit_sep, mid_count, tok(LIKE_NUM=True, OP="?"), count_more, *unit, *t]
          for c in counts for t in tails],
        *[[*c, count_more, *unit, *t] for c in counts for t in tails],
        *[[words("in"), *c, count_more, *unit] for c in counts],
        [_norm("§which"), words("week"), tok(LOWER={"IN": ["on", "-"]}, OP="?"), weekday],
        [tok(LOWER="the", OP="?"), *day_mid, tok(LOWER={"IN": ["day", "of"]}, OP="{0,2}"),
         _norm("§which"), words("month")],
    ]  # fmt: skip
    p["DATE_REL_WD"] = [
        [_norm("§which"), tok(LOWER="past", OP="?"), weekday],
        [weekday, tok(LOWER="of", OP="?"), _norm("§which"), words("week")],
        [weekday],
        # "the first Friday of July", "second Monday of next month"
        [tok(LOWER="the", OP="?"), tok(LOWER={"IN": ["first", "second", "third", "fourth", "fifth", "last", "1", "2", "3", "4", "5"]}),
         tok(NORM="§suf", OP="?"), weekday, tok(LOWER={"IN": ["of", "in"]}, OP="?"),
         tok(NORM={"IN": ["§month", "§which"]}, OP="?"), tok(LOWER="month", OP="?")],
        # "two sundays from now"
        [tok(LIKE_NUM=True), tok(NORM={"IN": ["§wd", "§wds"]}), tok(LOWER="from", OP="?"), words("now", "later")],
    ]  # fmt: skip
    p["DATE_HOLIDAY"] = [
        [tok(NORM="§which", OP="?"), *[tok(LOWER=w) for w in phrase], tok(SHAPE="dddd", OP="?")]
        for phrase in holiday_token_lists()
    ]
    # helper: "3 days after" / "thirty (30) days prior to" in front of a date
    p["_OFFSET"] = [
        [tok(LIKE_NUM=True), count_more, *unit, unit_sep, tok(LIKE_NUM=True), count_more, *unit,
         words("after", "before", "from", "following", "prior"), tok(LOWER="to", OP="?")],
        [tok(LIKE_NUM=True), count_more, tok(ORTH="(", OP="?"), tok(SHAPE={"IN": ["d", "dd", "ddd"]}, OP="?"),
         tok(ORTH=")", OP="?"), *unit, tok(ORTH={"IN": ["'", "’"]}, OP="?"),
         words("after", "before", "from", "following", "prior"), tok(LOWER="to", OP="?")],
        [_norm("§cnt"), count_more, *unit, words("after", "before", "from", "following", "prior"),
         tok(LOWER="to", OP="?")],
    ]  # fmt: skip
    return p


# which patterns to try near each class of trigger word (see contract_analyzer.facts.scan)
DATE_GROUPS: dict[str, list[str]] = {
    "date:month": ["DATE_MDY", "DATE_MD", "DATE_DMY", "DATE_DM", "DATE_MY", "DATE_SEP", "_OFFSET"],
    "date:num": ["DATE_NUM", "DATE_NUM_NOYEAR", "_OFFSET"],
    "date:weekday": ["DATE_REL_WD", "DATE_WD_DAY", "_OFFSET"],
    "date:rel": ["DATE_REL_NOW", "_OFFSET"],
    "date:day": ["DATE_DAY_ONLY", "DATE_WD_DAY", "DATE_REL_NOW"],
    "date:ph": ["DATE_PH"],
    "date:holiday": ["DATE_HOLIDAY", "_OFFSET"],
}  # fmt: skip

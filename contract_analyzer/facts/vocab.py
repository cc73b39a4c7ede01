"""Word lists shared by the spaCy patterns and the normalizers (months, weekdays, units, currencies).

One place for the vocabulary, so a word the matcher accepts is always a word the normalizer
understands.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
# month words that are also ordinary English words; they need a day or year beside them
AMBIGUOUS_MONTH_WORDS: frozenset[str] = frozenset({"may", "march", "mar", "jan", "sep"})

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
FULL_WEEKDAYS: frozenset[str] = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)

# duration units -> canonical unit
UNITS: dict[str, str] = {
    "day": "day",
    "days": "day",
    "d": "day",
    "week": "week",
    "weeks": "week",
    "wk": "week",
    "wks": "week",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
    "month": "month",
    "months": "month",
    "mo": "month",
    "mos": "month",
    "quarter": "quarter",
    "quarters": "quarter",
    "year": "year",
    "years": "year",
    "yr": "year",
    "yrs": "year",
    "y": "year",
    "ys": "year",
    "decade": "decade",
    "decades": "decade",
    "hour": "hour",
    "hours": "hour",
    "hr": "hour",
    "hrs": "hour",
    "h": "hour",
    "minute": "minute",
    "minutes": "minute",
    "min": "minute",
    "mins": "minute",
    "second": "second",
    "seconds": "second",
    "sec": "second",
    "secs": "second",
}
# abbreviations only accepted when written right after the number ("3h", "30-min")
TIGHT_UNITS: frozenset[str] = frozenset({"d", "h", "y", "ys", "mo", "mos", "wk", "wks"})
# approximate length in days, for sorting and comparing ("36 months" ~ 1095 days)
UNIT_DAYS: dict[str, float] = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1,
    "week": 7,
    "fortnight": 14,
    "month": 365.25 / 12,
    "quarter": 365.25 / 4,
    "year": 365.25,
    "decade": 3652.5,
}
DAY_KINDS: dict[str, str] = {
    "business": "business",
    "working": "business",
    "banking": "business",
    "calendar": "calendar",
}

CURRENCY_CODES: frozenset[str] = frozenset(
    {
        "usd", "eur", "gbp", "jpy", "cad", "aud", "chf", "cny", "rmb", "inr", "hkd", "sgd", "nzd",
        "sek", "nok", "dkk", "krw", "brl", "mxn", "zar", "ils", "rub", "pln", "czk", "huf", "try",
        "twd", "thb", "myr", "idr", "php", "aed", "sar",
    }
)  # fmt: skip
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₪": "ILS",
}
# symbol prefixes written with letters: "US$", "C$", "A$", "HK$"
DOLLAR_PREFIXES: dict[str, str] = {
    "us": "USD",
    "u.s.": "USD",
    "c": "CAD",
    "ca": "CAD",
    "a": "AUD",
    "au": "AUD",
    "hk": "HKD",
    "s": "SGD",
    "nz": "NZD",
}
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "rupee": "INR",
    "rupees": "INR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "francs": "CHF",
    "franc": "CHF",
    "cents": "USD",
}
MONEY_SCALES: dict[str, int] = {
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "mm": 1_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
PERIODS: dict[str, str] = {
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "calendar month": "month",
    "quarter": "quarter",
    "year": "year",
    "annum": "year",
    "calendar year": "year",
    "contract year": "year",
    "hourly": "hour",
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "annually": "year",
    "yearly": "year",
    "annual": "year",
}

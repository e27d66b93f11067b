"""The values a reviewer checks in a clause, pulled out of its text and normalised so rules can compare them.

Each kind has its own function (`durations`, `money`, ...), and `extract_values` runs the ones asked for.
Every `Value` keeps the text exactly as written: ``text[v.start - offset:v.end - offset] == v.text``.
Within a kind values never overlap (the longest wins); they come back sorted by start.

Normalised forms (other code relies on them):

- duration: ISO 8601 ("P60D", "P2W", "P3M", "P1Y", "PT72H", "PT30M"); `amount` the length in days, with
  a week of 7 days, a month of 365.25 / 12 = 30.4375 days and a year of 365.25 days (the Gregorian
  averages), an hour 1/24 and a minute 1/1440 of a day; `unit` "day". details: "count", "unit" (day,
  week, month, year, hour, minute, business_day), "business" for business/working days (counted as
  days in `amount`: how many calendar days they span depends on the calendar).
- money: "USD 1000000.00"; `amount` the sum, `unit` the ISO currency. A cap relative to fees ("two times
  the fees paid in the twelve months preceding the claim") is money too: "2x fees (12 months)", or
  "1x fees (all)" over the whole term ("50% of the fees" is 0.5x); `amount` the multiple, `unit` "fees",
  details "period_months" and "basis" (paid, payable, paid_or_payable).
- percentage: "99.5%"; `amount` 99.5, `unit` "%"; details "per" (month, year, ...) for a rate per period.
- date: ISO "2018-03-01", "2018-03" for a month, "2019" with details "blank" for a date left blank.
  Numeric dates are read month first (US), unless the first number cannot be a month.
- jurisdiction: ISO 3166 ("US-CA", "GB", "GB-ENG"), "US-CA:Marin" for a California county and
  "US-CA:San Francisco" for a city; details "name" and "level" (state, county, country, city).
  A place name that is also a word or a person's name counts only where the text makes it a place.
- party: the name the preamble gives ("Acme Software, Inc.", spaces collapsed, a leading "the" left
  out), one value a party; details "role" (the defined term in quotes) and "entity" (corporation, llc,
  partnership, company, government, individual, nonprofit, bank, trust) as stated or as the name says.
  The first preamble that names parties with defined terms is read; later "between"s are the body's.
- license: an SPDX id or expression ("AGPL-3.0-only", "MIT OR Apache-2.0"); details "name" as written
  and "or_later" where SPDX has no "-or-later" id for it; see `review.extract.licenses`.
- standard: "WCAG 2.1 AA", "Section 508", "SOC 2 Type 2", "ISO/IEC 27001", "NIST SP 800-53", "NIST CSF",
  "FedRAMP Moderate", "PCI DSS", "CJIS", "HIPAA", "HITRUST", "FIPS 140-2", "VPAT"; details "version",
  "level", "year", "revision", "type" where stated ("SSAE 18 SOC 2" is read as Type 2, with
  "type_assumed").

Numbers may be written in digits, in words ("one hundred twenty") or both ("sixty (60)"); when both
disagree the digits are trusted and details carry "conflict". Speed comes from cheap case-sensitive
keyword anchors: the costly patterns only run in short windows around them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TypeAlias

from review.extract.licenses import mentions as license_mentions
from review.model import Value, ValueKind

_Trie: TypeAlias = "dict[str, _Trie]"


def trie_alternation(words: Collection[str]) -> str:
    """An alternation of `words` as a prefix tree: each character is tried once, however many names share
    it, and a name's end is tried last so the longest name wins ("New York City" over "New York")."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}

    def render(node: _Trie) -> str:
        branches = [re.escape(character) + render(child) for character, child in sorted(node.items()) if character]
        if "" in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return render(tree)


# --- numbers ------------------------------------------------------------------------------------------

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_FRACTIONS = {"half": 0.5, "quarter": 0.25}
_SMALL_RE = trie_alternation(_SMALL)
_DIGIT_WORD = "zero|one|two|three|four|five|six|seven|eight|nine"
# Between the words of one phrase: spaces, a hyphen or one line break, never a blank line.
_GAP = r"(?:[ \t]*[-\n][ \t]*|[ \t]+)"
# "sixty", "one hundred and twenty", "one and one-half", "ninety-nine point nine", "one-half".
_NUMBER_WORDS = (
    rf"\b(?:one{_GAP}(?:half|quarter)|(?:{_SMALL_RE})(?:{_GAP}(?:(?:{_SMALL_RE})|"
    rf"(?:hundred|thousand|million|billion)(?:{_GAP}and(?={_GAP}(?:{_SMALL_RE})\b))?)\b)*"
    rf"(?:{_GAP}and{_GAP}(?:a|one){_GAP}(?:half|quarter)|{_GAP}point(?:{_GAP}(?:{_DIGIT_WORD}))+)?)\b"
)
_DIGITS = r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]\d)"
_FRACTION_TAIL = re.compile(r"[\s-]+and[\s-]+(?:a|one)[\s-]+(half|quarter)$")
_POINT = re.compile(r"[\s-]+point[\s-]+")
_WORD_SPLIT = re.compile(r"[\s-]+")


def parse_number_words(words: str) -> float | None:
    """The number written in words ("twelve" → 12, "one and one-half" → 1.5); None if not a number."""
    text = words.lower().strip()
    fraction = 0.0
    tail = _FRACTION_TAIL.search(text)
    if tail:
        fraction, text = _FRACTIONS[tail.group(1)], text[: tail.start()]
    whole, *decimal = _POINT.split(text, maxsplit=1)
    tokens = [token for token in _WORD_SPLIT.split(whole) if token and token != "and"]
    if not tokens:
        return None
    total = current = 0.0
    for token in tokens:
        if token in _SMALL:
            current += _SMALL[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in _SCALES:
            total, current = total + (current or 1) * _SCALES[token], 0
        elif token in _FRACTIONS:
            current = (current or 1) * _FRACTIONS[token]
        else:
            return None
    value = total + current + fraction
    if decimal:
        digits = [_SMALL.get(token, 10) for token in _WORD_SPLIT.split(decimal[0].strip())]
        if any(digit > 9 for digit in digits):
            return None
        value += float("0." + "".join(str(digit) for digit in digits))
    return int(value) if value.is_integer() else value


def _number(words: str | None, digits: str | None, scale: float = 1) -> tuple[float, bool] | None:
    """The number written in words and/or digits (times `scale`: "2.5M"), trusting the digits, and
    whether the two disagree."""
    spelled = parse_number_words(words) if words else None
    if digits:
        figure = float(digits.replace(",", "")) * scale
        return figure, spelled is not None and abs(spelled - figure) > 1e-9
    return (float(spelled), False) if spelled is not None else None


def _fmt(number: float) -> str:
    """A number without trailing zeros: 60 → "60", 1.5 → "1.5"."""
    return f"{number:.6f}".rstrip("0").rstrip(".")


def _cased(*words: str) -> str:
    """An alternation of each word in lower, Title and UPPER case: anchors stay case-sensitive and fast."""
    return "|".join(dict.fromkeys(form for word in words for form in (word, word[0].upper() + word[1:], word.upper())))


# --- shared machinery ---------------------------------------------------------------------------------


def _windows(anchors: Iterable[re.Pattern[str]], text: str, before: int, after: int) -> list[tuple[int, int]]:
    """Merged spans around the anchors' hits, where the costly patterns of a kind are run.

    Anchors are plain case-sensitive literals (or one character class), each its own pattern: the
    regular expression engine then skips to candidate characters instead of trying every position.
    """
    windows: list[tuple[int, int]] = []
    low = high = -1
    for hit_start, hit_end in sorted(hit.span() for anchor in anchors for hit in anchor.finditer(text)):
        start, end = max(0, hit_start - before), min(len(text), hit_end + after)
        if start <= high:
            high = max(high, end)
            continue
        if high >= 0:
            windows.append((low, high))
        low, high = start, end
    if high >= 0:
        windows.append((low, high))
    return windows


def _matches(
    patterns: Iterable[re.Pattern[str]], anchors: Iterable[re.Pattern[str]], text: str, before: int, after: int
) -> Iterator[re.Match[str]]:
    """Matches of the patterns in the windows around the anchors."""
    windows = _windows(anchors, text, before, after)
    for pattern in patterns:
        for low, high in windows:
            yield from pattern.finditer(text, low, high)


def _value(
    kind: ValueKind,
    text: str,
    span: tuple[int, int],
    offset: int,
    normalized: str,
    amount: float | None = None,
    unit: str | None = None,
    details: dict[str, str] | None = None,
) -> Value:
    """A Value whose text is exactly text[start:end], whatever the span, so the offset invariant holds."""
    start, end = span
    return Value(kind, text[start:end], start + offset, end + offset, normalized, amount, unit, details or {})


def _longest(values: Iterable[Value | None]) -> list[Value]:
    """Non-overlapping values, sorted by start; where two overlap the longer (then the earlier) stays."""
    candidates = sorted((v for v in values if v is not None), key=lambda v: (v.start - v.end, v.start))
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Value] = []
    for value in candidates:
        index = bisect_left(starts, value.start)
        if (index and ends[index - 1] > value.start) or (index < len(starts) and starts[index] < value.end):
            continue
        starts.insert(index, value.start)
        ends.insert(index, value.end)
        chosen.insert(index, value)
    return chosen


# --- durations ----------------------------------------------------------------------------------------

# ISO designator, days per unit, time part or not.
_DURATION_UNITS = {
    "day": ("D", 1.0, False),
    "week": ("W", 7.0, False),
    "month": ("M", 365.25 / 12, False),
    "year": ("Y", 365.25, False),
    "hour": ("H", 1 / 24, True),
    "minute": ("M", 1 / 1440, True),
}
_UNIT_SPELLINGS = {"yr": "year", "hr": "hour", "wk": "week", "min": "minute"}
_DURATION_ANCHORS = (
    re.compile(_cased("day", "week", "month", "year", "hour", "minute")),
    re.compile(r"[0-9][ -]?(?:yrs?|hrs?|wks?|mins?)\b"),
)
_DURATION = re.compile(
    rf"(?:(?P<words>{_NUMBER_WORDS})(?:\s*\(\s*(?P<paren>{_DIGITS})\s*\))?"
    rf"|(?P<digits>{_DIGITS})(?:\s*\(\s*(?P<pwords>{_NUMBER_WORDS})\s*\))?)"
    rf"{_GAP}(?:(?P<qualifier>calendar|business|working|banking){_GAP})?"
    r"(?P<unit>day|week|month|year|hour|minute|yr|hr|wk|min)s?\b(?:['’](?=\s))?",  # "60 days' notice"
    re.IGNORECASE,
)


def durations(text: str, offset: int = 0) -> list[Value]:
    """Periods of time: "sixty (60) days", "one-year term", "72 hours", "five (5) business days"."""
    return _longest(_duration(m, text, offset) for m in _matches([_DURATION], _DURATION_ANCHORS, text, 80, 8))


def _duration(match: re.Match[str], text: str, offset: int) -> Value | None:
    number = _number(match["words"] or match["pwords"], match["paren"] or match["digits"])
    if number is None:
        return None
    count, conflict = number
    unit = match["unit"].lower()
    unit = _UNIT_SPELLINGS.get(unit, unit)
    designator, days, is_time = _DURATION_UNITS[unit]
    business = bool(match["qualifier"]) and match["qualifier"].lower() != "calendar"
    details = {"count": _fmt(count), "unit": "business_day" if business and unit == "day" else unit}
    if business:
        details["business"] = "true"
    if conflict:
        details["conflict"] = "true"
    normalized = f"P{'T' if is_time else ''}{_fmt(count)}{designator}"
    return _value("duration", text, match.span(), offset, normalized, count * days, "day", details)


# --- money --------------------------------------------------------------------------------------------

_SYMBOLS = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "C$": "CAD", "CA$": "CAD", "CAN$": "CAD", "A$": "AUD",
    "AU$": "AUD", "HK$": "HKD", "S$": "SGD", "NZ$": "NZD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
    "RS": "INR", "RS.": "INR", "RMB": "CNY", "CN¥": "CNY",
}  # fmt: skip
_CODES = ("USD", "EUR", "GBP", "CAD", "AUD", "JPY", "CHF", "CNY", "INR", "HKD", "SGD", "NZD")
_CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "sterling": "GBP", "pound": "GBP", "yen": "JPY", "franc": "CHF",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR",
}  # fmt: skip
_DOLLAR_COUNTRIES = {
    "canadian": "CAD", "australian": "AUD", "hong kong": "HKD", "singapore": "SGD", "new zealand": "NZD",
}  # fmt: skip
_SCALE_SUFFIXES = {"k": 1e3, "m": 1e6, "mm": 1e6, "bn": 1e9, "b": 1e9, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_SCALE = r"(?:(?P<scale>k|K|MM|mm|M|m|bn|B)\b|\s(?P<scale_word>(?i:thousand|million|billion))\b)?"
_CURRENCY_WORD = (
    r"(?i:(?:(?P<country>U\.S\.|US|United\s+States|Canadian|Australian|Hong\s+Kong|Singapore|New\s+Zealand)\s+)?"
    r"(?P<word>dollars?|euros?|(?:pounds?\s+)?sterling|(?<=british\s)pounds?|yen|(?<=swiss\s)francs?|yuan|renminbi|rupees?))\b"
)
_CODE = "|".join(_CODES)
_FIGURE = (
    rf"(?P<prefix>(?:US|U\.S\.|CAN|CA|C|AU|A|HK|S|NZ)\$|CN¥|[$€£¥₹]|Rs\.?|RMB|(?:{_CODE})(?:\s?\$)?)"
    rf"\s?(?P<amount>{_DIGITS}){_SCALE}(?:\s(?P<code_after>{_CODE})\b)?"
)
_CENTS = r"(?:\s+and\s+(?:no|\d\d)/100)?"  # "One Hundred Dollars and No/100"
# Three shapes, each its own pattern so they can share group names: words first ("one million dollars
# ($1,000,000)"), a figure first ("$2.5M", "USD 1 million (one million dollars)"), digits then a
# currency ("500 euros", "1,000 USD").
_MONEY = (
    re.compile(rf"(?P<words>{_NUMBER_WORDS}){_CENTS}\s+{_CURRENCY_WORD}{_CENTS}(?:\s*\(\s*{_FIGURE}\s*\))?", re.I),
    re.compile(
        rf"{_FIGURE}(?:\s*\(\s*(?P<words>{_NUMBER_WORDS}){_CENTS}\s+(?:U\.S\.\s+)?(?:dollars|euros){_CENTS}\s*\))?"
    ),
    re.compile(rf"(?P<amount>{_DIGITS}){_SCALE}\s+(?:(?P<code_after>{_CODE})\b|{_CURRENCY_WORD})"),
)
_MONEY_ANCHORS = (
    re.compile(r"[$€£¥₹]"),
    re.compile(rf"Rs|RMB|{_CODE}"),
    re.compile(_cased("dollar", "euro", "sterling", "yen", "franc", "yuan", "renminbi", "rupee")),
)

# A cap stated as fees: "two times (2x) the fees paid in the twelve (12) months preceding the claim",
# "fifty percent (50%) of the total fees paid", "the amounts paid or payable hereunder".
_FEE_CAP = re.compile(
    rf"(?:(?:(?P<mwords>{_NUMBER_WORDS})(?:\s*\(\s*(?:(?P<mparen>{_DIGITS})\s*[x×]?|[^()]{{1,12}})\s*\))?|(?P<mdigits>{_DIGITS}))"
    rf"\s*(?:times|[x×])(?:\s*\(\s*(?P<mparen_after>{_DIGITS})\s*[x×]?\s*\))?\s+(?:of\s+)?"
    r"|(?P<twice>twice)\s+"
    rf"|(?:(?P<pwords>{_NUMBER_WORDS})\s+percent(?:\s*\(\s*(?P<pparen>{_DIGITS})\s*%\s*\))?|(?P<pdigits>{_DIGITS})\s*%)\s+of\s+)?"
    r"(?:the\s+|all\s+)?(?:(?:total|aggregate|cumulative)\s+)?(?:(?:amount|sum|aggregate|total)s?\s+of\s+(?:the\s+|all\s+)?)?"
    r"(?:(?:total|aggregate|average|monthly|annual|subscription|service|support|license|licence|contract|recurring)\s+){0,3}"
    r"(?P<what>fees|amounts|charges|sums)"
    r"(?:\s+(?:actually\s+)?(?P<basis>paid\s+(?:and|or|and/or)\s+payable|paid\s+or\s+(?:owed|due)|paid|payable|received|owed))?"
    r"(?P<tail>(?:\s+by\s+(?:the\s+|such\s+)?\w+(?:\s+(?-i:[A-Z])\w*)?)?(?:\s+to\s+(?:the\s+)?\w+)?"
    r"(?:\s+(?:hereunder|under\s+(?:this|the)\s+(?:Agreement|Contract|Order(?:\s+Form)?|SOW|Statement\s+of\s+Work)))?)",
    re.IGNORECASE,
)
_FEE_PERIOD = re.compile(
    rf"\b(?:in|during|for|within|over)\s+the\s+(?:(?:immediately|preceding|previous|prior|last|most\s+recent|first)\s+)*"
    rf"(?:(?P<words>{_NUMBER_WORDS})(?:\s*\(\s*(?P<paren>{_DIGITS})\s*\))?|(?P<digits>{_DIGITS})){_GAP}"
    rf"(?:calendar\s+)?(?P<unit>month|quarter|year)s?(?:{_GAP}period)?"
    r"(?:\s+(?:immediately\s+)?(?:preceding|prior\s+to|before)(?:\s+the\s+(?:date\s+(?:of|on\s+which)\s+)?(?:the\s+)?"
    r"(?:first\s+)?(?:event|claim|incident|occurrence|act|breach|action|liability|cause|demand)\w*)?)?",
    re.IGNORECASE,
)
_CAP_CONTEXT = re.compile(
    r"exceed|(?<!not\s)limited\s+to|greater\s+of|lesser\s+of|equal\s+to|\bcap\b|capped|maximum|no\s+more\s+than|"
    r"in\s+excess\s+of|up\s+to",
    re.IGNORECASE,
)
_MONTHS_PER = {"month": 1, "quarter": 3, "year": 12}
_FEE_ANCHOR = re.compile(_cased("fees", "amounts", "charges", "sums"))


def money(text: str, offset: int = 0) -> list[Value]:
    """Sums of money ("$1,000,000.00", "USD 1 million", "Ten Thousand Dollars") and caps stated as fees."""
    sums = [_money(m, text, offset) for m in _matches(_MONEY, _MONEY_ANCHORS, text, 100, 60)]
    caps = [_fee_cap(m, text, offset) for m in _matches([_FEE_CAP], [_FEE_ANCHOR], text, 80, 120)]
    return _longest(sums + caps)


def _money(match: re.Match[str], text: str, offset: int) -> Value | None:
    groups = match.groupdict()
    scale = groups.get("scale") or groups.get("scale_word")
    number = _number(groups.get("words"), groups.get("amount"), _SCALE_SUFFIXES[scale.lower()] if scale else 1)
    currency = groups.get("code_after") or _prefix_currency(groups.get("prefix")) or _currency_word(groups)
    if number is None or currency is None:
        return None
    amount, conflict = number
    details = {"conflict": "true"} if conflict else {}
    return _value("money", text, match.span(), offset, f"{currency} {amount:.2f}", amount, currency, details)


def _prefix_currency(prefix: str | None) -> str | None:
    if not prefix:
        return None
    symbol = prefix.replace(" ", "").upper()
    return _SYMBOLS.get(symbol) or (symbol.rstrip("$") if symbol.rstrip("$") in _CODES else None)


def _currency_word(groups: dict[str, str | None]) -> str | None:
    """The currency a word names: "dollars" (USD, or CAD for "Canadian dollars"), "euros", "sterling"."""
    word, country = groups.get("word"), groups.get("country")
    if not word:
        return None
    currency = _CURRENCY_WORDS[word.lower().split()[-1].rstrip("s")]
    if currency == "USD" and country:
        return _DOLLAR_COUNTRIES.get(" ".join(country.lower().split()), "USD")
    return currency


def _fee_cap(match: re.Match[str], text: str, offset: int) -> Value | None:
    """A cap relative to fees: only with a multiple, a look-back period, or a limit word before it."""
    what, basis = match["what"].lower(), (match["basis"] or "").lower()
    if what != "fees" and not basis:
        return None  # "the amounts" alone is not a measure of fees
    multiple = _number(match["mwords"], match["mparen"] or match["mparen_after"] or match["mdigits"])
    percent = _number(match["pwords"], match["pparen"] or match["pdigits"])
    times = 2.0 if match["twice"] else multiple[0] if multiple else percent[0] / 100 if percent else 1.0
    # The look-back period may come after who pays whom for what, within the clause.
    period = _FEE_PERIOD.search(text, match.end(), _clause_end(text, match.end(), match.end() + 160))
    low = max(0, match.start() - 120)
    sentence_start = max(text.rfind(". ", low, match.start()), text.rfind(";", low, match.start()), low)
    capped = basis and _CAP_CONTEXT.search(text, sentence_start, match.start())
    if not (multiple or percent or match["twice"] or period or capped):
        return None  # "all fees paid are non-refundable": fees, but no cap
    details: dict[str, str] = {}
    if basis:
        owed = any(word in basis for word in ("payable", "owed", "due"))
        details["basis"] = "paid_or_payable" if owed and "paid" in basis else "payable" if owed else "paid"
    end = match.end()
    months = "all"
    length = _number(period["words"], period["paren"] or period["digits"]) if period else None
    if period and length:
        months = _fmt(length[0] * _MONTHS_PER[period["unit"].lower()])
        details["period_months"] = months
        end = period.end()
    normalized = f"{_fmt(times)}x fees ({months}{' months' if months != 'all' else ''})"
    return _value("money", text, (match.start(), end), offset, normalized, times, "fees", details)


def _clause_end(text: str, start: int, limit: int) -> int:
    """Where the sentence or clause that goes on at `start` ends (". " or ";"), looking no further than `limit`."""
    ends = [end for end in (text.find(". ", start, limit), text.find(";", start, limit)) if end >= 0]
    return min(ends, default=min(limit, len(text)))


# --- percentages --------------------------------------------------------------------------------------

_PERCENT_ANCHOR = re.compile("%|" + _cased("percent", "per cent", "pct"))
_PERCENT = re.compile(
    rf"(?:(?P<words>{_NUMBER_WORDS})\s+(?:percent|per\s+cent)\b(?:\s*\(\s*(?P<paren>{_DIGITS})\s*(?:%|percent\b)\s*\))?"
    rf"|(?P<digits>{_DIGITS})\s?(?:%|percent\b|per\s+cent\b|pct\b)"
    rf"(?:\s*\(\s*(?P<pwords>{_NUMBER_WORDS})\s+(?:percent|per\s+cent)\s*\))?)"
    r"(?:\s*(?:per|a|each|every|/)\s*(?:calendar\s+)?(?P<per>month|year|annum|quarter|week|day)\b"
    r"|\s+(?P<adverb>monthly|annually|yearly|quarterly))?",
    re.IGNORECASE,
)
_PER = {"annum": "year", "monthly": "month", "annually": "year", "yearly": "year", "quarterly": "quarter"}


def percentages(text: str, offset: int = 0) -> list[Value]:
    """Percentages: "99.5%", "ninety-nine point nine percent (99.9%)", "1.5% per month"."""
    return _longest(_percentage(m, text, offset) for m in _matches([_PERCENT], [_PERCENT_ANCHOR], text, 100, 40))


def _percentage(match: re.Match[str], text: str, offset: int) -> Value | None:
    number = _number(match["words"] or match["pwords"], match["paren"] or match["digits"])
    if number is None:
        return None
    amount, conflict = number
    details = {"conflict": "true"} if conflict else {}
    per = (match["per"] or match["adverb"] or "").lower()
    if per:
        details["per"] = _PER.get(per, per)
    return _value("percentage", text, match.span(), offset, f"{_fmt(amount)}%", amount, "%", details)


# --- dates --------------------------------------------------------------------------------------------

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_RE = rf"{trie_alternation(_MONTHS)}\b\.?"
_BLANK = r"(?:_{2,}|\[[^\]\n]{0,12}\])"
_YEAR = r"(?:1[89]|2[01])\d\d(?!\d)"


def _day(name: str) -> str:
    """A day of the month, or a blank left for it, in groups `name` and `name`_blank."""
    return rf"(?:(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?|(?P<{name}_blank>{_BLANK}))"


_DATE = re.compile(
    rf"(?P<m1>{_MONTH_RE})\s*(?:{_day('d1')}\s*,?\s*|,\s*)?(?P<y1>{_YEAR})"
    rf"|(?<![\w/.-]){_day('d2')}\s+(?:day\s+of\s+)?(?:(?P<m2>{_MONTH_RE})|(?P<m2_blank>{_BLANK}))\s*,?\s*"
    rf"(?:in\s+the\s+year\s+)?(?P<y2>{_YEAR})"
    rf"|(?<![\w/.-])(?P<y3>{_YEAR})-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)(?![\w-])"
    rf"|(?<![\w/.-])(?P<m4>[0-3]?\d)(?P<sep>[/.-])(?P<d4>[0-3]?\d)(?P=sep)(?P<y4>{_YEAR}|\d\d(?![\d/.-]))"
    rf"|(?P<blank>{_BLANK})\s*,?\s*(?P<y5>{_YEAR})",
    re.IGNORECASE,
)
_DATE_ANCHORS = (re.compile(r"(?:1[89]|2[01])[0-9][0-9]"), re.compile(r"[0-9][/.-][0-9]"))


def dates(text: str, offset: int = 0) -> list[Value]:
    """Calendar dates: "March 1, 2018", "1st day of March, 2018", "2018-03-01", "03/01/2018", "_____, 2019"."""
    return _longest(_date(m, text, offset) for m in _matches([_DATE], _DATE_ANCHORS, text, 30, 8))


def _date(match: re.Match[str], text: str, offset: int) -> Value | None:
    groups = match.groupdict()
    year_text = next(groups[name] for name in ("y1", "y2", "y3", "y4", "y5") if groups[name])
    year = int(year_text)
    if len(year_text) == 2:  # "03/01/18": 00-69 are this century, 70-99 the last
        year += 2000 if year < 70 else 1900
    month_text = groups["m1"] or groups["m2"]
    month = _MONTHS[month_text.lower().rstrip(".")] if month_text else int(groups["m3"] or groups["m4"] or 0)
    day = int(groups["d1"] or groups["d2"] or groups["d3"] or groups["d4"] or 0)
    if groups["m4"] and month > 12 >= day:  # 25/12/2018: the first number cannot be a month
        month, day = day, month
    blank = any(groups[name] for name in ("d1_blank", "d2_blank", "m2_blank", "blank"))
    if not month:
        normalized = f"{year:04d}"
    else:
        try:
            date(year, month, day or 1)
        except ValueError:
            return None
        normalized = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    return _value("date", text, match.span(), offset, normalized, details={"blank": "true"} if blank else {})


# --- jurisdictions ------------------------------------------------------------------------------------

_STATES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA", "Colorado": "CO",
    "Connecticut": "CT", "Delaware": "DE", "Florida": "FL", "Georgia": "GA", "Hawaii": "HI", "Idaho": "ID",
    "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA",
    "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN",
    "Mississippi": "MS", "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV",
    "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY", "North Carolina": "NC",
    "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR", "Pennsylvania": "PA",
    "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX",
    "Utah": "UT", "Vermont": "VT", "Virginia": "VA", "Washington": "WA", "West Virginia": "WV",
    "Wisconsin": "WI", "Wyoming": "WY", "District of Columbia": "DC",
}  # fmt: skip
_CA_COUNTIES = (
    "Alameda", "Alpine", "Amador", "Butte", "Calaveras", "Colusa", "Contra Costa", "Del Norte", "El Dorado",
    "Fresno", "Glenn", "Humboldt", "Imperial", "Inyo", "Kern", "Kings", "Lake", "Lassen", "Los Angeles",
    "Madera", "Marin", "Mariposa", "Mendocino", "Merced", "Modoc", "Mono", "Monterey", "Napa", "Nevada",
    "Orange", "Placer", "Plumas", "Riverside", "Sacramento", "San Benito", "San Bernardino", "San Diego",
    "San Francisco", "San Joaquin", "San Luis Obispo", "San Mateo", "Santa Barbara", "Santa Clara",
    "Santa Cruz", "Shasta", "Sierra", "Siskiyou", "Solano", "Sonoma", "Stanislaus", "Sutter", "Tehama",
    "Trinity", "Tulare", "Tuolumne", "Ventura", "Yolo", "Yuba",
)  # fmt: skip
# (code, level) for names that are places in themselves.
_PLACES: dict[str, tuple[str, str]] = {
    **{name: (f"US-{code}", "state") for name, code in _STATES.items()},
    "Washington, D.C.": ("US-DC", "state"), "Washington D.C.": ("US-DC", "state"), "Washington, DC": ("US-DC", "state"),
    "Ontario": ("CA-ON", "state"), "Quebec": ("CA-QC", "state"), "British Columbia": ("CA-BC", "state"),
    "Alberta": ("CA-AB", "state"), "New South Wales": ("AU-NSW", "state"),
    "United States of America": ("US", "country"), "United States": ("US", "country"), "U.S.A.": ("US", "country"),
    "England and Wales": ("GB-ENG", "country"), "England": ("GB-ENG", "country"), "Scotland": ("GB-SCT", "country"),
    "Northern Ireland": ("GB-NIR", "country"), "United Kingdom": ("GB", "country"), "Great Britain": ("GB", "country"),
    "Ireland": ("IE", "country"), "Republic of Ireland": ("IE", "country"), "Canada": ("CA", "country"),
    "Germany": ("DE", "country"), "Federal Republic of Germany": ("DE", "country"), "France": ("FR", "country"),
    "India": ("IN", "country"), "China": ("CN", "country"), "People's Republic of China": ("CN", "country"),
    "People’s Republic of China": ("CN", "country"), "PRC": ("CN", "country"), "P.R.C.": ("CN", "country"),
    "Japan": ("JP", "country"), "Israel": ("IL", "country"), "Singapore": ("SG", "country"),
    "Australia": ("AU", "country"), "Netherlands": ("NL", "country"), "Switzerland": ("CH", "country"),
    "Hong Kong": ("HK", "country"), "Korea": ("KR", "country"), "Republic of Korea": ("KR", "country"),
    "South Korea": ("KR", "country"), "Taiwan": ("TW", "country"), "Sweden": ("SE", "country"),
    "Norway": ("NO", "country"), "Denmark": ("DK", "country"), "Finland": ("FI", "country"), "Spain": ("ES", "country"),
    "Italy": ("IT", "country"), "Belgium": ("BE", "country"), "Luxembourg": ("LU", "country"),
    "Austria": ("AT", "country"), "Poland": ("PL", "country"), "Portugal": ("PT", "country"),
    "Brazil": ("BR", "country"), "Mexico": ("MX", "country"), "New Zealand": ("NZ", "country"),
    "South Africa": ("ZA", "country"), "United Arab Emirates": ("AE", "country"), "Cayman Islands": ("KY", "country"),
    "British Virgin Islands": ("VG", "country"), "Bermuda": ("BM", "country"), "Russian Federation": ("RU", "country"),
    "Russia": ("RU", "country"), "Malaysia": ("MY", "country"), "Philippines": ("PH", "country"),
    "Thailand": ("TH", "country"), "Vietnam": ("VN", "country"), "Indonesia": ("ID", "country"),
}  # fmt: skip
# State-level names that cannot be anything but the place.
_SELF_EVIDENT = frozenset({"District of Columbia", "Washington, D.C.", "Washington D.C.", "Washington, DC"})
# Cities where courts sit, with the region their code is under.
_CITIES = {
    "San Francisco": "US-CA", "Los Angeles": "US-CA", "San Diego": "US-CA", "San Jose": "US-CA",
    "Oakland": "US-CA", "Sacramento": "US-CA", "San Rafael": "US-CA", "Palo Alto": "US-CA",
    "Santa Clara": "US-CA", "New York City": "US-NY", "New York": "US-NY", "Chicago": "US-IL", "Boston": "US-MA",
    "Seattle": "US-WA", "Austin": "US-TX", "Dallas": "US-TX", "Houston": "US-TX", "Denver": "US-CO",
    "Atlanta": "US-GA", "Miami": "US-FL", "Philadelphia": "US-PA", "Wilmington": "US-DE", "London": "GB-ENG",
    "Toronto": "CA-ON", "Vancouver": "CA-BC", "Paris": "FR", "Tokyo": "JP", "Dublin": "IE", "Sydney": "AU-NSW",
    "Munich": "DE", "Frankfurt": "DE", "Berlin": "DE", "Amsterdam": "NL", "Zurich": "CH", "Geneva": "CH",
    "Tel Aviv": "IL", "Beijing": "CN", "Shanghai": "CN",
}  # fmt: skip


def _both_cases(names: Collection[str]) -> list[str]:
    return [form for name in names for form in (name, name.upper())]


_PLACE_NAMES = {form: name for name in (*_PLACES, *_CITIES) for form in (name, name.upper())}
_PLACE = re.compile(rf"(?:{trie_alternation(_PLACE_NAMES)})(?!\w|-\w)")  # not "Georgia-Pacific"
_COUNTY = re.compile(
    rf"(?:City\s+and\s+)?County\s+of\s+(?P<after>{trie_alternation(_both_cases(_CA_COUNTIES))})\b"
    rf"|(?P<before>{trie_alternation(_both_cases(_CA_COUNTIES))})\s+County\b",
    re.IGNORECASE,
)
_COUNTY_ANCHOR = re.compile(_cased("county"))
_COUNTY_NAMES = {name.upper(): name for name in _CA_COUNTIES}
# What makes a state or city name a place: the words before it ...
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:State|Commonwealth|Province|City|Town|Republic|Kingdom)\s+of\s+(?:the\s+)?"
    r"|\b(?:laws?|courts?|venue|jurisdiction|located|situated|sitting|seated|incorporated|organi[sz]ed|formed|"
    r"registered|existing|resident|residing|domiciled|headquartered|based|held|conducted|in|within|of|throughout|"
    r"under|for)\s+(?:the\s+)?"
    r"|\b(?:a|an)\s+"
    r"|(?-i:[A-Z][a-z]+),\s*)\Z",
    re.IGNORECASE,
)
_ENTITY_WORDS = (
    r"corporation|corp\b|limited\s+liability\s+company|limited\s+partnership|general\s+partnership|partnership|"
    r"LLC\b|L\.L\.C\.|non-?profit|not-for-profit|public\s+benefit|professional\s+corporation|company|"
    r"municipal\s+corporation|charter\s+city|political\s+subdivision|banking\s+corporation|trust\b"
)
# ... or after it.
_PLACE_AFTER = re.compile(
    rf"\s*(?:law|laws|statutes?|courts?|state\s+courts?|federal\s+courts?|superior\s+court|civil\s+code|"
    rf"commercial\s+code|government\s+code|public\s+contract\s+code|business\s+and\s+professions\s+code|"
    rf"constitution|legislature|{_ENTITY_WORDS})\b",
    re.IGNORECASE,
)
_REGION_AFTER = re.compile(r",\s*(?:(?P<code>[A-Z]{2})\b|(?=[A-Z]))")
_STATE_CODES = frozenset(_STATES.values())
_ENTITY_AFTER = re.compile(rf"\s+(?:(?-i:[A-Z][a-z]+)\s+)?(?:{_ENTITY_WORDS})", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+\Z", re.IGNORECASE)
_STATE_OF = re.compile(r"\b(?:the\s+)?((?:State|Commonwealth|Province|City)\s+of\s+)\Z", re.IGNORECASE)
_FOLLOWED_BY_NAME = re.compile(r"\s+[A-Z][a-z]")


def jurisdictions(text: str, offset: int = 0) -> list[Value]:
    """Places that govern or host a contract: states, California counties, countries, court cities."""
    places = (_place(m, text, offset) for m in _PLACE.finditer(text))
    counties = (_county(m, text, offset) for m in _matches([_COUNTY], [_COUNTY_ANCHOR], text, 40, 40))
    return _longest([v for v in (*places, *counties) if v is not None])


def _place(match: re.Match[str], text: str, offset: int) -> Value | None:
    start, end = match.span()
    if start and (text[start - 1].isalnum() or text[start - 1] in "-'’"):
        return None
    name = _PLACE_NAMES[match.group()]
    before = text[max(0, start - 60) : start]
    prefix = _STATE_OF.search(before)  # "State of", "Commonwealth of", "City of"
    city_of = prefix is not None and prefix.group(1).lower().startswith("city")
    with_region = _with_region(text, end)  # "San Francisco, California", "New York, NY"
    if name in _CITIES and (city_of or with_region or name not in _PLACES):
        region, level = _CITIES[name], "city"
    else:
        region, level = _PLACES[name]
    if level == "country" or name in _SELF_EVIDENT:
        # A country is a place unless it starts a name ("China Mobile", "Canada Post").
        if _FOLLOWED_BY_NAME.match(text, end) and not _PLACE_AFTER.match(text, end):
            return None
    elif not (prefix or with_region or _PLACE_AFTER.match(text, end) or _PLACE_BEFORE.search(before)):
        return None
    elif _ARTICLE_BEFORE.search(before) and not _ENTITY_AFTER.match(text, end):
        return None  # "a Delaware corporation" but not "a Washington"
    if prefix and not city_of:
        start -= len(prefix.group(1))
    normalized = f"{region}:{name}" if level == "city" else region
    return _value("jurisdiction", text, (start, end), offset, normalized, details={"name": name, "level": level})


def _with_region(text: str, end: int) -> bool:
    """Whether a city name is followed by its state or country: ", California", ", NY", ", France"."""
    after = _REGION_AFTER.match(text, end)
    if after is None:
        return False
    if after["code"]:
        return after["code"] in _STATE_CODES
    place = _PLACE.match(text, after.end())
    return place is not None and _PLACE_NAMES[place.group()] in _PLACES


def _county(match: re.Match[str], text: str, offset: int) -> Value:
    name = _COUNTY_NAMES[" ".join((match["after"] or match["before"]).upper().split())]
    details = {"name": f"{name} County", "level": "county"}
    return _value("jurisdiction", text, match.span(), offset, f"US-CA:{name}", details=details)


# --- parties ------------------------------------------------------------------------------------------

_PARTY_ANCHOR = re.compile(
    _cased("between", "among") + r"|entered into by|ENTERED INTO BY|made by|MADE BY|executed by|EXECUTED BY"
)
_PARTY_STOP = re.compile(r"WHEREAS|Whereas|RECITALS|Recitals|WITNESSETH|Witnesseth|NOW, THEREFORE|BACKGROUND")
_ROLE = re.compile(
    r"[(\[]\s*(?:(?:(?:each|individually|collectively|together)\s*,?\s*)?(?:hereinafter|hereafter|herein)\s*,?\s*"
    r"(?:(?:referred\s+to|called|designated|known)\s+(?:herein\s+)?as\s+|as\s+)?|referred\s+to\s+(?:herein\s+)?as\s+|as\s+)?"
    r"(?:the\s+|a\s+|an\s+)?[“\"'‘]\s*(?P<role>(?-i:[A-Z])[^“”\"'’\n()]{0,39}?)\s*[”\"'’](?:[^()\[\]\n]{0,80}?)[)\]]",
    re.IGNORECASE,
)
_NAME_WORD = r"(?:(?!(?:AND|OR|THE|OF)\b)[A-Z][\w'’.&/-]*|&|\d[\w-]*)"
_SUFFIX = (
    r"(?:,?\s+(?i:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|LLP|L\.L\.P|LP|L\.P|PLC|"
    r"P\.C|PC|GmbH|AG|SA|S\.A|NV|N\.V|BV|B\.V|Pty|SAS|S\.p\.A|KK|K\.K|N\.A)\.?(?![\w]))"
)
_NAME_GAP = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"  # a name may wrap onto the next line, not cross a blank line
_NAME = re.compile(
    rf"{_NAME_WORD}(?:{_NAME_GAP}(?:(?i:of|and|the|de|du|der|la|le|for|in|&){_NAME_GAP})*{_NAME_WORD})*{_SUFFIX}*"
)
_NAME_START = re.compile(r"[\s,;:]*(?:\(\w{1,3}\)\s*|\d{1,2}\.\s+)?(?i:the\s+)?")
_SEPARATOR = re.compile(r";\s*(?:and\s+)?|,?\s+and\s+|\(\w{1,3}\)\s")
_ORG_SUFFIX = re.compile(rf"{_SUFFIX}\s*\Z|^(?:City|County|State|Town|Commonwealth)\s+of\b")
_PAIR = re.compile(
    rf"[\s:]*(?i:the\s+)?(?P<first>{_NAME.pattern})\s*,?\s+(?i:and)\s+(?i:the\s+)?(?P<second>{_NAME.pattern})"
)
# Defined terms (and names) that are not parties: "(the "Agreement")", "(the "Effective Date")", "the Parties".
_NOT_PARTIES = frozenset(
    {"parties", "party", "territory", "term", "services", "software", "product", "products", "work", "project",
     "license", "order", "sow"}
)  # fmt: skip
_DOCUMENT_WORDS = ("agreement", "date", "contract", "amendment", "addendum", "exhibit", "schedule", "plan")
# A new sentence between a name and the parenthesis: "FNW, FNW is granted ... (the "Kingdome")".
_NEW_CLAUSE = re.compile(r"\b[A-Z][\w.]*\s+(?:is|are|was|were|shall|will|has|have|agrees?|desires?)\b")
_ENTITY = re.compile(
    r"\b(?:(?P<government>municipal\s+corporation|charter\s+(?:city|county)|general\s+law\s+city|political\s+subdivision|"
    r"public\s+(?:agency|entity|body|authority)|municipality|government(?:al)?\s+(?:entity|agency|body|authority)|"
    r"state\s+agency|special\s+district|joint\s+powers\s+(?:authority|agency))"
    r"|(?P<nonprofit>non-?profit|not-for-profit)|(?P<llc>limited\s+liability\s+company|l\.l\.c\.|llc)"
    r"|(?P<partnership>(?:limited\s+|general\s+)?(?:liability\s+)?partnership)|(?P<corporation>corporation|body\s+corporate)"
    r"|(?P<bank>national\s+(?:banking\s+)?association|bank)|(?P<trust>trust)"
    r"|(?P<individual>individual|natural\s+person|sole\s+proprietor)|(?P<company>company|enterprise))\b",
    re.IGNORECASE,
)
_NAME_ENTITY = (
    (re.compile(r"^(?:City|County|State|Town|Village|Commonwealth)\s+of\b|\b(?:Authority|District)$"), "government"),
    (re.compile(r"\b(?:Inc|Incorporated|Corp|Corporation)\.?$", re.IGNORECASE), "corporation"),
    (re.compile(r"\b(?:LLC|L\.L\.C)\.?$", re.IGNORECASE), "llc"),
    (re.compile(r"\b(?:LLP|L\.L\.P|LP|L\.P)\.?$", re.IGNORECASE), "partnership"),
    (re.compile(r"\b(?:Ltd|Limited|PLC|GmbH|AG|Co|Company|S\.A|N\.V|B\.V|Pty)\.?$", re.IGNORECASE), "company"),
)
_PARTY_REACH = 400  # a party's defined term follows its name within this many characters


@dataclass(slots=True)
class _Party:
    start: int  # the name
    end: int
    role: tuple[int, int]  # the parenthesis with the defined term (empty, at the name's end, when there is none)
    details: dict[str, str]


def parties(text: str, offset: int = 0) -> list[Value]:
    """The parties a preamble names: "between Acme Software, Inc., a Delaware corporation ("Vendor"), and ..."."""
    found: list[_Party] = []
    for anchor in _PARTY_ANCHOR.finditer(text):
        if found and anchor.end() < found[-1].end:
            continue
        stop = _PARTY_STOP.search(text, anchor.end(), anchor.end() + 1500)
        found.extend(_parties_after(text, anchor.end(), stop.start() if stop else min(len(text), anchor.end() + 1500)))
        if any("role" in party.details for party in found):
            break  # the preamble: later "between"s are the contract's body
    # One value a party: the cover page's "between ACME, INC. and ..." repeats the preamble's names.
    with_roles = {_party_key(text, party) for party in found if "role" in party.details}
    seen: set[str] = set()
    values = []
    for party in found:
        key = _party_key(text, party)
        if key in seen or ("role" not in party.details and key in with_roles):
            continue
        seen.add(key)
        values.append(_value("party", text, (party.start, party.end), offset, key, details=party.details))
    return _longest(values)


def _party_key(text: str, party: _Party) -> str:
    return " ".join(text[party.start : party.end].split())


def _parties_after(text: str, cursor: int, limit: int) -> list[_Party]:
    """The parties named from `cursor` on, each name followed by its defined term in parentheses; or,
    without defined terms, two organisations joined by "and"."""
    named: list[_Party] = []
    while cursor < limit:
        reach = min(limit, cursor + _PARTY_REACH)
        role = _ROLE.search(text, cursor, reach) if "(" in text[cursor:reach] or "[" in text[cursor:reach] else None
        if role is None:
            break
        term = " ".join(role["role"].split()).rstrip(",.;:")
        # The first name may follow a colon ("between the following parties: ..."); the others follow "and".
        if named:
            separator = _separator(text, cursor, role.start())
            segment_start = separator if separator is not None else cursor
        else:
            segment_start = text.rfind(":", cursor, role.start()) + 1 or cursor
        name = _party_name(text, segment_start, role.start())
        if name and _is_party(text, name, role.start(), term):
            named.append(_Party(*name, role.span(), {"role": term}))
        elif named:
            break
        cursor = role.end()
    if not named:
        pair = _PAIR.match(text, cursor, limit)
        if pair and all(_ORG_SUFFIX.search(pair[group]) for group in ("first", "second")):
            named = [_Party(pair.start(g), pair.end(g), (pair.end(g), pair.end(g)), {}) for g in ("first", "second")]
    for index, party in enumerate(named):
        following = named[index + 1] if index + 1 < len(named) else None
        description_end = following.start if following else min(limit, party.role[1] + 200)
        entity = _entity(text, party, description_end) or _name_entity(text[party.start : party.end])
        if entity:
            party.details["entity"] = entity
    return named


def _separator(text: str, start: int, end: int) -> int | None:
    """Where the next party's name starts: after the last ", and" / ";" / "(2)" before its defined term, or
    else after the last plain "and" ("... established and existing ... Cui Qiang and Beijing Tianying ...")."""
    separators = list(_SEPARATOR.finditer(text, start, end))
    punctuated = [separator for separator in separators if not separator.group()[0].isspace()]
    chosen = punctuated or separators
    return chosen[-1].end() if chosen else None


def _is_party(text: str, name: tuple[int, int], role_start: int, term: str) -> bool:
    """Whether a name and the defined term after it are a party: not "(the "Effective Date")", not a
    name the sentence has moved on from."""
    term = term.lower()
    return (
        term not in _NOT_PARTIES
        and not term.endswith(_DOCUMENT_WORDS)
        and " ".join(text[name[0] : name[1]].split()).lower() not in _NOT_PARTIES
        and _NEW_CLAUSE.search(text, name[1], role_start) is None
    )


def _party_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the name opening text[start:end], past numbering ("(1)") and a lower-case "the"."""
    skipped = _NAME_START.match(text, start, end)
    name = _NAME.match(text, skipped.end() if skipped else start, end)
    return name.span() if name else None


def _entity(text: str, party: _Party, description_end: int) -> str | None:
    """The kind of entity stated around a party's defined term ("a Delaware corporation")."""
    for low, high in ((party.end, party.role[0]), (party.role[1], description_end)):
        found = _ENTITY.search(text, low, max(low, min(high, low + 200)))
        if found and found.lastgroup:
            return found.lastgroup
    return None


def _name_entity(name: str) -> str | None:
    """The kind of entity a name implies: "City of ..." is a government, "..., Inc." a corporation."""
    return next((entity for pattern, entity in _NAME_ENTITY if pattern.search(name)), None)


# --- licences -----------------------------------------------------------------------------------------


def licenses(text: str, offset: int = 0) -> list[Value]:
    """Software licences named in the text, as SPDX ids or expressions (see `review.extract.licenses`)."""
    values = []
    for mention in license_mentions(text):
        details = {"name": text[mention.start : mention.end]}
        if mention.or_later:
            details["or_later"] = "true"
        values.append(
            _value("license", text, (mention.start, mention.end), offset, mention.expression, details=details)
        )
    return _longest(values)


# --- standards ----------------------------------------------------------------------------------------

_STANDARD_ANCHOR = re.compile(
    r"WCAG|Web Content Accessibility|Section 508|SECTION 508|SOC|SSAE|Service Organi|ISO|NIST|National Institute of "
    r"Standards|FedRAMP|FEDRAMP|StateRAMP|STATERAMP|GovRAMP|GOVRAMP|PCI|Payment Card Industry|CJIS|Criminal Justice "
    r"Information|HIPAA|Health Insurance Portability|HITRUST|FIPS|VPAT"
)
_LEVEL = r"(?-i:AAA|AA|A)(?!\w)"
_STANDARD = re.compile(
    r"(?P<wcag>(?:Web\s+Content\s+Accessibility\s+Guidelines(?:\s*\(WCAG\))?|WCAG)"
    r"(?:\s*,?\s*(?:version\s*|v\.?\s*)?(?P<wcag_version>[23](?:\.\d)?)(?![\d.]\d))?"
    rf"(?:\s*,?\s*(?:(?:conformance\s+)?level\s*|at\s+(?:the\s+)?level\s*)?[\"“]?(?P<wcag_level>{_LEVEL})[\"”]?)?)"
    r"|(?P<section508>Section\s+508(?![\d.]\d)(?:\s+of\s+the\s+(?:U\.S\.\s+)?Rehabilitation\s+Act(?:\s+of\s+1973)?)?)"
    r"|(?P<soc>(?:(?:AICPA\s+)?SSAE\s*(?:No\.\s*)?(?P<ssae>1[68])\s*,?\s*)?(?:SOC|Service\s+Organi[sz]ation\s+Controls?)"
    r"\s*(?P<soc_n>[123](?!\d)|I{1,3}\b)(?:®)?(?:\s*,?\s*\(?\s*Type\s*(?P<soc_type>II|I|2|1)\b)?)"
    r"|(?P<ssae_only>SSAE\s*(?:No\.\s*)?(?P<ssae_n>1[68])\b)"
    r"|(?P<iso>ISO(?:\s*/\s*IEC)?\s*(?P<iso_n>\d{4,5}(?:-\d+)?)(?:\s*:\s*(?P<iso_year>(?:19|20)\d\d))?\b)"
    r"|(?P<csf>NIST\s+(?:Cybersecurity\s+Framework|CSF)(?:\s*\(CSF\))?(?:\s*(?:v|version)?\s*(?P<csf_v>[12]\.\d))?)"
    r"|(?P<nist>(?:NIST|National\s+Institute\s+of\s+Standards\s+and\s+Technology(?:\s*\(NIST\))?)\s*"
    r"(?:(?:Special\s+Publication|SP)\s*)?(?P<sp>800-\d{2,3}[A-Z]?)"
    r"(?:\s*,?\s*(?:Rev(?:ision)?\.?\s*(?P<rev>\d+)|r(?P<rev2>\d+)\b))?)"
    r"|(?P<ramp>(?P<ramp_name>FedRAMP|StateRAMP|GovRAMP)(?:(?:\s+|-)(?:(?:authori[sz](?:ed|ation)|certified|compliant|"
    r"approved|accredited|ready)\s+)?(?:(?:at|to)\s+(?:the\s+|a\s+)?)?(?P<ramp_level>Low\+?|Moderate|High|Li-SaaS|Tailored)"
    r"(?:\s+(?:impact\s+)?(?:baseline|level|impact(?:\s+level)?))?)?)"
    r"|(?P<pci>(?:PCI[\s-]*DSS|Payment\s+Card\s+Industry\s+(?:\(PCI\)\s+)?Data\s+Security\s+Standards?(?:\s*\(PCI[\s-]*DSS\))?"
    r"|PCI(?=[\s-]+(?:complian|standard|requirement)))(?:\s*,?\s*(?:v(?:ersion)?\.?\s*)?(?P<pci_v>\d(?:\.\d+)*)(?![\d.]\d))?)"
    r"|(?P<cjis>(?:CJIS|Criminal\s+Justice\s+Information\s+Services?(?:\s*\(CJIS\))?)(?:\s+Security\s+Policy)?"
    r"(?:\s*,?\s*(?:v(?:ersion)?\.?\s*)(?P<cjis_v>\d+(?:\.\d+)*))?)"
    r"|(?P<hipaa>HIPAA|Health\s+Insurance\s+Portability\s+and\s+Accountability\s+Act(?:\s+of\s+1996)?(?:\s*\(\s*[\"“]?HIPAA[\"”]?\s*\))?)"
    r"|(?P<hitrust>HITRUST(?:\s+CSF)?)"
    r"|(?P<fips>FIPS(?:\s*PUB(?:LICATION)?)?\s*(?P<fips_n>140-[123]|199|200|197|186-[45])(?![\d-])"
    r"(?:\s*,?\s*Level\s*(?P<fips_level>[1-4]))?)"
    r"|(?P<vpat>VPAT(?:®)?(?:\s*(?:v(?:ersion)?\.?\s*)?(?P<vpat_v>\d\.\d+))?)",
    re.IGNORECASE,
)
# "ISO 27017/27018", "FIPS 140-2/140-3": more numbers of the same family.
_MORE_NUMBERS = re.compile(
    r"\s*(?:/|,|&|\band\b|\bor\b)\s*(?:ISO(?:\s*/\s*IEC)?\s*|FIPS\s*)?"
    r"(?P<n>(?!(?:19|20)\d\d\b)\d{4,5}(?:-\d+)?|140-[123])\b"  # a year is not a standard's number
)
_LEVEL_BEFORE = re.compile(rf"\bLevel\s+(?P<level>{_LEVEL})\s+(?:\w+\s+){{0,3}}\Z", re.IGNORECASE)
_ROMAN = {"I": "1", "II": "2", "III": "3"}
_ISO_IEC = ("27", "20000", "15408", "29100", "19790", "17788", "17789", "38500", "42001")
# Standards named one way whatever the text says; a group `<family>_v` holds the version when stated.
_FIXED = {
    "section508": "Section 508", "hipaa": "HIPAA", "hitrust": "HITRUST", "csf": "NIST CSF", "pci": "PCI DSS",
    "cjis": "CJIS", "vpat": "VPAT",
}  # fmt: skip


def standards(text: str, offset: int = 0) -> list[Value]:
    """Security and accessibility standards: "WCAG 2.1 Level AA", "SOC 2 Type II", "ISO/IEC 27001:2013", ..."""
    values: list[Value] = []
    taken_until = 0
    for anchor in _STANDARD_ANCHOR.finditer(text):
        start = anchor.start()
        if start < taken_until or (start and text[start - 1].isalnum()):
            continue
        match = _STANDARD.match(text, start)
        if match is None:
            continue
        taken_until = match.end()
        values.extend(_standard(match, text, offset))
    return _longest(values)


def _standard(match: re.Match[str], text: str, offset: int) -> Iterator[Value]:
    family, groups = match.lastgroup or "", match.groupdict()
    span = match.span()
    details: dict[str, str] = {}
    if family == "wcag":
        version = groups["wcag_version"] or ""
        version = f"{version}.0" if len(version) == 1 else version
        level = groups["wcag_level"]
        before = _LEVEL_BEFORE.search(text, max(0, span[0] - 40), span[0]) if not level else None
        if before:  # "Level AA of WCAG 2.2"
            level, span = before["level"], (before.start(), span[1])
        details = {name: value for name, value in (("version", version), ("level", level)) if value}
        normalized = " ".join(["WCAG", *details.values()])
    elif family == "soc":
        number = _ROMAN.get(groups["soc_n"].upper(), groups["soc_n"])
        report_type = _ROMAN.get((groups["soc_type"] or "").upper(), groups["soc_type"] or "")
        if groups["ssae"]:
            details["ssae"] = groups["ssae"]
            if not report_type and number == "2":  # "SSAE 18 SOC 2": the attestation report, Type 2
                report_type, details["type_assumed"] = "2", "true"
        if report_type:
            details["type"] = report_type
        normalized = f"SOC {number}" + (f" Type {report_type}" if report_type else "")
    elif family in ("iso", "fips"):
        yield from _numbered(family, match, text, offset)
        return
    elif family == "nist":
        revision = groups["rev"] or groups["rev2"]
        details = {"revision": revision} if revision else {}
        normalized = f"NIST SP {groups['sp'].upper()}"
    elif family == "ramp":
        name = {"FEDRAMP": "FedRAMP", "STATERAMP": "StateRAMP", "GOVRAMP": "GovRAMP"}[groups["ramp_name"].upper()]
        level = (groups["ramp_level"] or "").title().replace("Li-Saas", "Li-SaaS")
        details = {"level": level} if level else {}
        normalized = f"{name} {level}".strip()
    elif family == "ssae_only":
        normalized = f"SSAE {groups['ssae_n']}"
    else:
        normalized = _FIXED[family]
        version = groups.get(f"{family}_v")
        details = {"version": version} if version else {}
    yield _value("standard", text, span, offset, normalized, details=details)


def _numbered(kind: str, match: re.Match[str], text: str, offset: int) -> Iterator[Value]:
    """An ISO or FIPS standard, and those of the same family listed after it ("ISO 27017/27018")."""
    number = match["iso_n"] if kind == "iso" else match["fips_n"]
    details = {}
    if kind == "iso" and match["iso_year"]:
        details["year"] = match["iso_year"]
    if kind == "fips" and match["fips_level"]:
        details["level"] = match["fips_level"]
    iec = "IEC" in match.group().upper()  # "ISO/IEC 16388" as written, "ISO 27001" as the standard is named
    yield _value("standard", text, match.span(), offset, _standard_number(kind, number, iec), details=details)
    end = match.end()
    while more := _MORE_NUMBERS.match(text, end):
        if (kind == "fips") != more["n"].startswith("140-"):
            break
        yield _value("standard", text, more.span("n"), offset, _standard_number(kind, more["n"], iec))
        end = more.end()


def _standard_number(kind: str, number: str, iec: bool) -> str:
    if kind == "fips":
        return f"FIPS {number}"
    return f"ISO/IEC {number}" if iec or number.startswith(_ISO_IEC) else f"ISO {number}"


# --- all kinds ----------------------------------------------------------------------------------------

EXTRACTORS: dict[ValueKind, Callable[[str, int], list[Value]]] = {
    "duration": durations,
    "money": money,
    "percentage": percentages,
    "date": dates,
    "jurisdiction": jurisdictions,
    "party": parties,
    "license": licenses,
    "standard": standards,
}


def extract_values(text: str, offset: int = 0, kinds: Collection[ValueKind] | None = None) -> list[Value]:
    """Every value of the asked kinds (all by default) in `text`, sorted by start; offsets plus `offset`."""
    unknown = set(kinds or ()) - EXTRACTORS.keys()
    if unknown:
        raise ValueError(f"unknown value kinds: {sorted(unknown)}")
    chosen = EXTRACTORS if kinds is None else {kind: EXTRACTORS[kind] for kind in EXTRACTORS if kind in kinds}
    values = [value for extract in chosen.values() for value in extract(text, offset)]
    return sorted(values, key=lambda v: (v.start, v.end, v.kind))

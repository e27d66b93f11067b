"""Recognise what opens a contract paragraph: a number or bullet ("Article V", "12.3", "(b)", "(iv)", "•")
or a defined term ("“Services” means").

Shared by the layout of PDF and text (such a line starts a new paragraph) and segmentation (the number
places a clause in the outline). Roman numerals and letters overlap ("(i)" after "(h)"); `Enumerator.alternatives`
keeps the other reading so the caller can decide from context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


@dataclass(frozen=True, slots=True)
class Enumerator:
    style: str  # article | dotted | paren_decimal | paren_lower | paren_roman | paren_upper | paren_upper_roman
    #            | lower | upper | roman | upper_roman | exhibit | bullet
    value: str  # the number itself: "12.3", "b", "iv", "A"
    token: str  # as printed: "Section 12.3", "(b)", "1."
    length: int  # characters from the start of the text up to the clause text after it
    alternatives: tuple[str, ...] = ()  # other styles the same token could be (letter i vs roman i)

    @property
    def ordinal(self) -> int:
        """The position the enumerator stands for: "c" and "iii" are 3, "12.3" is 3 (its last part)."""
        value = self.value
        if self.style == "dotted":
            return int(value.rsplit(".", 1)[-1])
        if value.isdigit():
            return int(value)
        if "roman" in self.style or self.style == "article":
            return roman_to_int(value) if _is_roman(value) else ord(value[0].upper()) - 64
        if value.isalpha():
            return (ord(value[0].lower()) - 96) + 26 * (len(value) - 1)
        return 0

    @property
    def depth(self) -> int:
        """For dotted numbers, how many parts: "12" is 1, "12.3" is 2."""
        return self.value.count(".") + 1 if self.style == "dotted" else 1


_ARTICLE = re.compile(
    r"(?P<kw>ARTICLE|Article|SECTION|Section|Sec\.|§§?)\s*(?P<num>\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[A-Z])"
    r"(?![\w(])\.?(?:\s*[-–—:.]\s*|\s+|$)"
)
_EXHIBIT = re.compile(
    r"(?P<kw>EXHIBIT|Exhibit|SCHEDULE|Schedule|APPENDIX|Appendix|ANNEX|Annex|ATTACHMENT|Attachment"
    r"|ADDENDUM|Addendum)\s+(?P<num>[A-Z0-9]{1,4}(?:[.-][A-Z0-9]{1,3})?)(?![\w])\.?(?:\s*[-–—:.]\s*|\s+|$)"
)
_DOTTED = re.compile(r"(?P<num>\d{1,3}(?:\.\d{1,3})+)\.?(?:\s+|$)")
_DECIMAL = re.compile(r"(?P<num>\d{1,3})[.)](?:\s+|$)")
_PAREN = re.compile(r"\((?P<num>\d{1,3}|[a-z]{1,2}|[ivxlc]{1,6}|[A-Z]{1,2}|[IVXLC]{1,6})\)(?:\s+|$)")
_LETTER = re.compile(r"(?P<num>[a-zA-Z]|[ivxlc]{1,6}|[IVXLC]{1,6})[.)](?:\s+|$)")
_BULLET = re.compile(r"(?P<num>[•·▪◦●■○►➢✓\uf0b7\uf0a7-])\s+")


# “Services” means; The term "Hosted Site" shall mean; "IPR" or "Intellectual Property" means;
# "Affiliate" of a Person means; "Personal Data" will have the meaning
DEFINITION = re.compile(
    r"^(?:The terms? )?[“”\"']([^“”\"']{1,80})[”\"']"
    r"(?:\s*(?:,|or|and|/)\s*[“”\"'][^“”\"']{1,80}[”\"'])*"
    r"\s*(?:\([^)]{0,60}\)\s*)?(?:(?:of|for|with respect to) [\w ,]{1,40}?\s*)?,?\s*"
    r"(?:shall\s+|will\s+|each\s+)?(?:means?|mean|has the meanings?|have the meanings?|refers? to|includes?|"
    r"shall have|will have|is defined|:)",
)


SENTENCE_END = (".", ":", ";", "!", "?", ".”", '."', ".)")  # how a sentence or a lead-in ends a line

SIGNATURE_START = re.compile(
    r"^(IN WITNESS (WHEREOF|THEREOF)|SIGNATURE PAGE|SIGNATURES?$|AGREED AND ACCEPTED|ACCEPTED AND AGREED|"
    r"AGREED TO AND ACCEPTED|\[Signature)",
    re.IGNORECASE,
)


def _is_roman(token: str) -> bool:
    return bool(re.fullmatch(r"m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})", token.lower())) and bool(token)


def roman_to_int(token: str) -> int:
    total = 0
    previous = 0
    for char in reversed(token.lower()):
        value = _ROMAN_VALUES[char]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def _letter_or_roman(num: str, token: str, length: int, prefix: str) -> Enumerator | None:
    """ "(b)", "(iv)", "B.", "IV.": a letter or a roman numeral; a single one that could be either ("i",
    "v", "x", "c") keeps the letter reading as its alternative. `prefix` is "paren_" for "(b)"."""
    lower = num.islower()
    letter = prefix + ("lower" if lower else "upper")
    if _is_roman(num):
        roman = prefix + ("roman" if lower else "upper_roman")
        return Enumerator(roman, num, token, length, (letter,) if len(num) == 1 else ())
    if len(num) == 2 and num[0] != num[1]:
        return None  # "(ab)" is no list letter; "(aa)" comes after "(z)"
    return Enumerator(letter, num, token, length)


def parse_enumerator(text: str) -> Enumerator | None:
    """The enumerator at the very start of `text`, or None.

    >>> parse_enumerator("12.3 Fees. The Customer shall").token
    '12.3'
    >>> parse_enumerator("(iv) any claim").style
    'paren_roman'
    """
    if not text or text[0].isspace():
        return None
    first = text[0]
    if first in "ASs§":
        match = _ARTICLE.match(text)
        if match:
            keyword = match["kw"].lower()
            num = match["num"]
            if keyword.startswith("art"):
                return Enumerator("article", num, match.group(0).strip(), match.end())
            style = "dotted" if num[0].isdigit() else ("upper_roman" if _is_roman(num) else "upper")
            return Enumerator(style, num, match.group(0).strip(), match.end())
    if first in "EeSsAa":
        match = _EXHIBIT.match(text)
        if match:
            return Enumerator("exhibit", match["num"], match.group(0).strip(), match.end())
    if first.isdigit():
        match = _DOTTED.match(text)
        if match:
            return Enumerator("dotted", match["num"], match.group(0).strip(), match.end())
        match = _DECIMAL.match(text)
        if match:
            return Enumerator("dotted", match["num"], match.group(0).strip(), match.end())
        return None
    if first == "(":
        match = _PAREN.match(text)
        if not match:
            return None
        num, token = match["num"], match.group(0).strip()
        if num.isdigit():
            return Enumerator("paren_decimal", num, token, match.end())
        return _letter_or_roman(num, token, match.end(), "paren_")
    if first.isalpha():
        match = _LETTER.match(text)
        return _letter_or_roman(match["num"], match.group(0).strip(), match.end(), "") if match else None
    match = _BULLET.match(text)
    if match:
        return Enumerator("bullet", "", match["num"], match.end())
    return None

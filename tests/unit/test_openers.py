import pytest

from review.openers import parse_enumerator, roman_to_int


@pytest.mark.parametrize(
    ("text", "style", "value"),
    [
        ("12.3 Fees. Customer pays", "dotted", "12.3"),
        ("12.3.1 Invoices", "dotted", "12.3.1"),
        ("1. Definitions", "dotted", "1"),
        ("4) Term", "dotted", "4"),
        ("Section 9.2 Governing Law", "dotted", "9.2"),
        ("ARTICLE V - TERM", "article", "V"),
        ("Article 12", "article", "12"),
        ("(b) any claim", "paren_lower", "b"),
        ("(iv) any claim", "paren_roman", "iv"),
        ("(i) the first", "paren_roman", "i"),
        ("(A) Licensor", "paren_upper", "A"),
        ("(3) three", "paren_decimal", "3"),
        ("a. first", "lower", "a"),
        ("B. Second", "upper", "B"),
        ("IV. Fourth", "upper_roman", "IV"),
        ("EXHIBIT A - SERVICE LEVELS", "exhibit", "A"),
        ("Schedule 2", "exhibit", "2"),
        ("• bullet text", "bullet", ""),
    ],
)
def test_parse_enumerator_recognises_contract_numbering(text: str, style: str, value: str) -> None:
    enumerator = parse_enumerator(text)
    assert enumerator is not None
    assert (enumerator.style, enumerator.value) == (style, value)


@pytest.mark.parametrize(
    "text",
    [
        "The Customer shall",
        "2020 was a year",
        "$1,000,000.00 cap",
        "(the “Agreement”)",
        "12.5% of fees",
        "",
        " 1. indented",
    ],
)
def test_parse_enumerator_ignores_ordinary_text(text: str) -> None:
    assert parse_enumerator(text) is None


def test_parse_enumerator_keeps_the_letter_reading_of_a_roman_numeral() -> None:
    enumerator = parse_enumerator("(i) something")
    assert enumerator is not None
    assert enumerator.alternatives == ("paren_lower",)


def test_roman_to_int() -> None:
    assert [roman_to_int(r) for r in ("i", "iv", "ix", "xiv", "XL")] == [1, 4, 9, 14, 40]

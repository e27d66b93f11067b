"""Value extractors: the awkward forms contracts write values in, what must not be taken for a value,
and the offset invariant. Sentences marked CUAD are copied from contracts in the CUAD corpus."""

import time
from itertools import pairwise

import pytest

from review.extract.values import (
    EXTRACTORS,
    dates,
    durations,
    extract_values,
    jurisdictions,
    money,
    parse_number_words,
    parties,
    percentages,
    standards,
)
from review.model import Value


def _only(values: list[Value]) -> Value:
    assert len(values) == 1, values
    return values[0]


# --- numbers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("twelve", 12),
        ("Sixty", 60),
        ("ninety-nine", 99),
        ("one hundred twenty", 120),
        ("one hundred and twenty", 120),
        ("two thousand five hundred", 2500),
        ("one thousand two hundred fifty", 1250),
        ("one million", 1_000_000),
        ("one and one-half", 1.5),
        ("one-half", 0.5),
        ("ninety-nine point nine", 99.9),
    ],
)
def test_parse_number_words_reads_spelled_numbers(words: str, number: float) -> None:
    assert parse_number_words(words) == pytest.approx(number)


@pytest.mark.parametrize("words", ["", "dozen", "twelve apples", "point"])
def test_parse_number_words_rejects_what_is_not_a_number(words: str) -> None:
    assert parse_number_words(words) is None


# --- durations ----------------------------------------------------------------------------------------

DAY, MONTH, YEAR = 1.0, 30.4375, 365.25


@pytest.mark.parametrize(
    ("sentence", "text", "normalized", "days", "details"),
    [
        ("within sixty (60) days of notice", "sixty (60) days", "P60D", 60 * DAY, {"count": "60", "unit": "day"}),
        ("thirty (30) calendar days", "thirty (30) calendar days", "P30D", 30 * DAY, {"count": "30", "unit": "day"}),
        ("for one (1) year", "one (1) year", "P1Y", YEAR, {"count": "1", "unit": "year"}),
        ("twelve months", "twelve months", "P12M", 12 * MONTH, {"count": "12", "unit": "month"}),
        ("on 60 days' notice", "60 days'", "P60D", 60 * DAY, {"count": "60", "unit": "day"}),
        ("on 60 days’ notice", "60 days’", "P60D", 60 * DAY, {"count": "60", "unit": "day"}),
        ("a ninety-day cure period", "ninety-day", "P90D", 90 * DAY, {"count": "90", "unit": "day"}),
        ("within 72 hours", "72 hours", "PT72H", 3 * DAY, {"count": "72", "unit": "hour"}),
        ("within 30 minutes", "30 minutes", "PT30M", 30 / 1440, {"count": "30", "unit": "minute"}),
        ("2 weeks", "2 weeks", "P2W", 14 * DAY, {"count": "2", "unit": "week"}),
        ("2 yrs", "2 yrs", "P2Y", 2 * YEAR, {"count": "2", "unit": "year"}),
        ("an initial one-year term", "one-year", "P1Y", YEAR, {"count": "1", "unit": "year"}),
        ("SIXTY (60) DAYS", "SIXTY (60) DAYS", "P60D", 60 * DAY, {"count": "60", "unit": "day"}),
        ("twenty-four (24) hours", "twenty-four (24) hours", "PT24H", DAY, {"count": "24", "unit": "hour"}),
        ("one and one-half years", "one and one-half years", "P1.5Y", 1.5 * YEAR, {"count": "1.5", "unit": "year"}),
        (
            "one thousand two hundred (1,200) days",
            "one thousand two hundred (1,200) days",
            "P1200D",
            1200 * DAY,
            {"count": "1200", "unit": "day"},
        ),
        (
            "five (5) business days",
            "five (5) business days",
            "P5D",
            5 * DAY,
            {"count": "5", "unit": "business_day", "business": "true"},
        ),
        (
            "within 3 Business Days",
            "3 Business Days",
            "P3D",
            3 * DAY,
            {"count": "3", "unit": "business_day", "business": "true"},
        ),
        (
            "thirty (30) working days",
            "thirty (30) working days",
            "P30D",
            30 * DAY,
            {"count": "30", "unit": "business_day", "business": "true"},
        ),
        (  # the words and the digits disagree: the digits are trusted
            "sixty (90) days",
            "sixty (90) days",
            "P90D",
            90 * DAY,
            {"count": "90", "unit": "day", "conflict": "true"},
        ),
        (  # CUAD, Ultragenyx
            "If a Party materially breaches an obligation under this Agreement and does not cure such breach within "
            "sixty (60) days of receiving notice of such breach from the non-breaching Party",
            "sixty (60) days",
            "P60D",
            60 * DAY,
            {"count": "60", "unit": "day"},
        ),
    ],
)
def test_durations_normalise_the_forms_contracts_use(
    sentence: str, text: str, normalized: str, days: float, details: dict[str, str]
) -> None:
    value = _only(durations(sentence))
    assert (value.kind, value.text, value.normalized, value.unit, value.details) == (
        "duration",
        text,
        normalized,
        "day",
        details,
    )
    assert value.amount == pytest.approx(days)


@pytest.mark.parametrize(
    "sentence",
    [
        "on the 30th day",
        "every Monday",
        "each year",
        "a Business Day",
        "the first day of the month",
        "2006\n\nBusiness Day",
    ],
)
def test_durations_need_a_number_and_a_unit(sentence: str) -> None:
    assert durations(sentence) == []


# --- money --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "normalized"),
    [
        ("a fee of $1,000,000.00 per year", "$1,000,000.00", "USD 1000000.00"),
        ("USD 1 million", "USD 1 million", "USD 1000000.00"),
        ("$2.5M", "$2.5M", "USD 2500000.00"),
        ("$20MM", "$20MM", "USD 20000000.00"),
        ("US$500", "US$500", "USD 500.00"),
        ("U.S.$30 Million", "U.S.$30 Million", "USD 30000000.00"),
        ("one million dollars ($1,000,000)", "one million dollars ($1,000,000)", "USD 1000000.00"),
        ("$1,000 (one thousand dollars)", "$1,000 (one thousand dollars)", "USD 1000.00"),
        ("€10,000", "€10,000", "EUR 10000.00"),
        ("£5k", "£5k", "GBP 5000.00"),
        ("Ten Thousand Dollars", "Ten Thousand Dollars", "USD 10000.00"),
        (
            "One Hundred Thousand and No/100 Dollars ($100,000.00)",
            "One Hundred Thousand and No/100 Dollars ($100,000.00)",
            "USD 100000.00",
        ),
        ("500 euros", "500 euros", "EUR 500.00"),
        ("1,000 USD", "1,000 USD", "USD 1000.00"),
        ("10 million Canadian dollars", "10 million Canadian dollars", "CAD 10000000.00"),
        ("RMB 1,000,000", "RMB 1,000,000", "CNY 1000000.00"),
        ("¥500,000", "¥500,000", "JPY 500000.00"),
        ("CHF 2,000", "CHF 2,000", "CHF 2000.00"),
        ("INR 75,000", "INR 75,000", "INR 75000.00"),
        ("AUD 300", "AUD 300", "AUD 300.00"),
        (  # CUAD, Teardrop Golf
            "(d) Seven Thousand Five Hundred U.S. Dollars ($7,500) each time Ogle wins a Golf Channel televised US "
            "PGA Tour Tournament",
            "Seven Thousand Five Hundred U.S. Dollars ($7,500)",
            "USD 7500.00",
        ),
        (  # CUAD, Freecook
            'Client agrees to pay to Company the sum of $5,000 (the "Contract Price")',
            "$5,000",
            "USD 5000.00",
        ),
    ],
)
def test_money_normalises_sums(sentence: str, text: str, normalized: str) -> None:
    value = _only(money(sentence))
    currency, amount = normalized.split()
    assert (value.text, value.normalized, value.unit, value.details) == (text, normalized, currency, {})
    assert value.amount == pytest.approx(float(amount))


def test_money_flags_words_that_disagree_with_the_figure() -> None:
    value = _only(money("one hundred dollars ($1,000)"))
    assert (value.normalized, value.details) == ("USD 1000.00", {"conflict": "true"})


@pytest.mark.parametrize(
    ("sentence", "text", "normalized", "multiple", "details"),
    [
        (
            "liability shall not exceed two times (2x) the fees",
            "two times (2x) the fees",
            "2x fees (all)",
            2.0,
            {},
        ),
        (
            "shall not exceed the fees paid in the twelve (12) months preceding the claim",
            "the fees paid in the twelve (12) months preceding the claim",
            "1x fees (12 months)",
            1.0,
            {"basis": "paid", "period_months": "12"},
        ),
        (
            "limited to amounts paid or payable under this Agreement during the 12 months prior to the event",
            "amounts paid or payable under this Agreement during the 12 months prior to the event",
            "1x fees (12 months)",
            1.0,
            {"basis": "paid_or_payable", "period_months": "12"},
        ),
        (
            "Vendor's liability shall not exceed the total fees paid by Customer hereunder.",
            "the total fees paid by Customer hereunder",
            "1x fees (all)",
            1.0,
            {"basis": "paid"},
        ),
        (
            "in no event exceed three times the annual fees paid or payable for the one (1) year period preceding "
            "the claim",
            "three times the annual fees paid or payable for the one (1) year period preceding the claim",
            "3x fees (12 months)",
            3.0,
            {"basis": "paid_or_payable", "period_months": "12"},
        ),
        (
            "up to fifty percent (50%) of the fees payable hereunder",
            "fifty percent (50%) of the fees payable hereunder",
            "0.5x fees (all)",
            0.5,
            {"basis": "payable"},
        ),
        (  # CUAD, Todos Medical
            "either party's total liability to the other party under this Agreement shall be limited to the amounts "
            "paid or payable by the Reseller to Todos during the twelve-month period preceding the interposition of "
            "the claim.",
            "the amounts paid or payable by the Reseller to Todos during the twelve-month period preceding",
            "1x fees (12 months)",
            1.0,
            {"basis": "paid_or_payable", "period_months": "12"},
        ),
        (  # CUAD, TELKOM / SAP Africa
            "shall be limited to the aggregate of all License Fees paid by TELKOM to SAP AFRICA in terms of this "
            "AGREEMENT, up until the date when such damages are determined or agreed.",
            "the aggregate of all License Fees paid by TELKOM to SAP",
            "1x fees (all)",
            1.0,
            {"basis": "paid"},
        ),
    ],
)
def test_money_reads_caps_stated_as_fees(
    sentence: str, text: str, normalized: str, multiple: float, details: dict[str, str]
) -> None:
    value = _only(money(sentence))
    assert (value.text, value.normalized, value.amount, value.unit, value.details) == (
        text,
        normalized,
        multiple,
        "fees",
        details,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "5,000 pounds of product",
        "All fees paid are non-refundable.",
        "Customer shall pay the fees set out in Exhibit B.",
        "including but not limited to the Royalties and Service Fees paid hereunder",
        "an amount that exceeds [**] Dollars ($[**])",
        "Section 5 and Schedule 2",
    ],
)
def test_money_needs_a_currency_or_a_cap(sentence: str) -> None:
    assert money(sentence) == []


# --- percentages --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "normalized", "details"),
    [
        ("available 99.5% of the time", "99.5%", "99.5%", {}),
        ("ninety-nine point nine percent (99.9%)", "ninety-nine point nine percent (99.9%)", "99.9%", {}),
        ("5 percent", "5 percent", "5%", {}),
        ("50 per cent", "50 per cent", "50%", {}),
        ("one-half percent (0.5%)", "one-half percent (0.5%)", "0.5%", {}),
        ("twelve percent (12%) per annum", "twelve percent (12%) per annum", "12%", {"per": "year"}),
        ("10% annually", "10% annually", "10%", {"per": "year"}),
        ("fifty percent (40%)", "fifty percent (40%)", "40%", {"conflict": "true"}),
        (  # CUAD, iPass
            "iPass reserves the right to charge interest of one and one-half percent (1.5%) per month compounded for "
            "the entire overdue period",
            "one and one-half percent (1.5%) per month",
            "1.5%",
            {"per": "month"},
        ),
    ],
)
def test_percentages_normalise_the_forms_contracts_use(
    sentence: str, text: str, normalized: str, details: dict[str, str]
) -> None:
    value = _only(percentages(sentence))
    assert (value.text, value.normalized, value.unit, value.details) == (text, normalized, "%", details)
    assert value.amount == pytest.approx(float(normalized.rstrip("%")))


@pytest.mark.parametrize("sentence", ["a percentage of net revenue", "the 95th percentile", "percent"])
def test_percentages_need_a_number(sentence: str) -> None:
    assert percentages(sentence) == []


# --- dates --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "normalized", "details"),
    [
        ("effective March 1, 2018", "March 1, 2018", "2018-03-01", {}),
        ("this 1st day of March, 2018", "1st day of March, 2018", "2018-03-01", {}),
        ("2018-03-01", "2018-03-01", "2018-03-01", {}),
        ("03/01/2018", "03/01/2018", "2018-03-01", {}),
        ("3/1/18", "3/1/18", "2018-03-01", {}),
        ("25/12/2018", "25/12/2018", "2018-12-25", {}),  # 25 cannot be a month
        ("1 March 2018", "1 March 2018", "2018-03-01", {}),
        ("Sept. 5, 2020", "Sept. 5, 2020", "2020-09-05", {}),
        ("MARCH 1, 2018", "MARCH 1, 2018", "2018-03-01", {}),
        ("in March 2018", "March 2018", "2018-03", {}),
        ("March, 2003", "March, 2003", "2003-03", {}),
        ("dated _____, 2019", "_____, 2019", "2019", {"blank": "true"}),
        ("March __, 2019", "March __, 2019", "2019-03", {"blank": "true"}),
        ("this ___ day of ________, 2019", "___ day of ________, 2019", "2019", {"blank": "true"}),
        ("[●], 2020", "[●], 2020", "2020", {"blank": "true"}),
        (  # CUAD, Depomed / King
            'This PROMOTION AGREEMENT (this "Agreement") is made as of June 27, 2006 (the "Effective Date")',
            "June 27, 2006",
            "2006-06-27",
            {},
        ),
    ],
)
def test_dates_normalise_to_iso(sentence: str, text: str, normalized: str, details: dict[str, str]) -> None:
    value = _only(dates(sentence))
    assert (value.text, value.normalized, value.details, value.amount) == (text, normalized, details, None)


@pytest.mark.parametrize(
    "sentence", ["February 30, 2018", "in 2018", "13/13/2018", "May 5 of each year", "Section 10.1"]
)
def test_dates_must_be_dates(sentence: str) -> None:
    assert dates(sentence) == []


# --- jurisdictions ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "normalized", "details"),
    [
        (
            "governed by the laws of the State of Delaware",
            "State of Delaware",
            "US-DE",
            {"name": "Delaware", "level": "state"},
        ),
        (
            "GOVERNED BY THE LAWS OF THE STATE OF CALIFORNIA",
            "STATE OF CALIFORNIA",
            "US-CA",
            {"name": "California", "level": "state"},
        ),
        (
            "the Commonwealth of Pennsylvania",
            "Commonwealth of Pennsylvania",
            "US-PA",
            {"name": "Pennsylvania", "level": "state"},
        ),
        ("Acme, a Delaware corporation", "Delaware", "US-DE", {"name": "Delaware", "level": "state"}),
        ("Beta, a Texas limited liability company", "Texas", "US-TX", {"name": "Texas", "level": "state"}),
        ("California law governs", "California", "US-CA", {"name": "California", "level": "state"}),
        (
            "the courts located in Marin County",
            "Marin County",
            "US-CA:Marin",
            {"name": "Marin County", "level": "county"},
        ),
        ("the County of Marin", "County of Marin", "US-CA:Marin", {"name": "Marin County", "level": "county"}),
        (
            "the City and County of San Francisco",
            "City and County of San Francisco",
            "US-CA:San Francisco",
            {"name": "San Francisco County", "level": "county"},
        ),
        (
            "the laws of England and Wales",
            "England and Wales",
            "GB-ENG",
            {"name": "England and Wales", "level": "country"},
        ),
        ("the laws of Ireland", "Ireland", "IE", {"name": "Ireland", "level": "country"}),
        (
            "the laws of the People's Republic of China",
            "People's Republic of China",
            "CN",
            {"name": "People's Republic of China", "level": "country"},
        ),
        ("the laws of the PRC", "PRC", "CN", {"name": "PRC", "level": "country"}),
        ("under the laws of Hong Kong", "Hong Kong", "HK", {"name": "Hong Kong", "level": "country"}),
        ("the laws of Singapore", "Singapore", "SG", {"name": "Singapore", "level": "country"}),
        ("the laws of the Netherlands", "Netherlands", "NL", {"name": "Netherlands", "level": "country"}),
        ("an office in Washington, D.C.", "Washington, D.C.", "US-DC", {"name": "Washington, D.C.", "level": "state"}),
        (
            "the courts sitting in San Francisco",
            "San Francisco",
            "US-CA:San Francisco",
            {"name": "San Francisco", "level": "city"},
        ),
        ("the City of San Rafael", "San Rafael", "US-CA:San Rafael", {"name": "San Rafael", "level": "city"}),
        (  # CUAD, American Physicians Capital
            "5. Applicable Law. This Agreement shall be interpreted under the laws of the State of Nevada.",
            "State of Nevada",
            "US-NV",
            {"name": "Nevada", "level": "state"},
        ),
    ],
)
def test_jurisdictions_are_iso_3166(sentence: str, text: str, normalized: str, details: dict[str, str]) -> None:
    value = _only(jurisdictions(sentence))
    assert (value.text, value.normalized, value.details) == (text, normalized, details)


def test_jurisdictions_tell_the_city_from_the_state() -> None:
    values = jurisdictions("courts located in New York, New York")
    assert [(v.normalized, v.details["level"]) for v in values] == [("US-NY:New York", "city"), ("US-NY", "state")]
    values = jurisdictions("the courts located in Marin County, California")
    assert [v.normalized for v in values] == ["US-CA:Marin", "US-CA"]


@pytest.mark.parametrize(
    "sentence",
    [
        "George Washington signed the letter",
        "Mr. Washington signed the letter",
        "Washington agreed to the terms",
        "a Washington Post reporter",
        "Georgia-Pacific LLC",
        "Georgia-Pacific Corporation, a Delaware corporation",  # the place is Delaware, not Georgia
        "Virginia Smith, Chief Executive Officer",
        "China Mobile Limited",
        "Lake Tahoe",
        "Orange juice",
    ],
)
def test_jurisdictions_are_not_names_of_people_or_companies(sentence: str) -> None:
    assert all(v.details["name"] not in ("Washington", "Georgia", "Virginia", "China", "Lake", "Orange")
               for v in jurisdictions(sentence))  # fmt: skip


# --- parties ------------------------------------------------------------------------------------------


def _parties(text: str) -> list[tuple[str, dict[str, str]]]:
    return [(v.normalized, v.details) for v in parties(text)]


@pytest.mark.parametrize(
    ("preamble", "expected"),
    [
        (
            'This Agreement is made between Acme Software, Inc., a Delaware corporation ("Vendor"), and the City of '
            'San Rafael ("City").',
            [
                ("Acme Software, Inc.", {"role": "Vendor", "entity": "corporation"}),
                ("City of San Rafael", {"role": "City", "entity": "government"}),
            ],
        ),
        (
            'This License Agreement is entered into by ACME LIMITED (hereinafter "Licensee") and BETA GMBH (the '
            "“Licensor”).",
            [
                ("ACME LIMITED", {"role": "Licensee", "entity": "company"}),
                ("BETA GMBH", {"role": "Licensor", "entity": "company"}),
            ],
        ),
        (
            "This Agreement is made by and between the City of San Rafael, a charter city (“City”), and Jane Roe, an "
            "individual (“Consultant”).",
            [
                ("City of San Rafael", {"role": "City", "entity": "government"}),
                ("Jane Roe", {"role": "Consultant", "entity": "individual"}),
            ],
        ),
        (
            'AGREEMENT between Gamma Labs LLC, a California limited liability company ["Contractor"] and the County '
            'of Marin ["County"]',
            [
                ("Gamma Labs LLC", {"role": "Contractor", "entity": "llc"}),
                ("County of Marin", {"role": "County", "entity": "government"}),
            ],
        ),
        (  # CUAD, Depomed / King: the cover page's names without roles are the preamble's, reported once
            "PROMOTION AGREEMENT by and between DEPOMED, INC. and KING PHARMACEUTICALS, INC. Dated as of June 27, "
            '2006 This PROMOTION AGREEMENT (this "Agreement") is made as of June 27, 2006 (the "Effective Date"), by '
            'and between Depomed, Inc., a California corporation ("Depomed"), and King Pharmaceuticals, Inc., a '
            'Tennessee corporation ("King"). Each of Depomed and King is referred to herein individually as a "party"',
            [
                ("Depomed, Inc.", {"role": "Depomed", "entity": "corporation"}),
                ("King Pharmaceuticals, Inc.", {"role": "King", "entity": "corporation"}),
            ],
        ),
        (  # CUAD, World Book / HSW: descriptions after the defined terms
            'This CONTENT LICENSE AGREEMENT (the "Agreement") is entered into and effective September 17, 2008 (the '
            '"Effective Date"), by and between World Book, Inc. ("World Book"), a Delaware corporation with offices at '
            '233 North Michigan Avenue, Suite 2000, Chicago, IL 60601, and HSW International, Inc. ("HSWI"), a '
            "Delaware corporation with offices at One Capital City Plaza, 3350 Peachtree Road, Suite 1600, Atlanta, "
            "Georgia 30326.",
            [
                ("World Book, Inc.", {"role": "World Book", "entity": "corporation"}),
                ("HSW International, Inc.", {"role": "HSWI", "entity": "corporation"}),
            ],
        ),
        (  # CUAD, Freecook: individuals described by their office
            "entered into on January 11, 2018 by and between Natalija Tunevic, director of FreeCook (hereinafter "
            'referred to as "Client") and Mitchell Vitalis, director of Mitchell\'s Web Advance, PLC (hereinafter '
            'referred to as "Company").',
            [("Natalija Tunevic", {"role": "Client"}), ("Mitchell Vitalis", {"role": "Company"})],
        ),
        (  # CUAD, Phoenix New Media: names after a colon, several defined terms
            "is entered into between the following two parties on November 24, 2009 in Beijing: Phoenix Satellite "
            'Television Company Limited ("Party A" or "Phoenix Satellite TV"), a foreign enterprise duly established '
            "and validly existing under the laws of Hong Kong Registered Address: No. 2-6, Dai King Street, Taipo "
            "Industrial Estate, Taipo, N. T., H.K. Authorized Representative: Cui Qiang and Beijing Tianying Jiuzhou "
            'Network Technology Co., Ltd. ("Party B"), a limited liability company duly registered',
            [
                ("Phoenix Satellite Television Company Limited", {"role": "Party A", "entity": "company"}),
                ("Beijing Tianying Jiuzhou Network Technology Co., Ltd.", {"role": "Party B", "entity": "llc"}),
            ],
        ),
        (
            "INTELLECTUAL PROPERTY AGREEMENT between THE BABCOCK & WILCOX COMPANY and BABCOCK & WILCOX ENTERPRISES, "
            "INC. dated as of June 26, 2015",
            [
                ("BABCOCK & WILCOX COMPANY", {"entity": "company"}),
                ("BABCOCK & WILCOX ENTERPRISES, INC.", {"entity": "corporation"}),
            ],
        ),
    ],
)
def test_parties_come_from_the_preamble_with_their_roles(
    preamble: str, expected: list[tuple[str, dict[str, str]]]
) -> None:
    assert _parties(preamble) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Disputes between the parties shall be resolved by arbitration.",
        "the difference between Licensor and Licensee",
        'This Agreement (the "Agreement") is effective as of the date below (the "Effective Date").',
        'a clinical supply agreement to be entered into between the Parties (the "Clinical Supply Agreement")',
        'between King County ("King County") and FNW, FNW is granted the right to advertise in the Domed Stadium '
        '(the "Kingdome")',
    ],
)
def test_parties_are_not_defined_terms_of_other_things(sentence: str) -> None:
    assert "Kingdome" not in {d.get("role") for _, d in _parties(sentence)}
    assert all(name not in ("Parties", "FNW", "Licensor") for name, _ in _parties(sentence))
    assert all(d.get("role") not in ("Agreement", "Effective Date") for _, d in _parties(sentence))


# --- standards ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "normalized", "details"),
    [
        ("conform to WCAG 2.1 Level AA", "WCAG 2.1 AA", {"version": "2.1", "level": "AA"}),
        ("WCAG 2.0 AA", "WCAG 2.0 AA", {"version": "2.0", "level": "AA"}),
        ("WCAG 2.2", "WCAG 2.2", {"version": "2.2"}),
        ("Web Content Accessibility Guidelines (WCAG) 2.1, Level AA", "WCAG 2.1 AA", {"version": "2.1", "level": "AA"}),
        ("Level AA of WCAG 2.2", "WCAG 2.2 AA", {"version": "2.2", "level": "AA"}),
        ("Section 508 of the Rehabilitation Act", "Section 508", {}),
        ("a SOC 2 Type II report", "SOC 2 Type 2", {"type": "2"}),
        ("SOC 2 Type 2", "SOC 2 Type 2", {"type": "2"}),
        ("an SSAE 18 SOC 2 audit", "SOC 2 Type 2", {"ssae": "18", "type_assumed": "true", "type": "2"}),
        ("SSAE 16 SOC 1 Type I", "SOC 1 Type 1", {"ssae": "16", "type": "1"}),
        ("a SOC 2 report", "SOC 2", {}),
        ("SOC 1", "SOC 1", {}),
        ("ISO 27001", "ISO/IEC 27001", {}),
        ("ISO/IEC 27001:2013", "ISO/IEC 27001", {"year": "2013"}),
        ("ISO 9001", "ISO 9001", {}),
        ("NIST SP 800-53 Rev. 5", "NIST SP 800-53", {"revision": "5"}),
        ("NIST 800-171", "NIST SP 800-171", {}),
        ("the NIST Cybersecurity Framework", "NIST CSF", {}),
        ("NIST CSF", "NIST CSF", {}),
        ("FedRAMP Moderate", "FedRAMP Moderate", {"level": "Moderate"}),
        ("FedRAMP authorized at the High baseline", "FedRAMP High", {"level": "High"}),
        ("StateRAMP Low+", "StateRAMP Low+", {"level": "Low+"}),
        ("GovRAMP Moderate", "GovRAMP Moderate", {"level": "Moderate"}),
        ("PCI DSS v4.0", "PCI DSS", {"version": "4.0"}),
        ("PCI-DSS", "PCI DSS", {}),
        ("the FBI CJIS Security Policy", "CJIS", {}),
        ("HIPAA", "HIPAA", {}),
        ("HITRUST CSF certified", "HITRUST", {}),
        ("FIPS 140-2 Level 1", "FIPS 140-2", {"level": "1"}),
        ("a VPAT 2.4", "VPAT", {"version": "2.4"}),
        (  # CUAD, Cardlytics
            "Supplier understands and acknowledges its obligation to adhere to the Payment Card Industry Data "
            "Security Standards (PCI DSS) for the protection of cardholder data",
            "PCI DSS",
            {},
        ),
        (  # CUAD, Zounds Hearing
            "Subcontractor shall maintain quality systems in compliance with ISO 9001 (the 2000 or current version)",
            "ISO 9001",
            {},
        ),
    ],
)
def test_standards_are_named_canonically(sentence: str, normalized: str, details: dict[str, str]) -> None:
    value = _only(standards(sentence))
    assert (value.normalized, value.details) == (normalized, details)


@pytest.mark.parametrize(
    ("sentence", "normalized"),
    [
        ("ISO 27017/27018", ["ISO/IEC 27017", "ISO/IEC 27018"]),
        ("ISO 27001, 27017 and 27018", ["ISO/IEC 27001", "ISO/IEC 27017", "ISO/IEC 27018"]),
        ("FIPS 140-2/140-3", ["FIPS 140-2", "FIPS 140-3"]),
        ("ISO 27001 and 2018", ["ISO/IEC 27001"]),
    ],
)
def test_standards_listed_together_are_each_a_value(sentence: str, normalized: list[str]) -> None:
    assert [v.normalized for v in standards(sentence)] == normalized


@pytest.mark.parametrize(
    "sentence",
    ["Section 5.08", "SOCIAL ISOLATION", "the Association", "a PCI Express card", "ISOLATED", "SOC-ial"],
)
def test_standards_are_not_words_that_contain_them(sentence: str) -> None:
    assert standards(sentence) == []


# --- all kinds ----------------------------------------------------------------------------------------

CONTRACT = (
    "This Master Services Agreement is made as of March 1, 2018 by and between Acme Software, Inc., a Delaware "
    'corporation ("Vendor"), and the City of San Rafael ("City").\n\n'
    "1. Term. The initial term is one (1) year and renews for successive one-year terms unless either party gives "
    "sixty (60) days' notice.\n"
    "2. Fees. City shall pay $120,000.00 per year. Late payments bear interest at one and one-half percent (1.5%) "
    "per month.\n"
    "3. Service Levels. The Services will be available 99.9% of the time; Vendor responds within 4 hours.\n"
    "4. Security. Vendor maintains a SOC 2 Type II report and ISO/IEC 27001:2013 certification, and meets "
    "WCAG 2.1 Level AA.\n"
    "5. Open Source. The portal is licensed under the GNU Affero General Public License v3 or any later version.\n"
    "6. Liability. Vendor's liability shall not exceed two times (2x) the fees paid in the twelve (12) months "
    "preceding the claim.\n"
    "7. Law. This Agreement is governed by the laws of the State of California; venue lies in Marin County.\n"
)


def test_extract_values_finds_every_kind_in_order() -> None:
    values = extract_values(CONTRACT)
    assert {v.kind for v in values} == set(EXTRACTORS)
    assert [v.start for v in values] == sorted(v.start for v in values)
    found = {(v.kind, v.normalized) for v in values}
    assert {
        ("date", "2018-03-01"),
        ("party", "Acme Software, Inc."),
        ("party", "City of San Rafael"),
        ("duration", "P1Y"),
        ("duration", "P60D"),
        ("duration", "PT4H"),
        ("money", "USD 120000.00"),
        ("money", "2x fees (12 months)"),
        ("percentage", "1.5%"),
        ("percentage", "99.9%"),
        ("standard", "SOC 2 Type 2"),
        ("standard", "ISO/IEC 27001"),
        ("standard", "WCAG 2.1 AA"),
        ("license", "AGPL-3.0-or-later"),
        ("jurisdiction", "US-CA"),
        ("jurisdiction", "US-CA:Marin"),
    } <= found


@pytest.mark.parametrize("offset", [0, 1234])
def test_extract_values_keep_offsets_exact_and_kinds_free_of_overlap(offset: int) -> None:
    values = extract_values(CONTRACT, offset)
    assert values
    for value in values:
        assert CONTRACT[value.start - offset : value.end - offset] == value.text
    for kind in EXTRACTORS:
        spans = [(v.start, v.end) for v in values if v.kind == kind]
        assert all(end <= next_start for (_, end), (next_start, _) in pairwise(spans))


def test_extract_values_keeps_the_longest_of_overlapping_values() -> None:
    # "two times (2x) the fees paid ..." holds no shorter money value; "one (1) year" is one duration.
    assert [v.text for v in extract_values("one (1) year", kinds=["duration"])] == ["one (1) year"]


def test_extract_values_runs_only_the_kinds_asked_for() -> None:
    values = extract_values(CONTRACT, kinds=["date", "percentage"])
    assert {v.kind for v in values} == {"date", "percentage"}
    assert extract_values(CONTRACT, kinds=[]) == []
    with pytest.raises(ValueError, match="unknown value kinds"):
        extract_values(CONTRACT, kinds=["colour"])  # type: ignore[list-item]  # a kind a caller mistyped


def test_extract_values_is_fast_on_a_long_contract() -> None:
    contract = (CONTRACT * 80)[:60_000]
    extract_values(contract)  # compile and load once
    for kind in EXTRACTORS:
        started = time.perf_counter()
        extract_values(contract, kinds=[kind])
        # Measured at 1-3 ms per kind; the bound only catches runaway backtracking on a busy machine.
        assert time.perf_counter() - started < 0.1, kind

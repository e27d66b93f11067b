import pytest

from review.policy.conditions import ConditionError, parse_condition


def test_condition_always_holds_even_without_intake() -> None:
    assert parse_condition("always").evaluate(None) is True


def test_condition_and_or_not_parentheses() -> None:
    condition = parse_condition("hosted and (personal_data or critical) and not installed")
    assert condition.evaluate({"hosted": True, "personal_data": False, "critical": True, "installed": False})
    assert not condition.evaluate({"hosted": True, "personal_data": True, "installed": True})
    assert not condition.evaluate({"hosted": False, "personal_data": True})


def test_condition_compares_intake_figures() -> None:
    condition = parse_condition("total_value > 10000")
    assert condition.evaluate({"total_value": 10001.0})
    assert not condition.evaluate({"total_value": 10000.0})


def test_condition_is_unknown_without_intake() -> None:
    assert parse_condition("hosted").evaluate(None) is None


def test_condition_smallest_flags_make_it_hold() -> None:
    assert parse_condition("hosted and (critical or multi_year)").smallest_flags() == {"hosted", "critical"}
    assert parse_condition("installed or custom_dev").smallest_flags() == {"custom_dev"}
    assert parse_condition("total_value > 10000").smallest_flags() == frozenset()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("hostd", "did you mean 'hosted'"),
        ("hosted and", "ends too soon"),
        ("(hosted or critical", "not closed"),
        ("hosted critical", "unexpected 'critical'"),
        ("total_value > lots", "needs a number"),
        ("hosted & critical", "not allowed"),
    ],
)
def test_condition_errors_say_how_to_fix(text: str, message: str) -> None:
    with pytest.raises(ConditionError, match=message):
        parse_condition(text)

"""Intake conditions: when a rule applies, written the way a reviewer would say it.

    always
    hosted
    hosted and (personal_data or critical or police_data or payments)
    total_value > 10000

Names are RULES.md's intake flags and the intake's figures. A condition is parsed once, when its rule is
loaded, so a misspelt flag is a load error naming the file and line, not a rule that silently never
applies. Without an intake a flag is unknown: `evaluate` then answers None (three-valued logic), and the
engine checks the rule and marks its findings as resting on that assumption.

>>> condition = parse_condition("hosted and (critical or multi_year)")
>>> condition.evaluate({"hosted": True, "critical": False, "multi_year": True})
True
>>> condition.evaluate(None) is None
True
>>> sorted(condition.names)
['critical', 'hosted', 'multi_year']
"""

from __future__ import annotations

import difflib
import itertools
import operator
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from review.policy.intake import FLAGS

FIGURES = ("annual_fees", "total_value", "term_months")
_COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
}
_TOKEN = re.compile(r"\s*(?:(\()|(\))|(>=|<=|==|>|<)|([A-Za-z_]+)|(\d+(?:\.\d+)?)|(\S))")

Facts = Mapping[str, bool | float]  # an intake's flags (True/False) and figures, by name


class ConditionError(ValueError):
    """The condition is not well formed; the message says where and how to fix it."""


@dataclass(frozen=True, slots=True)
class Condition:
    text: str
    _evaluate: Callable[[Facts], bool]
    names: frozenset[str]

    def evaluate(self, facts: Facts | None) -> bool | None:
        """Whether the condition holds for these facts; None when they are not known (no intake)."""
        if not self.names:
            return True
        if facts is None:
            return None
        return self._evaluate(facts)

    def smallest_flags(self) -> frozenset[str]:
        """The fewest flags that make the condition hold (figures at their most generous), for examples."""
        flags = sorted(self.names & set(FLAGS))
        for size in range(len(flags) + 1):
            for chosen in itertools.combinations(flags, size):
                facts: dict[str, bool | float] = {flag: flag in chosen for flag in FLAGS}
                facts |= {figure: 10**9 for figure in FIGURES}
                if self._evaluate(facts):
                    return frozenset(chosen)
        return frozenset(flags)

    def __str__(self) -> str:
        return self.text


ALWAYS = Condition("always", lambda facts: True, frozenset())


def parse_condition(text: str) -> Condition:
    """Parse `always` or an expression of flags, and/or/not, parentheses and figure comparisons."""
    text = " ".join(text.split())
    if text == "always":
        return ALWAYS
    tokens = list(_tokens(text))
    parser = _Parser(tokens, text)
    evaluate = parser.expression()
    if parser.position < len(tokens):
        raise ConditionError(f"unexpected {tokens[parser.position]!r} in {text!r}; join conditions with and / or")
    return Condition(text, evaluate, frozenset(parser.names))


def _tokens(text: str) -> Iterator[str]:
    for match in _TOKEN.finditer(text):
        if match.group(6):
            raise ConditionError(f"{match.group(6)!r} is not allowed in a condition ({text!r}); use and, or, not, ( )")
        yield next(group for group in match.groups() if group)


class _Parser:
    """expression := term ('or' term)* ; term := factor ('and' factor)* ; factor := 'not' factor | '(' expression ')'
    | flag | figure op number."""

    def __init__(self, tokens: list[str], text: str) -> None:
        self.tokens, self.text, self.position = tokens, text, 0
        self.names: set[str] = set()

    def peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise ConditionError(f"{self.text!r} ends too soon; something is missing after the last word")
        self.position += 1
        return token

    def expression(self) -> Callable[[Facts], bool]:
        parts = [self.term()]
        while self.peek() == "or":
            self.take()
            parts.append(self.term())
        return parts[0] if len(parts) == 1 else (lambda facts: any(part(facts) for part in parts))

    def term(self) -> Callable[[Facts], bool]:
        parts = [self.factor()]
        while self.peek() == "and":
            self.take()
            parts.append(self.factor())
        return parts[0] if len(parts) == 1 else (lambda facts: all(part(facts) for part in parts))

    def factor(self) -> Callable[[Facts], bool]:
        token = self.take()
        if token == "not":
            inner = self.factor()
            return lambda facts: not inner(facts)
        if token == "(":
            inner = self.expression()
            if self.peek() != ")":
                raise ConditionError(f"a '(' in {self.text!r} is not closed")
            self.take()
            return inner
        if token in FLAGS:
            self.names.add(token)
            return lambda facts: bool(facts.get(token, False))
        if token in FIGURES:
            self.names.add(token)
            op = self.take()
            if op not in _COMPARE:
                raise ConditionError(f"{token} must be compared with a number, e.g. '{token} > 10000'")
            number = self.take()
            try:
                limit = float(number)
            except ValueError:
                raise ConditionError(f"{token} {op} needs a number, not {number!r}") from None
            compare = _COMPARE[op]
            return lambda facts: compare(float(facts.get(token, 0)), limit)
        close = difflib.get_close_matches(token, [*FLAGS, *FIGURES], n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise ConditionError(
            f"unknown name {token!r} in {self.text!r}; {hint}use the intake flags {', '.join(FLAGS)} "
            f"or the figures {', '.join(FIGURES)}"
        )

"""Which rules and patterns cost the most time, so the people writing rules can keep reviews fast.

    python bench/rule_speed.py [--corpus ../shared/corpus] [--limit 30] [--top 15]

Every pattern of every rule is searched in all the sentences its anchor words allow (more than a review
searches: a review stops a required rule at its first match), on the CUAD PDFs; the time is per contract.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import review  # noqa: E402
from review.extract.analysis import analyse  # noqa: E402
from review.policy.checks import Context  # noqa: E402
from review.policy.rules import load_rules  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--limit", type=int, default=30)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    pdfs = sorted((args.corpus / "cuad" / "full_contract_pdf").glob("**/*.pdf"))[: args.limit]
    rules = load_rules()
    analyses = [analyse(review.open_document(path)) for path in pdfs]
    gc.freeze()
    patterns = {
        (rule.id, pattern.source): pattern
        for rule in rules
        for find in (getattr(rule.params, "find", None), getattr(rule.params, "if_present", None))
        if find is not None
        for pattern in find.patterns
    }
    cost = dict.fromkeys(patterns, 0.0)
    searches = dict.fromkeys(patterns, 0)
    for analysis in analyses:
        sentences = Context(analysis, None, (), rules.vocabulary).sentences
        for key, pattern in patterns.items():
            candidates = sentences.candidates(pattern)
            start = time.perf_counter()
            for i in candidates:
                pattern.regex.search(sentences.sentence_text(i))
            cost[key] += time.perf_counter() - start
            searches[key] += len(candidates)
    per_rule: dict[str, float] = {}
    for (rule_id, _), seconds in cost.items():
        per_rule[rule_id] = per_rule.get(rule_id, 0.0) + seconds
    n = len(analyses)
    print(f"{len(patterns)} patterns, {sum(searches.values()) / n:.0f} sentence searches and "
          f"{1000 * sum(cost.values()) / n:.1f} ms a contract ({n} CUAD PDFs)")  # fmt: skip
    print("\nslowest rules (ms a contract):")
    for rule_id, seconds in sorted(per_rule.items(), key=lambda pair: -pair[1])[: args.top]:
        print(f"  {1000 * seconds / n:6.2f}  {rule_id}")
    print("\nslowest patterns (ms a contract, searches a contract):")
    for key, seconds in sorted(cost.items(), key=lambda pair: -pair[1])[: args.top]:
        print(f"  {1000 * seconds / n:6.2f} {searches[key] / n:5.0f}  {key[0]}: {key[1][:90]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The findings the rule packs raise on the real SaaS agreement forms (Common Paper, Bonterms).

These are the vendor-side terms a city actually receives, so they show both what the rules catch and
where they raise false alarms on standard vendor language. Each form is reviewed with the intake of a
typical city SaaS purchase (hosted, personal data, three years, $50,000 a year, public facing).

    python bench/saas_forms.py [--corpus DIR] [--rule ID ...] [--quotes] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from review.policy.engine import review_document
from review.policy.intake import Intake

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "saas_templates"
CITY_SAAS = Intake(
    department="Digital Service",
    vendor="Form vendor",
    product="SaaS",
    annual_cost=50000,
    term_months=36,
    hosting="saas",
    data=("personal",),
    public_facing=True,
)


def forms(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*/*/template.docx"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--rule", nargs="*", default=None, help="only these rule ids")
    parser.add_argument("--quotes", action="store_true", help="print each finding's quote")
    parser.add_argument("--json", action="store_true", help="per form, the findings as JSON")
    args = parser.parse_args()
    table = {}
    for path in forms(args.corpus):
        report = review_document(path, intake=CITY_SAAS)
        findings = [f for f in report.findings if args.rule is None or f.rule in args.rule]
        name = path.parent.name
        table[name] = [
            {"rule": f.rule, "severity": f.severity, "kind": f.kind, "page": f.page, "value": f.value, "quote": f.quote}
            for f in findings
        ]
        if not args.json:
            counts = Counter(f.severity for f in findings)
            print(f"\n== {name}: {len(findings)} findings ({', '.join(f'{n} {s}' for s, n in counts.items())})")
            for f in findings:
                line = f"  {f.severity:<7} {f.rule:<32} {f.kind:<8} {f.value or ''}"
                print(line)
                if args.quotes and f.quote:
                    print(f"          “{f.quote[:300]}”")
    if args.json:
        print(json.dumps(table, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

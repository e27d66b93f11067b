"""The command line: `python main.py <command> ...` (or the `contract-review` console script).

Every error the library raises on purpose is printed as one line with its code, and the exit code is 3;
nothing is written to standard output unless the command succeeded.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from review import cases_cli
from review.errors import ReviewError
from review.ingest import DEFAULT_MAX_PAGES, open_document
from review.model import SEVERITY_RANK, Clause, Document
from review.segment import segment
from review.serialize import analysis_json, document_json

if TYPE_CHECKING:
    from review.extract.analysis import Analysis

EXIT_ERROR = 3


def document_text(document: Document, clauses: Sequence[Clause]) -> str:
    pages = len(document.pages)
    lines = [f"{document.path}  ({document.format}, {pages} page{'s' if pages != 1 else ''}, {len(clauses)} clauses)"]
    lines += [f"warning: {w}" for w in document.warnings]
    for clause in clauses:
        where = f"p. {clause.page_start}" + (f"-{clause.page_end}" if clause.page_end != clause.page_start else "")
        label = " ".join(part for part in (clause.number, clause.heading) if part) or clause.kind
        lines.append(f"\n[{clause.id}] {label}  ({clause.kind}, {where})")
        lines.append(clause.text)
    return "\n".join(lines) + "\n"


def _extract(args: argparse.Namespace) -> int:
    document = open_document(args.file, password=args.password, max_pages=args.max_pages)
    clauses = segment(document)
    if args.format == "json":
        output = json.dumps(document_json(document, clauses), ensure_ascii=False, indent=2) + "\n"
    else:
        output = document_text(document, clauses)
    sys.stdout.write(output)
    return 0


def analysis_text(analysis: Analysis) -> str:
    document = analysis.document
    lines = [f"{document.path}  ({document.format}, {len(analysis.clauses)} clauses)"]
    lines.append("clause types found: " + (", ".join(sorted(analysis.found)) or "none"))
    for item in analysis.clauses:
        clause = item.clause
        label = " ".join(part for part in (clause.number, clause.heading) if part) or clause.kind
        types = ", ".join(f"{t.type} {t.score:.2f}" for t in item.types if t.score >= 0.5)
        values = "; ".join(f"{v.kind} {v.normalized}" for v in item.values)
        if types or values:
            lines.append(f"\n[{clause.id}] {label}  (p. {clause.page_start})")
            lines += [f"  types: {types}"] if types else []
            lines += [f"  values: {values}"] if values else []
    return "\n".join(lines) + "\n"


def _classify(args: argparse.Namespace) -> int:
    from review.extract.analysis import analyse

    analysis = analyse(open_document(args.file, password=args.password, max_pages=args.max_pages))
    if args.format == "json":
        sys.stdout.write(json.dumps(analysis_json(analysis), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(analysis_text(analysis))
    return 0


def _train(args: argparse.Namespace) -> int:
    from review.extract import train

    run = train.train_cuad if args.dataset == "cuad" else train.train_unfair_tos
    card = run(args.corpus, args.out or train.MODELS, args.parts, args.hold_out, seed=args.seed, jobs=args.jobs)
    summary = {k: v for k, v in card.items() if k not in ("trained_on", "thresholds")}
    print(json.dumps({**summary, "trained_on": len(card["trained_on"])}, indent=2))
    return 0


def _eval(args: argparse.Namespace) -> int:
    from review.eval import cuad, unfair_tos
    from review.extract.pipeline import load_pipeline

    nlp = load_pipeline(args.models)
    component = "cuad_classifier" if args.dataset == "cuad" else "unfair_terms"
    card = nlp.get_pipe(component).model.card  # type: ignore[attr-defined]
    exclude = set(card["trained_on"]) if args.exclude_trained else set()
    if args.dataset == "cuad":
        result = cuad.evaluate(args.corpus, exclude=exclude, jobs=args.jobs, models=args.models)
    else:
        result = unfair_tos.evaluate(args.corpus, exclude=exclude, models=args.models)
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        print(_eval_text(args.dataset, result))
    return 0


def _eval_text(dataset: str, result: dict) -> str:
    if dataset == "cuad":
        span, document = result["span"], result["document"]
        return (
            f"{result['contracts']} contracts ({result['excluded']} left out as trained on)\n"
            f"span AUPR {span['aupr']:.3f}, precision at 80% recall {span['precision_at_80_recall']:.3f}, "
            f"at 90% recall {span['precision_at_90_recall']:.3f}\n"
            f"document macro-F1 (20 categories) {document['macro_f1']:.3f}"
        )
    return (
        f"{result['documents']} documents, {result['sentences']} sentences ({result['excluded']} left out)\n"
        f"micro-F1 {result['micro_f1']:.3f}, macro-F1 {result['macro_f1']:.3f}; "
        f"LexGLUE-style micro {result['lexglue']['micro_f1']:.3f}, macro {result['lexglue']['macro_f1']:.3f}"
    )


class _Progress:
    """A one-line progress bar on standard error, drawn only when it is a terminal."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0
        self.shown = total > 1 and sys.stderr.isatty()

    def advance(self, name: str) -> None:
        self.done += 1
        if self.shown:
            filled = round(30 * self.done / self.total)
            line = f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} {name[:40]:<40}"
            sys.stderr.write(line + ("\n" if self.done == self.total else ""))
            sys.stderr.flush()


def _review(args: argparse.Namespace) -> int:
    from review.batch import expand_inputs, render, review_files
    from review.errors import FileMissing
    from review.policy.engine import judge_absence_together, read_intake
    from review.policy.rules import load_rules
    from review.policy.sbom import read_sbom

    intake = read_intake(args.intake)
    components = read_sbom(args.sbom) if args.sbom else ()
    rules = load_rules(args.packs)
    paths = expand_inputs(args.inputs)
    if not paths:
        raise FileMissing(f"no contract files (PDF, DOCX, text) in {', '.join(args.inputs)}")
    if args.output:
        args.output.mkdir(parents=True, exist_ok=True)
    progress = _Progress(len(paths))
    render_as = None if args.together else args.format  # together: the reports are judged side by side first
    outcomes, severities = [], set[str]()
    for outcome in review_files(paths, intake, components, args.jobs, args.password, rules, render_as):
        progress.advance(outcome.path.name)
        if outcome.error is not None:
            print(f"error {outcome.error.code}: {outcome.path}: {outcome.error.message}", file=sys.stderr)
        elif outcome.rendered is not None:
            _write(args, outcome.path, outcome.rendered, len(paths))
            severities |= outcome.severities
        outcomes.append(outcome)
    if args.together:
        order = {path: k for k, path in enumerate(paths)}
        done = sorted((o for o in outcomes if o.report is not None), key=lambda o: order[o.path])
        for outcome, report in zip(done, judge_absence_together([o.report for o in done]), strict=True):  # type: ignore[misc]
            _write(args, outcome.path, render(report, args.format), len(paths))
            severities |= {finding.severity for finding in report.findings}
    errors = sum(outcome.error is not None for outcome in outcomes)
    failing = args.fail_on and any(SEVERITY_RANK[s] <= SEVERITY_RANK[args.fail_on] for s in severities)
    return EXIT_ERROR if errors else 1 if failing else 0


def _write(args: argparse.Namespace, path: Path, rendered: str, count: int) -> None:
    if args.output:
        name, n = f"{path.name}.{args.format}", 2
        while name in args.written:  # two inputs with the same name in different folders
            name, n = f"{path.stem}-{n}{path.suffix}.{args.format}", n + 1
        args.written.add(name)
        (args.output / name).write_text(rendered, encoding="utf-8")
    elif args.format == "json" and count > 1:
        sys.stdout.write(json.dumps(json.loads(rendered), ensure_ascii=False) + "\n")  # JSON Lines
    else:
        sys.stdout.write(rendered)


def _rules_test(args: argparse.Namespace) -> int:
    from review.policy.examples import run_examples
    from review.policy.rules import load_rules

    rules = load_rules(args.packs)
    results = run_examples(rules, args.rule or None)
    failed = [result for result in results if not result.ok]
    for result in failed if not args.verbose else results:
        print(result.describe())
    rule_count = len({result.rule.id for result in results})
    print(f"{len(results) - len(failed)} of {len(results)} examples behave as written ({rule_count} rules)")
    return 1 if failed else 0


def _rules_list(args: argparse.Namespace) -> int:
    from review.policy.rules import load_rules

    rules = load_rules(args.packs)
    if args.format == "json":
        packs = [
            {
                "name": pack.name,
                "version": pack.version,
                "owner": pack.owner,
                "sha256": pack.sha256,
                "rules": [
                    {
                        "id": r.id,
                        "title": r.title,
                        "severity": r.severity,
                        "check": r.check,
                        "applies_to": str(r.applies_to),
                    }
                    for r in pack.rules
                ],
            }
            for pack in rules.packs
        ]
        print(json.dumps(packs, indent=2))
        return 0
    for pack in rules.packs:
        print(f"{pack.name} {pack.version} ({len(pack.rules)} rules, sha256 {pack.sha256[:12]}), {pack.owner}")
        for rule in pack.rules:
            print(f"  {rule.id:<34} {rule.severity:<8} {rule.check:<15} {rule.applies_to}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Technology contract review for the city.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, run, help_text in (
        ("extract", _extract, "read a contract and print its clauses"),
        ("classify", _classify, "label every clause with its types and pull out its values"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("file", help="a PDF, DOCX, text or Markdown file")
        command.add_argument("--format", choices=("json", "text"), default="text")
        command.add_argument("--password", help="password of an encrypted PDF")
        command.add_argument("--max-pages", type=int, default=DEFAULT_MAX_PAGES, help="refuse longer documents")
        command.set_defaults(run=run)

    train = commands.add_parser("train", help="train the learned components from a corpus (needs scikit-learn)")
    train.add_argument("dataset", choices=("cuad", "unfair-tos"))
    train.add_argument(
        "--corpus", type=Path, required=True, help="../shared/corpus/cuad or .../claudette_tos_multilingual"
    )
    train.add_argument("--out", type=Path, help="model directory (default: the shipped models)")
    train.add_argument("--parts", type=int, default=5, help="how many parts the documents are hashed into")
    train.add_argument("--hold-out", type=int, help="the part kept out of training (default: train on all)")
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--jobs", type=int, default=2)
    train.set_defaults(run=_train)

    evaluate = commands.add_parser("eval", help="measure the pipeline on a labelled corpus")
    evaluate.add_argument("dataset", choices=("cuad", "unfair-tos"))
    evaluate.add_argument("--corpus", type=Path, required=True, help="a folder with the dataset's layout")
    evaluate.add_argument("--format", choices=("json", "text"), default="json")
    evaluate.add_argument("--models", type=Path, help="model directory (default: the shipped models)")
    evaluate.add_argument("--exclude-trained", action="store_true", help="leave out documents the model was trained on")
    evaluate.add_argument("--jobs", type=int, default=1)
    evaluate.set_defaults(run=_eval)

    review = commands.add_parser("review", help="check contracts against the city's rule packs")
    review.add_argument("inputs", nargs="+", metavar="FILE", help="contract files (PDF, DOCX, text) or folders")
    review.add_argument("--intake", type=Path, help="the intake (YAML or JSON): department, vendor, hosting, data, ...")
    review.add_argument("--sbom", type=Path, help="the vendor's software bill of materials (CycloneDX or SPDX JSON)")
    review.add_argument("--format", choices=("json", "md"), default="json", help="JSON report or Markdown memo")
    review.add_argument(
        "--fail-on", choices=tuple(SEVERITY_RANK), help="exit 1 when a finding at or above this severity exists"
    )
    review.add_argument("--jobs", type=int, default=1, help="files reviewed in parallel processes")
    review.add_argument("--output", type=Path, help="write one report per input to this folder")
    review.add_argument(
        "--together",
        action="store_true",
        help="the inputs are one contract (agreement, order form, DPA, SLA): a required term is missing only "
        "when no document has it",
    )
    review.add_argument("--password", help="password of encrypted PDFs")
    review.add_argument("--packs", type=Path, help="the rule pack directory (default: rules/packs)")
    review.set_defaults(run=_review, written=set())

    rules = commands.add_parser("rules", help="the rule packs: list them, or run every rule's examples")
    rule_commands = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    test = rule_commands.add_parser("test", help="check that every example flags or passes as its rule says")
    test.add_argument("rule", nargs="*", help="rule ids (default: every rule)")
    test.add_argument("--verbose", action="store_true", help="list every example, not only the failures")
    listing = rule_commands.add_parser("list", help="the packs and their rules")
    listing.add_argument("--format", choices=("json", "text"), default="text")
    for command, run in ((test, _rules_test), (listing, _rules_list)):
        command.add_argument("--packs", type=Path, help="the rule pack directory (default: rules/packs)")
        command.set_defaults(run=run)
    cases_cli.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return int(args.run(args))
    except ReviewError as error:
        print(f"error {error.code}: {error.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`... | head`): stop quietly, as other tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0

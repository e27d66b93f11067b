"""Reviewing many contracts at once, in parallel processes, each file's problem kept to that file.

The pipeline and the rule packs are loaded once in the parent before the worker processes start, so the
workers (forked) share them instead of loading them again. Files go largest first, so the last one to
finish is a small one.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from review.errors import ReviewError
from review.model import Severity
from review.policy.intake import Intake
from review.policy.report import Report
from review.policy.rules import RuleSet, load_rules
from review.policy.sbom import Component

CONTRACT_SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".markdown", ".text"}
OutputFormat = Literal["json", "md"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """One file's review: its report (or, when rendered in the worker, the text and the severities found),
    or the coded error that stopped it."""

    path: Path
    report: Report | None
    error: ReviewError | None = None
    rendered: str | None = None
    severities: frozenset[Severity] = frozenset()


def expand_inputs(inputs: Sequence[str | Path]) -> list[Path]:
    """Files as given, and every contract file inside a folder (sorted); a missing path is kept so it is reported."""
    paths: list[Path] = []
    for item in map(Path, inputs):
        if item.is_dir():
            paths += sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in CONTRACT_SUFFIXES)
        else:
            paths.append(item)
    return list(dict.fromkeys(paths))


def review_files(
    paths: Sequence[Path],
    intake: Intake | None = None,
    components: Sequence[Component] = (),
    jobs: int = 1,
    password: str | None = None,
    rules: RuleSet | None = None,
    render_as: OutputFormat | None = None,
) -> Iterator[Outcome]:
    """Review each file, yielding outcomes as they finish (in input order when jobs is 1).

    With `render_as`, each worker renders its report and sends back only the text: a report holds the
    whole document, and sending it between processes would cost more than the rendering.
    """
    from review.extract.pipeline import load_pipeline

    rules = rules or load_rules()
    load_pipeline()  # before forking, so every worker shares it
    # The models and rules live as long as the process: kept out of every garbage collection (about a
    # fifth of the review time otherwise), and shared by forked workers without copying.
    gc.freeze()
    global _task
    _task = _Task(intake, tuple(components), password, rules, render_as)
    if jobs <= 1 or len(paths) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(_task, paths)
        return
    ordered = sorted(paths, key=_size, reverse=True)
    # forked workers inherit _task (rules hold compiled patterns and conditions, which do not pickle)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        futures: list[Future[Outcome]] = [pool.submit(_run, path) for path in ordered]
        for future in as_completed(futures):
            yield future.result()


_task: _Task | None = None  # what every worker does; set before the workers are forked


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _run(path: Path) -> Outcome:
    assert _task is not None
    return _task(path)


@dataclass(frozen=True)
class _Task:
    intake: Intake | None
    components: tuple[Component, ...]
    password: str | None
    rules: RuleSet
    render_as: OutputFormat | None

    def __call__(self, path: Path) -> Outcome:
        from review.extract.analysis import analyse
        from review.ingest import open_document
        from review.policy.engine import check

        try:
            report = check(
                analyse(open_document(path, password=self.password)), self.intake, self.components, self.rules
            )
        except ReviewError as error:
            return Outcome(path, None, error)
        if self.render_as is None:
            return Outcome(path, report)
        severities = frozenset(finding.severity for finding in report.findings)
        return Outcome(path, None, rendered=render(report, self.render_as), severities=severities)


def render(report: Report, output_format: OutputFormat) -> str:
    """The JSON report or the Markdown memo."""
    from review.policy.memo import render_memo

    if output_format == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return render_memo(report)

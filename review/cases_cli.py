"""The command line of the review workflow: users, cases, search, exports and the audit trail.

    python main.py user add ana --role admin
    python main.py case submit msa.pdf order-form.docx --intake intake.yaml --as dee     # prints the case id
    python main.py case dispose 7 41 --action waive --reason "covered by the city's insurance" --as pat
    python main.py case decide 7 --decision approved --as rui
    python main.py audit verify

Every command takes `--db URL` (default: $CONTRACT_REVIEW_DB, else the embedded SQLite file).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from review.workflow.permissions import ROLES
from review.workflow.states import DECISIONS, DISPOSITIONS, STATUSES


def _store(args: argparse.Namespace) -> Any:
    from review.store.unit_of_work import Store

    return Store(args.db)


def _user_add(args: argparse.Namespace) -> int:
    from review.workflow import services

    with _store(args) as store:
        services.add_user(store, args.name, args.role, actor=args.actor)
    print(f"added {args.name} ({args.role})")
    return 0


def _user_list(args: argparse.Namespace) -> int:
    from review.workflow import queries

    with _store(args) as store:
        for name, role in queries.users(store):
            print(f"{name:<30} {role}")
    return 0


def _case_submit(args: argparse.Namespace) -> int:
    from review.workflow import services

    with _store(args) as store:
        case_id = services.submit_case(store, args.files, args.intake, actor=args.actor, sbom=args.sbom)
    print(case_id)
    return 0


def _case_list(args: argparse.Namespace) -> int:
    from review.workflow import queries

    with _store(args) as store:
        cases = queries.list_cases(
            store, status=args.status, department=args.department, limit=args.limit, offset=args.offset
        )
    if args.format == "json":
        print(json.dumps([_jsonable(c) for c in cases], indent=2, ensure_ascii=False))
        return 0
    header = f"{'case':>5}  {'status':<24} {'submitted':<10} {'v':>2} {'open':>4} {'block':>5}"
    print(f"{header}  vendor — product (department)")
    for c in cases:
        print(
            f"{c.id:>5}  {c.status:<24} {c.submitted_at:%Y-%m-%d} {c.version:>2} {c.undisposed:>4} {c.blockers:>5}  "
            f"{c.vendor} — {c.product} ({c.department})"
        )
    return 0


def _case_show(args: argparse.Namespace) -> int:
    from review.export import case_json
    from review.workflow import queries

    with _store(args) as store:
        case = queries.open_case(store, args.case)
    if args.format == "json":
        print(json.dumps(case_json(case), indent=2, ensure_ascii=False))
        return 0
    print(f"case {case.id}: {case.vendor} — {case.product} ({case.department}), {case.status.replace('_', ' ')}")
    print(f"submitted by {case.submitted_by} on {case.submitted_at:%Y-%m-%d %H:%M}; version {case.version}")
    for document in case.current_documents:
        print(f"  {document.file_name} ({document.format}, {document.pages} pages, sha256 {document.sha256[:12]})")
    counts = ", ".join(f"{n} {severity}" for severity, n in case.severity_counts().items() if n)
    print(f"\n{len(case.findings)} findings ({counts or 'none'}); {case.undisposed_blockers} blockers not disposed of")
    several = len(case.current_documents) > 1
    for f in case.findings:
        where = f"p. {f.page}" if f.page else "missing"
        where = f"{f.document} {where}" if several and f.page else where
        change = f" [{f.change}]" if f.change else ""
        disposition = f.disposition or "—"
        print(f"  {f.id:>6}  {f.severity.upper():<8} {disposition:<15} {f.rule:<34} {f.title}{change}  ({where})")
        if f.reason:
            print(f"          reason: {f.reason} ({f.disposed_by})")
    if case.resolved:
        print(f"\nresolved by version {case.version}: " + ", ".join(f.rule for f in case.resolved))
    for d in case.decisions:
        print(f"\ndecision: {d.decision.replace('_', ' ')} by {d.decided_by} ({d.decided_role}) on {d.at:%Y-%m-%d}")
        if d.note:
            print(f"  {d.note}")
    return 0


def _case_dispose(args: argparse.Namespace) -> int:
    from review.workflow import services

    with _store(args) as store:
        services.dispose(
            store,
            args.case,
            args.finding,
            args.action,
            actor=args.actor,
            reason=args.reason,
            expected_version=args.expected_version,
        )
    print(f"finding {args.finding}: {args.action}")
    return 0


def _case_comment(args: argparse.Namespace) -> int:
    from review.workflow import services

    with _store(args) as store:
        print(services.comment(store, args.case, args.text, actor=args.actor, finding_id=args.finding))
    return 0


def _case_decide(args: argparse.Namespace) -> int:
    from review.workflow import services

    with _store(args) as store:
        services.decide(store, args.case, args.decision, actor=args.actor, note=args.note or "")
    print(f"case {args.case}: {args.decision.replace('_', ' ')}")
    return 0


def _case_reopen(args: argparse.Namespace) -> int:
    from review.workflow import services

    with _store(args) as store:
        services.reopen(store, args.case, actor=args.actor, reason=args.reason)
    print(f"case {args.case}: in review again")
    return 0


def _case_add_version(args: argparse.Namespace) -> int:
    from review.workflow import queries, services

    with _store(args) as store:
        version = services.add_version(store, args.case, args.files, actor=args.actor)
        case = queries.open_case(store, args.case)
    changes = [f.change for f in case.findings]
    print(
        f"case {args.case}: version {version}; {len(case.resolved)} findings resolved, "
        f"{changes.count('persisting')} persisting, {changes.count('new')} new"
    )
    return 0


def _case_diff(args: argparse.Namespace) -> int:
    from review.workflow import queries
    from review.workflow.versions import render_diff

    with _store(args) as store:
        diff = queries.diff_versions(store, args.case, args.old, args.new)
    print(f"case {args.case}: version {diff.old} → version {diff.new}")
    print(render_diff(diff.changes, diff.old_clauses, diff.new_clauses))
    return 0


def _case_export(args: argparse.Namespace) -> int:
    from review import export
    from review.workflow import queries

    if not (args.memo or args.redline or args.json or args.csv):
        print("error: case export needs at least one of --memo, --redline, --json, --csv PATH", file=sys.stderr)
        return 2
    with _store(args) as store:
        case = queries.open_case(store, args.case)
        files = queries.contract_files(store, args.case) if args.redline else []
    written = []
    if args.memo:
        written.append(export.write_memo(case, args.memo))
    if args.redline:
        # one file: the redline is PATH; several (an agreement with its order form, ...): PATH is a folder
        if len(files) > 1:
            args.redline.mkdir(parents=True, exist_ok=True)
        for document, data in files:
            target = args.redline / document.file_name if len(files) > 1 else args.redline
            # the file is what its name says: a PDF stays a PDF, a DOCX or text contract comes back as DOCX
            target = target.with_suffix(".pdf" if document.format == "pdf" else ".docx")
            redline = export.write_redline(case, data, document.format, target, document=document.file_name)
            written.append(redline.path)
    if args.json:
        written.append(export.write_case_json(case, args.json))
    if args.csv:
        written.append(export.write_case_csv(case, args.csv))
    for path in written:
        print(path)
    return 0


def _search(args: argparse.Namespace) -> int:
    from review.workflow import queries

    with _store(args) as store:
        hits = queries.search(
            store,
            " ".join(args.words),
            vendor=args.vendor,
            department=args.department,
            clause_type=args.clause_type,
            rule=args.rule,
            status=args.status,
            limit=args.limit,
        )
    if args.format == "json":
        print(json.dumps([_jsonable(hit) for hit in hits], indent=2, ensure_ascii=False))
        return 0
    for hit in hits:
        c = hit.case
        print(f"{c.id:>5}  {c.status:<24} {c.vendor} — {c.product} ({c.department})")
        if hit.snippet:
            print(f"       {hit.clause or ''}: {hit.snippet}" if hit.clause else f"       {hit.snippet}")
    print(f"{len(hits)} case{'s' if len(hits) != 1 else ''}", file=sys.stderr)
    return 0


def _audit_verify(args: argparse.Namespace) -> int:
    from review.workflow import queries

    with _store(args) as store:
        result = queries.verify_audit(store, args.head)
    if result.first_broken is not None:
        print(
            f"the audit trail is broken at event {result.first_broken}: it was changed, or an event before it was "
            f"removed or inserted ({result.events} events read)"
        )
    for problem in result.unrecorded:
        print(f"the audit trail is missing events: {problem}")
    if result.head_missing:
        print(f"the head {args.head} noted earlier is no longer in the trail: its newest events were removed")
    if result.holds:
        print(f"the audit trail holds: {result.events} events, each chained to the one before; head {result.head}")
        return 0
    return 1


def _open_data(args: argparse.Namespace) -> int:
    from review.export import write_open_data_csv
    from review.workflow import queries

    with _store(args) as store:
        outcomes = queries.case_outcomes(store)
    print(write_open_data_csv(outcomes, args.path))
    return 0


def _jsonable(item: Any) -> Any:
    return json.loads(json.dumps(asdict(item), default=str))


def _at_least(smallest: int) -> Callable[[str], int]:
    def number(text: str) -> int:
        value = int(text)
        if value < smallest:
            raise argparse.ArgumentTypeError(f"must be {smallest} or more")
        return value

    return number


def add_commands(commands: argparse._SubParsersAction) -> None:
    """The user, case, search, audit and open-data commands, each with --db."""
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", metavar="URL", help="database URL (default: $CONTRACT_REVIEW_DB, else the SQLite file)")
    actor = argparse.ArgumentParser(add_help=False)
    actor.add_argument("--as", dest="actor", required=True, metavar="USER", help="who does this")

    user = commands.add_parser("user", help="the people who use the review: add them, list them")
    user_commands = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_commands.add_parser("add", parents=[db], help="add a user (the first one is the admin)")
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument("--as", dest="actor", metavar="USER", help="the admin adding them (not needed for the first)")
    add.set_defaults(run=_user_add)
    user_commands.add_parser("list", parents=[db], help="every user and role").set_defaults(run=_user_list)

    case = commands.add_parser("case", help="review cases: submit, work through, decide, export")
    case_commands = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    submit = case_commands.add_parser("submit", parents=[db, actor], help="submit a contract; prints the case id")
    submit.add_argument("files", nargs="+", type=Path, metavar="FILE", help="the contract's files, reviewed together")
    submit.add_argument("--intake", type=Path, required=True, help="the intake form (YAML or JSON)")
    submit.add_argument("--sbom", type=Path, help="the vendor's software bill of materials (CycloneDX or SPDX JSON)")
    submit.set_defaults(run=_case_submit)

    listing = case_commands.add_parser("list", parents=[db], help="the queue, newest first")
    listing.add_argument("--status", choices=STATUSES)
    listing.add_argument("--department")
    listing.add_argument("--limit", type=_at_least(1), default=50)
    listing.add_argument("--offset", type=_at_least(0), default=0)
    listing.add_argument("--format", choices=("json", "text"), default="text")
    listing.set_defaults(run=_case_list)

    show = case_commands.add_parser("show", parents=[db], help="a case and its findings")
    show.add_argument("case", type=int)
    show.add_argument("--format", choices=("json", "text"), default="text")
    show.set_defaults(run=_case_show)

    dispose = case_commands.add_parser("dispose", parents=[db, actor], help="accept, flag, waive or dismiss a finding")
    dispose.add_argument("case", type=int)
    dispose.add_argument("finding", type=int)
    dispose.add_argument("--action", choices=DISPOSITIONS, required=True)
    dispose.add_argument("--reason", help="why (required to waive)")
    dispose.add_argument(
        "--expected-version", type=int, help="the finding's row_version as last seen: refuse if it changed since"
    )
    dispose.set_defaults(run=_case_dispose)

    remark = case_commands.add_parser("comment", parents=[db, actor], help="comment on a case or one of its findings")
    remark.add_argument("case", type=int)
    remark.add_argument("text")
    remark.add_argument("--finding", type=int)
    remark.set_defaults(run=_case_comment)

    decide = case_commands.add_parser("decide", parents=[db, actor], help="decide a case")
    decide.add_argument("case", type=int)
    decide.add_argument("--decision", choices=DECISIONS, required=True)
    decide.add_argument("--note", help="the conditions, or what the vendor must change")
    decide.set_defaults(run=_case_decide)

    reopen = case_commands.add_parser("reopen", parents=[db, actor], help="bring a decided case back into review")
    reopen.add_argument("case", type=int)
    reopen.add_argument("--reason", required=True)
    reopen.set_defaults(run=_case_reopen)

    version = case_commands.add_parser("add-version", parents=[db, actor], help="the vendor's revised contract")
    version.add_argument("case", type=int)
    version.add_argument("files", nargs="+", type=Path, metavar="FILE")
    version.set_defaults(run=_case_add_version)

    diff = case_commands.add_parser("diff", parents=[db], help="clause-level changes between two versions")
    diff.add_argument("case", type=int)
    diff.add_argument("--old", type=int, help="default: the version before the new one")
    diff.add_argument("--new", type=int, help="default: the latest")
    diff.set_defaults(run=_case_diff)

    export = case_commands.add_parser("export", parents=[db], help="the memo, the vendor redline, JSON or CSV")
    export.add_argument("case", type=int)
    export.add_argument("--memo", type=Path, help="review memo (DOCX)")
    export.add_argument("--redline", type=Path, help="the vendor's contract with the city's comments (DOCX or PDF)")
    export.add_argument("--json", type=Path, help="the whole case as JSON")
    export.add_argument("--csv", type=Path, help="the findings as CSV")
    export.set_defaults(run=_case_export)

    search = commands.add_parser("search", parents=[db], help="search every case's contracts and findings")
    search.add_argument("words", nargs="*", help="words every matching clause holds")
    search.add_argument("--vendor", help="part of the vendor's name")
    search.add_argument("--department")
    search.add_argument("--clause-type", help="a clause type id, e.g. cap_on_liability")
    search.add_argument("--rule", help="a rule id with a finding in the case")
    search.add_argument("--status", choices=STATUSES)
    search.add_argument("--limit", type=_at_least(1), default=50)
    search.add_argument("--format", choices=("json", "text"), default="text")
    search.set_defaults(run=_search)

    audit = commands.add_parser("audit", help="the audit trail")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_commands.add_parser("verify", parents=[db], help="check every event's hash; exit 1 if broken")
    verify.add_argument("--head", metavar="HASH", help="a head printed by an earlier verify: check it is still there")
    verify.set_defaults(run=_audit_verify)

    open_data = commands.add_parser("open-data", parents=[db], help="review metrics as an open-data CSV (DA.5)")
    open_data.add_argument("path", type=Path)
    open_data.set_defaults(run=_open_data)

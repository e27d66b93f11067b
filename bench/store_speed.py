"""How fast the review store answers with many cases in it: the queue, full-text search, opening a case.

    python bench/store_speed.py [--cases 10000] [--db sqlite|postgresql|both] [--runs 20] [--fresh-harvest]

Targets (the issue): with 10,000 cases, the queue's first page under 100 ms, a full-text search under 300 ms,
a case with 200 findings opens under 100 ms, on SQLite and on PostgreSQL. A query passes when its p95 over
--runs runs (after one warm-up run) is under its target.

1. Harvest: 15 real contracts (CUAD PDFs, Common Paper DOCX forms) reviewed once with the real pipeline;
   their clauses and findings, as services.submit_case would store them, are cached as JSON in
   $TMPDIR/contract-review-bench/ so a rerun skips the minutes of analysis.
2. Load: --cases synthetic cases (800 vendors, 12 departments, 3 years, a realistic status mix, 1-2
   versions each holding the clauses and findings of one harvested contract, dispositions, decisions,
   comments, a hash-chained audit trail) bulk-inserted with SQLAlchemy Core executemany through the
   Store's engine, so SQLite's FTS5 triggers fill the search index and PostgreSQL keeps its GIN index;
   plus one case with exactly 200 findings. PostgreSQL is then VACUUM ANALYZEd, as autovacuum would;
   SQLite is left as the app leaves it (no ANALYZE).
3. Measure the queries of review/workflow/queries.py through their public functions.

SQLite is a file in a temporary folder; PostgreSQL is a throwaway database bench_store_<random> on
--pg-server (trust auth), dropped at the end, also when the run fails or is interrupted.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import secrets
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Connection, Table, create_engine, func, insert, select, text  # noqa: E402

from review.policy.intake import Intake  # noqa: E402
from review.store.models import (  # noqa: E402
    AuditEvent,
    Base,
    Case,
    ClauseRecord,
    CommentRecord,
    ContractFile,
    DecisionRecord,
    DocumentVersion,
    FindingRecord,
    User,
)
from review.store.unit_of_work import Store  # noqa: E402
from review.workflow import audit, queries, services  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
CACHE = Path(tempfile.gettempdir()) / "contract-review-bench" / "store-speed-harvest-v2.json"
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"
INTAKE = Intake("IT", "Vendor", "Service", annual_cost=50000, term_months=36, hosting="saas", data=("personal",))
TARGETS = {"queue": 0.100, "search": 0.300, "open": 0.100}
BIG_CASE_FINDINGS = 200
BATCH = 200  # cases a transaction while loading

# tech-related CUAD categories, and the Common Paper forms a city would sign
CUAD_CATEGORIES = ("Hosting", "Service", "Maintenance", "License_Agreements", "Outsourcing", "Reseller", "IP")
CUAD_PICK = 11
FORMS = (
    "common_paper/common-paper-cloud-service-agreement",
    "common_paper/common-paper-csa-with-sla",
    "common_paper/common-paper-professional-services-agreement",
    "common_paper/common-paper-business-associate-agreement",
)
DEPARTMENTS = (
    "Public Works",
    "Police",
    "Fire",
    "Library",
    "Parks and Recreation",
    "Finance",
    "Human Resources",
    "Community Development",
    "Digital Service and Open Government",
    "City Clerk",
    "City Attorney",
    "Economic Development",
)
PRODUCTS = (
    "Permit Portal",
    "Records Management",
    "Asset Management",
    "Payroll",
    "Body Camera Storage",
    "Library Catalog",
    "Recreation Booking",
    "Agenda Management",
    "Dispatch",
    "GIS Platform",
    "Help Desk",
    "Parking Citations",
    "Budget Planning",
    "Email Archive",
    "Fleet Telematics",
    "Document Signing",
    "Web Hosting",
    "Survey Tool",
)
VENDOR_WORDS = (
    "Acme",
    "Apex",
    "Bay",
    "Beacon",
    "Blue",
    "Bright",
    "Cedar",
    "Civic",
    "Clear",
    "Coastal",
    "Summit",
    "Delta",
    "Evergreen",
    "Golden",
    "Granite",
    "Harbor",
    "Horizon",
    "Iron",
    "Keystone",
    "Lighthouse",
    "Marin",
    "Meridian",
    "North",
    "Oak",
    "Pacific",
    "Peak",
    "Pioneer",
    "Redwood",
    "Sierra",
    "Silver",
    "Tamalpais",
    "Vista",
)
VENDOR_NOUNS = (
    "Software",
    "Systems",
    "Data",
    "Cloud",
    "Analytics",
    "Networks",
    "Solutions",
    "Technologies",
    "Labs",
    "Digital",
    "Logic",
    "Works",
    "Civic Tech",
    "Informatics",
    "Computing",
)
VENDOR_FORMS = ("Inc.", "LLC", "Corp.", "Ltd.", "Co.")
COMMENTS = (
    "Asked the vendor for their SOC 2 report.",
    "Legal to review the indemnity wording.",
    "The department says the renewal notice works for them.",
    "Insurance certificate received.",
    "See the redline sent on Friday.",
    "Cap is acceptable given the contract value.",
    "Vendor agreed to California law in the order form.",
    "Waiting for the data processing addendum.",
)
# (status, weight) by how long ago the case was submitted: recent cases are open, old ones decided
STATUS_MIX = (
    (30, {"submitted": 35, "in_review": 45, "changes_requested": 15, "approved": 5}),
    (
        120,
        {
            "submitted": 4,
            "in_review": 26,
            "changes_requested": 18,
            "approved": 35,
            "approved_with_conditions": 12,
            "rejected": 5,
        },
    ),
    (10_000, {"in_review": 2, "changes_requested": 4, "approved": 62, "approved_with_conditions": 22, "rejected": 10}),
)
DECIDED = {"approved", "approved_with_conditions", "rejected", "changes_requested"}
DISPOSITIONS = {"accept": 50, "flag": 25, "waive": 10, "false_positive": 15}


# --- harvest ---------------------------------------------------------------------------------------------------


def pick_contracts(corpus: Path) -> list[Path]:
    pdfs = sorted(
        p for p in (corpus / "cuad" / "full_contract_pdf").glob("**/*.pdf") if p.parent.name in CUAD_CATEGORIES
    )
    chosen = [pdfs[round(i * (len(pdfs) - 1) / (CUAD_PICK - 1))] for i in range(CUAD_PICK)]
    return chosen + [corpus / "saas_templates" / form / "template.docx" for form in FORMS]


def harvest(corpus: Path, fresh: bool) -> list[dict[str, Any]]:
    """Each contract's file, clauses and findings, as the services store them; reviewed once, then cached."""
    if CACHE.exists() and not fresh:
        return list(json.loads(CACHE.read_text()))
    from review.policy.rules import load_rules

    rules = load_rules()
    contracts = []
    start = time.perf_counter()
    for path in pick_contracts(corpus):
        [reviewed] = services.review_files([path], INTAKE, rules=rules)
        report = reviewed.report
        clauses = [
            _columns(r, ClauseRecord, drop={"case_id", "document_id"}) for r in services._clause_records(0, 0, report)
        ]
        findings = [
            _columns(services._finding_record(0, 1, 0, f), FindingRecord, drop={"case_id", "version", "document_id"})
            for f in report.findings
        ]
        name = path.parent.name + ".docx" if path.name == "template.docx" else path.name
        contracts.append(
            {
                "path": str(path),
                "name": name,
                "sha256": hashlib.sha256(reviewed.data).hexdigest(),
                "format": report.document.format,
                "pages": len(report.document.pages),
                "types": " " + " ".join(sorted(report.analysis.found)) + " ",
                "text": report.document.text,
                "clauses": clauses,
                "findings": findings,
            }
        )
        print(f"  harvested {name[:60]}: {len(clauses)} clauses, {len(findings)} findings", flush=True)
    print(f"harvest: {len(contracts)} contracts reviewed in {time.perf_counter() - start:.0f} s, cached in {CACHE}")
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_text(json.dumps(contracts))
    return contracts


def _columns(record: Base, model: type[Base], drop: set[str]) -> dict[str, Any]:
    names = [c.key for c in model.__table__.columns if c.key not in drop | {"id", "row_version"}]
    return {name: getattr(record, name) for name in names if getattr(record, name) is not None}


# --- synthetic load --------------------------------------------------------------------------------------------


@dataclass
class Loaded:
    seconds: float
    rows: dict[str, int]
    big_case: int


class Loader:
    """Synthetic cases as rows, with explicit ids so that the rows of a batch can refer to each other."""

    def __init__(self, contracts: list[dict[str, Any]], users: dict[str, dict[int, str]], seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.contracts = contracts
        self.users = {role: list(people) for role, people in users.items()}
        self.names = {user_id: name for people in users.values() for user_id, name in people.items()}
        self.vendors = self._vendors(800)
        self.ids: Counter[str] = Counter()
        self.previous_hash = audit.GENESIS
        self.rows: dict[Table, list[dict[str, Any]]] = {}
        self.now = datetime.now(UTC).replace(microsecond=0)

    def _vendors(self, count: int) -> list[str]:
        names: set[str] = set()
        while len(names) < count:
            words = self.rng.sample(VENDOR_WORDS, self.rng.choice((1, 1, 2)))
            names.add(f"{' '.join(words)} {self.rng.choice(VENDOR_NOUNS)} {self.rng.choice(VENDOR_FORMS)}")
        return sorted(names)

    def _id(self, table: str) -> int:
        self.ids[table] += 1
        return self.ids[table]

    def _add(self, model: type[Base], row: dict[str, Any]) -> dict[str, Any]:
        self.rows.setdefault(model.__table__, []).append(row)  # type: ignore[arg-type]
        return row

    def _event(self, at: datetime, actor: str, action: str, case_id: int, payload: dict[str, Any]) -> None:
        digest = audit.chain_hash(self.previous_hash, audit.event_content(at, actor, action, case_id, payload))
        self._add(
            AuditEvent,
            {
                "id": self._id("audit"),
                "at": at,
                "actor": actor,
                "action": action,
                "case_id": case_id,
                "payload": payload,
                "previous_hash": self.previous_hash,
                "hash": digest,
            },
        )
        self.previous_hash = digest

    def case(self, submitted: datetime, findings: list[dict[str, Any]] | None = None, status: str = "") -> int:
        """One case and everything under it; `findings` (one version) overrides the harvested contract's."""
        rng = self.rng
        age = (self.now - submitted).days
        mix = next(weights for days, weights in STATUS_MIX if age < days)
        status = status or rng.choices(list(mix), weights=list(mix.values()))[0]
        contract = max(self.contracts, key=lambda c: len(c["clauses"])) if findings else rng.choice(self.contracts)
        department = rng.choice(DEPARTMENTS)
        requester = rng.choice(self.users["requester"])
        reviewer = rng.choice(self.users["reviewer"])
        versions = 1 if findings is not None or rng.random() < 0.7 else 2
        updated = min(self.now, submitted + timedelta(days=rng.uniform(0.5, 60)))
        case_id = self._id("case")
        intake = asdict(
            Intake(
                department,
                rng.choice(self.vendors),
                rng.choice(PRODUCTS),
                annual_cost=rng.choice((5000, 12000, 25000, 50000, 120000, 400000)),
                term_months=rng.choice((12, 24, 36, 60)),
                hosting=rng.choice(("saas", "on_premises")),
                data=tuple(rng.sample(("personal", "payments", "police", "health"), rng.randint(0, 2))),
            )
        )
        self._add(
            Case,
            {
                "id": case_id,
                "vendor": intake["vendor"],
                "department": department,
                "product": intake["product"],
                "intake": {**intake, "data": list(intake["data"]), "components": []},
                "status": status,
                "submitted_by_id": requester,
                "submitted_at": submitted,
                "updated_at": updated,
                "row_version": 1,
            },
        )
        self._event(submitted, self.names[requester], "submit", case_id, {"version": 1})
        previous: list[dict[str, Any]] = []
        for version in range(1, versions + 1):
            at = submitted if version == 1 else submitted + (updated - submitted) / 2
            latest = version == versions
            document_id = self._id("document")
            self._add(
                DocumentVersion,
                {
                    "id": document_id,
                    "case_id": case_id,
                    "version": version,
                    "file_name": contract["name"],
                    "sha256": contract["sha256"],
                    "format": contract["format"],
                    "pages": contract["pages"],
                    "types": contract["types"],
                    "added_by_id": requester,
                    "added_at": at,
                    "text": contract["text"],
                },
            )
            for clause in contract["clauses"]:
                self._add(
                    ClauseRecord, {**clause, "id": self._id("clause"), "case_id": case_id, "document_id": document_id}
                )
            source = findings if findings is not None else contract["findings"][1 if version > 1 else 0 :]
            share = 1.0 if status in DECIDED and latest else 0.5 if status != "submitted" else 0.0
            records = []
            for index, finding in enumerate(source):
                row = {
                    **finding,
                    "id": self._id("finding"),
                    "case_id": case_id,
                    "version": version,
                    "document_id": document_id,
                    "row_version": 1,
                }
                if previous:
                    old = previous[index + 1]
                    row |= {
                        "change": "persisting",
                        "previous_id": old["id"],
                        "disposition": old.get("disposition"),
                        "reason": old.get("reason"),
                        "disposed_by_id": old.get("disposed_by_id"),
                        "disposed_at": old.get("disposed_at"),
                    }
                if not row.get("disposition") and rng.random() < share:
                    action = rng.choices(list(DISPOSITIONS), weights=list(DISPOSITIONS.values()))[0]
                    row |= {
                        "disposition": action,
                        "disposed_by_id": reviewer,
                        "disposed_at": updated,
                        "reason": "Accepted risk, see the memo." if action in ("waive", "false_positive") else None,
                    }
                records.append(self._add(FindingRecord, row))
            previous = records
            if version > 1:
                self._event(at, self.names[requester], "add_version", case_id, {"version": version})
        if status != "submitted":
            self._event(submitted + timedelta(hours=4), self.names[reviewer], "start_review", case_id, {})
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            on = rng.choice(previous)["id"] if previous and rng.random() < 0.5 else None
            self._add(
                CommentRecord,
                {
                    "id": self._id("comment"),
                    "case_id": case_id,
                    "finding_id": on,
                    "author_id": reviewer,
                    "text": rng.choice(COMMENTS),
                    "at": updated,
                },
            )
        if status in DECIDED:
            decider = rng.choice(self.users["approver"])
            self._add(
                DecisionRecord,
                {
                    "id": self._id("decision"),
                    "case_id": case_id,
                    "version": versions,
                    "decision": status,
                    "note": ""
                    if status != "approved_with_conditions"
                    else "Cyber insurance certificate before signature.",
                    "decided_by_id": decider,
                    "at": updated,
                },
            )
            self._event(updated, self.names[decider], "decide", case_id, {"decision": status})
        return case_id

    def flush(self, connection: Connection) -> dict[str, int]:
        """Insert the rows collected so far, parents before children, one executemany a table."""
        counts = {}
        for table in Base.metadata.sorted_tables:
            rows = self.rows.pop(table, [])
            if rows:
                if table.name == "findings":  # a persisting finding refers to its version-1 row
                    rows.sort(key=lambda r: r["version"])
                keys = set().union(*rows)  # executemany wants every row to name the same columns
                connection.execute(insert(table), [{key: row.get(key) for key in keys} for row in rows])
                counts[table.name] = len(rows)
        return counts


def load(store: Store, contracts: list[dict[str, Any]], cases: int) -> Loaded:
    start = time.perf_counter()
    users = add_users(store)
    loader = Loader(contracts, users)
    rows: Counter[str] = Counter()
    with store.engine.begin() as connection:
        last = connection.execute(select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).one()
        loader.ids["audit"], loader.previous_hash = last.id, last.hash  # the chain goes on from the add_user events
        files = [
            {"sha256": c["sha256"], "size": len(data), "data": data}
            for c in contracts
            for data in [Path(c["path"]).read_bytes()]
        ]
        connection.execute(insert(ContractFile), files)
    rows["contract_files"] = len(contracts)
    first = loader.now - timedelta(days=3 * 365)
    times = sorted(first + timedelta(seconds=loader.rng.uniform(0, 3 * 365 * 86400)) for _ in range(cases))
    for batch in range(0, cases, BATCH):
        with store.engine.begin() as connection:
            for submitted in times[batch : batch + BATCH]:
                loader.case(submitted)
            rows.update(loader.flush(connection))
        if batch and batch % 2000 == 0:
            print(f"  {batch} cases, {time.perf_counter() - start:.0f} s", flush=True)
    pool = [f for c in contracts for f in c["findings"]]
    many = [{**pool[i % len(pool)], "key": f"{pool[i % len(pool)]['key']}-{i}"} for i in range(BIG_CASE_FINDINGS)]
    with store.engine.begin() as connection:
        big_case = loader.case(loader.now - timedelta(days=3), findings=many, status="in_review")
        rows.update(loader.flush(connection))
    if store.dialect == "postgresql":
        with store.engine.connect() as connection:
            for table, column in (
                ("cases", "id"),
                ("document_versions", "id"),
                ("clauses", "id"),
                ("findings", "id"),
                ("comments", "id"),
                ("decisions", "id"),
                ("audit_events", "id"),
            ):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                        f"(SELECT max({column}) FROM {table}))"
                    )
                )
            connection.commit()
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    rows["users"] = sum(map(len, users.values()))
    with store.engine.connect() as connection:
        assert (
            connection.scalar(
                select(func.count())
                .select_from(FindingRecord)
                .where(FindingRecord.case_id == big_case, FindingRecord.version == 1)
            )
            == BIG_CASE_FINDINGS
        )
    return Loaded(time.perf_counter() - start, dict(rows), big_case)


def add_users(store: Store) -> dict[str, dict[int, str]]:
    """An admin, two requesters a department, reviewers and approvers, added through the services."""
    services.add_user(store, "admin", "admin")
    names = {
        "requester": [f"requester{i}" for i in range(2 * len(DEPARTMENTS))],
        "reviewer": [f"reviewer{i}" for i in range(8)],
        "approver": [f"approver{i}" for i in range(3)],
    }
    for role, people in names.items():
        for name in people:
            services.add_user(store, name, role, actor="admin")
    with store.engine.connect() as connection:
        ids = dict(connection.execute(select(User.name, User.id)).all())
    return {role: {ids[name]: name for name in people} for role, people in names.items()}


# --- measure ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    label: str
    target: str  # a key of TARGETS
    rows: int  # cases found, or findings of the opened case
    runs: int
    median: float
    p95: float


def measure(store: Store, loaded: Loaded, runs: int, rule: str, phrase: str) -> list[Timing]:
    """Each query warmed up once, then timed `runs` times (3 times when the warm-up took over a second)."""
    search = partial(queries.search, store)
    calls: list[tuple[str, str, Callable[[], Any]]] = [
        ("queue, first page", "queue", partial(queries.list_cases, store)),
        ("queue, status=in_review", "queue", partial(queries.list_cases, store, status="in_review")),
        ("search 'indemnify'", "search", partial(search, "indemnify")),
        (f"search '{phrase}' (two rarer words)", "search", partial(search, phrase)),
        (f"search 'indemnify' + {DEPARTMENTS[0]}", "search", partial(search, "indemnify", department=DEPARTMENTS[0])),
        (
            "search clause_type=limitation_of_liability",
            "search",
            partial(search, clause_type="limitation_of_liability"),
        ),
        (f"search rule={rule}", "search", partial(search, rule=rule)),
        ("search 'agreement' (in most contracts)", "search", partial(search, "agreement")),
        ("search 'indemnfy' (a typo: no match)", "search", partial(search, "indemnfy")),
        ("search clause_type=cjis (in no case)", "search", partial(search, clause_type="cjis")),
        (
            f"open_case({loaded.big_case}), {BIG_CASE_FINDINGS} findings",
            "open",
            partial(queries.open_case, store, loaded.big_case),
        ),
    ]
    results = []
    for label, target, call in calls:
        start = time.perf_counter()
        found = call()
        repeat = runs if time.perf_counter() - start < 1 else 3
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            call()
            times.append(time.perf_counter() - start)
        times.sort()
        rows = len(found.findings) if target == "open" else len(found)
        results.append(
            Timing(label, target, rows, repeat, statistics.median(times), times[math.ceil(0.95 * repeat) - 1])
        )
    return results


def report(name: str, loaded: Loaded, results: list[Timing], size: str) -> None:
    rows = ", ".join(f"{table} {count:,}" for table, count in sorted(loaded.rows.items()))
    print(f"\n{name}: loaded in {loaded.seconds:.0f} s ({size}); rows: {rows}")
    print(f"  load average while measuring: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
    print(f"  {'query':<52} {'found':>5} {'runs':>4} {'median':>9} {'p95':>9}  target")
    for t in results:
        limit = TARGETS[t.target]
        verdict = "PASS" if t.p95 < limit else "MISS"
        figures = f"{t.rows:>5} {t.runs:>4} {1000 * t.median:7.1f}ms {1000 * t.p95:7.1f}ms"
        print(f"  {t.label:<52} {figures}  {verdict} < {1000 * limit:.0f} ms")


def pick_words(contracts: list[dict[str, Any]]) -> tuple[str, str]:
    """The most common rule among the harvested findings, and a two-word phrase found in only a few contracts."""
    rule = Counter(f["rule"] for c in contracts for f in c["findings"]).most_common(1)[0][0]
    phrase = "source code escrow"
    for candidate in ("liquidated damages", "escrow agent", "most favored", "source code"):
        holding = sum(any(candidate in cl["text"].lower() for cl in c["clauses"]) for c in contracts)
        if 0 < holding <= 3:
            phrase = candidate
            break
    return rule, phrase


@contextmanager
def postgres_database(server: str) -> Iterator[str]:
    """A throwaway database, dropped (WITH FORCE) when the block ends however it ends."""
    admin = create_engine(f"{server}/test", isolation_level="AUTOCOMMIT")
    name = f"bench_store_{secrets.token_hex(4)}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{server}/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run(
    name: str, url: str, contracts: list[dict[str, Any]], args: argparse.Namespace, size: Callable[[], str]
) -> None:
    rule, phrase = pick_words(contracts)
    with Store(url) as store:
        loaded = load(store, contracts, args.cases)
        report(name, loaded, measure(store, loaded, args.runs, rule, phrase), size())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pg-server", default=PG_SERVER, help="a PostgreSQL server URL, without the database")
    parser.add_argument("--fresh-harvest", action="store_true", help=f"review the contracts again, not {CACHE}")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the throwaway database is dropped
    contracts = harvest(args.corpus, args.fresh_harvest)
    print(
        f"{len(contracts)} contracts: {sum(len(c['clauses']) for c in contracts)} clauses, "
        f"{sum(len(c['findings']) for c in contracts)} findings; {args.cases:,} cases + 1 with "
        f"{BIG_CASE_FINDINGS} findings, {args.runs} runs a query",
        flush=True,
    )
    if args.db in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "reviews.sqlite3"
            run("SQLite", f"sqlite:///{path}", contracts, args, lambda: f"{path.stat().st_size / 1e6:,.0f} MB file")
    if args.db in ("postgresql", "both"):
        with postgres_database(args.pg_server) as url:
            database = url.rsplit("/", 1)[1]

            def size() -> str:
                engine = create_engine(url)
                with engine.connect() as connection:
                    found = connection.scalar(text(f"SELECT pg_database_size('{database}')")) or 0
                engine.dispose()
                return f"{found / 1e6:,.0f} MB database"

            run("PostgreSQL", url, contracts, args, size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

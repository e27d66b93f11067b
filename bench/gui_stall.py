"""Does the desktop app's window stay responsive while a long contract is analysed, and how fast does it open?

    python bench/gui_stall.py [--pdf PATH] [--runs 3] [--preload] [--startup-runs 3]
                              [--display offscreen|xvfb|both] [--skip-stall] [--skip-startup] [--trace]

Targets (the issue): the longest event-loop stall while a 100-page contract is analysed is under 100 ms; start-up
to a usable window is under 2 s, spaCy loading later, off the GUI thread.

1. Stall. A fresh process builds the real MainWindow (gui/main_window.py) on a temporary SQLite store with the users
   of tests/gui/conftest.py, acting as dee (requester), and submits the contract through the submit panel's own
   code path (add_files, the intake form's fields, submit()) `--runs` times in a row, "Submit another" between
   runs; after each, the user opens the case (the Case section), as Ctrl+3 does. Without `--preload` the first run
   loads spaCy's pipeline and the rules in the worker; with it, they are loaded first, as gui.app.main does at
   start-up. A QTimer fires every 5 ms on the GUI thread (PreciseTimer) and keeps each tick's perf_counter(): the
   gaps between ticks, from submit() until the case is shown and every job is done (plus 0.5 s of painting), are
   the stalls a user feels. Printed per run: the analysis time (submit() to the job's result on the GUI thread),
   the time to the summary and to the shown case, the longest gap, p99, the gaps over 50 and over 100 ms, and the
   longest gap of each phase: analysis (services.submit_case on the worker), summary (queries.open_case, the
   pre-check drawn), case (the case panel's load_case job, then its findings, outline and PDF pages shown).
   `--trace` also times garbage collections (the collector holds the GIL: every thread waits), the GUI-thread
   slots and the worker's stages, and says what overlapped each gap over 50 ms. A gap that no GUI slot explains
   is the GUI thread waiting for the GIL.
2. Start-up, `python main.py` semantics: a fresh process runs main.py (gui.app.main) on an existing store with
   users (CONTRACT_REVIEW_DB: a temporary sqlite URL; QSettings in a temporary IniFormat folder; HOME temporary).
   The clock starts before the process is spawned and stops at a QTimer.singleShot(0) queued when the window is
   built (it fires once show() is done and the event loop idles); "ready" when its panels are built on the store,
   which opens on a worker meanwhile (the window's usable moment). Also timed: the preload job (spaCy and the
   rules, on the worker) and the longest GUI stall while it runs. Cold runs drop the page cache first (root
   only); warm runs follow each other. A last run under `python -X importtime` sums the import time of the
   packages loaded before the window showed, and says whether spaCy was among them and on which thread.

`--display xvfb` runs the children under xvfb-run (a real X server: `apt-get install xvfb`); offscreen is the default.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_PDF = (
    ROOT.parent
    / "shared/corpus/cuad/full_contract_pdf/Part_I/Service"
    / "VerizonAbsLlc_20200123_8-K_EX-10.4_11952335_EX-10.4_Service Agreement.pdf"
)  # 106 pages: of the CUAD PDFs with at least 100 pages, the nearest to 100
ROLES = (("ana", "admin"), ("dee", "requester"), ("rui", "reviewer"), ("pat", "approver"))
MARK = "RESULT "  # a child's JSON result line on stdout
NAN = float("nan")


# --- shared helpers ---------------------------------------------------------------------------------------------


def add_users(url: str) -> None:
    from review.store.unit_of_work import Store
    from review.workflow import services

    with Store(url) as store:
        (admin, _), *others = ROLES
        services.add_user(store, admin, "admin")
        for name, role in others:
            services.add_user(store, name, role, actor=admin)


def isolate_settings(folder: Path) -> None:
    """QSettings in `folder`, never the real user's."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


class TickMonitor:
    """A 5 ms PreciseTimer on the GUI thread; the gaps between its ticks are the event loop's stalls."""

    def __init__(self, interval_ms: int) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.interval_ms = interval_ms
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.ticks: list[float] = []

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self.timer.start(self.interval_ms)

    def stop(self) -> None:
        self.timer.stop()
        self.ticks.append(time.perf_counter())

    def gaps(self, start: float = 0.0, end: float = float("inf")) -> list[tuple[float, float]]:
        """(tick, next tick) pairs that end after `start` and begin before `end`."""
        return [(a, b) for a, b in zip(self.ticks, self.ticks[1:], strict=False) if b > start and a < end]


def gap_stats(gaps: list[tuple[float, float]]) -> dict[str, float]:
    sizes = sorted(1000 * (b - a) for a, b in gaps) or [0.0]
    return {
        "max_ms": sizes[-1],
        "p99_ms": sizes[min(len(sizes) - 1, int(0.99 * len(sizes)))],
        "over50": sum(1 for size in sizes if size > 50),
        "over100": sum(1 for size in sizes if size > 100),
        "ticks": len(sizes),
    }


class Trace:
    """Spans (label, thread, start, end) of wrapped callables and garbage collections, to explain the gaps."""

    def __init__(self) -> None:
        self.spans: list[tuple[str, str, float, float]] = []

    def wrap(self, owner: Any, name: str, label: str, thread: str) -> None:
        """Time `owner.name` where it is looked up at call time (an instance's slot, a module's function)."""
        original = getattr(owner, name, None)
        if original is None:
            return  # renamed since: the trace says less, the measurement is the same

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.spans.append((label, thread, start, time.perf_counter()))

        setattr(owner, name, timed)

    def watch_gc(self) -> None:
        import gc
        import threading

        started: dict[int, float] = {}

        def collected(phase: str, info: dict[str, int]) -> None:
            thread = threading.get_ident()
            if phase == "start":
                started[thread] = time.perf_counter()
            elif thread in started:
                where = "gui" if threading.current_thread() is threading.main_thread() else "worker"
                self.spans.append((f"gc{info['generation']}", where, started.pop(thread), time.perf_counter()))

        gc.callbacks.append(collected)

    def during(self, a: float, b: float) -> str:
        """What overlapped [a, b]: 'label[thread] overlap/own ms', longest overlap first."""
        found = [(min(b, end) - max(a, start), label, thread, end - start) for label, thread, start, end in self.spans]
        found = sorted((item for item in found if item[0] > 0.002), reverse=True)
        return ", ".join(f"{label}[{thread}] {1000 * o:.0f}/{1000 * own:.0f}" for o, label, thread, own in found) or "-"


def wait_until(condition: Callable[[], bool], timeout: float) -> bool:
    """Run the event loop (not processEvents: the loop must behave as in the app) until `condition` holds."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    checker = QTimer()
    checker.timeout.connect(lambda: loop.quit() if condition() else None)
    checker.start(10)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(int(timeout * 1000))
    if not condition():
        loop.exec()
    checker.stop()
    deadline.stop()
    return condition()


# --- 1. the stall while a contract is analysed ------------------------------------------------------------------


def stall_child(args: argparse.Namespace) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    folder = Path(tempfile.mkdtemp(prefix="gui_stall_"))
    isolate_settings(folder / "settings")

    from gui.main_window import MainWindow
    from gui.settings import AppSettings
    from gui.workers import TaskRunner
    from review.store.unit_of_work import Store

    url = f"sqlite:///{folder / 'r.sqlite3'}"
    add_users(url)
    store = Store(url)
    window = MainWindow(AppSettings(user="dee"), TaskRunner(), store=store)
    window.show()
    runner = window.runner
    wait_until(lambda: window.context is not None and not window.context.runner.running, 60)
    if args.preload:  # as gui.app.main does right after show(): spaCy and the rules load before the first submit
        from gui.app import preload

        runner.run(preload)
        wait_until(lambda: not runner.running, 120)
    errors: list[str] = []
    window.banner.show_error = lambda error: errors.append(repr(error))  # type: ignore[method-assign]
    trace = Trace()
    if args.trace:
        trace_stages(trace, window)
    monitor = TickMonitor(args.interval_ms)
    runs = []
    for number in range(1, args.runs + 1):
        runs.append(one_submission(number, window, Path(args.pdf), monitor, trace, errors))
        if errors:
            break
    window.close()
    store.close()
    shutil.rmtree(folder, ignore_errors=True)
    app.quit()
    return {"platform": app.platformName(), "preload": args.preload, "runs": runs, "errors": errors}


def trace_stages(trace: Trace, window: Any) -> None:
    """Time the GUI slots a submission goes through and the worker's stages (diagnosis only)."""
    import gui.case_panel
    import review
    import review.extract.analysis
    import review.ingest
    import review.workflow.services as services

    trace.watch_gc()
    panel, case_panel = window.submit_panel, window.case_panel
    document_view = case_panel.document_view
    gui_slots = [(panel, "_stored"), (panel, "_show_summary"), (panel, "submit"), (case_panel, "open_case"),
                 (case_panel, "_loaded"), (case_panel, "_update_header"), (case_panel, "_select"),
                 (case_panel.tree, "expandAll"), (document_view, "show_document"), (document_view, "_open_pdf"),
                 (document_view.outline_view, "expandAll"), (document_view.pdf_view, "set_document"),
                 (document_view.pdf_view, "page_image"), (window.queue_panel, "_loaded"),
                 (window.sections, "setCurrentRow")]  # fmt: skip
    for owner, name in gui_slots:
        label = f"{type(owner).__name__}.{name.lstrip('_')}"
        trace.wrap(owner, name, label, "gui")
    for module, name in ((review.ingest, "open_document"), (review.extract.analysis, "analyse"),
                         (services, "check"), (services, "_store_version"), (gui.case_panel, "load_case"),
                         (review, "read_bytes"), (review, "segment")):  # fmt: skip
        trace.wrap(module, name, name.lstrip("_"), "worker")


def one_submission(number: int, window: Any, pdf: Path, monitor: TickMonitor, trace: Trace,
                   errors: list[str]) -> dict[str, Any]:  # fmt: skip
    from gui.main_window import CASE, SUBMIT
    from review.workflow import services

    panel = window.submit_panel
    if panel.case is not None:
        panel.submit_another()
    window.sections.setCurrentRow(SUBMIT)
    form = panel.form
    form.department.setEditText("Public Works")
    form.vendor.setText("Verizon")
    form.product.setText(f"Service agreement, run {number}")
    form.annual_cost.setText("$50,000")
    form.term_months.setText("36")
    for box in (form.data["personal"], form.data["payments"], form.public_facing):
        box.setChecked(True)
    # Each run its own bytes (a comment after the end of the PDF), so each is read afresh: the library keeps
    # the documents it read a moment ago.
    fresh = Path(tempfile.mkdtemp()) / pdf.name
    fresh.write_bytes(pdf.read_bytes() + f"\n% run {number} {time.time()}\n".encode())
    panel.add_files([fresh])
    if not panel.submit_button.isEnabled():
        raise SystemExit(f"Submit is not enabled: {form.intake()} {panel.files()}")

    marks: dict[str, float] = {}
    case_id: list[int] = []

    def job_done(_: object) -> None:  # delivered on the GUI thread, as the panel's own done= callback is
        marks.setdefault("done", time.perf_counter())

    def submitted(number: int) -> None:
        case_id.append(number)

    jobs = window.context.runner  # the panels' jobs (the window's own runner opens stores and preloads)

    def idle() -> bool:
        return bool(case_id) and not jobs.running

    def case_shown() -> bool:
        case = window.case_panel.case
        return idle() and case is not None and case.id == case_id[0]

    panel.submitted.connect(submitted)
    trace.spans.clear()
    monitor.start()
    start = time.perf_counter()
    panel.submit()
    for task in jobs.running:
        if task.function is services.submit_case:
            task.signals.done.connect(job_done)
    ok = wait_until(lambda: idle() or bool(errors), 600)
    summary_shown = opened = time.perf_counter()
    if ok and not case_shown():  # the user opens the case (Ctrl+3), unless the window has opened it already
        wait_until(lambda: False, 0.2)
        opened = time.perf_counter()
        window.sections.setCurrentRow(CASE)
    ok = ok and wait_until(lambda: case_shown() or bool(errors), 600)
    loaded = time.perf_counter()
    wait_until(lambda: False, 0.5)  # what the shown case costs the next paints
    monitor.stop()
    panel.submitted.disconnect(submitted)  # only ours: the window's own connection stays
    done = marks.get("done", summary_shown)
    gaps = monitor.gaps(start)
    return {
        "run": number,
        "ok": ok and not errors,
        "analysis_s": done - start,
        "summary_s": summary_shown - done,
        "case_s": loaded - opened,
        "all": gap_stats(gaps),
        "phases": {
            "analysis": gap_stats(monitor.gaps(start, done)),
            "summary": gap_stats(monitor.gaps(done, summary_shown)),
            "case": gap_stats(monitor.gaps(summary_shown)),
        },
        "long_gaps": [
            {"at_s": a - start, "ms": 1000 * (b - a), "during": trace.during(a, b)} for a, b in gaps if b - a > 0.05
        ],
    }


def print_stall(result: dict[str, Any], trace: bool) -> None:
    loading = "spaCy preloaded" if result["preload"] else "run 1 loads spaCy in the worker"
    print(f"\n[stall, platform {result['platform']}, {loading}]  (gaps between 5 ms ticks; target: longest < 100 ms)")
    print(f"{'run':>3} {'analysis':>9} {'summary':>8} {'case':>6} {'longest':>8} {'p99':>6} {'>50ms':>5} "
          f"{'>100ms':>6}   longest gap in analysis / summary / case")  # fmt: skip
    for run in result["runs"]:
        every, phase = run["all"], run["phases"]
        print(f"{run['run']:>3} {run['analysis_s']:8.2f}s {run['summary_s']:7.2f}s {run['case_s']:5.2f}s "
              f"{every['max_ms']:6.0f}ms {every['p99_ms']:4.0f}ms {every['over50']:>5} {every['over100']:>6}   "
              f"{phase['analysis']['max_ms']:.0f} / {phase['summary']['max_ms']:.0f} / {phase['case']['max_ms']:.0f} ms"
              + ("" if run["ok"] else "  NOT FINISHED"))  # fmt: skip
        if trace:
            for gap in run["long_gaps"]:
                print(f"      {gap['ms']:4.0f} ms gap at {gap['at_s']:5.2f}s: {gap['during']}")
    for error in result["errors"]:
        print(f"  error: {error}")


# --- 2. start-up ------------------------------------------------------------------------------------------------


def startup_child(args: argparse.Namespace) -> dict[str, Any]:
    """Run main.py as `python main.py` does; time the window shown and idle, then the preload after it."""
    import runpy
    import threading

    marks: dict[str, Any] = {}

    class SpacyWatch:
        """A meta path finder that finds nothing: it notes which thread imports spaCy first."""

        @staticmethod
        def find_spec(name: str, *_: Any) -> None:
            if name == "spacy" and "spacy_thread" not in marks:
                marks["spacy_thread"] = "gui" if threading.current_thread() is threading.main_thread() else "worker"

    sys.meta_path.insert(0, SpacyWatch)  # type: ignore[arg-type]
    import gui.app as app_module  # main.py's first import: importing it here first changes no cost

    real_window, real_preload = app_module.MainWindow, app_module.preload
    trace = Trace()
    if args.trace:
        trace.watch_gc()

    def preload() -> None:
        start = time.perf_counter()
        real_preload()
        trace.spans.append(("preload", "worker", start, time.perf_counter()))
        marks["preload_end"] = time.time()

    def window_factory(*given: Any, **named: Any) -> Any:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        window = real_window(*given, **named)
        marks["spacy_before_show"] = marks.get("spacy_thread", "")
        marks["modules_before_show"] = sorted(sys.modules)
        monitor = TickMonitor(args.interval_ms)

        def idle() -> None:
            marks["idle"] = time.time()
            marks["visible"] = window.isVisible()
            # usable: the panels are built on the store, which opens on a worker while the window shows
            wait_until(lambda: getattr(window, "context", True) is not None, 60)
            marks["ready"] = time.time()
            monitor.start()
            if wait_until(lambda: "preload_end" in marks and not window.runner.running, 120):
                monitor.stop()
                marks["preload_stall"] = gap_stats(monitor.gaps())
                marks["long_gaps"] = [
                    f"{1000 * (b - a):.0f} ms: {trace.during(a, b)}" for a, b in monitor.gaps() if b - a > 0.05
                ]
            QApplication.quit()

        QTimer.singleShot(0, idle)  # queued before show(): fires when the event loop first idles
        return window

    app_module.MainWindow = window_factory  # type: ignore[misc]
    app_module.preload = preload
    sys.argv = [str(ROOT / "main.py")]
    with contextlib.suppress(SystemExit):
        runpy.run_path(str(ROOT / "main.py"), run_name="__main__")
    return marks


def drop_page_cache() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def spacy_by(result: dict[str, Any]) -> str:
    thread = result["spacy_before_show"]
    return {"": "no", "gui": "yes, on the GUI thread"}.get(thread, "yes, by a worker")


def run_startup(args: argparse.Namespace, display: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="gui_startup_"))
    url = f"sqlite:///{folder / 'r.sqlite3'}"
    add_users(url)
    (folder / "home").mkdir()
    settings = folder / "settings" / "City of San Rafael" / "Contract Review.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[General]\nuser=dee\n")  # a returning user: no first-run sample
    env = dict(os.environ, CONTRACT_REVIEW_DB=url, HOME=str(folder / "home"), XDG_CONFIG_HOME=str(folder / "config"),
               GUI_STALL_SETTINGS=str(folder / "settings"))  # fmt: skip
    print(f"\n[start-up, {display}]  (process spawned -> window shown and idle; -> its panels ready on the opened "
          "store; target < 2 s)")
    print(f"{'run':<7} {'to idle':>8} {'ready':>7} {'preload done':>13} {'longest stall in preload':>25}  "
          "spaCy imported before show")  # fmt: skip
    for kind in ("cold", "warm"):
        if kind == "cold" and not drop_page_cache():
            print("cold    skipped: the page cache cannot be dropped (root only)")
            continue
        for number in range(1, args.startup_runs + 1):
            if kind == "cold":
                drop_page_cache()
            result = child(args, "startup", display, env)
            spawned, stall = result["spawned"], result.get("preload_stall", {})
            print(f"{kind} {number:<2} {result['idle'] - spawned:7.2f}s {result['ready'] - spawned:6.2f}s "
                  f"{result.get('preload_end', NAN) - spawned:12.2f}s {stall.get('max_ms', NAN):22.0f} ms  "
                  f"{spacy_by(result)}")  # fmt: skip
            if args.trace and result.get("long_gaps"):
                print("        gaps while preloading: " + "; ".join(result["long_gaps"]))
    importtime(args, display, env)
    shutil.rmtree(folder, ignore_errors=True)


def importtime(args: argparse.Namespace, display: str, env: dict[str, str]) -> None:
    """Import time (each module's own, summed by top-level package) of what was imported before the window showed."""
    result = child(args, "startup", display, env, python_flags=["-X", "importtime"])
    before = set(result["modules_before_show"])
    costs: dict[str, int] = {}
    for line in result["stderr"].splitlines():
        parts = line.removeprefix("import time:").split("|")
        if not line.startswith("import time:") or len(parts) != 3 or not parts[0].strip().isdigit():
            continue
        name = parts[2].strip()
        if name in before:
            package = name.split(".")[0]
            costs[package] = costs.get(package, 0) + int(parts[0])
    total = sum(costs.values())
    top = sorted(costs.items(), key=lambda item: -item[1])[:8]
    to_idle = result["idle"] - result["spawned"]
    print(f"imports before show: {total / 1e6:.2f} s in all (-X importtime run, {to_idle:.2f} s to idle); by package: "
          + ", ".join(f"{name} {us / 1e6:.2f}" for name, us in top))  # fmt: skip
    print(f"  spaCy imported before show: {spacy_by(result)}; numpy: {'numpy' in before}; scipy: {'scipy' in before}")


# --- running the children ---------------------------------------------------------------------------------------


def child(args: argparse.Namespace, kind: str, display: str, env: dict[str, str] | None = None,
          python_flags: list[str] | None = None) -> dict[str, Any]:  # fmt: skip
    env = dict(env or os.environ)
    command = [sys.executable, *(python_flags or []), str(Path(__file__).resolve()), "--child", kind,
               "--pdf", str(args.pdf), "--runs", str(args.runs), "--interval-ms", str(args.interval_ms)]  # fmt: skip
    command += ["--trace"] if args.trace else []
    command += ["--preload"] if args.preload else []
    if display == "xvfb":
        env.pop("QT_QPA_PLATFORM", None)
        command = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", *command]
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    spawned = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    lines = [line for line in done.stdout.splitlines() if line.startswith(MARK)]
    if done.returncode != 0 or not lines:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"the {kind} child failed ({done.returncode})")
    result = json.loads(lines[-1].removeprefix(MARK))
    result["spawned"] = spawned
    result["stderr"] = done.stderr
    return result


def page_count(pdf: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--pdf", type=Path, default=DEFAULT_PDF, help="the long contract (default: 106 CUAD pages)")
    parser.add_argument("--runs", type=int, default=3, help="submissions in a row in one window")
    parser.add_argument("--preload", action="store_true", help="load spaCy and the rules first, as the app does")
    parser.add_argument("--startup-runs", type=int, default=3, help="cold and warm start-ups, each")
    parser.add_argument("--display", choices=("offscreen", "xvfb", "both"), default="offscreen")
    parser.add_argument("--interval-ms", type=int, default=5, help="the probe timer's interval")
    parser.add_argument("--skip-stall", action="store_true")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--trace", action="store_true", help="say what ran during each gap over 50 ms")
    parser.add_argument("--child", choices=("stall", "startup"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child == "stall":
        print(MARK + json.dumps(stall_child(args)), flush=True)
        return
    if args.child == "startup":
        isolate_settings(Path(os.environ["GUI_STALL_SETTINGS"]))
        print(MARK + json.dumps(startup_child(args)), flush=True)
        return

    displays = ["offscreen", "xvfb"] if args.display == "both" else [args.display]
    if "xvfb" in displays and shutil.which("xvfb-run") is None:
        raise SystemExit("xvfb-run is not installed (apt-get install xvfb)")
    print(f"contract: {args.pdf.name} ({page_count(args.pdf)} pages); Python {sys.version.split()[0]}, "
          f"switch interval {1000 * sys.getswitchinterval():.0f} ms, {os.cpu_count()} CPUs")  # fmt: skip
    for display in displays:
        if not args.skip_stall:
            print_stall(child(args, "stall", display), args.trace)
        if not args.skip_startup:
            run_startup(args, display)


if __name__ == "__main__":
    main()

"""Screenshots of every screen of the desktop app, taken from the app running for real under an X server.

    apt-get install -y xvfb libxcb-icccm4 libxcb-keysyms1        # once, as root, if missing
    xvfb-run -a .venv/bin/python bench/screenshots.py [--out DIR]

The app starts as `python main.py` would (gui/app.py), on a temporary SQLite store and with its settings in a
temporary folder (yours are not touched): the first run makes the sample users and the sample case (a CUAD
hosting agreement); the script adds a case the department submits through the submit screen (a CUAD PDF and,
when the shared corpus is there, a SaaS DOCX) and a case with two versions (decided "changes requested", then
the vendor's revision), and one rejected. It then saves, as PNG in DIR (default docs/screenshots/), the window
at 1280x800:

    01-submit-empty.png        02-submit-precheck.png     03-queue.png             04-search.png
    05-case-pdf.png            06-case-docx.png           07-decision-dialog.png   08-compare-dialog.png
    09-rules.png               10-dashboard.png           11-settings-dialog.png   12-error-banner.png
    13-case-200-percent.png    (the case view with the application font at twice its point size)

A dialog is shown over its window, where it opens. Windows are grabbed by Qt from the X server's platform
plugin (xcb, not offscreen), so fonts, styles and focus are the real ones; the image does not depend on the
size of Xvfb's screen. Takes about half a minute (spaCy loads once).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QFont, QImage, QPainter, QPixmap  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

DATA = ROOT / "tests" / "data"
CORPUS_DOCX = ROOT.parent / "shared" / "corpus" / "saas_templates" / "common_paper"
CORPUS_DOCX /= "common-paper-cloud-service-agreement/template.docx"
SIZE = (1280, 800)
TWO_VERSIONS_INTAKE = {
    "department": "Police",
    "vendor": "Skyline Records LLC",
    "product": "Records management",
    "annual_cost": 120000,
    "term_months": 36,
    "hosting": "saas",
    "data": ["personal", "police"],
    "public_facing": False,
    "critical": True,
    "custom_development": False,
}


def wait_until(condition: Callable[[], bool], seconds: float = 30, what: str = "") -> None:
    """Let the app run (its worker threads report through the event loop) until `condition` holds."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting for {what or condition}")
        QTest.qWait(20)


def settle(milliseconds: int = 300) -> None:
    """Let layouts, paints and queued signals finish."""
    QTest.qWait(milliseconds)


class Shooter:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.saved: list[Path] = []

    def save(self, name: str, window: QWidget, dialog: QWidget | None = None) -> None:
        """The window as grabbed by Qt, with `dialog` drawn over it where it shows on the screen."""
        settle()
        pixmap: QPixmap = window.grab()
        if dialog is not None:
            painter = QPainter(pixmap)
            at = dialog.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
            painter.drawPixmap(at, dialog.grab())
            painter.end()
        image = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)
        path = self.out / f"{name}.png"
        if not image.save(str(path), "PNG", 0):  # 0: smallest file
            raise OSError(f"could not write {path}")
        self.saved.append(path)
        print(f"{path}  {image.width()}x{image.height()}  {path.stat().st_size // 1024} KB", flush=True)


def focus_on(window: QWidget) -> None:
    window.activateWindow()
    window.raise_()
    wait_until(window.isActiveWindow, 5, "the window to be active")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots", help="folder for the PNG files")
    args = parser.parse_args(argv)
    if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb" or not os.environ.get("DISPLAY"):
        print("run under an X server: xvfb-run -a .venv/bin/python bench/screenshots.py", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="contract-review-shots-") as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # the user's own settings stay untouched
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(folder) / "settings"))
        return take(args.out, f"sqlite:///{Path(folder) / 'reviews.sqlite3'}")


def take(out: Path, url: str) -> int:
    from gui.app import install_translators, preload
    from gui.main_window import DASHBOARD, RULES, MainWindow
    from gui.settings import AppSettings
    from gui.settings_dialog import SettingsDialog
    from gui.workers import TaskRunner
    from review.workflow import queries, services

    app = QApplication([sys.argv[0], "-platform", "xcb"])
    install_translators(app, "en")  # as the app does: plural forms ("1 case", "2 cases")
    app.setOrganizationName("City of San Rafael")
    app.setApplicationName("Contract Review")
    shots = Shooter(out)
    runner = TaskRunner(parent=app)
    runner.run(preload)

    def window_for(user: str) -> MainWindow:
        window = MainWindow(AppSettings(database=url, user=user), runner, store=store)
        window.resize(*SIZE)
        window.move(0, 0)
        window.show()
        wait_until(lambda: window.context is not None, 30, "the database")
        focus_on(window)
        return window

    # --- the first run: the sample users and the sample case, as `python main.py` makes them
    first = MainWindow(AppSettings(database=url), runner)
    wait_until(lambda: first.store is not None, 30, "the database")
    store = first.store
    assert store is not None
    wait_until(lambda: bool(queries.list_cases(store)), 120, "the sample case")
    runner.wait()
    first.close()

    # --- a case with two versions: decided "changes requested", then the vendor's revision
    two = services.submit_case(store, [DATA / "contracts" / "cloud-services-v1.txt"], TWO_VERSIONS_INTAKE, actor="dee")
    for blocker in [f for f in queries.open_case(store, two).findings if f.severity == "blocker"]:
        services.dispose(store, two, blocker.id, "flag", actor="rui", expected_version=blocker.row_version)
    services.decide(store, two, "changes_requested", actor="rui", note="See the redline: sections 7 and 9.")
    services.add_version(store, two, [DATA / "contracts" / "cloud-services-v2.txt"], actor="dee")
    # --- and one decided for good, so the dashboard has a turnaround and an outcome
    parks = TWO_VERSIONS_INTAKE | {"department": "Parks"}
    rejected = services.submit_case(store, [DATA / "contracts" / "cloud-services-v2.txt"], parks, actor="dee")
    for blocker in [f for f in queries.open_case(store, rejected).findings if f.severity == "blocker"]:
        services.dispose(store, rejected, blocker.id, "flag", actor="rui", expected_version=blocker.row_version)
    services.decide(store, rejected, "rejected", actor="pat", note="The vendor will not host City data in the US.")

    # --- the department's submit screen, empty, then with the pre-check of what it submitted
    dee = window_for("dee")
    submit = dee.submit_panel
    shots.save("01-submit-empty", dee)
    form = submit.form
    QTest.keyClicks(form.department.lineEdit(), "Public Works")
    QTest.keyClicks(form.vendor, "DataCall Technologies")
    QTest.keyClicks(form.product, "Permit Portal")
    QTest.keyClicks(form.annual_cost, "$50,000")
    QTest.keyClicks(form.term_months, "36")
    QTest.keyClick(form.data["personal"], Qt.Key.Key_Space)
    QTest.keyClick(form.public_facing, Qt.Key.Key_Space)
    pdf = DATA / "cuad" / "DataCall-Content-License-Agreement.pdf"
    submit.add_files([pdf, CORPUS_DOCX] if CORPUS_DOCX.exists() else [pdf])
    submit.submit()
    wait_until(lambda: submit.summary_text() != "", 120, "the pre-check summary")
    assert submit.case is not None
    submitted = submit.case.id
    shots.save("02-submit-precheck", dee)
    runner.wait()
    dee.hide()

    # --- the reviewer's queue, and a search of every contract
    rui = window_for("rui")
    queue = rui.queue_panel
    wait_until(lambda: queue.model.rowCount() == 3, 30, "the queue")
    queue.table.setFocus()
    shots.save("03-queue", rui)
    queue.search_box.setFocus()
    QTest.keyClicks(queue.search_box, "indemnify")
    QTest.keyClick(queue.search_box, Qt.Key.Key_Return)
    wait_until(lambda: "match" in queue.count_label.text(), 30, "the search")
    queue.table.setFocus()
    shots.save("04-search", rui)
    queue.search_box.clear()

    # --- the case on its PDF, a quoted finding selected and highlighted; then on its DOCX
    rui.open_case(submitted)
    case_panel = rui.case_panel
    wait_until(lambda: case_panel.case is not None and bool(case_panel.files), 60, "the case")
    findings = case_panel.model.findings()
    on_pdf = next(f for f in findings if f.document == pdf.name and f.start is not None and f.severity != "info")
    case_panel.select_finding(on_pdf.id)
    view = case_panel.document_view
    wait_until(lambda: view.highlight_rect() is not None and view.visible_rect().intersects(view.highlight_rect()))
    case_panel.tree.setFocus()
    shots.save("05-case-pdf", rui)
    on_docx = next((f for f in findings if f.document == CORPUS_DOCX.name and f.severity == "blocker"), None)
    if on_docx is not None:
        case_panel.select_finding(on_docx.id)
        case_panel.tree.setFocus()
        shots.save("06-case-docx", rui)

    # --- the decision dialog, over the case
    case_panel.decide()
    dialog = case_panel.decision_dialog
    assert dialog is not None
    wait_until(dialog.isVisible)
    shots.save("07-decision-dialog", rui, dialog)
    dialog.reject()

    # --- the compare dialog, on the case with two versions
    rui.open_case(two)
    wait_until(lambda: case_panel.case is not None and case_panel.case.id == two and case_panel.case.version == 2)
    case_panel.compare()
    wait_until(lambda: case_panel.compare_dialog is not None and case_panel.compare_dialog.isVisible())
    compare = case_panel.compare_dialog
    assert compare is not None
    settle(500)
    shots.save("08-compare-dialog", rui, compare)
    compare.close()

    # --- the rules browser, the dashboard, the settings
    rui.sections.setCurrentRow(RULES)
    wait_until(lambda: rui.rules_panel.current_rule() is not None, 30, "the rules")
    shots.save("09-rules", rui)
    rui.sections.setCurrentRow(DASHBOARD)
    wait_until(lambda: rui.dashboard_panel.metrics is not None, 30, "the dashboard")
    rui.dashboard_panel.tabs.setCurrentIndex(2)  # findings by department and severity: the most telling
    shots.save("10-dashboard", rui)
    settings = SettingsDialog(rui.settings, queries.users(store), rui, runner=runner)
    settings.open()
    wait_until(settings.isVisible)
    shots.save("11-settings-dialog", rui, settings)
    settings.reject()

    # --- an error: a reviewer tries to accept a blocker (an approver's sign-off), and the library says so
    rui.open_case(submitted)
    wait_until(lambda: case_panel.case is not None and case_panel.case.id == submitted and bool(case_panel.files))
    blocker = next(f for f in case_panel.model.findings() if f.severity == "blocker" and f.disposition is None)
    case_panel.select_finding(blocker.id)
    focus_on(rui)
    case_panel.tree.setFocus()
    QTest.keyClick(case_panel.tree, Qt.Key.Key_A)
    wait_until(rui.banner.isVisible, 30, "the error banner")
    shots.save("12-error-banner", rui)
    runner.wait()
    rui.hide()

    # --- the case view at 200 % font size (a new window, as the app starts with the larger font)
    font = QFont(app.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    QApplication.setFont(font)
    big = window_for("rui")
    big.open_case(submitted)
    panel = big.case_panel
    wait_until(lambda: panel.case is not None and bool(panel.files), 60, "the case at 200 %")
    panel.select_finding(on_pdf.id)
    panel.tree.setFocus()
    shots.save("13-case-200-percent", big)

    runner.wait()
    for window in (big, rui, dee):
        window.close()
    print(f"{len(shots.saved)} screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

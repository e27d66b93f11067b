"""Two copies of the app on one PostgreSQL database, as two people on two computers: what one does is seen in
the other after a refresh (F5 in the case, the queue refreshed), and a finding both had on screen is never
overwritten: the second one to act is told who was first (E405) and shown it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.case_panel import CasePanel
from gui.case_table_model import CaseTableModel
from gui.finding_tree_model import DISPOSITION
from gui.main_window import MainWindow
from gui.settings import AppSettings
from gui.workers import TaskRunner
from review.store.unit_of_work import Store
from review.workflow import queries, services
from tests.conftest import DATA
from tests.gui.conftest import ROLES

QUICK = 15_000  # ms: a read or a write on the worker thread


@pytest.fixture
def shared_case(postgres_url: str) -> Iterator[tuple[str, int]]:
    """The database URL and a case the requester submitted (through the library: quicker than the screen)."""
    with Store(postgres_url) as store:
        (admin, _), *others = ROLES
        services.add_user(store, admin, "admin")
        for name, role in others:
            services.add_user(store, name, role, actor=admin)
        case_id = services.submit_case(
            store, [DATA / "contracts" / "cloud-services-v1.txt"], DATA / "intake" / "permit-portal.yaml", actor="dee"
        )
    yield postgres_url, case_id


def open_app(qtbot: QtBot, url: str, user: str) -> MainWindow:
    """One person's app: its own store (connection pool) on the shared database and its own thread pool."""
    window = MainWindow(AppSettings(database=url, user=user), TaskRunner(), store=Store(url))
    qtbot.addWidget(window)  # closing it closes its store
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.context is not None)  # the database is opened on a worker
    return window


def open_case(qtbot: QtBot, window: MainWindow, case_id: int) -> CasePanel:
    window.open_case(case_id)
    panel = window.case_panel
    qtbot.waitUntil(lambda: panel.case is not None and panel.case.id == case_id and bool(panel.files), timeout=QUICK)
    return panel


def undisposed_shown(window: MainWindow) -> str:
    queue = window.queue_panel
    return queue.proxy.index(0, CaseTableModel.OPEN).data()


def test_two_instances_see_each_others_changes_after_refresh(qtbot: QtBot, shared_case: tuple[str, int]) -> None:
    url, case_id = shared_case
    rui, pat = open_app(qtbot, url, "rui"), open_app(qtbot, url, "pat")
    assert rui.store is not pat.store and rui.store is not None and rui.store.dialect == "postgresql"
    reviewer, approver = open_case(qtbot, rui, case_id), open_case(qtbot, pat, case_id)
    qtbot.waitUntil(lambda: pat.queue_panel.model.rowCount() == 1, timeout=QUICK)
    before = undisposed_shown(pat)
    target = reviewer.current_finding()
    assert target is not None and target.severity == "blocker" and approver.current_finding() == target

    # The reviewer flags it in the first app, from the keyboard.
    rui.activateWindow()
    qtbot.waitUntil(rui.isActiveWindow)
    reviewer.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is reviewer.tree)
    with qtbot.waitSignal(reviewer.changed, timeout=QUICK):
        qtbot.keyClick(reviewer.tree, Qt.Key.Key_F)
    qtbot.waitUntil(lambda: reviewer.model.finding_index(target.id, DISPOSITION).data() == "Flagged for negotiation")

    # The second app still shows what it read; after a refresh it shows the flag, in the case and the queue.
    assert approver.model.finding_index(target.id, DISPOSITION).data() == "Not yet disposed of"
    pat.activateWindow()
    qtbot.waitUntil(pat.isActiveWindow)
    qtbot.keyClick(approver.tree, Qt.Key.Key_F5)  # the case loaded again, the same finding kept selected
    qtbot.waitUntil(
        lambda: approver.model.finding_index(target.id, DISPOSITION).data() == "Flagged for negotiation", timeout=QUICK
    )
    assert "Flagged for negotiation by rui" in approver.detail.browser.toPlainText()
    assert approver.facts_label.text().startswith("Status: In review")
    pat.queue_panel.refresh()
    qtbot.waitUntil(lambda: undisposed_shown(pat) != before, timeout=QUICK)
    assert int(undisposed_shown(pat)) == int(before) - 1
    assert pat.queue_panel.proxy.index(0, CaseTableModel.STATUS).data() == "In review"

    # Both now see the next blocker; the approver accepts it, then the reviewer (not refreshed) flags it: E405,
    # nothing overwritten, the reviewer's app shows the approver's decision and keeps the reason typed.
    reviewer.reload(select=target.id, advance=True)
    qtbot.waitUntil(lambda: reviewer.current_finding() is not None and reviewer.current_finding() != target)
    nxt = reviewer.current_finding()
    assert nxt is not None and nxt.severity == "blocker"
    assert approver.select_finding(nxt.id)
    with qtbot.waitSignal(approver.changed, timeout=QUICK):
        approver.dispose("accept")
    qtbot.keyClicks(reviewer.detail.reason_edit, "the vendor must carry cyber cover")
    reviewer.dispose("flag")
    qtbot.waitUntil(rui.banner.isVisible, timeout=QUICK)
    assert "E405" in rui.banner.text.text()
    qtbot.waitUntil(lambda: reviewer.model.finding_index(nxt.id, DISPOSITION).data() == "Accepted", timeout=QUICK)
    assert reviewer.detail.reason() == "the vendor must carry cyber cover"
    with Store(url) as store:
        stored = next(f for f in queries.open_case(store, case_id).findings if f.id == nxt.id)
    assert (stored.disposition, stored.disposed_by) == ("accept", "pat")

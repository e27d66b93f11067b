"""The app's translations (gui/translations): every tr() string of gui/ is in the Spanish .ts file and translated
(placeholders and mnemonics kept), and a real window shows Spanish with the Spanish translator installed and
English plurals ("1 case", "2 cases") with the English one.

The .qm files are built by `make` (a prerequisite of `make test`); when they are missing or older than their
.ts files, they are built here into a temporary folder with pyside6-lrelease.

Every GUI test has the English translator installed, as the app has (tests/gui/conftest.py), so plurals
read "1 case" / "2 cases".

"""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from gui.app import install_translators
from gui.decision_dialog import DecisionDialog
from gui.finding_tree_model import severity_word
from gui.main_window import CASE, MainWindow
from gui.settings import AppSettings
from gui.workers import TaskRunner
from review.store.unit_of_work import Store
from review.workflow import queries, services
from tests.conftest import CONTRACTS, INTAKE
from tests.gui.conftest import TRANSLATIONS, qt_tool

ROOT = Path(__file__).parents[2]
SPANISH = TRANSLATIONS / "app_es.ts"
ENGLISH = TRANSLATIONS / "app_en.ts"

CONTRACT = CONTRACTS / "cloud-services-v1.txt"
UPDATE = (
    "run `make translations-update`, then translate the new entries: all of gui/translations/app_es.ts, "
    "and the plural forms (%n) in app_en.ts"
)
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
MNEMONIC = re.compile(r"&[^&\s]")

Key = tuple[str, str, str]  # context, source, disambiguation


def _messages(ts: Path) -> dict[Key, ET.Element]:
    messages = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            messages[(name, message.findtext("source", ""), message.findtext("comment", ""))] = message
    return messages


def _forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def _unfinished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete")


# --- fixtures (other modules import them) ---------------------------------------------------------------------


@pytest.fixture
def spanish(qapp: QApplication, compiled_translations: Path) -> Iterator[None]:
    installed = install_translators(qapp, "es", compiled_translations)
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def _window(qtbot: QtBot, store: Store) -> MainWindow:
    window = MainWindow(AppSettings(user="rui"), TaskRunner(synchronous=True), store=store)
    qtbot.addWidget(window)
    window.show()
    return window


def _submit(store: Store) -> int:
    return services.submit_case(store, [CONTRACT], INTAKE, actor="dee")


# --- the .ts files against the code -------------------------------------------------------------------------------


def test_translations_cover_every_string_in_the_code(tmp_path: Path) -> None:
    extracted = tmp_path / "extracted.ts"
    sources = sorted(str(path) for path in (ROOT / "gui").glob("*.py"))
    subprocess.run([qt_tool("pyside6-lupdate"), "-silent", *sources, "-ts", str(extracted)], check=True)
    in_code = _messages(extracted)
    spanish, english = _messages(SPANISH), _messages(ENGLISH)
    assert len(in_code) > 500  # lupdate read the code (a wrong path would find nothing)

    missing = sorted(key for key in in_code if key not in spanish)
    assert not missing, f"{len(missing)} string(s) of the code are not in app_es.ts, e.g. {missing[:3]}: {UPDATE}"
    stale = sorted(key for key in spanish if key not in in_code)
    assert not stale, f"app_es.ts has {len(stale)} string(s) the code no longer has, e.g. {stale[:3]}: {UPDATE}"
    plurals = {key for key, message in in_code.items() if message.get("numerus") == "yes"}
    assert plurals, "the code has plural strings (%n)"
    missing_plurals = sorted(plurals - english.keys())
    assert not missing_plurals, f"app_en.ts lacks the plural string(s) {missing_plurals[:3]}: {UPDATE}"


def _tr_calls(path: Path) -> Iterator[tuple[int, ast.expr]]:
    """(line, text argument) of every self.tr(...) and translate(context, ...) call in a module."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name == "tr" and node.args:
            yield node.lineno, node.args[0]
        elif name == "translate" and len(node.args) >= 2:  # QCoreApplication.translate, not str.translate
            yield node.lineno, node.args[1]


def test_translations_have_every_tr_call_lupdate_might_miss() -> None:
    """Python's own parser finds calls lupdate does not read (inside an f-string, or with a computed text)."""
    sources = {source for _, source, _ in _messages(SPANISH)}
    problems = []
    for path in sorted((ROOT / "gui").glob("*.py")):
        for line, text in _tr_calls(path):
            where = f"gui/{path.name}:{line}"
            if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
                problems.append(f"{where}: tr() of a computed text ({ast.unparse(text)}): lupdate cannot extract it")
            elif text.value not in sources:
                problems.append(f"{where}: {text.value!r} is not in app_es.ts (inside an f-string? lupdate skips it)")
    assert not problems, "\n".join(problems) + f"\nPass tr() a plain string literal; then {UPDATE}"


def test_translations_spanish_is_finished_and_keeps_placeholders_and_mnemonics() -> None:
    problems = []
    for (context, source, _), message in _messages(SPANISH).items():
        forms = _forms(message)
        where = f"{context}: {source!r}"
        if _unfinished(message) or not all(form.strip() for form in forms):
            problems.append(f"{where} is not translated")
            continue
        if message.get("numerus") == "yes" and (len(forms) != 2 or "%n" not in forms[-1]):
            problems.append(f"{where} needs a singular and a plural form, the plural with %n")
        for form in forms:
            if set(PLACEHOLDER.findall(form)) != set(PLACEHOLDER.findall(source)):
                problems.append(f"{where}: placeholders differ in {form!r}")
            if bool(MNEMONIC.search(form)) != bool(MNEMONIC.search(source)):
                problems.append(f"{where}: the & mnemonic is missing or added in {form!r}")
            for shortcut in re.findall(r"Ctrl\+\S+?(?=[)\s.,]|$)", source):
                if shortcut not in form:
                    problems.append(f"{where}: the shortcut {shortcut} is not in {form!r}")
    assert not problems, "\n".join(problems)


def test_translations_english_gives_every_plural_its_two_forms() -> None:
    for (context, source, _), message in _messages(ENGLISH).items():
        forms = _forms(message)
        assert message.get("numerus") == "yes" and not _unfinished(message), (context, source)
        assert len(forms) == 2 and "(s)" not in "".join(forms), (context, source, forms)


# --- what the user sees -----------------------------------------------------------------------------------------


def test_translations_install_the_app_and_qt_translators(qapp: QApplication, compiled_translations: Path) -> None:
    installed = install_translators(qapp, "es", compiled_translations)
    try:
        assert len(installed) == 3  # app_en (plurals), app_es, and Qt's own qtbase_es
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"  # Qt's standard buttons
        assert QCoreApplication.translate("QueuePanel", "%n case(s)", "", 0) == "0 casos"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert install_translators(qapp, "xx", compiled_translations)[1:] == []  # an unknown language: English only


def test_translations_main_window_in_spanish(qtbot: QtBot, store: Store, spanish: None) -> None:
    case_id = _submit(store)
    window = _window(qtbot, store)
    assert window.windowTitle() == "Revisión de contratos — Ciudad de San Rafael"
    sections = [window.sections.item(row).text() for row in range(window.sections.count())]
    assert sections == ["Enviar un contrato", "Cola de revisión", "Caso", "Reglas", "Tablero"]
    assert [menu.title() for menu in (action.menu() for action in window.menuBar().actions())] == ["&Archivo", "&Ir"]
    assert window.queue_panel.count_label.text() == "1 caso"
    assert "(revisor)" in window.statusBar().currentMessage()

    window.open_case(case_id)
    panel = window.case_panel
    assert window.sections.currentRow() == CASE
    assert panel.title_label.text().startswith(f"Caso {case_id} — ")
    assert panel.facts_label.text().startswith("Estado: Enviado · versión 1")
    groups = [panel.model.index(row, 0).data() for row in range(panel.model.rowCount())]
    assert groups[0].startswith("Bloqueantes (") and severity_word("blocker") == "BLOQUEANTE"
    assert "hallazgos sin atender" in panel.decision_label.text()
    assert panel.decide_button.text() == "&Decidir…"
    dialog = DecisionDialog(queries.open_case(store, case_id), window)
    qtbot.addWidget(dialog)
    assert "Falta atender" in dialog.intro.text() and "bloqueantes." in dialog.intro.text()
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Cancelar"  # Qt's own translation


def test_translations_english_plurals_in_the_queue(qtbot: QtBot, store: Store, english_plurals: None) -> None:
    _submit(store)
    window = _window(qtbot, store)
    assert window.windowTitle() == "Contract review — City of San Rafael"
    assert window.queue_panel.count_label.text() == "1 case"
    _submit(store)
    window.queue_panel.refresh()
    assert window.queue_panel.count_label.text() == "2 cases"

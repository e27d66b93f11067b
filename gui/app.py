"""Starting the app: `python main.py` with no command.

The window is up before spaCy loads (most of a second): the pipeline and the rule packs load on a worker
thread right after, so the first review does not wait for them. On a store with nobody in it (a first
run on the embedded SQLite file), a sample is made: four users and a real contract to review.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow
from gui.settings import AppSettings
from gui.workers import TaskRunner

TRANSLATIONS = Path(__file__).resolve().parent / "translations"


def install_translators(app: QApplication, language: str, folder: Path = TRANSLATIONS) -> list[QTranslator]:
    """The app's own strings and Qt's (button labels of standard dialogs) in `language`, when shipped.

    English is the source language, but its plurals ("%n case(s)" as "1 case" / "2 cases") come from app_en.qm,
    installed first and so searched last: another language's translator overrides it (Qt searches the most
    recently installed first). The .qm files are built from gui/translations/*.ts by `make` (not committed).

        >>> install_translators(app, "es")   # app_en.qm, app_es.qm and Qt's qtbase_es.qm   # doctest: +SKIP
    """
    wanted = [("app_en.qm", folder)]
    if language != "en":
        wanted.append((f"app_{language}.qm", folder))
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    wanted.append((f"qtbase_{language}.qm", qt_folder))
    installed = []
    for name, where in wanted:
        translator = QTranslator(app)
        if translator.load(str(where / name)) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


def preload() -> None:
    """Load what the first review needs, off the GUI thread."""
    from review.extract import LOADING
    from review.policy.rules import load_rules

    with LOADING:
        from review.extract.pipeline import load_pipeline

        load_pipeline()
    load_rules()
    gc.freeze()  # what stays loaded for good leaves the collector's scans, which pause the GUI thread too


def main(argv: Sequence[str] | None = None) -> int:
    app = QApplication(list(argv if argv is not None else sys.argv))
    app.setOrganizationName("City of San Rafael")
    app.setApplicationName("Contract Review")
    settings = AppSettings.load()
    install_translators(app, settings.language)
    runner = TaskRunner(parent=app)
    window = MainWindow(settings, runner)
    window.show()
    gc.freeze()
    runner.run(preload, failed=window.show_error)
    return app.exec()

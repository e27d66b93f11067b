"""The intake a department fills in when it submits a contract: who is buying what, for how much and how long,
where it runs, what data it handles and an optional software bill of materials.

The form does not check values itself: `intake()` gives the mapping as typed, `Intake.from_mapping` (the library,
the one place the rules live) judges it, and `show_error` puts its IntakeInvalid (E220) beside the fields,
naming the field in plain words and moving the focus there; nothing typed is cleared.

    >>> form = IntakeForm()                                                         # doctest: +SKIP
    >>> form.vendor.setText("Skyline Permits LLC")                                  # doctest: +SKIP
    >>> Intake.from_mapping(form.intake())                                          # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from review.errors import ReviewError
from review.policy.intake import DATA_KINDS, HOSTING

# Numbers as people type them: "$50,000", "50 000"; the rest is the library's to judge.
_NUMBER_NOISE = re.compile(r"[\s$,]")


class IntakeForm(QWidget):
    """The intake fields. `changed` fires on every edit (the panel enables Submit from `is_complete()`)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error_icon = QLabel(self)
        self.error_icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(24, 24))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.error_box = QWidget(self)
        error_row = QHBoxLayout(self.error_box)
        error_row.setContentsMargins(0, 0, 0, 0)
        error_row.addWidget(self.error_icon, 0, Qt.AlignmentFlag.AlignTop)
        error_row.addWidget(self.error_label, 1)
        self.error_box.hide()

        # Created in tab order: the layout then gives a sensible order without setTabOrder.
        self.department = QComboBox(self)
        self.department.setEditable(True)
        self.department.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # Return must not add a department
        self.department.setCurrentText("")
        self.department.lineEdit().setPlaceholderText(self.tr("e.g. Public Works"))
        self.vendor = QLineEdit(self)
        self.vendor.setPlaceholderText(self.tr("the company you would sign with"))
        self.product = QLineEdit(self)
        self.product.setPlaceholderText(self.tr("what you are buying, e.g. Permit Portal"))
        self.annual_cost = QLineEdit(self)
        self.annual_cost.setPlaceholderText(self.tr("US dollars a year, e.g. 50,000"))
        self.term_months = QLineEdit(self)
        self.term_months.setPlaceholderText(self.tr("initial term, e.g. 36"))
        self.hosting = QComboBox(self)
        hosting_labels = {
            "saas": self.tr("Hosted by the vendor (software as a service)"),
            "on_premises": self.tr("Installed on City computers (on premises)"),
            "hybrid": self.tr("Both: partly hosted, partly installed (hybrid)"),
        }
        for value in HOSTING:
            self.hosting.addItem(hosting_labels.get(value, value), value)

        data_labels = {
            "personal": self.tr("Personal &information about residents or staff"),
            "payments": self.tr("Card or ban&k payments"),
            "police": self.tr("Police or criminal-&justice records"),
            "health": self.tr("Hea&lth or medical records"),
        }
        self.data_box = QGroupBox(self.tr("Kinds of data it handles"), self)
        data_layout = QVBoxLayout(self.data_box)
        self.data: dict[str, QCheckBox] = {}
        for kind in DATA_KINDS:
            box = QCheckBox(data_labels.get(kind, kind), self.data_box)
            box.setAccessibleName(box.text().replace("&", ""))
            data_layout.addWidget(box)
            self.data[kind] = box
        self.public_facing = QCheckBox(self.tr("Public-facing: residents use it directl&y"), self)
        self.critical = QCheckBox(self.tr("Critical: an outage stops an &essential City service"), self)
        self.custom_development = QCheckBox(self.tr("Custo&m development: the vendor builds something for us"), self)

        self.sbom = QLineEdit(self)
        self.sbom.setPlaceholderText(self.tr("optional: the vendor's CycloneDX or SPDX JSON file"))
        self.sbom_button = QPushButton(self.tr("Bro&wse…"), self)
        self.sbom_clear = QPushButton(self.tr("Clear"), self)
        sbom_row = QHBoxLayout()
        sbom_row.addWidget(self.sbom, 1)
        sbom_row.addWidget(self.sbom_button)
        sbom_row.addWidget(self.sbom_clear)

        accessible = {
            self.department: self.tr("Department"),
            self.vendor: self.tr("Vendor"),
            self.product: self.tr("Product"),
            self.annual_cost: self.tr("Annual cost in US dollars"),
            self.term_months: self.tr("Term in months"),
            self.hosting: self.tr("Hosting"),
            self.public_facing: self.tr("Public-facing"),
            self.critical: self.tr("Critical system"),
            self.custom_development: self.tr("Custom development"),
            self.sbom: self.tr("Software bill of materials file"),
            self.sbom_button: self.tr("Choose a software bill of materials file"),
            self.sbom_clear: self.tr("Clear the software bill of materials file"),
        }
        for widget, name in accessible.items():
            widget.setAccessibleName(name)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels go above fields at large fonts
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Department:"), self.department)
        form.addRow(self.tr("&Vendor:"), self.vendor)
        form.addRow(self.tr("&Product:"), self.product)
        form.addRow(self.tr("Annual c&ost (USD):"), self.annual_cost)
        form.addRow(self.tr("&Term (months):"), self.term_months)
        form.addRow(self.tr("&Hosting:"), self.hosting)
        form.addRow(self.data_box)
        form.addRow(self.public_facing)
        form.addRow(self.critical)
        form.addRow(self.custom_development)
        sbom_label = QLabel(self.tr("S&BOM file:"), self)  # a row of several widgets: its label needs the buddy
        sbom_label.setBuddy(self.sbom)  # (without one it would show the "&" and Alt+B would do nothing)
        form.addRow(sbom_label, sbom_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error_box)
        layout.addLayout(form)

        # The field each intake key is typed in, to point at the one an error names.
        self.fields: dict[str, QWidget] = {
            "department": self.department,
            "vendor": self.vendor,
            "product": self.product,
            "annual_cost": self.annual_cost,
            "term_months": self.term_months,
            "hosting": self.hosting,
            "data": self.data[DATA_KINDS[0]],
            "public_facing": self.public_facing,
            "critical": self.critical,
            "custom_development": self.custom_development,
            "sbom": self.sbom,
        }
        self.field_names = {
            "department": self.tr("Department"),
            "vendor": self.tr("Vendor"),
            "product": self.tr("Product"),
            "annual_cost": self.tr("Annual cost"),
            "term_months": self.tr("Term (months)"),
            "hosting": self.tr("Hosting"),
            "data": self.tr("Kinds of data"),
            "public_facing": self.tr("Public-facing"),
            "critical": self.tr("Critical"),
            "custom_development": self.tr("Custom development"),
            "sbom": self.tr("SBOM file"),
        }

        self.sbom_button.clicked.connect(self.choose_sbom)
        self.sbom_clear.clicked.connect(self.sbom.clear)
        for line in (self.vendor, self.product, self.annual_cost, self.term_months, self.sbom):
            line.textChanged.connect(self.changed)
        self.department.currentTextChanged.connect(self.changed)
        self.hosting.currentIndexChanged.connect(self.changed)
        for box in (*self.data.values(), self.public_facing, self.critical, self.custom_development):
            box.toggled.connect(self.changed)
        self.setFocusProxy(self.department)

    # --- reading the form ---------------------------------------------------------------------------------------

    def intake(self) -> dict[str, Any]:
        """The mapping `Intake.from_mapping` accepts, with numbers converted where they read as numbers; a value
        that does not is passed as typed so that the library's message explains what is wanted."""
        return {
            "department": self.department.currentText(),
            "vendor": self.vendor.text(),
            "product": self.product.text(),
            "annual_cost": _number(self.annual_cost.text(), float),
            "term_months": _number(self.term_months.text(), int),
            "hosting": self.hosting.currentData(),
            "data": [kind for kind, box in self.data.items() if box.isChecked()],
            "public_facing": self.public_facing.isChecked(),
            "critical": self.critical.isChecked(),
            "custom_development": self.custom_development.isChecked(),
        }

    def sbom_path(self) -> str | None:
        return self.sbom.text().strip() or None

    def is_complete(self) -> bool:
        """Every field a submission needs has something in it (whether it is right is the library's call)."""
        required = (self.department.currentText(), self.vendor.text(), self.product.text(), self.annual_cost.text(),
                    self.term_months.text())  # fmt: skip
        return all(text.strip() for text in required)

    # --- filling and clearing -----------------------------------------------------------------------------------

    def set_departments(self, names: Iterable[str]) -> None:
        """Offer the departments of earlier cases; what is typed stays."""
        typed = self.department.currentText()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItems(sorted(set(names), key=str.casefold))
        self.department.setCurrentText(typed)
        self.department.blockSignals(False)

    def set_sbom(self, path: str | Path) -> None:
        self.sbom.setText(str(path))

    def choose_sbom(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the software bill of materials"),
            "",
            self.tr("CycloneDX or SPDX JSON (*.json);;All files (*)"),
        )
        if path:
            self.set_sbom(path)

    def clear(self) -> None:
        """Empty every field for the next submission (the department list stays)."""
        self.clear_error()
        self.department.setCurrentText("")
        for line in (self.vendor, self.product, self.annual_cost, self.term_months, self.sbom):
            line.clear()
        self.hosting.setCurrentIndex(0)
        for box in (*self.data.values(), self.public_facing, self.critical, self.custom_development):
            box.setChecked(False)

    # --- errors -------------------------------------------------------------------------------------------------

    def show_error(self, error: ReviewError) -> None:
        """Show a refused intake (E220) or SBOM (E221) above the fields and move to the field it names."""
        key = _named_key(error.message, self.fields) or ("sbom" if error.code == "E221" else None)
        text = self.tr("The intake was not accepted ({code}): {message}").format(code=error.code, message=error.message)
        if key is not None:
            text += "\n" + self.tr("Check the field “{field}”.").format(field=self.field_names[key])
            self.fields[key].setFocus(Qt.FocusReason.OtherFocusReason)
        self.error_label.setText(text)
        self.error_box.setAccessibleName(self.tr("Intake error"))
        self.error_box.setAccessibleDescription(text)
        self.error_box.show()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_box.hide()

    def error_text(self) -> str:
        return self.error_label.text() if self.error_box.isVisibleTo(self) else ""


def _number(text: str, kind: type[int] | type[float]) -> Any:
    cleaned = _NUMBER_NOISE.sub("", text)
    try:
        return kind(cleaned)
    except ValueError:
        return text.strip()  # the library refuses it and says what a good value looks like


def _named_key(message: str, keys: Iterable[str]) -> str | None:
    """The first intake key the library's message quotes, e.g. 'term_months'."""
    known = set(keys)
    for quoted in re.findall(r"'(\w+)'", message):
        if quoted in known:
            return quoted
    return None

"""The decision on a case: one of the four decisions and a note (the conditions, when approving with conditions).

The dialog does not close itself on "Decide": it asks, through `decision_requested`, and the case panel closes
it (`accept()`) once the library has recorded the decision. A refusal (blockers not disposed of yet, E301)
leaves it open with everything as the user left it.

    >>> dialog = DecisionDialog(case, parent=panel)                                        # doctest: +SKIP
    >>> dialog.decision_requested.connect(lambda decision, note: ...)                      # doctest: +SKIP
    >>> dialog.open()                                                                      # doctest: +SKIP
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from review.errors import ReviewError
from review.workflow.states import DECISIONS
from review.workflow.views import CaseView


class DecisionDialog(QDialog):
    """Asks for a decision and its note; `decision_requested(decision, note)` when the user confirms."""

    decision_requested = Signal(str, str)

    def __init__(self, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_id = case.id
        self.setWindowTitle(self.tr("Decide case {id}").format(id=case.id))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.refusal = QLabel(self)  # the library's refusal, in the dialog the user is looking at
        self.refusal.setWordWrap(True)
        self.refusal.setAccessibleName(self.tr("Refused"))
        self.refusal.hide()

        texts = {
            "approved": self.tr("&Approved"),
            "approved_with_conditions": self.tr("Approved &with conditions"),  # Alt+C is the Cancel button's
            "changes_requested": self.tr("C&hanges requested"),
            "rejected": self.tr("&Rejected"),
        }
        box = QGroupBox(self.tr("Decision"), self)
        box_layout = QVBoxLayout(box)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for number, decision in enumerate(DECISIONS):
            radio = QRadioButton(texts[decision], box)
            radio.setAccessibleName(texts[decision].replace("&", ""))
            self.group.addButton(radio, number)
            box_layout.addWidget(radio)
            self.radios[decision] = radio
        self.radios["changes_requested"].setChecked(True)  # the usual outcome of a first review
        self.group.buttonToggled.connect(self._update_hint)

        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(self.tr("Decision note"))
        self.note.setTabChangesFocus(True)
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.setBuddy(self.note)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.decide_button = QPushButton(self.tr("&Decide"), self)
        self.decide_button.setAccessibleName(self.tr("Decide"))
        self.decide_button.setDefault(True)
        buttons.addButton(self.decide_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        self.decide_button.clicked.connect(self._request)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.refusal)
        layout.addWidget(box)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note, 1)
        layout.addWidget(buttons)
        self._update_hint()
        self.set_case(case)
        metrics = self.fontMetrics()  # in text units, so it grows with the font
        self.resize(metrics.horizontalAdvance("M") * 45, metrics.lineSpacing() * 24)

    def set_case(self, case: CaseView) -> None:
        """Say what is being decided and how many blockers are still open (the rest of the dialog is kept)."""
        text = self.tr("Decide case {id} — {vendor} — {product}. Every blocker must be disposed of first.").format(
            id=case.id, vendor=case.vendor, product=case.product
        )
        if case.undisposed_blockers:
            text += " " + self.tr("%n blocker(s) are not disposed of yet.", "", case.undisposed_blockers)
        self.intro.setText(text)

    def show_refusal(self, error: BaseException) -> None:
        """Show why the library refused, with its code; everything chosen and typed stays as it was."""
        if isinstance(error, ReviewError):
            text = self.tr("Not decided ({code}): {message}").format(code=error.code, message=error.message)
        else:
            text = self.tr("Not decided: {error}").format(error=str(error))
        self.refusal.setText(text)
        self.refusal.setAccessibleDescription(text)
        self.refusal.show()

    def decision(self) -> str:
        return DECISIONS[self.group.checkedId()]

    def set_decision(self, decision: str) -> None:
        self.radios[decision].setChecked(True)

    def note_text(self) -> str:
        return self.note.toPlainText()

    def _update_hint(self) -> None:
        if self.decision() == "approved_with_conditions":
            self.note_label.setText(self.tr("&Note — required: the conditions of the approval"))
        else:
            self.note_label.setText(self.tr("&Note (optional): why, for the memo and the requester"))

    def _request(self) -> None:
        self.decision_requested.emit(self.decision(), self.note_text())

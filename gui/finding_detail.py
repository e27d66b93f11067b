"""The detail pane of one finding: what the rule found and why it matters, the City's fallback position, the
disposition so far and the comments; below it the reason field, the four actions and the comment box.

    >>> detail = FindingDetail()                                                        # doctest: +SKIP
    >>> detail.dispose_requested.connect(panel.dispose)         # "accept" | "flag" | "waive" | "false_positive"
    >>> detail.comment_requested.connect(panel.add_comment)     # (text, on the finding rather than the case)
    >>> detail.show_finding(case.findings[0], case.comments, case.events)              # doctest: +SKIP

The pane only shows and asks; the case panel does the work. What the user typed (a reason, a comment) stays
in its field until the library has accepted it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.case_table_model import status_words
from gui.finding_tree_model import change_word, disposition_word, severity_word, where_words
from review.export.labels import when
from review.workflow.views import CommentView, EventView, FindingView

ACTIONS = ("accept", "flag", "waive", "false_positive")


class FindingDetail(QWidget):
    """Shows one finding (or none) and asks for its disposition or a comment through signals."""

    dispose_requested = Signal(str)  # the action; the reason is in reason()
    comment_requested = Signal(str, bool)  # the text, and whether it is about the finding (else the case)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding: FindingView | None = None
        self._open = True  # whether the case takes dispositions now
        self._with_document = True
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("Finding details"))
        self.browser.setOpenLinks(False)
        self.browser.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self._reasons: dict[int, str] = {}  # finding id -> the reason typed for it, not yet used
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setAccessibleName(self.tr("Reason for the disposition"))
        self.reason_edit.setPlaceholderText(self.tr("Needed to waive; kept with any disposition"))
        self.reason_edit.setClearButtonEnabled(True)
        reason_label = QLabel(self.tr("Reaso&n:"), self)
        reason_label.setBuddy(self.reason_edit)

        # The single keys (A, F, W, X) act in the findings list; here each button has its Alt mnemonic.
        self.buttons: dict[str, QPushButton] = {}
        texts = {
            "accept": (self.tr("&Accept"), self.tr("Accept the finding: the City can live with it (key A)")),
            "flag": (self.tr("F&lag for negotiation"), self.tr("Ask the vendor to change it (key F)")),
            "waive": (self.tr("&Waive"), self.tr("Waive the finding; needs a reason (key W)")),
            "false_positive": (self.tr("False positive (&X)"), self.tr("The rule was wrong here (key X)")),
        }
        grid = QGridLayout()
        for number, action in enumerate(ACTIONS):
            text, tip = texts[action]
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.setAccessibleName(text.replace("&", ""))
            button.setAccessibleDescription(tip)
            button.clicked.connect(lambda _=False, a=action: self.dispose_requested.emit(a))
            grid.addWidget(button, number // 2, number % 2)
            self.buttons[action] = button

        self.comment_edit = QPlainTextEdit(self)
        self.comment_edit.setAccessibleName(self.tr("New comment"))
        self.comment_edit.setPlaceholderText(self.tr("A comment for the other reviewers (Ctrl+Return adds it)"))
        self.comment_edit.setTabChangesFocus(True)  # Tab leaves the box: keyboard users are not trapped
        lines = self.comment_edit.fontMetrics().lineSpacing()
        self.comment_edit.setMaximumHeight(lines * 5)  # grows with the font, never a fixed pixel size
        self.comment_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        comment_label = QLabel(self.tr("Commen&t:"), self)
        comment_label.setBuddy(self.comment_edit)
        self.about = QComboBox(self)
        self.about.setAccessibleName(self.tr("What the comment is about"))
        about_label = QLabel(self.tr("A&bout:"), self)
        about_label.setBuddy(self.about)
        self.add_comment_button = QPushButton(self.tr("Add &comment"), self)
        self.add_comment_button.setAccessibleName(self.tr("Add comment"))
        self.add_comment_button.setToolTip(self.tr("Add the comment (Ctrl+Return)"))
        self.add_comment_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.add_comment_button.clicked.connect(self._comment)

        reason_row = QHBoxLayout()
        reason_row.addWidget(reason_label)
        reason_row.addWidget(self.reason_edit, 1)
        about_row = QHBoxLayout()
        about_row.addWidget(about_label)
        about_row.addWidget(self.about, 1)
        about_row.addWidget(self.add_comment_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addLayout(reason_row)
        layout.addLayout(grid)
        layout.addWidget(comment_label)
        layout.addWidget(self.comment_edit)
        layout.addLayout(about_row)
        QWidget.setTabOrder(self.browser, self.reason_edit)
        previous: QWidget = self.reason_edit
        for action in ACTIONS:
            QWidget.setTabOrder(previous, self.buttons[action])
            previous = self.buttons[action]
        for widget in (self.comment_edit, self.about, self.add_comment_button):
            QWidget.setTabOrder(previous, widget)
            previous = widget
        self.show_finding(None, ())

    # --- what the pane shows ---------------------------------------------------------------------------------

    def show_finding(
        self,
        finding: FindingView | None,
        comments: Sequence[CommentView],
        events: Sequence[EventView] = (),
        *,
        with_document: bool = True,
    ) -> None:
        """Show `finding` (None: nothing selected) with its comments and history; `comments` and `events` may be
        all the case's. `with_document=False` leaves the file name out of where it is (a case of one file)."""
        # a reason belongs to the finding it was typed for: kept for it, never carried to the next one
        previous = self.finding
        if previous is not None:
            self._reasons[previous.id] = self.reason_edit.text()
        if finding is None or finding.id != (previous.id if previous is not None else None):
            self.reason_edit.setText(self._reasons.get(finding.id, "") if finding is not None else "")
        self.finding = finding
        self._with_document = with_document
        mine = [c for c in comments if finding is not None and c.finding_id == finding.id]
        on_case = [c for c in comments if c.finding_id is None]
        parts = [self._finding_html(finding)] if finding is not None else [self._nothing_html()]
        if finding is not None:
            parts.append(self._comments_html(self.tr("Comments on this finding"), mine))
        parts.append(self._comments_html(self.tr("Comments on the case"), on_case))
        # The audit trail in words, so a reviewer sees who did what without leaving the case.
        if finding is not None:
            about = [e for e in events if e.action == "dispose" and e.payload.get("finding") == finding.id]
            parts.append(self._history_html(self.tr("History of this finding"), about))
        case_events = [e for e in events if e.action not in ("dispose", "comment")]
        parts.append(self._history_html(self.tr("History of the case"), case_events))
        self.browser.setHtml("".join(parts))
        for button in self.buttons.values():
            button.setEnabled(finding is not None and self._open)
        current = self.about.currentIndex()
        self.about.clear()
        if finding is not None:
            self.about.addItem(self.tr("This finding"), True)
        self.about.addItem(self.tr("The whole case"), False)
        self.about.setCurrentIndex(min(max(current, 0), self.about.count() - 1))

    def set_open(self, is_open: bool) -> None:
        """Whether the case takes dispositions now (not once decided): the action buttons follow."""
        self._open = is_open
        for button in self.buttons.values():
            button.setEnabled(self.finding is not None and is_open)

    def reason(self) -> str:
        return self.reason_edit.text()

    def reason_stored(self, finding_id: int, reason: str) -> None:
        """`reason` was stored with the finding's disposition: it leaves the field, unless it was edited since
        (a save takes a moment, and the person may have typed on)."""
        if self.finding is not None and self.finding.id == finding_id:
            if self.reason_edit.text().strip() == reason:
                self.reason_edit.clear()
        elif self._reasons.get(finding_id, "").strip() == reason:
            del self._reasons[finding_id]

    def comment_stored(self, text: str) -> None:
        """`text` was stored as a comment: it leaves the box, and whatever was typed after it stays."""
        typed = self.comment_edit.toPlainText()
        if typed.startswith(text):
            self.comment_edit.setPlainText(typed[len(text) :].lstrip())

    def focus_reason(self) -> None:
        self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.reason_edit.end(False)  # the caret after what is there; nothing typed gets selected and replaced

    # --- helpers ---------------------------------------------------------------------------------------------

    def _comment(self) -> None:
        on_finding = bool(self.about.currentData()) and self.finding is not None
        self.comment_requested.emit(self.comment_edit.toPlainText(), on_finding)

    def _nothing_html(self) -> str:
        return "<p>{}</p>".format(html.escape(self.tr("Select a finding in the list to see it here.")))

    def _finding_html(self, f: FindingView) -> str:
        e = html.escape
        where = where_words(f, self._with_document) or self.tr("the contract")
        out = [
            f"<h2>{e(f.title)}</h2>",
            f"<p><b>{e(severity_word(f.severity))}</b> · {e(f.rule)} · {e(where)}</p>",
            f"<p>{e(f.message)}</p>",
        ]
        if f.change:
            change = self.tr("Against the version before: {change}").format(change=change_word(f.change))
            out.append(f"<p>{e(change)}</p>")
        if f.quote:
            out.append(self._section(self.tr("Quote"), f"<blockquote>{e(f.quote)}</blockquote>"))
        if f.value or f.threshold:
            rows = []
            if f.value:
                rows.append(self.tr("Found: {value}").format(value=f.value))
            if f.threshold:
                rows.append(self.tr("City limit: {threshold}").format(threshold=f.threshold))
            out.append(self._section(self.tr("Value against the limit"), "<br>".join(e(r) for r in rows)))
        searched = f.details.get("searched")
        if searched and not f.quote:
            out.append(self._section(self.tr("Looked for"), e(str(searched))))
        if f.why:
            out.append(self._section(self.tr("Why it matters"), e(f.why)))
        if f.reference:
            out.append(self._section(self.tr("Policy"), e(f.reference)))
        if f.fallback:
            out.append(self._section(self.tr("Propose instead"), e(f.fallback)))
        notes = []
        if f.details.get("assumed"):
            applies = str(f.details.get("applies_to") or "")
            notes.append(
                self.tr("Assumed: the intake did not say whether this rule applies ({condition}); the finding holds "
                        "only if it does.").format(condition=applies)
            )  # fmt: skip
        if f.details.get("escalated"):
            notes.append(self.tr("Severity raised: {why}").format(why=f.details["escalated"]))
        if notes:
            out.append(self._section(self.tr("Notes"), "<br>".join(e(n) for n in notes)))
        out.append(self._section(self.tr("Disposition"), e(self._disposition(f))))
        return "".join(out)

    def _disposition(self, f: FindingView) -> str:
        if f.disposition is None:
            return disposition_word(None)
        text = self.tr("{disposition} by {user} on {when}").format(
            disposition=disposition_word(f.disposition), user=f.disposed_by or "—", when=when(f.disposed_at)
        )
        if f.reason:
            text += " — " + self.tr("reason: {reason}").format(reason=f.reason)
        return text

    def _comments_html(self, title: str, comments: Sequence[CommentView]) -> str:
        if not comments:
            return self._section(title, html.escape(self.tr("None yet.")))
        items = "".join(
            f"<p><b>{html.escape(c.author)}</b>, {html.escape(when(c.at))}: {html.escape(c.text)}</p>" for c in comments
        )
        return self._section(title, items)

    def _history_html(self, title: str, events: Sequence[EventView]) -> str:
        if not events:
            return self._section(title, html.escape(self.tr("Nothing yet.")))
        return self._section(title, "".join(f"<p>{html.escape(self.event_words(e))}</p>" for e in events))

    def event_words(self, event: EventView) -> str:
        """One audit event as a sentence: "Reopened by rui on 3 May 2026 — the vendor sent a new rider"."""
        payload, at = event.payload, when(event.at)
        if event.action == "submit":
            text = self.tr("Submitted by {user} on {when}").format(user=event.actor, when=at)
        elif event.action == "add_version":
            text = self.tr("Version {version} added by {user} on {when}").format(
                version=payload.get("version", "?"), user=event.actor, when=at
            )
        elif event.action == "start_review":
            text = self.tr("Review started by {user} on {when}").format(user=event.actor, when=at)
        elif event.action == "dispose":
            text = self.tr("{disposition} by {user} on {when}").format(
                disposition=disposition_word(str(payload.get("action"))), user=event.actor, when=at
            )
        elif event.action == "decide":
            text = self.tr("Decided by {user}: {decision} on {when}").format(
                user=event.actor, decision=status_words(str(payload.get("decision"))), when=at
            )
        elif event.action == "reopen":
            text = self.tr("Reopened by {user} on {when}").format(user=event.actor, when=at)
        elif event.action == "refused":
            text = self.tr("Refused on {when}: {user} tried to {attempt} ({code}: {message})").format(
                when=at,
                user=event.actor,
                attempt=str(payload.get("attempted", "")).replace("_", " "),
                code=payload.get("code", ""),
                message=payload.get("message", ""),
            )
        else:
            text = self.tr("{action} by {user} on {when}").format(
                action=event.action.replace("_", " "), user=event.actor, when=at
            )
        extra = payload.get("reason") or payload.get("note")
        return f"{text} — {extra}" if extra else text

    @staticmethod
    def _section(title: str, body: str) -> str:
        return f"<h3>{html.escape(title)}</h3><div>{body}</div>"

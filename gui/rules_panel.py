"""The rules browser: the rule packs the reviews use, a filterable table of their rules, and for the chosen
rule what it checks, why, where the policy says so, what to propose instead, and its examples, which can be
run here through the whole review to see that the rule behaves as written.

    >>> panel = RulesPanel(context)                                  # doctest: +SKIP
    >>> panel = RulesPanel(context, packs=Path("my-rules/packs"))    # doctest: +SKIP  (another folder of packs)

The packs load on a worker (they compile patterns and look up clause types); a mistake in a rule file is
shown in the panel naming the file and the line, the way `main.py rules list` says it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.finding_tree_model import severity_word
from gui.rule_table_model import ID, TITLE, RuleRole, RuleTableModel, SortRole, severity_icon
from gui.table_sorting import SortControls
from review.errors import ReviewError, RulesError
from review.policy.examples import ExampleResult, run_examples
from review.policy.rules import (
    Example,
    Find,
    LicensePolicyParams,
    Limit,
    RequiredParams,
    Rule,
    RuleSet,
    ThresholdParams,
    load_rules,
)


class RulesPanel(QWidget):
    """The packs and rules, with a detail pane and the rule's examples.

    Signals: `loaded(int)` with the number of rules once the packs are read (0 after a load problem);
    `examples_finished(str, bool)` with the rule id and whether every example behaved as written.
    """

    loaded = Signal(int)
    examples_finished = Signal(str, bool)

    def __init__(self, context: AppContext, parent: QWidget | None = None, packs: Path | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.packs_dir = packs  # None: the packs shipped in rules/packs
        self.rules: RuleSet | None = None
        self.results: dict[str, list[ExampleResult]] = {}  # kept per rule, so going back to a rule shows them
        self.running: set[str] = set()

        # a load problem replaces the table with a message naming the file and line
        self.problem = QFrame(self)
        self.problem.setFrameShape(QFrame.Shape.StyledPanel)
        self.problem_icon = QLabel(self.problem)
        self.problem_icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(32))
        self.problem_text = QLabel(self.problem)
        self.problem_text.setWordWrap(True)
        self.problem_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)  # fmt: skip
        self.problem_text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.problem_text.setAccessibleName(self.tr("Problem loading the rules"))
        self.retry_button = QPushButton(self.tr("Try &again"), self.problem)
        self.retry_button.setAccessibleName(self.tr("Load the rule packs again"))
        self.retry_button.clicked.connect(self.load)
        problem_layout = QHBoxLayout(self.problem)
        problem_layout.addWidget(self.problem_icon, 0, Qt.AlignmentFlag.AlignTop)
        problem_layout.addWidget(self.problem_text, 1)
        problem_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        self.problem.hide()

        self.packs_label = QLabel(self.tr("Loading the rule packs…"), self)
        self.packs_label.setWordWrap(True)
        self.packs_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.packs_label.setAccessibleName(self.tr("Rule packs"))

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Rule id, title, severity, check or pack"))
        self.filter_edit.setAccessibleName(self.tr("Filter rules"))
        self.filter_edit.setClearButtonEnabled(True)
        filter_label = QLabel(self.tr("Fi&lter rules:"), self)
        filter_label.setBuddy(self.filter_edit)
        self.count_label = QLabel(self)
        find = QShortcut(QKeySequence.StandardKey.Find, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._focus_filter)

        self.model = RuleTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # every column: id, title, severity word, check, condition, pack
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SortRole)
        self.filter_edit.textChanged.connect(self._filter)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Rules"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the detail pane
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ID, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Interactive)  # titles are long: elided, widenable
        header.resizeSection(TITLE, self.fontMetrics().averageCharWidth() * 40)  # in characters, so it scales
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.sort_controls = SortControls(self.table, self, default=(ID, Qt.SortOrder.AscendingOrder))

        # the chosen rule: its severity (icon and word) and title, then the rest as text that wraps
        self.severity_icon = QLabel(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.detail = QTextBrowser(self)
        self.detail.setAccessibleName(self.tr("Rule details and examples"))
        self.detail.setOpenExternalLinks(False)
        self.run_button = QPushButton(self.tr("&Run examples"), self)
        self.run_button.setAccessibleName(self.tr("Run the examples of the chosen rule"))
        self.run_button.setToolTip(self.tr("Review each example text with this rule alone (Alt+R)"))
        self.run_button.clicked.connect(self.run_examples)
        self.run_summary = QLabel(self)
        self.run_summary.setWordWrap(True)
        self.run_summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        heading_row = QHBoxLayout()
        heading_row.addWidget(self.severity_icon, 0, Qt.AlignmentFlag.AlignTop)
        heading_row.addWidget(self.heading, 1)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.run_summary, 1)
        detail_pane = QWidget(self)
        detail_layout = QVBoxLayout(detail_pane)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(heading_row)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addLayout(run_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail_pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        filter_row = QHBoxLayout()
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter_edit, 1)
        filter_row.addWidget(self.sort_controls)
        filter_row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(self.packs_label)
        layout.addLayout(filter_row)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.filter_edit, self.sort_controls.column_box)
        self.setTabOrder(self.sort_controls.column_box, self.sort_controls.descending_box)
        self.setTabOrder(self.sort_controls.descending_box, self.table)
        self.setTabOrder(self.table, self.detail)
        self.setTabOrder(self.detail, self.run_button)
        self.setFocusProxy(self.filter_edit)  # Ctrl+4 in the window lands in the filter box

        self._show_rule(None)
        self.load()

    # --- loading ---------------------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the packs on a worker (load_rules caches a good load, so this is quick the second time)."""
        self.retry_button.setEnabled(False)
        self.context.show_status(self.tr("Loading the rule packs…"))
        self.context.runner.run(load_rules, self.packs_dir, done=self._loaded, failed=self._load_failed)

    def _loaded(self, rules: RuleSet) -> None:
        self.rules = rules
        self.results.clear()
        self.problem.hide()
        self.retry_button.setEnabled(True)
        self.model.set_rules(rules.rules)
        lines = [
            self.tr("{name} {version}: %n rule(s), owned by {owner} (SHA-256 {digest}…)", "", len(pack.rules)).format(
                name=pack.name, version=pack.version, owner=pack.owner, digest=pack.sha256[:12]
            )
            for pack in rules.packs
        ]
        self.packs_label.setText("\n".join(lines))
        self._update_count()
        if self.proxy.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.context.show_status(self.tr("%n rule(s) loaded", "", len(rules)))
        self.loaded.emit(len(rules))

    def _load_failed(self, error: BaseException) -> None:
        self.rules = None
        self.model.set_rules(())
        self._show_rule(None)
        self.retry_button.setEnabled(True)
        self.packs_label.setText(self.tr("No rules loaded."))
        self._update_count()
        self.problem_text.setText(self._problem_text(error))
        self.problem.setAccessibleDescription(self.problem_text.text())
        self.problem.show()
        self.context.report_error(error)
        self.loaded.emit(0)

    def _problem_text(self, error: BaseException) -> str:
        if isinstance(error, RulesError):
            where = f"{error.path}, line {error.line}: " if error.path and error.line else f"{error.path}: "
            problem = error.message.removeprefix(where) if error.path else error.message
            name = Path(error.path).name if error.path else self.tr("(no file)")
            if error.line:
                place = self.tr("In {file}, line {line}:").format(file=name, line=error.line)
            else:
                place = self.tr("In {file}:").format(file=name)
            lines = [
                self.tr("The rule packs could not be loaded ({code}).").format(code=error.code),
                f"{place} {problem}",
            ]
            if error.path:
                lines.append(self.tr("Full path: {path}").format(path=error.path))
            lines.append(self.tr("Correct the file, then choose Try again."))
            return "\n".join(lines)
        if isinstance(error, ReviewError):
            return self.tr("The rule packs could not be loaded ({code}): {message}").format(
                code=error.code, message=error.message
            )
        return self.tr("The rule packs could not be loaded: {error}").format(error=f"{type(error).__name__}: {error}")

    # --- filtering and choosing -----------------------------------------------------------------------------

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()
        if not self.table.currentIndex().isValid():
            self._show_rule(None)

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} of %n rule(s)", "", self.model.rowCount()).format(shown=self.proxy.rowCount())
        )

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_rule(current.data(RuleRole) if current.isValid() else None)

    def current_rule(self) -> Rule | None:
        index = self.table.currentIndex()
        return index.data(RuleRole) if index.isValid() else None

    def select_rule(self, rule_id: str) -> bool:
        """Make a rule the current one (clearing a filter that hides it); False when there is no such rule."""
        row = self.model.row_of(rule_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        return True

    # --- the detail pane -------------------------------------------------------------------------------------

    def _show_rule(self, rule: Rule | None) -> None:
        if rule is None:
            self.severity_icon.clear()
            self.heading.setText(self.tr("Choose a rule to see what it checks and why."))
            self.detail.clear()
            self.run_summary.clear()
            self.run_button.setEnabled(False)
            return
        self.severity_icon.setPixmap(severity_icon(rule.severity).pixmap(32))
        self.severity_icon.setAccessibleName(severity_word(rule.severity))
        self.heading.setText(
            f"<b>{html.escape(severity_word(rule.severity))}</b> &nbsp; {html.escape(rule.id)}"
            f"<br><big><b>{html.escape(rule.title)}</b></big>"
        )
        self.detail.setHtml(self._detail_html(rule))
        self.run_button.setEnabled(rule.id not in self.running and bool(rule.examples))
        self._update_summary(rule)

    def _detail_html(self, rule: Rule) -> str:
        def section(title: str, body: str) -> str:
            return f"<h3>{html.escape(title)}</h3>{body}"

        def para(text: str) -> str:
            return f"<p>{html.escape(text)}</p>"

        facts = [
            (self.tr("Pack"), html.escape(rule.pack)),
            (self.tr("Check"), html.escape(rule.check)),
            (self.tr("Applies to"), html.escape(str(rule.applies_to))),
            (self.tr("File"), html.escape(rule.path)),
        ]
        parts = [
            "<table cellspacing='0' cellpadding='2'>"
            + "".join(f"<tr><td><b>{html.escape(k)}:</b>&nbsp;</td><td>{v}</td></tr>" for k, v in facts)
            + "</table>",
            section(self.tr("Why"), para(rule.why)),
            section(self.tr("Reference"), para(rule.reference)),
            section(self.tr("Propose instead"), para(rule.fallback)),
            section(self.tr("Message on a finding"), para(rule.message)),
            section(
                self.tr("What it checks"), "<ul>" + "".join(f"<li>{line}</li>" for line in self._params(rule)) + "</ul>"
            ),
            section(self.tr("Examples"), self._examples_html(rule)),
        ]
        return "".join(parts)

    def _params(self, rule: Rule) -> list[str]:
        """The parameters in words, as HTML list items (patterns shown as written, in code type)."""
        params = rule.params
        lines: list[str] = []
        if isinstance(params, RequiredParams):
            lines.append(self.tr("Required: {what}").format(what=html.escape(params.looking_for)))
            lines += self._find(params.find)
            if params.if_present is not None:
                lines.append(
                    self.tr("Only where the contract has: {what}").format(
                        what="<ul>" + "".join(f"<li>{line}</li>" for line in self._find(params.if_present)) + "</ul>"
                    )
                )
        elif isinstance(params, ThresholdParams):
            lines.append(self.tr("Value checked: {kind}").format(kind=html.escape(params.value)))
            lines.append(self.tr("Limit: {limit}").format(limit=html.escape(self._limit(params, params.limit))))
            for override in params.overrides:
                lines.append(
                    self.tr("When {condition}: {limit}").format(
                        condition=html.escape(str(override.when)), limit=html.escape(self._limit(params, override))
                    )
                )
            lines += self._find(params.find)
            lines.append(
                self.tr("A matching sentence without a value is flagged")
                if params.no_value == "flag"
                else self.tr("A matching sentence without a value passes")
            )
            lines.append(
                self.tr("A contract with no matching sentence is flagged")
                if params.absent == "flag"
                else self.tr("A contract with no matching sentence passes (another rule asks for the term)")
            )
        elif isinstance(params, LicensePolicyParams):
            lines.append(self.tr("Licence table: {table}").format(table=html.escape(Path(params.table.path).name)))
            for context, decisions in params.severity.items():
                pairs = ", ".join(
                    f"{html.escape(decision)} → {html.escape(severity_word(severity))}"
                    for decision, severity in decisions.items()
                )
                lines.append(self.tr("Software {context}: {pairs}").format(context=html.escape(context), pairs=pairs))
        else:
            lines += self._find(params.find)
        for escalation in rule.escalate:
            if escalation.when is not None:
                condition = html.escape(str(escalation.when))
            elif escalation.limit is not None and isinstance(params, ThresholdParams):
                condition = html.escape(self._limit(params, escalation.limit, breached=True))
            else:
                condition = self.tr("always")
            lines.append(
                self.tr("Raised to {severity} when {condition}: {reason}").format(
                    severity=html.escape(severity_word(escalation.to)),
                    condition=condition,
                    reason=html.escape(escalation.reason),
                )
            )
        return lines

    def _find(self, find: Find) -> list[str]:
        def codes(patterns: Sequence[object]) -> str:  # one pattern a line: they are long
            items = "".join(f"<li><code>{html.escape(getattr(p, 'source', str(p)))}</code></li>" for p in patterns)
            return f"<ul>{items}</ul>"

        lines = []
        if find.text:
            lines.append(self.tr("Sentences matching: {patterns}").format(patterns=codes(find.text)))
        if find.all:
            lines.append(self.tr("And also containing all of: {patterns}").format(patterns=codes(find.all)))
        if find.types:
            lines.append(
                self.tr("In clauses of type {types} (score at least {score:g})").format(
                    types=html.escape(", ".join(find.types)), score=find.min_score
                )
            )
        if find.unless:
            scopes = {"sentence": self.tr("sentence"), "clause": self.tr("clause"), "document": self.tr("document")}
            lines.append(
                self.tr("Except where the {scope} has: {patterns}").format(
                    scope=scopes.get(find.unless_scope, find.unless_scope), patterns=codes(find.unless)
                )
            )
        return lines

    def _limit(self, params: ThresholdParams, limit: Limit, breached: bool = False) -> str:
        if limit.allowed:
            text = self.tr("one of {values}").format(values=", ".join(limit.allowed))
            return self.tr("not {limit}").format(limit=text) if breached else text
        units = {
            "days": self.tr("days"),
            "hours": self.tr("hours"),
            "months": self.tr("months"),
            "years": self.tr("years"),
        }

        def amount(number: float) -> str:
            if params.value == "money":
                return self.tr("USD {amount}").format(amount=f"{number:,.0f}")
            if params.value == "percentage":
                return f"{number:g}%"
            return f"{number:g} {units.get(params.unit, params.unit)}"

        parts = []
        if params.value == "money" and limit.min is not None and limit.min_fees_months is not None:
            parts.append(
                self.tr("at least the greater of {amount} and {months} months of fees").format(
                    amount=amount(limit.min), months=f"{limit.min_fees_months:g}"
                )
            )
        else:
            if limit.min is not None:
                parts.append(self.tr("at least {amount}").format(amount=amount(limit.min)))
            if limit.min_fees_months is not None:
                parts.append(self.tr("at least {months} months of fees").format(months=f"{limit.min_fees_months:g}"))
        if limit.max is not None:
            parts.append(self.tr("at most {amount}").format(amount=amount(limit.max)))
        text = self.tr(" and ").join(parts)
        return self.tr("below {limit}").format(limit=text) if breached else text

    def _examples_html(self, rule: Rule) -> str:
        if not rule.examples:
            return "<p>" + html.escape(self.tr("This rule has no examples.")) + "</p>"
        outcomes = {result.example.line: result for result in self.results.get(rule.id, [])}  # a line per example
        rows = [
            "<tr><th align='left'>{}</th><th align='left'>{}</th><th align='left'>{}</th></tr>".format(
                html.escape(self.tr("Expected")), html.escape(self.tr("Example")), html.escape(self.tr("Outcome"))
            )
        ]
        for example in rule.examples:
            expected = self.tr("Must flag") if example.expect == "flag" else self.tr("Must pass")
            cells = (html.escape(expected), self._example_text(example), self._outcome(outcomes.get(example.line)))
            rows.append("<tr>" + "".join(f"<td valign='top'>{cell}</td>" for cell in cells) + "</tr>")
        return "<table border='1' cellspacing='0' cellpadding='4' width='100%'>" + "".join(rows) + "</table>"

    def _example_text(self, example: Example) -> str:
        text = html.escape(example.text)
        if example.intake:
            given = ", ".join(f"{key}: {value}" for key, value in example.intake.items())
            text += "<br><i>" + html.escape(self.tr("with the intake {given}").format(given=given)) + "</i>"
        if example.sbom:
            text += "<br><i>" + html.escape(self.tr("with a software bill of materials")) + "</i>"
        return text

    def _outcome(self, result: ExampleResult | None) -> str:
        if result is None:
            return html.escape(self.tr("Not run"))
        if result.ok:
            return "✔ " + html.escape(self.tr("Passed"))
        return "<b>✘ {}</b><br>{}".format(html.escape(self.tr("Failed")), html.escape(result.describe()))

    def _update_summary(self, rule: Rule) -> None:
        if rule.id in self.running:
            self.run_summary.setText(self.tr("Running the examples…"))
            return
        results = self.results.get(rule.id)
        if results is None:
            self.run_summary.setText(
                self.tr("%n example(s), not run yet.", "", len(rule.examples)) if rule.examples else ""
            )
            return
        passed = sum(result.ok for result in results)
        if passed == len(results):
            text = self.tr("✔ All %n example(s) behave as written.", "", len(results))
        else:
            text = self.tr("✘ {failed} of %n example(s) failed.", "", len(results)).format(failed=len(results) - passed)
        self.run_summary.setText(text)

    # --- running the examples ----------------------------------------------------------------------------------

    def run_examples(self) -> None:
        """Run the chosen rule's examples on a worker (the first run in a process loads spaCy)."""
        rule = self.current_rule()
        if rule is None or self.rules is None or rule.id in self.running:
            return
        self.running.add(rule.id)
        self.run_button.setEnabled(False)
        self._update_summary(rule)
        self.context.show_status(self.tr("Running the examples of {rule}…").format(rule=rule.id))
        self.context.runner.run(
            run_examples,
            self.rules,
            [rule.id],
            done=partial(self._examples_ran, rule.id),
            failed=partial(self._examples_failed, rule.id),
        )

    def _examples_ran(self, rule_id: str, results: list[ExampleResult]) -> None:
        self.running.discard(rule_id)
        self.results[rule_id] = results
        passed = all(result.ok for result in results)
        self.context.show_status(
            self.tr("{rule}: {passed} of %n example(s) behave as written", "", len(results)).format(
                rule=rule_id, passed=sum(result.ok for result in results)
            )
        )
        self._refresh_if_current(rule_id)
        self.examples_finished.emit(rule_id, passed)

    def _examples_failed(self, rule_id: str, error: BaseException) -> None:
        self.running.discard(rule_id)
        self._refresh_if_current(rule_id)
        self.context.report_error(error)

    def _refresh_if_current(self, rule_id: str) -> None:
        rule = self.current_rule()
        if rule is not None and rule.id == rule_id:
            scroll = self.detail.verticalScrollBar().value()  # keep the reader's place in the text
            self._show_rule(rule)
            self.detail.verticalScrollBar().setValue(scroll)

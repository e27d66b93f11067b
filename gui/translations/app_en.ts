<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CasePanel</name>
    <message numerus="yes">
        <location filename="../case_panel.py" line="+438"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>No decision yet: %n finding(s) not disposed of</source>
        <translation>
            <numerusform>No decision yet: %n finding not disposed of</numerusform>
            <numerusform>No decision yet: %n findings not disposed of</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n of them blocker(s).</source>
        <translation>
            <numerusform>, %n of them a blocker.</numerusform>
            <numerusform>, %n of them blockers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+375"/>
        <source>Vendor redline written to {paths} (%n comment(s))</source>
        <translation>
            <numerusform>Vendor redline written to {paths} (%n comment)</numerusform>
            <numerusform>Vendor redline written to {paths} (%n comments)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message numerus="yes">
        <location filename="../case_table_model.py" line="+198"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n BLOCKER finding(s)</source>
        <translation>
            <numerusform>%n BLOCKER finding</numerusform>
            <numerusform>%n BLOCKER findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>%n BLOCKER finding(s) in version {version}</source>
        <translation>
            <numerusform>%n BLOCKER finding in version {version}</numerusform>
            <numerusform>%n BLOCKER findings in version {version}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{open} of %n finding(s) not yet disposed of</source>
        <translation>
            <numerusform>{open} of %n finding not yet disposed of</numerusform>
            <numerusform>{open} of %n findings not yet disposed of</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message numerus="yes">
        <location filename="../dashboard_panel.py" line="+233"/>
        <source>%n case(s): {open} open (the backlog), {decided} decided. {turnaround}</source>
        <translation>
            <numerusform>%n case: {open} open (the backlog), {decided} decided. {turnaround}</numerusform>
            <numerusform>%n cases: {open} open (the backlog), {decided} decided. {turnaround}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message numerus="yes">
        <location filename="../decision_dialog.py" line="+102"/>
        <source>%n blocker(s) are not disposed of yet.</source>
        <translation>
            <numerusform>%n blocker is not disposed of yet.</numerusform>
            <numerusform>%n blockers are not disposed of yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message numerus="yes">
        <location filename="../queue_panel.py" line="+310"/>
        <source>%n case(s) match “{words}”</source>
        <translation>
            <numerusform>%n case matches “{words}”</numerusform>
            <numerusform>%n cases match “{words}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Case {id}: {vendor}, {product} ({department}), {status}. %n finding(s), {blockers} BLOCKER, {open} not yet disposed of. Enter opens it.</source>
        <translation>
            <numerusform>Case {id}: {vendor}, {product} ({department}), {status}. %n finding, {blockers} BLOCKER, {open} not yet disposed of. Enter opens it.</numerusform>
            <numerusform>Case {id}: {vendor}, {product} ({department}), {status}. %n findings, {blockers} BLOCKER, {open} not yet disposed of. Enter opens it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message numerus="yes">
        <location filename="../rules_panel.py" line="+208"/>
        <source>{name} {version}: %n rule(s), owned by {owner} (SHA-256 {digest}…)</source>
        <translation>
            <numerusform>{name} {version}: %n rule, owned by {owner} (SHA-256 {digest}…)</numerusform>
            <numerusform>{name} {version}: %n rules, owned by {owner} (SHA-256 {digest}…)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n rule(s) loaded</source>
        <translation>
            <numerusform>%n rule loaded</numerusform>
            <numerusform>%n rules loaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>{shown} of %n rule(s)</source>
        <translation>
            <numerusform>{shown} of %n rule</numerusform>
            <numerusform>{shown} of %n rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+230"/>
        <source>%n example(s), not run yet.</source>
        <translation>
            <numerusform>%n example, not run yet.</numerusform>
            <numerusform>%n examples, not run yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>✔ All %n example(s) behave as written.</source>
        <translation>
            <numerusform>✔ The example behaves as written.</numerusform>
            <numerusform>✔ All %n examples behave as written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>✘ {failed} of %n example(s) failed.</source>
        <translation>
            <numerusform>✘ {failed} of %n example failed.</numerusform>
            <numerusform>✘ {failed} of %n examples failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>{rule}: {passed} of %n example(s) behave as written</source>
        <translation>
            <numerusform>{rule}: {passed} of %n example behaves as written</numerusform>
            <numerusform>{rule}: {passed} of %n examples behave as written</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubmitPanel</name>
    <message numerus="yes">
        <location filename="../submit_panel.py" line="+514"/>
        <source>Likely to be raised (%n blocker(s)): they stop the contract until they are changed or waived.</source>
        <translation>
            <numerusform>Likely to be raised (%n blocker): it stops the contract until it is changed or waived.</numerusform>
            <numerusform>Likely to be raised (%n blockers): they stop the contract until they are changed or waived.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Also likely to be raised (%n major finding(s)):</source>
        <translation>
            <numerusform>Also likely to be raised (%n major finding):</numerusform>
            <numerusform>Also likely to be raised (%n major findings):</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>BarChart</name>
    <message>
        <location filename="../bar_chart.py" line="+47"/>
        <source>Nothing to show yet.</source>
        <translation>Todavía no hay nada que mostrar.</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../case_panel.py" line="+180"/>
        <source>D&amp;ecide…</source>
        <translation>&amp;Decidir…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decide the case</source>
        <translation>Decidir el caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;open…</source>
        <translation>&amp;Reabrir…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reopen the case</source>
        <translation>Reabrir el caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;version…</source>
        <translation>Agregar &amp;versión…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a version</source>
        <translation>Agregar una versión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Com&amp;pare versions…</source>
        <translation>Com&amp;parar versiones…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compare versions</source>
        <translation>Comparar versiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;memo…</source>
        <translation>Exportar &amp;memorando…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+629"/>
        <source>Export the review memo</source>
        <translation>Exportar el memorando de revisión</translation>
    </message>
    <message>
        <location line="-627"/>
        <source>Export vendor &amp;redline…</source>
        <translation>Exportar &amp;copia comentada…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+652"/>
        <source>Export the vendor redline</source>
        <translation>Exportar la copia comentada para el proveedor</translation>
    </message>
    <message>
        <location line="-644"/>
        <source>Progress of adding the version</source>
        <translation>Progreso al agregar la versión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel adding the version</source>
        <translation>Cancelar la nueva versión</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Findings grouped by severity. A accepts, F flags for negotiation, W waives, X marks a false positive.</source>
        <translation>Hallazgos agrupados por gravedad. A acepta, F marca para negociar, W dispensa, X marca un falso positivo.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>F&amp;indings:</source>
        <translation>&amp;Hallazgos:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys in the list: A accept · F flag · W waive (reason first) · X false positive · F5 reload</source>
        <translation>Teclas en la lista: A aceptar · F marcar · W dispensar (antes el motivo) · X falso positivo · F5 recargar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flag for negotiation</source>
        <translation>Marcar para negociar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waive</source>
        <translation>Dispensar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False positive</source>
        <translation>Falso positivo</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Contract document</source>
        <translation>Documento del contrato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Document:</source>
        <translation>Doc&amp;umento:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Findings and the selected finding</source>
        <translation>Hallazgos y el hallazgo seleccionado</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Opening case {id}…</source>
        <translation>Abriendo el caso {id}…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Case {id} open</source>
        <translation>Caso {id} abierto</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} ({pages})</source>
        <translation>{name} ({pages})</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No case open: choose one in the review queue (Ctrl+2).</source>
        <translation>No hay ningún caso abierto: elija uno en la cola de revisión (Ctrl+2).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Case {id} — {vendor} — {product} ({department})</source>
        <translation>Caso {id} — {vendor} — {product} ({department})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status: {status} · version {version} · submitted by {user} on {when}</source>
        <translation>Estado: {status} · versión {version} · enviado por {user} el {when}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{decision} by {user} on {when}</source>
        <translation>{decision} por {user} el {when}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Decision: {decision}</source>
        <translation>Decisión: {decision}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>No decision yet: %n finding(s) not disposed of</source>
        <translation>
            <numerusform>Aún sin decisión: %n hallazgo sin atender</numerusform>
            <numerusform>Aún sin decisión: %n hallazgos sin atender</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n of them blocker(s).</source>
        <translation>
            <numerusform>, %n de ellos bloqueante.</numerusform>
            <numerusform>, %n de ellos bloqueantes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back in review; the last decision was: {decision}</source>
        <translation>De nuevo en revisión; la última decisión fue: {decision}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{word}: {count}</source>
        <translation>{word}: {count}</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>“{title}”: {disposition}</source>
        <translation>«{title}»: {disposition}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Comment added</source>
        <translation>Comentario agregado</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Case {id}: {decision}</source>
        <translation>Caso {id}: {decision}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reopen case {id}</source>
        <translation>Reabrir el caso {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why reopen it? The reason is kept in the audit trail.</source>
        <translation>¿Por qué reabrirlo? El motivo queda en el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason for reopening</source>
        <translation>Motivo para reabrir</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Case {id} is back in review</source>
        <translation>El caso {id} vuelve a estar en revisión</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The vendor&apos;s revised contract</source>
        <translation>El contrato revisado por el proveedor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contracts (*.pdf *.docx *.txt *.md);;All files (*)</source>
        <translation>Contratos (*.pdf *.docx *.txt *.md);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Version {version} added to case {id}</source>
        <translation>Versión {version} agregada al caso {id}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Adding the version was cancelled; nothing was stored</source>
        <translation>Se canceló la nueva versión; no se guardó nada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Adding the version…</source>
        <translation>Agregando la versión…</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+27"/>
        <source>Word document (*.docx)</source>
        <translation>Documento de Word (*.docx)</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Memo written to {path}</source>
        <translation>Memorando guardado en {path}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Folder for the vendor redlines</source>
        <translation>Carpeta para las copias comentadas del proveedor</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Vendor redline written to {paths} (%n comment(s))</source>
        <translation>
            <numerusform>Copia comentada para el proveedor guardada en {paths} (%n comentario)</numerusform>
            <numerusform>Copia comentada para el proveedor guardada en {paths} (%n comentarios)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <location filename="../case_table_model.py" line="+42"/>
        <source>Submitted</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In review</source>
        <translation>En revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes requested</source>
        <translation>Cambios solicitados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved with conditions</source>
        <translation>Aprobado con condiciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location line="+101"/>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vendor</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Antigüedad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open findings</source>
        <translation>Sin atender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blockers</source>
        <translation>Bloqueantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matched clause</source>
        <translation>Cláusula encontrada</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Days since the case was submitted; “decided” once it is approved or rejected</source>
        <translation>Días desde que se envió el caso; «decidido» una vez aprobado o rechazado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The latest version of the contract</source>
        <translation>La versión más reciente del contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings of the latest version nobody has disposed of yet</source>
        <translation>Hallazgos de la versión más reciente que nadie ha atendido todavía</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BLOCKER findings of the latest version: each must be disposed of before a decision</source>
        <translation>Hallazgos BLOQUEANTES de la versión más reciente: hay que atender cada uno antes de decidir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The clause the searched words were found in</source>
        <translation>La cláusula donde se encontraron las palabras buscadas</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Case {id}</source>
        <translation>Caso {id}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>decided</source>
        <translation>decidido</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n BLOCKER finding(s)</source>
        <translation>
            <numerusform>%n hallazgo BLOQUEANTE</numerusform>
            <numerusform>%n hallazgos BLOQUEANTES</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(before the first clause)</source>
        <translation>(antes de la primera cláusula)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Submitted by {user} on {when}</source>
        <translation>Enviado por {user} el {when}</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n BLOCKER finding(s) in version {version}</source>
        <translation>
            <numerusform>%n hallazgo BLOQUEANTE en la versión {version}</numerusform>
            <numerusform>%n hallazgos BLOQUEANTES en la versión {version}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{open} of %n finding(s) not yet disposed of</source>
        <translation>
            <numerusform>{open} de %n hallazgo sin atender todavía</numerusform>
            <numerusform>{open} de %n hallazgos sin atender todavía</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClauseChangeListModel</name>
    <message>
        <location filename="../compare_dialog.py" line="+73"/>
        <source>{mark} {kind}: {clause}</source>
        <translation>{mark} {kind}: {clause}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Changed</source>
        <translation>Modificada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added</source>
        <translation>Agregada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Removed</source>
        <translation>Eliminada</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location line="+11"/>
        <source>Case {id}: version {old} against version {new}</source>
        <translation>Caso {id}: versión {old} frente a versión {new}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comparison</source>
        <translation>Comparación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Findings</source>
        <translation>&amp;Hallazgos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lauses</source>
        <translation>C&amp;láusulas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Resolved in version {new} ({count})</source>
        <translation>&amp;Resueltos en la versión {new} ({count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Persisting ({count})</source>
        <translation>&amp;Persistentes ({count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New in version {new} ({count})</source>
        <translation>&amp;Nuevos en la versión {new} ({count})</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Clauses that differ</source>
        <translation>Cláusulas distintas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clauses that &amp;differ ({count}):</source>
        <translation>Cláusulas &amp;distintas ({count}):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version {old}</source>
        <translation>Versión {old}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clause in version {old}</source>
        <translation>Cláusula en la versión {old}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version {new}</source>
        <translation>Versión {new}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clause in version {new}</source>
        <translation>Cláusula en la versión {new}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Removed words are struck through (red); added words are underlined (green).</source>
        <translation>Las palabras eliminadas aparecen tachadas (en rojo); las agregadas, subrayadas (en verde).</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No clause differs between the two versions.</source>
        <translation>Ninguna cláusula cambia entre las dos versiones.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not in version {version}.</source>
        <translation>No figura en la versión {version}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Removed: {words}</source>
        <translation>Eliminado: {words}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added: {words}</source>
        <translation>Agregado: {words}</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <location filename="../dashboard_panel.py" line="+139"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the dashboard</source>
        <translation>Actualizar el tablero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the figures again (F5)</source>
        <translation>Volver a leer las cifras (F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export open data…</source>
        <translation>&amp;Exportar datos abiertos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the metrics as open data</source>
        <translation>Exportar los indicadores como datos abiertos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A CSV of counts, outcomes and turnaround by department and month, with no confidential content</source>
        <translation>Un CSV con cantidades, resultados y tiempos de resolución por departamento y mes, sin contenido confidencial</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Turnaround in days, from submission to decision</source>
        <translation>Tiempo de resolución en días, del envío a la decisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turnaround by department, table</source>
        <translation>Tiempo de resolución por departamento, tabla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases by status</source>
        <translation>Casos por estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases by status, table</source>
        <translation>Casos por estado, tabla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings by severity and department (latest versions)</source>
        <translation>Hallazgos por gravedad y departamento (versiones más recientes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings by severity and department, table</source>
        <translation>Hallazgos por gravedad y departamento, tabla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcomes by month submitted</source>
        <translation>Resultados por mes de envío</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcomes by month, table</source>
        <translation>Resultados por mes, tabla</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Metrics</source>
        <translation>Indicadores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Turnaround</source>
        <translation>Tiempo de &amp;resolución</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Backlog</source>
        <translation>&amp;Pendientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;indings</source>
        <translation>&amp;Hallazgos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcomes by &amp;month</source>
        <translation>Resultados por &amp;mes</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Turnaround: median {median} days, 90th percentile {p90} days.</source>
        <translation>Tiempo de resolución: mediana de {median} días, percentil 90 de {p90} días.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+21"/>
        <source>No case has been decided yet.</source>
        <translation>Todavía no se ha decidido ningún caso.</translation>
    </message>
    <message numerus="yes">
        <location line="-19"/>
        <source>%n case(s): {open} open (the backlog), {decided} decided. {turnaround}</source>
        <translation>
            <numerusform>%n caso: abiertos {open} (pendientes), decididos {decided}. {turnaround}</numerusform>
            <numerusform>%n casos: abiertos {open} (pendientes), decididos {decided}. {turnaround}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>All departments</source>
        <translation>Todos los departamentos</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+30"/>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Cases decided</source>
        <translation>Casos decididos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median days</source>
        <translation>Mediana (días)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>90th percentile days</source>
        <translation>Percentil 90 (días)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Median</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>90th percentile</source>
        <translation>Percentil 90</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{days} days</source>
        <translation>{days} días</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>decided</source>
        <translation>decidido</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Open or decided</source>
        <translation>Abierto o decidido</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not decided yet</source>
        <translation>Aún sin decidir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Month submitted</source>
        <translation>Mes de envío</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cases submitted</source>
        <translation>Casos enviados</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export open data</source>
        <translation>Exportar datos abiertos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open data written to {path}</source>
        <translation>Datos abiertos guardados en {path}</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../decision_dialog.py" line="+41"/>
        <source>Decide case {id}</source>
        <translation>Decidir el caso {id}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refused</source>
        <translation>Decisión no aceptada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Approved</source>
        <translation>&amp;Aprobado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved &amp;with conditions</source>
        <translation>Aprobado &amp;con condiciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hanges requested</source>
        <translation>Cambios &amp;solicitados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rejected</source>
        <translation>&amp;Rechazado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Decision note</source>
        <translation>Nota de la decisión</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Decide</source>
        <translation>&amp;Decidir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decide</source>
        <translation>Decidir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Decide case {id} — {vendor} — {product}. Every blocker must be disposed of first.</source>
        <translation>Decidir el caso {id} — {vendor} — {product}. Primero hay que atender todos los bloqueantes.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n blocker(s) are not disposed of yet.</source>
        <translation>
            <numerusform>Falta atender %n bloqueante.</numerusform>
            <numerusform>Falta atender %n bloqueantes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not decided ({code}): {message}</source>
        <translation>No se decidió ({code}): {message}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not decided: {error}</source>
        <translation>No se decidió: {error}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Note — required: the conditions of the approval</source>
        <translation>&amp;Nota — obligatoria: las condiciones de la aprobación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Note (optional): why, for the memo and the requester</source>
        <translation>&amp;Nota (opcional): el porqué, para el memorando y el solicitante</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../document_view.py" line="+74"/>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Contract outline</source>
        <translation>Esquema del contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press Enter on a section to go to it.</source>
        <translation>Presione Enter sobre una sección para ir a ella.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+9"/>
        <source>Contract text</source>
        <translation>Texto del contrato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pages of the PDF. Choose Text only to read its text with a screen reader.</source>
        <translation>Las páginas del PDF. Elija Solo texto para leerlo con un lector de pantalla.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No contract is open.</source>
        <translation>No hay ningún contrato abierto.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Contract tools</source>
        <translation>Herramientas del contrato</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{action} ({keys})</source>
        <translation>{action} ({keys})</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+32"/>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+30"/>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text only</source>
        <translation>Solo texto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outline</source>
        <translation>Esquema</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Fit to width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the contract as plain text</source>
        <translation>Mostrar el contrato como texto simple</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the outline</source>
        <translation>Mostrar el esquema</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The pages of this PDF cannot be shown; its text is shown instead.</source>
        <translation>No se pueden mostrar las páginas de este PDF; se muestra su texto.</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Page {page} of {count}</source>
        <translation>Página {page} de {count}</translation>
    </message>
</context>
<context>
    <name>FindingDetail</name>
    <message>
        <location filename="../finding_detail.py" line="+54"/>
        <source>Finding details</source>
        <translation>Detalle del hallazgo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason for the disposition</source>
        <translation>Motivo del tratamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needed to waive; kept with any disposition</source>
        <translation>Necesario para dispensar; se guarda con cualquier tratamiento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reaso&amp;n:</source>
        <translation>M&amp;otivo:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Accept</source>
        <translation>Ac&amp;eptar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accept the finding: the City can live with it (key A)</source>
        <translation>Aceptar el hallazgo: la Ciudad puede asumirlo (tecla A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;lag for negotiation</source>
        <translation>Marcar para &amp;negociar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ask the vendor to change it (key F)</source>
        <translation>Pedir al proveedor que lo cambie (tecla F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Waive</source>
        <translation>Di&amp;spensar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waive the finding; needs a reason (key W)</source>
        <translation>Dispensar el hallazgo; requiere un motivo (tecla W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False positive (&amp;X)</source>
        <translation>Falso positivo (&amp;X)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The rule was wrong here (key X)</source>
        <translation>La regla se equivocó aquí (tecla X)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New comment</source>
        <translation>Nuevo comentario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A comment for the other reviewers (Ctrl+Return adds it)</source>
        <translation>Un comentario para los demás revisores (Ctrl+Return lo agrega)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Commen&amp;t:</source>
        <translation>Comen&amp;tario:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the comment is about</source>
        <translation>A qué se refiere el comentario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;bout:</source>
        <translation>Se re&amp;fiere a:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;comment</source>
        <translation>A&amp;gregar comentario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add comment</source>
        <translation>Agregar comentario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the comment (Ctrl+Return)</source>
        <translation>Agregar el comentario (Ctrl+Return)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Comments on this finding</source>
        <translation>Comentarios sobre este hallazgo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments on the case</source>
        <translation>Comentarios sobre el caso</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>History of this finding</source>
        <translation>Historial de este hallazgo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History of the case</source>
        <translation>Historial del caso</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This finding</source>
        <translation>Este hallazgo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole case</source>
        <translation>Todo el caso</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Select a finding in the list to see it here.</source>
        <translation>Seleccione un hallazgo de la lista para verlo aquí.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the contract</source>
        <translation>el contrato</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Against the version before: {change}</source>
        <translation>Respecto a la versión anterior: {change}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quote</source>
        <translation>Cita</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Found: {value}</source>
        <translation>Encontrado: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>City limit: {threshold}</source>
        <translation>Límite de la Ciudad: {threshold}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value against the limit</source>
        <translation>Valor frente al límite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Looked for</source>
        <translation>Se buscó</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why it matters</source>
        <translation>Por qué importa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Policy</source>
        <translation>Norma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Propose instead</source>
        <translation>Proponer en su lugar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Assumed: the intake did not say whether this rule applies ({condition}); the finding holds only if it does.</source>
        <translation>Supuesto: el formulario de solicitud no indicó si esta regla aplica ({condition}); el hallazgo vale solo si aplica.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Severity raised: {why}</source>
        <translation>Gravedad aumentada: {why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disposition</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+32"/>
        <source>{disposition} by {user} on {when}</source>
        <translation>{disposition} por {user} el {when}</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>reason: {reason}</source>
        <translation>motivo: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None yet.</source>
        <translation>Ninguno todavía.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing yet.</source>
        <translation>Nada todavía.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Submitted by {user} on {when}</source>
        <translation>Enviado por {user} el {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version {version} added by {user} on {when}</source>
        <translation>Versión {version} agregada por {user} el {when}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Review started by {user} on {when}</source>
        <translation>Revisión iniciada por {user} el {when}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Decided by {user}: {decision} on {when}</source>
        <translation>Decidido por {user}: {decision} el {when}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reopened by {user} on {when}</source>
        <translation>Reabierto por {user} el {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused on {when}: {user} tried to {attempt} ({code}: {message})</source>
        <translation>Rechazado el {when}: {user} intentó {attempt} ({code}: {message})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{action} by {user} on {when}</source>
        <translation>{action} por {user} el {when}</translation>
    </message>
</context>
<context>
    <name>FindingTreeModel</name>
    <message>
        <location filename="../finding_tree_model.py" line="+50"/>
        <source>BLOCKER</source>
        <translation>BLOQUEANTE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAJOR</source>
        <translation>MAYOR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MINOR</source>
        <translation>MENOR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>INFO</source>
        <translation>INFORMATIVO</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Blockers ({count})</source>
        <translation>Bloqueantes ({count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major ({count})</source>
        <translation>Mayores ({count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minor ({count})</source>
        <translation>Menores ({count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info ({count})</source>
        <translation>Informativos ({count})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accepted</source>
        <translation>Aceptado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged for negotiation</source>
        <translation>Marcado para negociar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waived</source>
        <translation>Dispensado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False positive</source>
        <translation>Falso positivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not yet disposed of</source>
        <translation>Sin atender</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Persisting</source>
        <translation>Persistente</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Missing</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{document}, page {page}</source>
        <translation>{document}, página {page}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>page {page}</source>
        <translation>página {page}</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disposition</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../intake_form.py" line="+69"/>
        <source>e.g. Public Works</source>
        <translation>p. ej., Obras Públicas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the company you would sign with</source>
        <translation>la empresa con la que se firmaría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>what you are buying, e.g. Permit Portal</source>
        <translation>lo que se compra, p. ej., Portal de Permisos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>US dollars a year, e.g. 50,000</source>
        <translation>dólares estadounidenses al año, p. ej., 50,000</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>initial term, e.g. 36</source>
        <translation>plazo inicial, p. ej., 36</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hosted by the vendor (software as a service)</source>
        <translation>Hospedado por el proveedor (software como servicio)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed on City computers (on premises)</source>
        <translation>Instalado en equipos de la Ciudad (local)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both: partly hosted, partly installed (hybrid)</source>
        <translation>Ambos: en parte hospedado, en parte instalado (híbrido)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Personal &amp;information about residents or staff</source>
        <translation>Datos persona&amp;les de residentes o empleados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Police or criminal-&amp;justice records</source>
        <translation>Registros policiales o de justicia pe&amp;nal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hea&amp;lth or medical records</source>
        <translation>Registros de &amp;salud o médicos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kinds of data it handles</source>
        <translation>Tipos de datos que maneja</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Custo&amp;m development: the vendor builds something for us</source>
        <translation>Desarrollo a la &amp;medida: el proveedor crea algo para nosotros</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional: the vendor&apos;s CycloneDX or SPDX JSON file</source>
        <translation>opcional: el archivo JSON CycloneDX o SPDX del proveedor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bro&amp;wse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Card or ban&amp;k payments</source>
        <translation>Pagos con tar&amp;jeta o cuenta bancaria</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Public-facing: residents use it directl&amp;y</source>
        <translation>&amp;Uso público: los residentes lo usan directamente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical: an outage stops an &amp;essential City service</source>
        <translation>Crítico: una &amp;falla detiene un servicio esencial de la Ciudad</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+52"/>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+52"/>
        <source>Vendor</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+52"/>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Annual cost in US dollars</source>
        <translation>Costo anual en dólares estadounidenses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term in months</source>
        <translation>Plazo en meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+52"/>
        <source>Hosting</source>
        <translation>Hospedaje</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+53"/>
        <source>Public-facing</source>
        <translation>Uso público</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Critical system</source>
        <translation>Sistema crítico</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+53"/>
        <source>Custom development</source>
        <translation>Desarrollo a la medida</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Software bill of materials file</source>
        <translation>Archivo de la lista de materiales de software (SBOM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a software bill of materials file</source>
        <translation>Elegir un archivo de lista de materiales de software (SBOM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the software bill of materials file</source>
        <translation>Borrar el archivo de la lista de materiales de software (SBOM)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Department:</source>
        <translation>De&amp;partamento:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Vendor:</source>
        <translation>Pro&amp;veedor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Product:</source>
        <translation>P&amp;roducto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annual c&amp;ost (USD):</source>
        <translation>Cos&amp;to anual (USD):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Term (months):</source>
        <translation>Pla&amp;zo (meses):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hosting:</source>
        <translation>&amp;Hospedaje:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;BOM file:</source>
        <translation>Archivo S&amp;BOM:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Annual cost</source>
        <translation>Costo anual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term (months)</source>
        <translation>Plazo (meses)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kinds of data</source>
        <translation>Tipos de datos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Critical</source>
        <translation>Crítico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SBOM file</source>
        <translation>Archivo SBOM</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Choose the software bill of materials</source>
        <translation>Elegir la lista de materiales de software (SBOM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CycloneDX or SPDX JSON (*.json);;All files (*)</source>
        <translation>JSON CycloneDX o SPDX (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The intake was not accepted ({code}): {message}</source>
        <translation>No se aceptó el formulario de solicitud ({code}): {message}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the field “{field}”.</source>
        <translation>Revise el campo «{field}».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Intake error</source>
        <translation>Error en el formulario de solicitud</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="+75"/>
        <source>Contract review — City of San Rafael</source>
        <translation>Revisión de contratos — Ciudad de San Rafael</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+187"/>
        <source>Submit a contract</source>
        <translation>Enviar un contrato</translation>
    </message>
    <message>
        <location line="-187"/>
        <location line="+187"/>
        <source>Review queue</source>
        <translation>Cola de revisión</translation>
    </message>
    <message>
        <location line="-187"/>
        <location line="+187"/>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <location line="-187"/>
        <location line="+188"/>
        <source>Rules</source>
        <translation>Reglas</translation>
    </message>
    <message>
        <location line="-187"/>
        <location line="+187"/>
        <source>Dashboard</source>
        <translation>Tablero</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Choose who you are in Settings (Ctrl+,) before changing anything: {user} is not a user here.</source>
        <translation>Indique quién es usted en Configuración (Ctrl+,) antes de cambiar nada: {user} no es usuario aquí.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nobody</source>
        <translation>nadie</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>A sample case is being prepared: a real hosting agreement, for you to review as {user}.</source>
        <translation>Se está preparando un caso de ejemplo: un contrato de hospedaje real, para que lo revise como {user}.</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+25"/>
        <source>Opening the database…</source>
        <translation>Abriendo la base de datos…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The settings were not changed: the database could not be opened.</source>
        <translation>La configuración no cambió: no se pudo abrir la base de datos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No database is open. Choose one in Settings (Ctrl+,).</source>
        <translation>No hay ninguna base de datos abierta. Elija una en Configuración (Ctrl+,).</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>{user} ({role}) — {database}</source>
        <translation>{user} ({role}) — {database}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The sample case is ready: it is in the review queue; Enter opens it.</source>
        <translation>El caso de ejemplo está listo: está en la cola de revisión; Enter lo abre.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Closing: finishing what is being saved…</source>
        <translation>Cerrando: se termina de guardar lo pendiente…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Quit during an analysis?</source>
        <translation>¿Salir durante un análisis?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A contract is being analysed. Quit anyway? The analysis stops, and nothing of it is stored.</source>
        <translation>Se está analizando un contrato. ¿Salir de todos modos? El análisis se detiene y no se guarda nada de él.</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../message_banner.py" line="+21"/>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss the message</source>
        <translation>Descartar el mensaje</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not do that ({code}): {message}</source>
        <translation>No se pudo hacer ({code}): {message}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something went wrong in the app: {error}</source>
        <translation>Algo falló en la aplicación: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <location filename="../outline_model.py" line="+128"/>
        <source>Preamble</source>
        <translation>Preámbulo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recital</source>
        <translation>Considerando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signatures</source>
        <translation>Firmas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exhibit</source>
        <translation>Anexo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contents</source>
        <translation>Índice</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind}: {text}</source>
        <translation>{kind}: {text}</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>{section} (page {page})</source>
        <translation>{section} (página {page})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Page {page}</source>
        <translation>Página {page}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Section</source>
        <translation>Sección</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page</source>
        <translation>Página</translation>
    </message>
</context>
<context>
    <name>PdfPageView</name>
    <message>
        <location filename="../pdf_page_view.py" line="+106"/>
        <source>Contract pages</source>
        <translation>Páginas del contrato</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../queue_panel.py" line="+104"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All open</source>
        <translation>Todos los abiertos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+166"/>
        <source>All departments</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="-163"/>
        <location line="+4"/>
        <source>Search the contracts</source>
        <translation>Buscar en los contratos</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Words in any contract; Enter searches</source>
        <translation>Palabras en cualquier contrato; Enter busca</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Searc&amp;h</source>
        <translation>B&amp;uscar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter the rows shown</source>
        <translation>Filtrar las filas mostradas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Narrow the rows below as you type</source>
        <translation>Filtra las filas de abajo mientras escribe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Number of cases</source>
        <translation>Número de casos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selected case</source>
        <translation>Caso seleccionado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open case</source>
        <translation>Abrir &amp;caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected case</source>
        <translation>Abrir el caso seleccionado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the queue</source>
        <translation>Actualizar la cola</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load the cases again (F5)</source>
        <translation>Volver a cargar los casos (F5)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department:</source>
        <translation>&amp;Departamento:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search &amp;contracts:</source>
        <translation>&amp;Buscar en los contratos:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>F&amp;ilter rows:</source>
        <translation>&amp;Filtrar filas:</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not load the cases</source>
        <translation>No se pudieron cargar los casos</translation>
    </message>
    <message numerus="yes">
        <location line="+65"/>
        <source>%n case(s) match “{words}”</source>
        <translation>
            <numerusform>%n caso contiene «{words}»</numerusform>
            <numerusform>%n casos contienen «{words}»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n caso</numerusform>
            <numerusform>%n casos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{shown} shown of {text}</source>
        <translation>{shown} mostrados de {text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{text} (the newest; narrow the filters to see others)</source>
        <translation>{text} (los más recientes; ajuste los filtros para ver otros)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No case matches these filters.</source>
        <translation>Ningún caso coincide con estos filtros.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No cases to show.</source>
        <translation>No hay casos que mostrar.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Case {id}: {vendor}, {product} ({department}), {status}. %n finding(s), {blockers} BLOCKER, {open} not yet disposed of. Enter opens it.</source>
        <translation>
            <numerusform>Caso {id}: {vendor}, {product} ({department}), {status}. %n hallazgo; BLOQUEANTES: {blockers}; sin atender: {open}. Enter lo abre.</numerusform>
            <numerusform>Caso {id}: {vendor}, {product} ({department}), {status}. %n hallazgos; BLOQUEANTES: {blockers}; sin atender: {open}. Enter lo abre.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Found in clause {clause}: {snippet}</source>
        <translation>Encontrado en la cláusula {clause}: {snippet}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(before the first clause)</source>
        <translation>(antes de la primera cláusula)</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../settings.py" line="+20"/>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>requester</source>
        <translation>solicitante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reviewer</source>
        <translation>revisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approver</source>
        <translation>aprobador</translation>
    </message>
</context>
<context>
    <name>RuleTableModel</name>
    <message>
        <location filename="../rule_table_model.py" line="+52"/>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies to</source>
        <translation>Se aplica a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pack</source>
        <translation>Paquete</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <location filename="../rules_panel.py" line="+85"/>
        <source>Problem loading the rules</source>
        <translation>Problema al cargar las reglas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try &amp;again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load the rule packs again</source>
        <translation>Volver a cargar los paquetes de reglas</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+103"/>
        <source>Loading the rule packs…</source>
        <translation>Cargando los paquetes de reglas…</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Rule packs</source>
        <translation>Paquetes de reglas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rule id, title, severity, check or pack</source>
        <translation>Identificador, título, gravedad, verificación o paquete de la regla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter rules</source>
        <translation>Filtrar reglas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fi&amp;lter rules:</source>
        <translation>&amp;Filtrar reglas:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Rules</source>
        <translation>Reglas</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Rule details and examples</source>
        <translation>Detalle y ejemplos de la regla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Run examples</source>
        <translation>&amp;Ejecutar ejemplos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the examples of the chosen rule</source>
        <translation>Ejecutar los ejemplos de la regla elegida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review each example text with this rule alone (Alt+R)</source>
        <translation>Revisar el texto de cada ejemplo solo con esta regla (Alt+E)</translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
        <source>{name} {version}: %n rule(s), owned by {owner} (SHA-256 {digest}…)</source>
        <translation>
            <numerusform>{name} {version}: %n regla, a cargo de {owner} (SHA-256 {digest}…)</numerusform>
            <numerusform>{name} {version}: %n reglas, a cargo de {owner} (SHA-256 {digest}…)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n rule(s) loaded</source>
        <translation>
            <numerusform>%n regla cargada</numerusform>
            <numerusform>%n reglas cargadas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No rules loaded.</source>
        <translation>No se cargó ninguna regla.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(no file)</source>
        <translation>(sin archivo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In {file}, line {line}:</source>
        <translation>En {file}, línea {line}:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In {file}:</source>
        <translation>En {file}:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rule packs could not be loaded ({code}).</source>
        <translation>No se pudieron cargar los paquetes de reglas ({code}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Full path: {path}</source>
        <translation>Ruta completa: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct the file, then choose Try again.</source>
        <translation>Corrija el archivo y elija Reintentar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The rule packs could not be loaded ({code}): {message}</source>
        <translation>No se pudieron cargar los paquetes de reglas ({code}): {message}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The rule packs could not be loaded: {error}</source>
        <translation>No se pudieron cargar los paquetes de reglas: {error}</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>{shown} of %n rule(s)</source>
        <translation>
            <numerusform>{shown} de %n regla</numerusform>
            <numerusform>{shown} de %n reglas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose a rule to see what it checks and why.</source>
        <translation>Elija una regla para ver qué verifica y por qué.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pack</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies to</source>
        <translation>Se aplica a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose instead</source>
        <translation>Proponer en su lugar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message on a finding</source>
        <translation>Mensaje del hallazgo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What it checks</source>
        <translation>Qué verifica</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Examples</source>
        <translation>Ejemplos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Required: {what}</source>
        <translation>Obligatorio: {what}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only where the contract has: {what}</source>
        <translation>Solo si el contrato contiene: {what}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Value checked: {kind}</source>
        <translation>Valor verificado: {kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit: {limit}</source>
        <translation>Límite: {limit}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When {condition}: {limit}</source>
        <translation>Cuando {condition}: {limit}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A matching sentence without a value is flagged</source>
        <translation>Una oración que coincide pero sin valor se señala</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A matching sentence without a value passes</source>
        <translation>Una oración que coincide pero sin valor se acepta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A contract with no matching sentence is flagged</source>
        <translation>Un contrato sin ninguna oración que coincida se señala</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A contract with no matching sentence passes (another rule asks for the term)</source>
        <translation>Un contrato sin ninguna oración que coincida se acepta (otra regla exige la cláusula)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Licence table: {table}</source>
        <translation>Tabla de licencias: {table}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Software {context}: {pairs}</source>
        <translation>Software {context}: {pairs}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>always</source>
        <translation>siempre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Raised to {severity} when {condition}: {reason}</source>
        <translation>Sube a {severity} cuando {condition}: {reason}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sentences matching: {patterns}</source>
        <translation>Oraciones que coinciden con: {patterns}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>And also containing all of: {patterns}</source>
        <translation>Y que además contienen todo lo siguiente: {patterns}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In clauses of type {types} (score at least {score:g})</source>
        <translation>En cláusulas de tipo {types} (puntuación mínima {score:g})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sentence</source>
        <translation>la oración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>clause</source>
        <translation>la cláusula</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>document</source>
        <translation>el documento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Except where the {scope} has: {patterns}</source>
        <translation>Salvo que {scope} contenga: {patterns}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>one of {values}</source>
        <translation>uno de {values}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not {limit}</source>
        <translation>no {limit}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hours</source>
        <translation>horas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>months</source>
        <translation>meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>years</source>
        <translation>años</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>USD {amount}</source>
        <translation>USD {amount}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>at least the greater of {amount} and {months} months of fees</source>
        <translation>como mínimo, el mayor entre {amount} y {months} meses de tarifas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>at least {amount}</source>
        <translation>como mínimo {amount}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at least {months} months of fees</source>
        <translation>como mínimo {months} meses de tarifas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at most {amount}</source>
        <translation>como máximo {amount}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>below {limit}</source>
        <translation>por debajo de {limit}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This rule has no examples.</source>
        <translation>Esta regla no tiene ejemplos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expected</source>
        <translation>Se espera</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Example</source>
        <translation>Ejemplo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Must flag</source>
        <translation>Debe señalar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Must pass</source>
        <translation>Debe aceptar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>with the intake {given}</source>
        <translation>con el formulario de solicitud {given}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with a software bill of materials</source>
        <translation>con una lista de materiales de software (SBOM)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not run</source>
        <translation>No ejecutado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passed</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Falló</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Running the examples…</source>
        <translation>Ejecutando los ejemplos…</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n example(s), not run yet.</source>
        <translation>
            <numerusform>%n ejemplo, aún sin ejecutar.</numerusform>
            <numerusform>%n ejemplos, aún sin ejecutar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>✔ All %n example(s) behave as written.</source>
        <translation>
            <numerusform>✔ El ejemplo se comporta según lo escrito.</numerusform>
            <numerusform>✔ Los %n ejemplos se comportan según lo escrito.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>✘ {failed} of %n example(s) failed.</source>
        <translation>
            <numerusform>✘ Falló {failed} de %n ejemplo.</numerusform>
            <numerusform>✘ Fallaron {failed} de %n ejemplos.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Running the examples of {rule}…</source>
        <translation>Ejecutando los ejemplos de {rule}…</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>{rule}: {passed} of %n example(s) behave as written</source>
        <translation>
            <numerusform>{rule}: {passed} de %n ejemplo se comporta según lo escrito</numerusform>
            <numerusform>{rule}: {passed} de %n ejemplos se comportan según lo escrito</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="+74"/>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Embedded SQLite file (this computer)</source>
        <translation>Archivo SQLite en &amp;este equipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embedded SQLite file on this computer</source>
        <translation>Archivo SQLite integrado en este equipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;PostgreSQL server</source>
        <translation>Servidor &amp;PostgreSQL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PostgreSQL server</source>
        <translation>Servidor PostgreSQL</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PostgreSQL server URL</source>
        <translation>URL del servidor PostgreSQL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For example {url}</source>
        <translation>Por ejemplo, {url}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server &amp;URL:</source>
        <translation>&amp;URL del servidor:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Test connection</source>
        <translation>Pro&amp;bar la conexión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test the connection to the PostgreSQL server</source>
        <translation>Probar la conexión con el servidor PostgreSQL</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection test result</source>
        <translation>Resultado de la prueba de conexión</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Who I am</source>
        <translation>Quién soy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{user} ({role})</source>
        <translation>{user} ({role})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{user} (not a user in this database)</source>
        <translation>{user} (no es usuario de esta base de datos)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No users yet</source>
        <translation>Todavía no hay usuarios</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Who I am:</source>
        <translation>&amp;Quién soy:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A change of language applies the next time the app starts.</source>
        <translation>El cambio de idioma se aplica la próxima vez que se inicie la aplicación.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save the settings</source>
        <translation>Guardar la configuración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without saving</source>
        <translation>Cerrar sin guardar</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+3"/>
        <source>The file {path}</source>
        <translation>El archivo {path}</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The file {url}</source>
        <translation>El archivo {url}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(unless {variable} names another database: now {url})</source>
        <translation>(salvo que {variable} indique otra base de datos: ahora {url})</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter the server&apos;s URL, e.g. {url}</source>
        <translation>Escriba la URL del servidor, p. ej., {url}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Connecting to the server…</source>
        <translation>Conectando con el servidor…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Connected: {url} is ready for review cases.</source>
        <translation>Conectado: {url} está listo para los casos de revisión.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not connect ({code}): {message}</source>
        <translation>No se pudo conectar ({code}): {message}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not connect: {error}</source>
        <translation>No se pudo conectar: {error}</translation>
    </message>
</context>
<context>
    <name>SortControls</name>
    <message>
        <location filename="../table_sorting.py" line="+45"/>
        <source>Sort by column</source>
        <translation>Ordenar por columna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sort &amp;by:</source>
        <translation>&amp;Ordenar por:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Desce&amp;nding</source>
        <translation>Desce&amp;ndente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sort in descending order</source>
        <translation>Ordenar de forma descendente</translation>
    </message>
</context>
<context>
    <name>SubmitPanel</name>
    <message>
        <location filename="../submit_panel.py" line="+109"/>
        <source>Contract documents</source>
        <translation>Documentos del contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop files here or use Add documents (Ctrl+O).</source>
        <translation>Suelte los archivos aquí o use Agregar documentos (Ctrl+O).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Contract doc&amp;uments:</source>
        <translation>&amp;Documentos del contrato:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add every document of this one contract — the agreement, order form, data processing addendum, service levels — as PDF, Word (.docx) or text files. They are reviewed together. Drop them on the list or choose them with Add documents (Ctrl+O).</source>
        <translation>Agregue todos los documentos de este contrato —el contrato, el formulario de pedido, el anexo de tratamiento de datos, los niveles de servicio— como archivos PDF, Word (.docx) o de texto. Se revisan juntos. Suéltelos en la lista o elíjalos con Agregar documentos (Ctrl+O).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Add documents…</source>
        <translation>A&amp;gregar documentos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add documents</source>
        <translation>Agregar documentos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose PDF, Word or text files (Ctrl+O)</source>
        <translation>Elegir archivos PDF, Word o de texto (Ctrl+O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove selected</source>
        <translation>&amp;Quitar seleccionados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected documents</source>
        <translation>Quitar los documentos seleccionados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected documents from the list (Delete)</source>
        <translation>Quitar de la lista los documentos seleccionados (Delete)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Submit for review</source>
        <translation>&amp;Enviar a revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit for review</source>
        <translation>Enviar a revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store the case and run the pre-check (Ctrl+Return)</source>
        <translation>Guardar el caso y hacer la revisión previa (Ctrl+Return)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Analysis progress</source>
        <translation>Progreso del análisis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the analysis</source>
        <translation>Cancelar el análisis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop before anything is stored (Escape)</source>
        <translation>Detener antes de guardar nada (Escape)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pre-check summary</source>
        <translation>Resumen de la revisión previa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Submit a&amp;nother</source>
        <translation>Enviar &amp;otro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit another contract</source>
        <translation>Enviar otro contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the documents and the form for the next contract</source>
        <translation>Vaciar los documentos y el formulario para el siguiente contrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-check: what Digital Service will likely raise</source>
        <translation>Revisión previa: lo que probablemente señalará Digital Service</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>1. The contract</source>
        <translation>1. El contrato</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>2. The purchase</source>
        <translation>2. La compra</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Contract documents and purchase details</source>
        <translation>Documentos del contrato y datos de la compra</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Add the contract&apos;s documents</source>
        <translation>Agregar los documentos del contrato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contract documents (*.pdf *.docx *.txt *.md);;PDF (*.pdf);;Word (*.docx);;Text (*.txt *.md)</source>
        <translation>Documentos del contrato (*.pdf *.docx *.txt *.md);;PDF (*.pdf);;Word (*.docx);;Texto (*.txt *.md)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{name}: not a PDF, Word (.docx) or text file</source>
        <translation>{name}: no es un archivo PDF, Word (.docx) ni de texto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: no such file</source>
        <translation>{name}: el archivo no existe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not added — {files}. Save a Word 97-2003 .doc as .docx, or print other files to PDF.</source>
        <translation>No se agregaron — {files}. Guarde los .doc de Word 97-2003 como .docx, o imprima otros archivos a PDF.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Files not added</source>
        <translation>Archivos no agregados</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not submitted: correct the intake first.</source>
        <translation>No se envió: corrija primero el formulario de solicitud.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Starting the analysis…</source>
        <translation>Iniciando el análisis…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelled; nothing was stored.</source>
        <translation>Cancelado; no se guardó nada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not submitted; nothing was stored.</source>
        <translation>No se envió; no se guardó nada.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Case {id} stored; preparing the pre-check summary…</source>
        <translation>Caso {id} guardado; preparando el resumen de la revisión previa…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Case {id} is stored, but its summary could not be read.</source>
        <translation>El caso {id} se guardó, pero no se pudo leer su resumen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case {id} is stored and Digital Service will review it. Its pre-check could not be read (the message above says why); the case itself opens under Case (Ctrl+3).</source>
        <translation>El caso {id} está guardado y Digital Service lo revisará. No se pudo leer su revisión previa (el mensaje de arriba explica por qué); el caso se abre en Caso (Ctrl+3).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Case {id} submitted to Digital Service for review; it is open under Case (Ctrl+3).</source>
        <translation>Caso {id} enviado a Digital Service para su revisión; está abierto en Caso (Ctrl+3).</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Case {id}: {vendor} — {product} ({department})</source>
        <translation>Caso {id}: {vendor} — {product} ({department})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Submitted to Digital Service. The automatic pre-check read the contract against the City&apos;s rules; this is what the reviewers will likely raise with the vendor.</source>
        <translation>Enviado a Digital Service. La revisión previa automática comparó el contrato con las reglas de la Ciudad; esto es lo que probablemente los revisores plantearán al proveedor.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Likely to be raised (%n blocker(s)): they stop the contract until they are changed or waived.</source>
        <translation>
            <numerusform>Probablemente se planteará (%n bloqueante): detiene el contrato hasta que se cambie o se dispense.</numerusform>
            <numerusform>Probablemente se plantearán (%n bloqueantes): detienen el contrato hasta que se cambien o se dispensen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No blockers: nothing found would stop the contract.</source>
        <translation>Sin bloqueantes: no se encontró nada que detenga el contrato.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Also likely to be raised (%n major finding(s)):</source>
        <translation>
            <numerusform>También se planteará probablemente (%n hallazgo mayor):</numerusform>
            <numerusform>También se plantearán probablemente (%n hallazgos mayores):</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also in the case: {minor} minor, {info} for information.</source>
        <translation>También en el caso: menores: {minor}; informativos: {info}.</translation>
    </message>
</context>
</TS>

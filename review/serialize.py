"""The JSON shape of a document, its clauses and their analysis: one shape for `extract`, `classify` and the
review report, so a tool reading one can read the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING

from review.model import Clause, Document

if TYPE_CHECKING:
    from review.extract.analysis import Analysis


def document_json(document: Document, clauses: Sequence[Clause]) -> dict[str, object]:
    return {
        "document": {
            "path": document.path,
            "sha256": document.sha256,
            "format": document.format,
            "pages": len(document.pages),
            "has_text_layer": document.has_text_layer,
            "ocr": document.ocr,
            "warnings": list(document.warnings),
            "comments": [asdict(c) for c in document.comments],
            "text": document.text,
        },
        "clauses": [
            {
                "id": c.id,
                "number": c.number,
                "heading": c.heading,
                "kind": c.kind,
                "level": c.level,
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "page_start": c.page_start,
                "page_end": c.page_end,
                "boxes": [[b.page, b.x0, b.top, b.x1, b.bottom] for b in c.boxes],
            }
            for c in clauses
        ],
    }


def analysis_json(analysis: Analysis) -> dict[str, object]:
    """document_json, with each clause's types and values and the document-level findings of the models."""
    result = document_json(analysis.document, [item.clause for item in analysis.clauses])
    for entry, item in zip(result["clauses"], analysis.clauses, strict=True):  # type: ignore[call-overload]
        entry["types"] = [{"type": t.type, "score": round(t.score, 4), "source": t.source} for t in item.types]
        entry["values"] = [asdict(v) for v in item.values]
    result["types_found"] = sorted(analysis.found)
    return result

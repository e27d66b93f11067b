"""The command line: `python main.py <command> ...` (or the `contract-review` console script).

Every error the library raises on purpose is printed as one line with its code, and the exit code is 3;
nothing is written to standard output unless the command succeeded.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict

from review.errors import ReviewError
from review.ingest import DEFAULT_MAX_PAGES, open_document
from review.model import Clause, Document
from review.segment import segment

EXIT_ERROR = 3


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


def document_text(document: Document, clauses: Sequence[Clause]) -> str:
    pages = len(document.pages)
    lines = [f"{document.path}  ({document.format}, {pages} page{'s' if pages != 1 else ''}, {len(clauses)} clauses)"]
    lines += [f"warning: {w}" for w in document.warnings]
    for clause in clauses:
        where = f"p. {clause.page_start}" + (f"-{clause.page_end}" if clause.page_end != clause.page_start else "")
        label = " ".join(part for part in (clause.number, clause.heading) if part) or clause.kind
        lines.append(f"\n[{clause.id}] {label}  ({clause.kind}, {where})")
        lines.append(clause.text)
    return "\n".join(lines) + "\n"


def _extract(args: argparse.Namespace) -> int:
    document = open_document(args.file, password=args.password, max_pages=args.max_pages)
    clauses = segment(document)
    if args.format == "json":
        output = json.dumps(document_json(document, clauses), ensure_ascii=False, indent=2) + "\n"
    else:
        output = document_text(document, clauses)
    sys.stdout.write(output)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Technology contract review for the city.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    extract = commands.add_parser("extract", help="read a contract and print its clauses")
    extract.add_argument("file", help="a PDF, DOCX, text or Markdown file")
    extract.add_argument("--format", choices=("json", "text"), default="text")
    extract.add_argument("--password", help="password of an encrypted PDF")
    extract.add_argument("--max-pages", type=int, default=DEFAULT_MAX_PAGES, help="refuse longer documents")
    extract.set_defaults(run=_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return int(args.run(args))
    except ReviewError as error:
        print(f"error {error.code}: {error.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130

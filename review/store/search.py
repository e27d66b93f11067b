"""Full-text search over the stored documents' text: SQLite's FTS5 table `document_search`, or PostgreSQL's
stored `search_vector` column with its GIN index. Both are made by migration 0002; this module only queries
them. One row a document, not a clause: a word every contract holds then means thousands of rows, not
millions, and the clause a hit is in is found afterwards, for the few cases shown.

People type words, not query syntax: each word is matched as a term (SQLite: quoted, with prefix
matching on the last word; PostgreSQL: websearch_to_tsquery, which also takes "phrases" and -words).
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Select, bindparam, literal_column, select, text

from review.store.models import DocumentVersion

_WORD = re.compile(r"[\w'’-]+")


def words_of(query: str) -> list[str]:
    return _WORD.findall(query)


def fts5_query(query: str) -> str:
    """Words as FTS5 terms, all required, each quoted so that AND, NEAR or a stray quote mean nothing special.

    >>> fts5_query('liability "cap" OR')
    '"liability" "cap" "OR"'
    """
    return " ".join('"' + word.replace('"', '""') + '"' for word in words_of(query))


def document_matches(dialect: str, query: str) -> ColumnElement[bool]:
    """A condition on `document_versions` rows: the document holds every word of the query."""
    if dialect == "postgresql":
        condition = "document_versions.search_vector @@ websearch_to_tsquery('english', :search_words)"
        return text(condition).bindparams(bindparam("search_words", query))  # type: ignore[return-value]
    matching: Select[tuple[int]] = (
        select(literal_column("rowid"))
        .select_from(text("document_search"))
        .where(text("document_search MATCH :search_words").bindparams(bindparam("search_words", fts5_query(query))))
    )
    return DocumentVersion.id.in_(matching)


def first_match(text_: str, query: str) -> int | None:
    """Where the first word of the query is in the text, matched loosely by its first five letters (both
    databases stem: "indemnify" finds "indemnification")."""
    found = _loose(query).search(text_) if words_of(query) else None
    return found.start() if found else None


def snippet(text_: str, query: str, at: int | None = None, width: int = 180) -> str:
    """About `width` characters of the text around `at` (default: the first word of the query in it), spacing
    flattened and the query's words marked [like this]. Only the window is touched: contracts are long."""
    at = first_match(text_, query) if at is None else at
    start = max(0, (at or 0) - width // 3)
    window = text_[start : start + 2 * width]
    piece = " ".join(window.split())[:width]
    piece = ("…" if start else "") + piece + ("…" if start + len(window) < len(text_) else "")
    return _loose(query).sub(lambda m: f"[{m.group(0)}]", piece) if words_of(query) else piece


def _loose(query: str) -> re.Pattern[str]:
    words = [w.lower() for w in words_of(query) if len(w) > 1] or words_of(query)
    return re.compile(r"\b(" + "|".join(re.escape(w[:5]) for w in words) + r")[\w'’-]*", re.IGNORECASE)

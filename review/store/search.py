"""Full-text search over the stored clauses: SQLite's FTS5 table `clause_search`, or PostgreSQL's text search
on the GIN-indexed expression below. Both are made by migration 0002; this module only queries them.

People type words, not query syntax: each word is matched as a term (SQLite: quoted, with prefix
matching on the last word; PostgreSQL: websearch_to_tsquery, which also takes "phrases" and -words).
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Select, bindparam, literal_column, select, text

from review.store.models import ClauseRecord

# The expression migration 0002 indexes; the query must repeat it exactly for PostgreSQL to use the index.
POSTGRES_DOCUMENT = "to_tsvector('english', coalesce(clauses.heading, '') || ' ' || clauses.text)"
_WORD = re.compile(r"[\w'’-]+")


def words_of(query: str) -> list[str]:
    return _WORD.findall(query)


def fts5_query(query: str) -> str:
    """Words as FTS5 terms, all required, each quoted so that AND, NEAR or a stray quote mean nothing special.

    >>> fts5_query('liability "cap" OR')
    '"liability" "cap" "OR"'
    """
    return " ".join('"' + word.replace('"', '""') + '"' for word in words_of(query))


def clause_matches(dialect: str, query: str) -> ColumnElement[bool]:
    """A condition on `clauses` rows: the clause holds every word of the query."""
    if dialect == "postgresql":
        return text(f"{POSTGRES_DOCUMENT} @@ websearch_to_tsquery('english', :search_words)").bindparams(
            bindparam("search_words", query)
        )  # type: ignore[return-value]
    matching: Select[tuple[int]] = (
        select(literal_column("rowid"))
        .select_from(text("clause_search"))
        .where(text("clause_search MATCH :search_words").bindparams(bindparam("search_words", fts5_query(query))))
    )
    return ClauseRecord.id.in_(matching)


def snippet(text_: str, query: str, width: int = 180) -> str:
    """The part of a clause around the first word of the query found in it, the words marked [like this]."""
    words = [w.lower() for w in words_of(query) if len(w) > 1]
    # stems matched loosely (first five letters), as both databases match "indemnify" to "indemnification"
    pattern = re.compile(r"\b(" + "|".join(re.escape(w[:5]) for w in words) + r")[\w'’-]*", re.IGNORECASE)
    flat = " ".join(text_.split())
    found = pattern.search(flat) if words else None
    start = max(0, found.start() - width // 3) if found else 0
    piece = flat[start : start + width]
    piece = ("…" if start else "") + piece + ("…" if start + width < len(flat) else "")
    return pattern.sub(lambda m: f"[{m.group(0)}]", piece) if words else piece

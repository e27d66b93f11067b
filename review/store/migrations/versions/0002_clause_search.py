"""full-text search over clauses: an FTS5 table kept by triggers on SQLite, a GIN index on PostgreSQL

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# review.store.search queries exactly this expression, so PostgreSQL can use the index
POSTGRES_DOCUMENT = "to_tsvector('english', coalesce(heading, '') || ' ' || text)"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_clauses_search ON clauses USING gin ({POSTGRES_DOCUMENT})")
        return
    # An external-content FTS5 table: the text stays in `clauses`, the index follows it through triggers.
    op.execute(
        "CREATE VIRTUAL TABLE clause_search USING fts5("
        "heading, text, content='clauses', content_rowid='id', tokenize='porter unicode61')"
    )
    op.execute(
        "CREATE TRIGGER clause_search_insert AFTER INSERT ON clauses BEGIN "
        "INSERT INTO clause_search(rowid, heading, text) VALUES (new.id, new.heading, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER clause_search_delete AFTER DELETE ON clauses BEGIN "
        "INSERT INTO clause_search(clause_search, rowid, heading, text) "
        "VALUES ('delete', old.id, old.heading, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER clause_search_update AFTER UPDATE ON clauses BEGIN "
        "INSERT INTO clause_search(clause_search, rowid, heading, text) "
        "VALUES ('delete', old.id, old.heading, old.text); "
        "INSERT INTO clause_search(rowid, heading, text) VALUES (new.id, new.heading, new.text); END"
    )
    op.execute("INSERT INTO clause_search(clause_search) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_clauses_search")
        return
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER clause_search_{trigger}")
    op.execute("DROP TABLE clause_search")

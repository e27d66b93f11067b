"""full-text search over each document's text: an FTS5 table kept by triggers on SQLite; on PostgreSQL a
stored tsvector column with a GIN index

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # Stored, so a search reads the index and never re-parses a contract's text.
        op.execute(
            "ALTER TABLE document_versions ADD COLUMN search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED"
        )
        op.execute("CREATE INDEX ix_document_versions_search ON document_versions USING gin (search_vector)")
        return
    # An external-content FTS5 table: the text stays in document_versions, the index follows it by triggers.
    op.execute(
        "CREATE VIRTUAL TABLE document_search USING fts5("
        "text, content='document_versions', content_rowid='id', tokenize='porter unicode61')"
    )
    op.execute(
        "CREATE TRIGGER document_search_insert AFTER INSERT ON document_versions BEGIN "
        "INSERT INTO document_search(rowid, text) VALUES (new.id, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER document_search_delete AFTER DELETE ON document_versions BEGIN "
        "INSERT INTO document_search(document_search, rowid, text) VALUES ('delete', old.id, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER document_search_update AFTER UPDATE OF text ON document_versions BEGIN "
        "INSERT INTO document_search(document_search, rowid, text) VALUES ('delete', old.id, old.text); "
        "INSERT INTO document_search(rowid, text) VALUES (new.id, new.text); END"
    )
    op.execute("INSERT INTO document_search(document_search) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_document_versions_search")
        op.execute("ALTER TABLE document_versions DROP COLUMN search_vector")
        return
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER document_search_{trigger}")
    op.execute("DROP TABLE document_search")

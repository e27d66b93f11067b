"""Alembic migrations of the review store (run with review.store.migrate)."""

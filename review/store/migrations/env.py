"""Alembic's environment: the models' metadata, batch mode so SQLite can alter tables."""

from __future__ import annotations

from alembic import context

from review.store.migrate import is_model_object
from review.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through review.store.migrate(), which passes the connection")
context.configure(
    connection=connection, target_metadata=Base.metadata, render_as_batch=True, include_name=is_model_object
)
with context.begin_transaction():
    context.run_migrations()

"""The desktop app (PySide6): submit contracts, work through review cases, decide, export.

It stands on the library's public services (review.workflow.services and queries, review.export) and
never reaches into the database itself; review/ never imports this package.
"""

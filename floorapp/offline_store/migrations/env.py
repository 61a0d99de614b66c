"""Alembic environment: migrate the connection FloorApp hands over, or a database named on the command line."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from floorapp.offline_store.models import Base

config = context.config
target_metadata = config.attributes.get("target_metadata", Base.metadata)


def run_migrations() -> None:
    """Run the pending revisions on FloorApp's open connection (its transaction makes them atomic)."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    # Developer tooling (``python -m floorapp.offline_store.migrations``): a throwaway database file.
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table (copy, drop, rename) instead.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()

"""Bulk writes of rows pulled from Odoo: plain SQL on the unit of work's connection, a page per statement.

A first pull writes every product of the catalog. Through SQLAlchemy's ORM-enabled ``insert()`` each row cost a
parameter dictionary processed in Python and its own ``executemany`` step, each giving up and taking back the GIL
while the next page is fetched and decoded on another thread; profiled, that was two thirds of a first pull of
100,000 products. Here a page is one ``INSERT ... VALUES (...), (...) ... ON CONFLICT(id) DO UPDATE`` per chunk of
rows (as many as SQLite's bound-variable limit allows), with the values as a flat tuple: one statement, bound in C.

Only the columns given (Odoo's) are in the ``SET`` list, so the floor's columns of a row already held are never
overwritten; a new row gets the floor columns' defaults from the model, exactly as an ORM insert would. The SQL
still goes through the session's connection, so it is in the unit of work's transaction and SQLite errors are
translated into storage faults like any other statement.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from floorapp.offline_store.models import Base

#: SQLite's default bound-variable limit since 3.32; older libraries have 999 (asked at run time, see below).
_FALLBACK_VARIABLES = 999


@dataclass(frozen=True)
class BulkUpsert:
    """``INSERT ... ON CONFLICT(id) DO UPDATE`` of ``columns`` (``id`` first) into one table.

    ``defaults`` are the other columns' scalar defaults (the floor's columns), written on insert only.
    """

    table: str
    columns: tuple[str, ...]
    defaults: tuple[tuple[str, Any], ...]

    def write(self, session: Session, rows: Sequence[Sequence[Any]]) -> None:
        """Upsert ``rows`` (tuples in ``columns`` order) in the session's transaction."""
        if not rows:
            return
        connection = session.connection()
        default_values = tuple(value for _, value in self.defaults)
        width = len(self.columns) + len(default_values)
        per_statement = max(1, _variable_limit(connection.connection.driver_connection) // width)
        names = ", ".join((*self.columns, *(name for name, _ in self.defaults)))
        updates = ", ".join(f"{c} = excluded.{c}" for c in self.columns if c != "id")
        conflict = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
        group = "(" + ", ".join("?" * width) + ")"
        statements: dict[int, str] = {}
        for start in range(0, len(rows), per_statement):
            chunk = rows[start:start + per_statement]
            sql = statements.get(len(chunk))
            if sql is None:
                sql = (f"INSERT INTO {self.table} ({names}) VALUES {', '.join([group] * len(chunk))} "
                       f"ON CONFLICT(id) {conflict}")
                statements[len(chunk)] = sql
            flat: list[Any] = []
            if default_values:
                for row in chunk:
                    flat.extend(row)
                    flat.extend(default_values)
            else:
                for row in chunk:
                    flat.extend(row)
            connection.exec_driver_sql(sql, tuple(flat))


def bulk_upsert(table: type[Base], columns: Sequence[str]) -> BulkUpsert | None:
    """The bulk upsert of ``columns`` into ``table``, or None when a column left out has a computed default.

    A computed default (``default=dict`` on a JSON column, ``utcnow``) needs SQLAlchemy's processing: such a
    table keeps the ORM's insert.
    """
    return _bulk_upsert(table, tuple(columns))


@cache
def _bulk_upsert(table: type[Base], columns: tuple[str, ...]) -> BulkUpsert | None:
    core: Table = table.__table__  # type: ignore[assignment]
    if not columns or columns[0] != "id":
        raise ValueError("a bulk upsert writes id first")
    defaults: list[tuple[str, Any]] = []
    for column in core.columns:
        if column.name in columns:
            continue
        if column.server_default is not None:
            return None
        if column.default is None:
            continue
        if not column.default.is_scalar:
            return None
        defaults.append((column.name, column.default.arg))  # type: ignore[attr-defined]
    unknown = set(columns) - {c.name for c in core.columns}
    if unknown:
        raise ValueError(f"{core.name} has no column {sorted(unknown)}")
    return BulkUpsert(core.name, columns, tuple(defaults))


def held_write_dates(session: Session, table: type[Base], ids: Iterable[int]) -> dict[int, str | None]:
    """``{id: write_date}`` of the rows of ``table`` the store already holds among ``ids``."""
    name = table.__table__.name  # type: ignore[attr-defined]
    wanted = list(ids)
    connection = session.connection()
    per_statement = _variable_limit(connection.connection.driver_connection)
    held: dict[int, str | None] = {}
    for start in range(0, len(wanted), per_statement):
        chunk = tuple(wanted[start:start + per_statement])
        marks = ", ".join("?" * len(chunk))
        result = connection.exec_driver_sql(f"SELECT id, write_date FROM {name} WHERE id IN ({marks})", chunk)
        held.update((int(rid), stamp) for rid, stamp in result)
    return held


def _variable_limit(driver_connection: Any) -> int:
    if isinstance(driver_connection, sqlite3.Connection) and hasattr(driver_connection, "getlimit"):
        return int(driver_connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    return _FALLBACK_VARIABLES

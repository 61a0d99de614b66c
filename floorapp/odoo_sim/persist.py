"""Optional persistence of the simulated database in a SQLite file, so the demo warehouse survives restarts.

Each committed transaction writes exactly the records it touched (one row per record, JSON encoded).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

from floorapp.errors import StorageFault
from floorapp.odoo_sim.orm import Database, Transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS records (model TEXT NOT NULL, id INTEGER NOT NULL, data TEXT NOT NULL,
                                    PRIMARY KEY (model, id));
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class SqliteState:
    """A SQLite file holding every record of the simulated database."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(path), check_same_thread=False)
            self.conn.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise StorageFault("The simulator's state file cannot be opened.", detail=f"{path}: {exc}") from exc

    def load(self, db: Database) -> bool:
        """Fill ``db`` from the file; False when the file is empty (then the caller seeds)."""
        with self._lock:
            rows = self.conn.execute("SELECT model, id, data FROM records").fetchall()
            meta = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())
        if not rows:
            return False
        for model, rid, data in rows:
            if model in db.tables:
                db.insert(model, json.loads(data), int(rid))
        db.sequences.update(json.loads(meta.get("sequences", "{}")))
        return True

    def save_all(self, db: Database) -> None:
        """Write the whole database (after seeding)."""
        with self._lock, self.conn:
            self.conn.execute("DELETE FROM records")
            self.conn.executemany(
                "INSERT INTO records (model, id, data) VALUES (?, ?, ?)",
                ((model, rid, json.dumps(rec)) for model, table in db.tables.items() for rid, rec in table.items()),
            )
            self._save_meta(db)

    def save_transaction(self, txn: Transaction) -> None:
        """Write the records one committed transaction touched."""
        db = txn.db
        with self._lock, self.conn:
            for model, rid in txn.undo:
                rec = db.tables.get(model, {}).get(rid)
                if rec is None:
                    self.conn.execute("DELETE FROM records WHERE model = ? AND id = ?", (model, rid))
                else:
                    self.conn.execute("INSERT OR REPLACE INTO records (model, id, data) VALUES (?, ?, ?)",
                                      (model, rid, json.dumps(rec)))
            self._save_meta(db)

    def _save_meta(self, db: Database) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('sequences', ?)",
                          (json.dumps(db.sequences),))

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self.conn.close()

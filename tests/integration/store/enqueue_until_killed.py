"""Child process of the durability test: enqueue outbox entries as fast as possible until killed.

Usage: ``python enqueue_until_killed.py DATABASE RUN_ID``. Prints ``ready`` once the store is open, then one line
``<client_uuid> <seq>`` per entry, each only after its ``commit()`` has returned. The payload is derived from
(run id, seq, uuid) so the parent can check every stored entry for exact content.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path
from typing import Any

from floorapp.offline_store.db import open_database
from floorapp.offline_store.unit_of_work import UnitOfWork

KIND = "test.durability"


def expected_payload(run_id: str, seq: int, client_uuid: str) -> dict[str, Any]:
    """The payload the child writes for entry ``seq`` of run ``run_id`` (varied size, nesting and text)."""
    return {
        "run": run_id,
        "seq": seq,
        "uuid": client_uuid,
        "lines": [{"product_id": seq * 10 + i, "qty": i + 0.5, "lot": f"LOT-{seq}-{i}"} for i in range(seq % 5)],
        "note": "Größe ✓ " + "x" * (seq * 37 % 3000),
        "flags": {"short": seq % 3 == 0, "reason": None},
    }


def main() -> None:
    """Open the store and enqueue until killed."""
    database = open_database(Path(sys.argv[1]))
    run_id = sys.argv[2]
    print("ready", flush=True)
    seq = 0
    while True:
        client_uuid = str(uuid.uuid4())
        with UnitOfWork(database) as uow:
            uow.outbox.add(
                KIND,
                expected_payload(run_id, seq, client_uuid),
                document_key=f"picking:{seq % 7}",
                user_id=seq % 4 or None,
                preconditions={"state": "assigned", "seq": seq},
                client_uuid=client_uuid,
            )
            uow.commit()
        print(client_uuid, seq, flush=True)
        seq += 1


if __name__ == "__main__":
    main()

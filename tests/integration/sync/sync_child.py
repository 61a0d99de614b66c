"""A sync process to be SIGKILLed: runs the outbox worker once and kills itself after its k-th RPC.

The kill comes from inside, right after the k-th RPC's reply was received and before the next request is
sent, so "between RPC k and k+1" is exact. Usage:
    sync_child.py DB_PATH URL DATABASE LOGIN KEY PHOTO_DIR KILL_AFTER
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any


def main(argv: list[str]) -> int:
    db_path, url, database, login, key, photo_dir, kill_after = argv
    from floorapp.offline_store.db import open_database
    from floorapp.sync.client import ConnectionConfig, ErpClient, connect
    from floorapp.sync.worker import OutboxWorker, photo_loader_for

    limit = int(kill_after)
    calls = 0

    def on_call(event: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == limit:
            os.kill(os.getpid(), signal.SIGKILL)

    def factory() -> ErpClient:
        client = connect(ConnectionConfig(url=url, database=database, login=login, secret=key, timeout_seconds=5))
        client.add_listener(on_call)
        return client

    store = open_database(Path(db_path))
    worker = OutboxWorker(store, factory, photo_loader=photo_loader_for(Path(photo_dir)))
    worker.run_once()
    print(f"finished after {calls} calls", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

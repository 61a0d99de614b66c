"""SIGKILL of the sync process between any two RPCs, for every transaction kind, then a restart: exactly once.

The sync runs in a child process (sync_child.py) against the shipped server in this process; it kills itself
with SIGKILL right after its k-th RPC, for every k of a clean run. A new worker (a restarted FloorApp) then
syncs, and Odoo must hold the once-applied state with the outbox entry applied.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from synckit import SCENARIOS, Harness, RpcCounter

CHILD = Path(__file__).with_name("sync_child.py")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _run_child(harness: Harness, kill_after: int) -> subprocess.CompletedProcess[str]:
    t = harness.target
    return subprocess.run(
        [sys.executable, str(CHILD), str(harness.database.path), t.url, t.database, t.login, t.secret,
         str(harness.photo_dir), str(kill_after)],
        capture_output=True, text=True, timeout=120, check=False,
    )


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_sigkill_between_any_two_rpcs_then_restart_applies_once(harness: Harness, scenario: str) -> None:
    counter = RpcCounter()
    harness.listeners[:] = [counter]
    clean = SCENARIOS[scenario](harness)
    harness.sync_until_settled()
    clean.check()
    n = counter.calls
    harness.listeners.clear()
    assert n >= 3
    for k in range(1, n):
        prepared = SCENARIOS[scenario](harness)
        child = _run_child(harness, k)
        assert child.returncode == -signal.SIGKILL, (k, child.returncode, child.stdout, child.stderr[-2000:])
        harness.worker.reset_client()
        harness.worker = harness.new_worker(seed=k)  # a restarted FloorApp
        harness.sync_until_settled()
        try:
            prepared.check()
        except AssertionError as exc:
            raise AssertionError(f"{scenario}: SIGKILL after RPC {k} of {n}: {exc}") from exc

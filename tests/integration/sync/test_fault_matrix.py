"""Fault matrix: every transaction kind x every server/network fault at every RPC, ending exactly once.

A fault is armed on the shipped server just before the worker's k-th RPC (k = 0 .. N-1, N from a clean run):
the response lost after the server committed, the connection dropped before the commit, a 502 from a proxy,
a response slower than the client's timeout, and every web session expired. The worker then keeps syncing
(its clock advanced past each backoff) and Odoo must hold the once-applied state. SIGKILL of the sync process
between RPCs is in test_sigkill_matrix.py.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from synckit import SCENARIOS, Harness, RpcCounter

from floorapp.odoo_sim import Fault, OdooSim

FAULTS: dict[str, Callable[[OdooSim], Fault]] = {
    "drop_after_commit": lambda sim: sim.faults.drop_after_commit(),
    "drop_before_commit": lambda sim: sim.faults.drop_before_commit(),
    "http_502": lambda sim: sim.faults.http_error(502),
    "timeout": lambda sim: sim.faults.slow(0.8),
    "session_expiry": lambda sim: sim.faults.expire_sessions(),
}


def _clean_rpc_count(harness: Harness, scenario: str) -> int:
    counter = RpcCounter()
    harness.listeners.append(counter)
    prepared = SCENARIOS[scenario](harness)
    harness.sync_until_settled()
    prepared.check()
    harness.listeners.remove(counter)
    harness.worker.reset_client()
    return counter.calls


@pytest.mark.parametrize("fault", sorted(FAULTS))
@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
@pytest.mark.parametrize("sim", [18], indirect=True, ids=["jsonrpc-18"])
def test_fault_at_every_rpc_ends_exactly_once(harness: Harness, scenario: str, fault: str) -> None:
    _matrix(harness, scenario, fault)


# JSON-2 (Odoo 19): the faults that differ on its wire (no JSON-RPC envelope, real HTTP statuses).
@pytest.mark.parametrize("fault", ["drop_after_commit", "http_502", "timeout"])
@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
@pytest.mark.parametrize("sim", [19], indirect=True, ids=["json2-19"])
def test_fault_at_every_rpc_ends_exactly_once_over_json2(harness: Harness, scenario: str, fault: str) -> None:
    assert harness.worker.client().transport_name == "json2"
    harness.worker.reset_client()
    _matrix(harness, scenario, fault)


def _matrix(harness: Harness, scenario: str, fault: str) -> None:
    sim = harness.target.sim
    n = _clean_rpc_count(harness, scenario)
    assert n >= 3
    if fault == "timeout":
        harness.timeout = 0.3
    for k in range(1, n + 1):
        armed: list[Fault] = []
        counter = RpcCounter(arm_before=k, arm=lambda armed=armed: armed.append(FAULTS[fault](sim)))
        harness.listeners[:] = [counter]
        prepared = SCENARIOS[scenario](harness)
        harness.worker.reset_client()
        if k == 1:
            harness.worker.client()  # connect first, so the fault hits the first transaction RPC
            counter.arm = None
            armed.append(FAULTS[fault](sim))
        harness.sync_until_settled()
        sim.faults.clear()
        assert len(armed) == 1 and armed[0].hits == 1, f"the fault never fired before RPC {k}"
        try:
            prepared.check()
        except AssertionError as exc:
            raise AssertionError(f"{scenario} with {fault} before RPC {k} of {n}: {exc}") from exc

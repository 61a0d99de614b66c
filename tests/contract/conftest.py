"""Contract fixtures: the scenarios run against the shipped Odoo simulator and, unchanged, against a real Odoo 18
when ``FLOORAPP_ODOO_URL``, ``FLOORAPP_ODOO_DB``, ``FLOORAPP_ODOO_USER`` and ``FLOORAPP_ODOO_KEY`` are all set.

Reuse: ``odoo_endpoint`` (where and how to log in) and ``odoo`` (a logged-in JSON-RPC client). Scenarios seed what
they need through the API only, with unique names, so they can run repeatedly on the same real database.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from floorapp.odoo_sim import OdooSim
from tests.contract.odoo_rpc import ENV_VARS, JsonRpc, OdooEndpoint


@pytest.fixture(scope="session", params=["simulator", "real-odoo"])
def odoo_endpoint(request: pytest.FixtureRequest) -> Iterator[OdooEndpoint]:
    """The Odoo under test: each scenario runs on the shipped simulator (admin by API key) and again on the real
    Odoo 18 given by ``FLOORAPP_ODOO_*``, which is skipped, with that reason, when they are not all set."""
    if request.param == "real-odoo":
        real = OdooEndpoint.from_env()
        if real is None:
            pytest.skip("no real Odoo 18 configured: set " + ", ".join(ENV_VARS))
        yield real
        return
    sim = OdooSim(seed=1, size="small", version=18).start()
    try:
        yield OdooEndpoint(url=sim.url, db=sim.db_name, login="admin", password=sim.api_keys["admin"],
                           is_sim=True, sim=sim)
    finally:
        sim.stop()


@pytest.fixture
def odoo(odoo_endpoint: OdooEndpoint) -> JsonRpc:
    """A JSON-RPC client logged in on the endpoint."""
    client = JsonRpc(odoo_endpoint.url, odoo_endpoint.db)
    client.login(odoo_endpoint.login, odoo_endpoint.password)
    return client


@pytest.fixture
def sim_only(odoo_endpoint: OdooEndpoint) -> OdooSim:
    """The simulator behind the endpoint; skips on a real Odoo."""
    if not odoo_endpoint.is_sim:
        pytest.skip("needs the shipped simulator (a real Odoo is configured)")
    return odoo_endpoint.sim  # type: ignore[no-any-return]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    real = OdooEndpoint.from_env() is not None
    for item in items:
        if "real_odoo" in item.keywords and not real:
            item.add_marker(pytest.mark.skip(reason="real-Odoo-only: set " + ", ".join(ENV_VARS)))

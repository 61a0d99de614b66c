"""Qt-free Odoo-18-compatible server shipped for the tests and the demo (also speaks 17 and 19)."""

from floorapp.odoo_sim.errors import OdooError
from floorapp.odoo_sim.faults import Fault, FaultPlan
from floorapp.odoo_sim.sim import OdooSim

__all__ = ["Fault", "FaultPlan", "OdooError", "OdooSim"]

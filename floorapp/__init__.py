"""FloorApp: the offline-first warehouse floor application that syncs to Odoo."""

__version__ = "0.1.0"

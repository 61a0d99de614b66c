"""Floor users from Odoo: res.users in the warehouse groups, badges and PINs from hr.employee when installed.

Inventory managers (``stock.group_stock_manager``) become supervisors. Other inventory users get the site's
default role (setting ``security.default_role``) when first seen; a role a supervisor later gave them on the
device is kept. With Odoo's HR app installed, the employee's badge ``barcode`` and ``pin`` are stored only as
``badge_digest`` (SHA-256) and ``pin_hash`` (scrypt) through the core's auth helpers, never in clear. Users
who left the groups or were archived are deactivated on the device.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from floorapp.errors import InputRejected
from floorapp.offline_store.models import FloorUser, UserRole, badge_digest
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.sync.client import ErpClient, JsonDict, many2one_id, parse_record_ids
from floorapp.sync.errors import Rejected
from floorapp.sync.log import sync_log
from floorapp.sync.worker import StoreAccess
from floorapp.user_text import QT_TRANSLATE_NOOP
from floorapp.workflows.auth import hash_pin, validate_pin, verify_pin

STOCK_USER_GROUP = ("stock", "group_stock_user")
STOCK_MANAGER_GROUP = ("stock", "group_stock_manager")


@dataclass
class UsersReport:
    """What a floor-user pull changed."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)
    hr_installed: bool = False

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types."""
        return {"added": self.added, "updated": self.updated, "deactivated": self.deactivated,
                "hr_installed": self.hr_installed}


def _group_id(client: ErpClient, module: str, name: str) -> int | None:
    rows = client.search_read("ir.model.data", [("module", "=", module), ("name", "=", name),
                                                ("model", "=", "res.groups")], ["res_id"], limit=1)
    return int(rows[0]["res_id"]) if rows else None


def _hr_installed(client: ErpClient) -> bool:
    try:
        return client.search_count("ir.model", [("model", "=", "hr.employee")]) > 0
    except Rejected:
        return False


def pull_floor_users(
    store: StoreAccess, client: ErpClient, *, default_role: str = UserRole.PICKER.value
) -> UsersReport:
    """Bring the device's floor users in line with Odoo (see the module docstring)."""
    report = UsersReport()
    user_group = _group_id(client, *STOCK_USER_GROUP)
    manager_group = _group_id(client, *STOCK_MANAGER_GROUP)
    groups = [g for g in (user_group, manager_group) if g]
    if not groups:
        raise Rejected(QT_TRANSLATE_NOOP("Sync",
                                         "Odoo's Inventory groups were not found; is the Inventory app installed?"),
                       odoo_name="floorapp.NoStockGroups")
    # Odoo 19 renamed res.users.groups_id to group_ids.
    groups_field = "group_ids" if "group_ids" in client.available_fields("res.users") else "groups_id"
    users = client.search_read("res.users", [(groups_field, "in", groups), ("share", "=", False)],
                               ["login", "name", groups_field, "active"])
    employees: dict[int, JsonDict] = {}
    report.hr_installed = _hr_installed(client)
    if report.hr_installed and users:
        for emp in client.search_read("hr.employee", [("user_id", "in", [u["id"] for u in users])],
                                      ["barcode", "pin", "user_id"]):
            uid = many2one_id(emp.get("user_id"))
            if uid:
                employees[uid] = emp

    def save(uow: UnitOfWork) -> None:
        session = uow.session
        seen: set[int] = set()
        for u in users:
            uid = int(u["id"])
            seen.add(uid)
            is_manager = manager_group in parse_record_ids(u.get(groups_field))
            local = session.scalars(select(FloorUser).where(FloorUser.odoo_user_id == uid)).first()
            if local is None:
                local = session.scalars(select(FloorUser).where(FloorUser.login == u["login"])).first()
            if local is None:
                local = FloorUser(odoo_user_id=uid, login=u["login"], name=u["name"], failed_pin_attempts=0,
                                  role=UserRole.SUPERVISOR.value if is_manager else default_role)
                session.add(local)
                report.added.append(u["login"])
            else:
                before = (local.name, local.role, local.active)
                local.odoo_user_id = uid
                local.name = u["name"]
                if is_manager:
                    local.role = UserRole.SUPERVISOR.value
                elif local.role == UserRole.SUPERVISOR.value:
                    local.role = default_role  # no longer a manager in Odoo
                if before != (local.name, local.role, u.get("active", True)):
                    report.updated.append(u["login"])
            local.active = bool(u.get("active", True))
            emp = employees.get(uid)
            if emp is not None:
                _apply_employee(session, local, emp)
        stale = session.scalars(select(FloorUser).where(FloorUser.odoo_user_id.is_not(None),
                                                        FloorUser.active.is_(True)))
        for local in stale:
            if local.odoo_user_id not in seen:
                local.active = False
                report.deactivated.append(local.login)
        uow.commit()

    store.write(save)
    sync_log().info("floor users: %s", report.to_json())
    return report


def _apply_employee(session: Any, local: FloorUser, emp: JsonDict) -> None:
    badge = emp.get("barcode")
    if isinstance(badge, str) and badge.strip():
        digest = badge_digest(badge)
        holder = session.scalars(select(FloorUser).where(FloorUser.badge_digest == digest)).first()
        if holder is None or holder is local:
            local.badge_digest = digest
        else:
            sync_log().warning("badge of %s is already registered to %s; not copied", local.login, holder.login)
    pin = emp.get("pin")
    if isinstance(pin, str) and pin:
        try:
            validate_pin(pin)
        except InputRejected:
            sync_log().warning("the HR PIN of %s is not 4-12 digits; not copied", local.login)
            return
        # Only re-hash when the PIN changed (scrypt is deliberately slow).
        if not (local.pin_hash and verify_pin(pin, local.pin_hash)):
            local.pin_hash = hash_pin(pin)
            local.failed_pin_attempts = 0
            local.locked_until = None

"""Scan rules per operation type, set by a supervisor on the device: which scans wave picking enforces.

The rules are ``ScanPolicy`` (``floorapp.workflows.picking.domain``) kept in ``PickingType.scan_policy``: a
setting of this device, not an Odoo record, so a change writes the column and its journal line in one
transaction and queues nothing for Odoo. The catalog pull writes only Odoo's columns of an operation type, so
the rules survive every pull.

When a change takes effect: the picking handler reads the rules of the wave's operation type at every command,
so a change applies from the next scan on this device, in waves opened later and in a wave already in progress
alike (``RULES_APPLY_FROM``). Only the supervisor may change them; the check is here, whatever screen or command
line asked.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from floorapp.errors import InputRejected
from floorapp.offline_store.db import Database
from floorapp.offline_store.journal import JournalKind, JournalOutcome
from floorapp.offline_store.models import Location, PickingType, UserRole
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, user_text
from floorapp.workflows.auth import FloorSession, require_role
from floorapp.workflows.commands import Command
from floorapp.workflows.picking.domain import ScanPolicy

#: The settings of a scan policy, in the order screens and the command line show them.
POLICY_KEYS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(ScanPolicy))

#: When a saved change takes effect; screens show it beside Save (the handler reads the rules at every command).
RULES_APPLY_FROM = QT_TRANSLATE_NOOP(
    "ScanRules", "Changes apply from the next scan on this device, also in a wave already in progress.")

_ON_WORDS = frozenset({"on", "true", "yes", "1", "enforce", "enforced"})
_OFF_WORDS = frozenset({"off", "false", "no", "0"})


def policy_json(policy: ScanPolicy) -> dict[str, bool]:
    """Every setting of ``policy`` as the JSON column keeps it (all five written: a later default never flips a
    site's explicit choice)."""
    return {key: bool(getattr(policy, key)) for key in POLICY_KEYS}


@dataclass(frozen=True, slots=True)
class OperationTypeRules:
    """An operation type this device knows, with the scan rules it enforces (defaults applied).

    ``warehouse`` is the warehouse's short name as its locations show it (``WH`` of ``WH/Stock``), or None when
    the device holds no location of it. ``customised`` says whether the device holds rules of its own for the
    type (otherwise every setting is at its default).
    """

    picking_type_id: int
    name: str
    code: str
    warehouse: str | None
    policy: ScanPolicy
    customised: bool

    @property
    def label(self) -> str:
        """``WH: Delivery Orders`` as Odoo names an operation type, or the bare name without a warehouse."""
        return f"{self.warehouse}: {self.name}" if self.warehouse else self.name


def operation_types(session: Session) -> list[OperationTypeRules]:
    """Every operation type the device knows, by warehouse and name (a read)."""
    types = list(session.scalars(select(PickingType)))
    warehouses = _warehouse_names(session, {t.warehouse_id for t in types if t.warehouse_id is not None})
    rules = [
        OperationTypeRules(
            picking_type_id=t.id, name=t.name, code=t.code,
            warehouse=warehouses.get(t.warehouse_id) if t.warehouse_id is not None else None,
            policy=ScanPolicy.from_json(t.scan_policy), customised=bool(t.scan_policy),
        )
        for t in types
    ]
    rules.sort(key=lambda r: (r.warehouse or "", r.name.casefold(), r.picking_type_id))
    return rules


def read_operation_types(database: Database) -> list[OperationTypeRules]:
    """``operation_types`` in a read session of its own (safe off the writer thread)."""
    with database.session() as session:
        return operation_types(session)


def _warehouse_names(session: Session, warehouse_ids: Iterable[int]) -> dict[int, str]:
    # No warehouse table on the device: a warehouse's locations all start with its short name (WH/Stock ...).
    wanted = set(warehouse_ids)
    if not wanted:
        return {}
    names: dict[int, str] = {}
    rows = session.execute(
        select(Location.warehouse_id, Location.complete_name).where(Location.warehouse_id.in_(wanted))
    )
    for warehouse_id, complete_name in rows:
        root = (complete_name or "").split("/", 1)[0].strip()
        if warehouse_id is not None and root and (warehouse_id not in names or len(root) < len(names[warehouse_id])):
            names[warehouse_id] = root
    return names


def find_operation_type(session: Session, reference: str) -> OperationTypeRules:
    """The operation type ``reference`` names: its id, its name, or ``WH: name``; InputRejected when none or
    more than one matches (the message lists the ids to use instead)."""
    wanted = reference.strip()
    known = operation_types(session)
    if wanted.isdigit():
        match = [r for r in known if r.picking_type_id == int(wanted)]
    else:
        folded = wanted.casefold()
        match = [r for r in known if r.warehouse and r.label.casefold() == folded] or [
            r for r in known if r.name.casefold() == folded]
    if len(match) == 1:
        return match[0]
    if not match:
        raise InputRejected(user_text(
            QT_TRANSLATE_NOOP("ScanRules", "No operation type '{reference}' on this device; "
                                           "`floorapp scan-policy show` lists them."),
            reference=wanted))
    choices = ", ".join(f"{r.picking_type_id} ({r.label})" for r in match)
    raise InputRejected(user_text(
        QT_TRANSLATE_NOOP("ScanRules", "Several operation types are called '{reference}'; give the id of one: "
                                       "{choices}."),
        reference=wanted, choices=choices))


# --------------------------------------------------------------------------------------------------------------
# Changing the rules


@dataclass(frozen=True, slots=True)
class CommandLineSupervisor:
    """Whoever runs ``floorapp`` on the device itself: like ``floorapp config set``, the command line has the
    rights of the OS account that owns the device's data folder, which is the device's administrator. It acts
    as a supervisor and is journaled by ``name``, with no floor user."""

    name: str
    role: UserRole = UserRole.SUPERVISOR
    user_id: None = None


Editor = FloorSession | CommandLineSupervisor
"""Who changes the rules: a signed-in floor session (role checked) or the device's command line."""


@dataclass(frozen=True, slots=True)
class SetScanPolicy(Command):
    """A supervisor sets some of an operation type's scan rules; the settings not named keep their value.

    ``settings`` are ``(key, value)`` pairs of ``POLICY_KEYS`` and booleans (``of`` builds it from a mapping).
    """

    picking_type_id: int
    settings: tuple[tuple[str, object], ...]

    @classmethod
    def of(cls, picking_type_id: int, settings: Mapping[str, object]) -> SetScanPolicy:
        """The command for ``settings`` given as a mapping."""
        return cls(picking_type_id, tuple(settings.items()))


@dataclass(frozen=True, slots=True)
class ScanPolicyChanged:
    """What a ``SetScanPolicy`` did: the rules before and after, the keys that changed, and what to tell."""

    operation_type: OperationTypeRules
    before: ScanPolicy
    after: ScanPolicy
    changed: tuple[str, ...]
    user_text: UserText

    @property
    def message(self) -> str:
        """The message in English (logs, command line, tests)."""
        return str(self.user_text)


def require_supervisor(editor: Editor) -> None:
    """PermissionDenied unless ``editor`` may change scan rules (the supervisor only)."""
    if isinstance(editor, FloorSession):
        require_role(editor, UserRole.SUPERVISOR.value)
    # A CommandLineSupervisor is the device's administrator (see its docstring): no floor role to check.


def validate_settings(settings: Iterable[tuple[str, object]]) -> dict[str, bool]:
    """The settings as ``{key: bool}``; InputRejected for an unknown key, a value that is not on/off, or none."""
    valid: dict[str, bool] = {}
    for key, value in settings:
        if key not in POLICY_KEYS:
            raise InputRejected(user_text(
                QT_TRANSLATE_NOOP("ScanRules", "Unknown scan rule '{key}'; the rules are {keys}."),
                key=str(key), keys=", ".join(POLICY_KEYS)))
        if not isinstance(value, bool):
            raise InputRejected(user_text(
                QT_TRANSLATE_NOOP("ScanRules", "The scan rule {key} is on or off, not '{value}'."),
                key=key, value=str(value)))
        valid[key] = value
    if not valid:
        raise InputRejected(QT_TRANSLATE_NOOP("ScanRules", "Name at least one scan rule to set."))
    return valid


def parse_assignments(words: Sequence[str]) -> dict[str, bool]:
    """``["source_location=off", "allow_overpick=on"]`` as ``{key: bool}`` (the command line's form);
    on/off, true/false, yes/no and 1/0 are understood. InputRejected for anything else."""
    settings: list[tuple[str, object]] = []
    for word in words:
        key, sep, value = word.partition("=")
        key, value = key.strip().replace("-", "_"), value.strip().casefold()
        if not sep or not key:
            raise InputRejected(user_text(
                QT_TRANSLATE_NOOP("ScanRules", "Write each scan rule as key=on or key=off, not '{word}'."),
                word=word))
        if value in _ON_WORDS:
            settings.append((key, True))
        elif value in _OFF_WORDS:
            settings.append((key, False))
        else:
            settings.append((key, value))  # validate_settings names the key and the value it refuses
    return validate_settings(settings)


def set_scan_policy(uow: UnitOfWork, command: SetScanPolicy, editor: Editor) -> ScanPolicyChanged:
    """Apply ``command`` as ``editor`` in ``uow`` and commit: the column and its journal line together.

    PermissionDenied unless a supervisor (checked before anything is read), InputRejected for bad settings or
    an operation type the device does not know. A change that changes nothing writes nothing.
    """
    require_supervisor(editor)
    settings = validate_settings(command.settings)
    row = uow.session.get(PickingType, command.picking_type_id)
    if row is None:
        raise InputRejected(user_text(
            QT_TRANSLATE_NOOP("ScanRules", "There is no operation type #{id} on this device."),
            id=command.picking_type_id))
    stored: dict[str, Any] = dict(row.scan_policy or {})
    before = ScanPolicy.from_json(stored)
    after = dataclasses.replace(before, **settings)
    changed = tuple(key for key in POLICY_KEYS if getattr(before, key) != getattr(after, key))
    rules = next(r for r in operation_types(uow.session) if r.picking_type_id == row.id)
    if not changed:
        return ScanPolicyChanged(rules, before, after, (), user_text(
            QT_TRANSLATE_NOOP("ScanRules", "The scan rules of {type} are unchanged."), type=rules.label))
    # Keys this version does not know (written by a newer one) are kept; all five known ones are explicit.
    row.scan_policy = {**stored, **policy_json(after)}
    uow.journal.record(
        JournalKind.ADMIN, f"scan rules of {rules.label} (#{row.id})", JournalOutcome.OK.value, editor.user_id,
        detail={"action": "set_scan_policy", "picking_type_id": row.id, "picking_type": rules.label,
                "by": editor.name, "role": str(editor.role), "before": policy_json(before),
                "after": policy_json(after), "changed": list(changed)},
    )
    uow.commit()
    saved = dataclasses.replace(rules, policy=after, customised=True)
    return ScanPolicyChanged(saved, before, after, changed, user_text(
        QT_TRANSLATE_NOOP("ScanRules", "Scan rules of {type} saved."), type=rules.label))

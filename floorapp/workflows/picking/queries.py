"""Read-only queries of wave picking: the waves a picker can work on, with how fresh their data is, and the bin
counts its short picks asked for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from floorapp.offline_store.device_meta import MetaRepository
from floorapp.offline_store.models import CountTask, FloorUser, MoveLine, OutboxEntry, Picking, PickingType, Wave
from floorapp.workflows.picking.domain import FINISHED
from floorapp.workflows.transactions import TransactionKind

OPEN_WAVE_STATES = ("draft", "in_progress")


@dataclass(frozen=True, slots=True)
class WaveSummary:
    """One row of the wave list."""

    wave_id: int
    name: str
    is_wave: bool
    assigned_to_me: bool
    operation_type: str | None
    pickings: int
    lines_total: int
    lines_done: int
    lines_claimed_by_others: int
    downloaded_at: datetime | None
    data_age: timedelta | None
    queued_for_sync: bool  # every picking of it is in the outbox: the floor is finished with it

    @property
    def open_to_claim(self) -> bool:
        """Not assigned to anyone: any picker may take it."""
        return not self.assigned_to_me


def list_waves(session: Session, user_id: int, now: datetime) -> list[WaveSummary]:
    """Downloaded waves and batches assigned to floor user ``user_id`` or to nobody, still to be picked; mine first.

    Waves are assigned in Odoo, so "mine" means assigned to the floor user's Odoo user. Another picker's
    assigned wave is not listed; an unassigned one is (several pickers may share it). ``now`` is injected so
    data age is computed from the caller's clock.
    """
    # The pull stamps each wave it read (Wave.downloaded_at); a wave stored before it did falls back to the last
    # successful pull (key written by floorapp.sync.pull; not imported, so the floor workflows do not load the sync
    # engine).
    last_pull = MetaRepository(session).get_time("last_pull_ok_at")
    floor_user = session.get(FloorUser, user_id)
    odoo_user_id = floor_user.odoo_user_id if floor_user is not None else None
    mine = Wave.user_id.is_(None) if odoo_user_id is None else or_(Wave.user_id == odoo_user_id, Wave.user_id.is_(None))
    waves = session.scalars(
        select(Wave).where(Wave.state.in_(OPEN_WAVE_STATES), mine).order_by(Wave.scheduled_date, Wave.name)
    ).all()
    summaries: list[WaveSummary] = []
    for wave in waves:
        pickings = session.scalars(select(Picking).where(Picking.batch_id == wave.id)).all()
        picking_ids = [p.id for p in pickings]
        lines = session.scalars(select(MoveLine).where(MoveLine.picking_id.in_(picking_ids))).all()
        queued = set(
            session.scalars(
                select(OutboxEntry.document_key).where(
                    OutboxEntry.kind == TransactionKind.VALIDATE_PICKING.value,
                    OutboxEntry.document_key.in_([f"picking:{pid}" for pid in picking_ids]),
                    OutboxEntry.state != "discarded",
                )
            )
        )
        fetched_at = wave.downloaded_at or last_pull
        type_name = None
        if wave.picking_type_id is not None:
            picking_type = session.get(PickingType, wave.picking_type_id)
            type_name = picking_type.name if picking_type else None
        summaries.append(
            WaveSummary(
                wave_id=wave.id,
                name=wave.name,
                is_wave=wave.is_wave,
                assigned_to_me=odoo_user_id is not None and wave.user_id == odoo_user_id,
                operation_type=type_name,
                pickings=len(pickings),
                lines_total=len(lines),
                lines_done=sum(1 for line in lines if line.floor_status in FINISHED),
                lines_claimed_by_others=sum(
                    1 for line in lines if line.claimed_by not in (None, user_id) and line.floor_status not in FINISHED
                ),
                downloaded_at=fetched_at,
                data_age=None if fetched_at is None else now - fetched_at,
                # Finished on the floor: every line done and every order with something picked queued
                # (an order where nothing was found stays open in Odoo and is not queued).
                queued_for_sync=bool(lines)
                and all(line.floor_status in FINISHED for line in lines)
                and {f"picking:{line.picking_id}" for line in lines if line.picked_quantity > 0} <= queued,
            )
        )
    summaries = [s for s in summaries if not s.queued_for_sync] + [s for s in summaries if s.queued_for_sync]
    summaries.sort(key=lambda s: (s.queued_for_sync, not s.assigned_to_me))
    return summaries


def describe_age(age: timedelta | None) -> str:
    """Data age in words a picker reads at a glance."""
    if age is None:
        return "not downloaded"
    minutes = int(age.total_seconds() // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min old"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h old"
    return f"{hours // 24} days old"


@dataclass(frozen=True, slots=True)
class CountRequestSummary:
    """A bin count a short pick asked for, and how far the request got."""

    client_uuid: str
    product_id: int
    location_id: int
    lot_id: int | None
    reason: str | None
    task_state: str  # the count task on the device: open | counted | synced | cancelled
    request_state: str  # the request's outbox entry: pending | in_flight | applied | parked | conflict | discarded
    quant_id: int | None  # Odoo's quant that carries the request, once applied
    assigned_user_id: int | None  # Odoo's counter

    @property
    def requested_in_odoo(self) -> bool:
        """Odoo holds the request: the quant is due for a count with its counter."""
        return self.request_state == "applied"


def count_requests(session: Session) -> list[CountRequestSummary]:
    """The count tasks short picks made, oldest first, each with the state of its request to Odoo.

    A task and its request share one client UUID (the request is ``quant.request_count``).
    """
    rows = session.execute(
        select(CountTask, OutboxEntry.state)
        .join(OutboxEntry, OutboxEntry.client_uuid == CountTask.client_uuid)
        .where(OutboxEntry.kind == TransactionKind.REQUEST_COUNT.value)
        .order_by(CountTask.created_at, CountTask.id)
    )
    return [
        CountRequestSummary(
            client_uuid=task.client_uuid,
            product_id=task.product_id,
            location_id=task.location_id,
            lot_id=task.lot_id,
            reason=task.reason,
            task_state=task.state,
            request_state=state,
            quant_id=task.quant_id,
            assigned_user_id=task.assigned_user_id,
        )
        for task, state in rows
    ]

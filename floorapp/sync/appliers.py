"""Exactly once against a stock Odoo: how each transaction kind is applied in steps that are safe to repeat.

Odoo has no idempotency key, so every step is one of:

* an **absolute write** (quantities, picked flags, lots, package of a line): writing it twice is writing it once;
* a **create in one atomic call carrying the client UUID as a marker**, preceded by a search for that marker;
* a **read-back check** before a call that cannot be repeated (validate, apply inventory, create returns).

Before each non-repeatable call the worker records locally (``OutboxEntry.odoo_refs``, committed with
``synchronous=FULL``) that the call is about to be sent, so a retry knows whether Odoo's current state can be
ours. The table below is kept in docs/sync.md too.

=====================  ===================================================  ========================================
kind                   steps                                                "already applied?" check
=====================  ===================================================  ========================================
picking.validate       1 read picking; check preconditions (state, line     picking ``done`` **and** ``validate_sent``
                       write_dates and content: quantity, picked; a lot     in refs **and** each picked move's done
                       whose expiry Odoo moved earlier) unless our own      quantity equals ours -> applied.
                       writes began;                                        ``done`` without ``validate_sent``, or
                       2 absolute writes per line (quantity, picked, lot,   other quantities -> conflict
                       result package by name); lines not picked ->         ``picking_done_elsewhere``.
                       ``picked=False``; a new lot line is found by
                       (move, lot) before being created; re-read the
                       state (done meanwhile -> conflict);
                       3 record ``validate_sent``; ``button_validate``
                       (refused because done meanwhile -> conflict)
                       with the backorder context, wizards answered
                       (backorder, SMS, tracking); 4 read backorders;
                       5 chatter note "by <floor user> [<uuid>]", searched
                       for by its UUID first.
picking.put_in_pack    1 package searched by its floor name, created with   every listed line has
                       that name in one call if absent;                     ``result_package_id`` = the package
                       2 absolute write ``result_package_id`` on the lines.  named by the floor.
quant.count            1 search the inventory move named                    a done move named
                       ``FloorApp count <uuid>``; 2 compare the quant's     ``FloorApp count <uuid>`` exists
                       quantity with what the counter saw (conflict          (``inventory_name`` context), or
                       ``stock_moved`` with both); 3 absolute write of       ``apply_sent`` and the quant holds
                       ``inventory_quantity`` (inventory mode; a missing    the counted quantity.
                       quant is searched, then created); 4 record
                       ``apply_sent``; ``action_apply_inventory`` with
                       context ``inventory_name``.
picking.return         1 search a return of the delivery whose origin       a return picking of the delivery with
                       carries ``[<uuid>]``; 2 else record the returns      ``[<uuid>]`` in its origin; after a lost
                       that exist, record ``create_sent``, wizard create,   reply, the one return created since
                       absolute line quantities, ``action_create_returns``  ``returns_before`` is adopted and marked.
                       and mark the origin; 3 photos as attachments named   Attachments: searched by name.
                       ``<uuid>-<n>-<file>`` (searched first); 4 validate   Validation: state ``done``.
                       the return unless already ``done``.
quant.request_count    1 search the quants of (product, bin, lot); none ->  every quant of (product, bin, lot) is due
                       record ``request_sent``, create one in inventory     (``inventory_date`` <= the requested day)
                       mode with ``inventory_date`` and ``user_id`` only    with a counter, or was counted since our
                       (no ``inventory_quantity``: nothing counted, no      writes (``last_count_date`` moved on from
                       quantity changes; the quant is its own marker);      ``last_counts``) -> applied; otherwise
                       2 else record ``request_sent`` and each quant's      write. A counter Odoo already assigned
                       ``last_count_date`` (``last_counts``), absolute      and an earlier due date are kept.
                       writes in inventory mode: ``inventory_date`` (if
                       later or unset), ``user_id`` (if unset);
                       3 read back: not requested -> parked.
=====================  ===================================================  ========================================
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from floorapp.sync.client import ErpClient, JsonDict, is_window_action, many2one_id, parse_record_ids
from floorapp.sync.errors import ConflictDetected, Rejected
from floorapp.sync.log import sync_log
from floorapp.workflows.transactions import (
    BackorderDecision,
    CountQuant,
    PickedLine,
    PutInPack,
    RequestCount,
    ReturnPicking,
    TransactionKind,
    ValidatePicking,
    parse_payload,
)

EPSILON = 1e-6
MAX_WIZARD_CHAIN = 6
PhotoLoader = Callable[[str], bytes]


def _same(a: float, b: float) -> bool:
    return abs(float(a) - float(b)) < EPSILON


def count_move_name(client_uuid: str) -> str:
    """Name of the inventory move a count creates (context ``inventory_name``): the count's marker."""
    return f"FloorApp count {client_uuid}"


def return_marker(client_uuid: str) -> str:
    """What is appended to a return picking's origin: the return's marker."""
    return f"[{client_uuid}]"


def photo_attachment_name(client_uuid: str, index: int, file_name: str) -> str:
    """Attachment name of the ``index``-th photo of a return: the photo's marker."""
    return f"{client_uuid}-{index}-{file_name}"


@dataclass
class ApplyContext:
    """What an applier gets besides the payload.

    ``remember`` persists refs in the outbox entry **before** it returns: call it before any step whose
    completion a retry must know about. ``own_line_write_dates`` are write dates of move lines left by our
    own earlier transactions of the same document, so they are not mistaken for someone else's change.
    """

    client: ErpClient
    client_uuid: str
    preconditions: dict[str, Any]
    refs: dict[str, Any]
    remember: Callable[[dict[str, Any]], None]
    photo_loader: PhotoLoader | None = None
    own_line_write_dates: dict[str, str] = field(default_factory=dict)
    floor_user: str | None = None

    def record(self, **refs: Any) -> None:
        """Persist refs now and keep them in memory."""
        self.refs.update(refs)
        self.remember(dict(refs))


def apply_transaction(kind: str, payload: dict[str, Any], ctx: ApplyContext) -> dict[str, Any]:
    """Apply one outbox entry to Odoo; return the refs to keep. Raises the sync error families."""
    typed = parse_payload(kind, payload)
    if isinstance(typed, ValidatePicking):
        return apply_validate(ctx, typed)
    if isinstance(typed, PutInPack):
        return apply_put_in_pack(ctx, typed)
    if isinstance(typed, CountQuant):
        return apply_count(ctx, typed)
    if isinstance(typed, ReturnPicking):
        return apply_return(ctx, typed)
    if isinstance(typed, RequestCount):
        return apply_request_count(ctx, typed)
    raise Rejected(f"FloorApp does not know how to send {kind!r}.", odoo_name="floorapp.UnknownKind")


# -- wizards ---------------------------------------------------------------------------------------------------


def finish_wizards(client: ErpClient, result: Any, *, no_backorder: bool) -> Any:
    """Answer the wizards a button returned (backorder, SMS, tracking) until Odoo is done.

    Each wizard is created with the action's context (it carries ``button_validate_picking_ids``, without
    which the backorder wizard does nothing) and its button called with the same context.
    """
    for _ in range(MAX_WIZARD_CHAIN):
        if not is_window_action(result):
            return result
        model = str(result["res_model"])
        context: JsonDict = dict(result.get("context") or {})
        values: JsonDict = {}
        if model == "stock.backorder.confirmation":
            method = "process_cancel_backorder" if no_backorder else "process"
            picking_ids = context.get("button_validate_picking_ids") or []
            values = {"pick_ids": [[4, int(pid)] for pid in picking_ids]}
        elif model == "confirm.stock.sms":
            method = "dont_send_sms"
        elif model == "stock.track.confirmation":
            method = "action_confirm"
        elif model == "expiry.picking.confirmation":
            # product_expiry: a picked lot is past its expiration date. Shipping it is a person's decision.
            raise ConflictDetected("lot_expired", "Odoo says a picked lot is expired; a supervisor decides.",
                                   ours={}, theirs={"wizard": model, "context": context})
        else:
            raise Rejected(
                f"Odoo asks a question FloorApp cannot answer ({model}); finish this transfer in Odoo.",
                odoo_name="floorapp.UnhandledWizard",
            )
        wizard_id = many2one_id(result.get("res_id")) or client.create(model, values, context=context)
        sync_log().info("answering %s %s with %s", model, wizard_id, method)
        result = client.call(model, method, [wizard_id], context=context)
    raise Rejected("Odoo kept asking questions; finish this transfer in Odoo.", odoo_name="floorapp.WizardLoop")


# -- picking.validate ------------------------------------------------------------------------------------------

_LINE_FIELDS = [
    "move_id", "product_id", "quantity", "picked", "lot_id", "lot_name", "location_id", "location_dest_id",
    "result_package_id", "write_date",
]


def _ours_by_move(lines: Sequence[PickedLine]) -> dict[int, float]:
    totals: dict[int, float] = {}
    for line in lines:
        totals[line.move_id] = totals.get(line.move_id, 0.0) + float(line.quantity)
    return totals


def _picked_summary(p: ValidatePicking) -> dict[str, Any]:
    return {
        "picking": p.picking_name,
        "lines": [
            {"move_id": ln.move_id, "move_line_id": ln.move_line_id, "product_id": ln.product_id,
             "quantity": ln.quantity, "lot": ln.lot_name or ln.lot_id}
            for ln in p.lines
        ],
    }


def ensure_package(client: ErpClient, name: str, *, package_type_id: int | None = None,
                   shipping_weight: float | None = None) -> int:
    """The package named ``name`` (the floor's tote/carton name), created in one call if Odoo has none."""
    found = client.search("stock.quant.package", [("name", "=", name)], limit=1)
    if found:
        return found[0]
    values: JsonDict = {"name": name}
    if package_type_id:
        values["package_type_id"] = package_type_id
    if shipping_weight:
        values["shipping_weight"] = shipping_weight
    return client.create("stock.quant.package", values)


def _check_done_with_ours(client: ErpClient, p: ValidatePicking) -> tuple[bool, dict[str, Any]]:
    moves = client.search_read(
        "stock.move", [("id", "in", sorted({ln.move_id for ln in p.lines}))], ["quantity", "state", "picking_id"]
    )
    by_id = {int(m["id"]): m for m in moves}
    theirs = {str(mid): {"quantity": m["quantity"], "state": m["state"]} for mid, m in by_id.items()}
    for move_id, qty in _ours_by_move(p.lines).items():
        if qty <= EPSILON:
            continue
        move = by_id.get(move_id)
        if move is None or move["state"] != "done" or not _same(move["quantity"], qty):
            return False, theirs
    return True, theirs


def _done_elsewhere_meanwhile(c: ErpClient, p: ValidatePicking, refused: Rejected) -> None:
    """Odoo 18 refuses ``button_validate`` on a picking that is already done or cancelled with "You cannot validate
    a transfer if no quantities are reserved" (a UserError). When someone finished the picking between our last
    read and our validate, raise that as the conflict it is instead of parking Odoo's misleading message."""
    now = c.read_one("stock.picking", p.picking_id, ["state", "write_date"])
    if now is None or now["state"] not in ("done", "cancel"):
        return
    matches, theirs = _check_done_with_ours(c, p)
    raise ConflictDetected(
        "picking_done_elsewhere",
        f"{p.picking_name} was validated in Odoo while FloorApp was sending it; check its quantities in Odoo.",
        ours=_picked_summary(p),
        theirs={"state": now["state"], "moves": theirs, "lines_written_by_floorapp": True,
                "quantities_match": matches, "odoo_message": refused.odoo_message},
    ) from refused


def apply_validate(ctx: ApplyContext, p: ValidatePicking) -> dict[str, Any]:
    """Validate a picking with the floor's quantities, once (see the module table)."""
    c = ctx.client
    pid = p.picking_id
    picking = c.read_one("stock.picking", pid, ["name", "state", "write_date"])
    if picking is None:
        raise ConflictDetected("picking_gone", f"{p.picking_name} was deleted in Odoo.",
                               ours=_picked_summary(p), theirs={"picking": None})
    state = str(picking["state"])
    if state == "done":
        matches, theirs = _check_done_with_ours(c, p)
        if ctx.refs.get("validate_sent") and matches:
            sync_log().info("%s already validated with our quantities (reply was lost)", p.picking_name)
            return _after_validate(c, pid) | _note_floor_user(ctx, pid, p.floor_user, "Picked and validated")
        raise ConflictDetected(
            "picking_done_elsewhere",
            f"{p.picking_name} was validated in Odoo by someone else; nothing was shipped twice.",
            ours=_picked_summary(p), theirs={"state": state, "moves": theirs, "write_date": picking["write_date"]},
        )
    if state == "cancel":
        raise ConflictDetected("picking_cancelled", f"{p.picking_name} was cancelled in Odoo.",
                               ours=_picked_summary(p), theirs={"state": state})

    current = {int(r["id"]): r for r in c.search_read("stock.move.line", [("picking_id", "=", pid)], _LINE_FIELDS)}
    if not ctx.refs.get("lines_started"):
        _check_line_preconditions(ctx, p, current)
        _check_lot_expiry(ctx, p)
    for line in p.lines:
        if line.move_line_id is not None and line.move_line_id not in current:
            raise ConflictDetected(
                "line_gone", f"A line of {p.picking_name} was removed or moved in Odoo.",
                ours=_picked_summary(p), theirs={"move_line_ids": sorted(current)},
            )
    if sum(max(0.0, ln.quantity) for ln in p.lines) <= EPSILON:
        # Odoo would ship every reserved quantity when nothing is picked (API notes a4): never send that.
        raise Rejected(f"Nothing was picked on {p.picking_name}; it was not validated.",
                       odoo_name="floorapp.NothingPicked")
    ctx.record(lines_started=True)

    packages: dict[str, int] = {}
    for line in p.lines:
        if line.package_name and line.package_name not in packages:
            packages[line.package_name] = ensure_package(c, line.package_name)
    ours_ids: set[int] = set()
    for line in p.lines:
        line_id = line.move_line_id
        if line_id is None:
            line_id = _find_or_create_extra_line(c, p, line, current, ours_ids)
        ours_ids.add(line_id)
        values: JsonDict = {"quantity": line.quantity, "picked": line.quantity > EPSILON}
        if line.lot_id:
            values["lot_id"] = line.lot_id
        elif line.lot_name:
            values["lot_name"] = line.lot_name
        if line.package_name:
            values["result_package_id"] = packages[line.package_name]
        if not _already(current.get(line_id), values):
            c.write("stock.move.line", [line_id], values)
    # Lines the floor did not pick must not ship: unpicked lines of a picked move are dropped at validation.
    stray = [lid for lid, row in current.items() if lid not in ours_ids and row.get("picked")]
    if stray:
        c.write("stock.move.line", stray, {"picked": False})

    # Odoo has no conditional write: if the picking was validated elsewhere between our first read and our line
    # writes, those writes edited a done transfer (Odoo allows that). Never follow with a validation as if
    # nothing happened: read the state again and make it a conflict for a person to check.
    again = c.read_one("stock.picking", pid, ["state", "write_date"])
    if again is None or again["state"] in ("done", "cancel"):
        matches, theirs = _check_done_with_ours(c, p)
        raise ConflictDetected(
            "picking_done_elsewhere",
            f"{p.picking_name} was validated in Odoo while FloorApp was sending it; check its quantities in Odoo.",
            ours=_picked_summary(p),
            theirs={
                "state": again and again["state"],
                "moves": theirs,
                "lines_written_by_floorapp": True,
                "quantities_match": matches,
            },
        )
    no_backorder = p.backorder is BackorderDecision.NO_BACKORDER
    context: JsonDict = {"skip_sms": True}
    if no_backorder:
        context.update({"skip_backorder": True, "picking_ids_not_to_backorder": [pid]})
    ctx.record(validate_sent=True)
    try:
        result = c.call("stock.picking", "button_validate", [pid], context=context)
    except Rejected as refused:
        _done_elsewhere_meanwhile(c, p, refused)
        raise
    try:
        finish_wizards(c, result, no_backorder=no_backorder)
    except ConflictDetected as exc:
        exc.ours = _picked_summary(p)
        raise
    after = c.read_one("stock.picking", pid, ["state"])
    if after is None or after["state"] != "done":
        raise Rejected(f"Odoo did not finish validating {p.picking_name} (state {after and after['state']}).",
                       odoo_name="floorapp.NotDone")
    return _after_validate(c, pid) | _note_floor_user(ctx, pid, p.floor_user, "Picked and validated")


def _note_floor_user(ctx: ApplyContext, picking_id: int, floor_user: str | None, what: str) -> dict[str, Any]:
    """Who did it on the floor, as a note in the picking's chatter (the call runs as the integration user).

    A chatter post is not repeatable, so the note carries the UUID and is searched for first.
    """
    if not floor_user:
        return {}
    c = ctx.client
    marker = return_marker(ctx.client_uuid)
    found = c.search("mail.message", [("model", "=", "stock.picking"), ("res_id", "=", picking_id),
                                      ("body", "ilike", marker)], limit=1)
    if found:
        return {"note_message_id": found[0]}
    posted = parse_record_ids(c.call("stock.picking", "message_post", [picking_id],
                                     body=f"{what} by {floor_user} on FloorApp {marker}",
                                     message_type="comment", subtype_xmlid="mail.mt_note"))
    return {"note_message_id": posted[0] if posted else None}


def _already(row: JsonDict | None, values: JsonDict) -> bool:
    """Whether a line already holds ``values`` (skips a write; a repeat would be harmless anyway)."""
    if row is None:
        return False
    for key, want in values.items():
        have = row.get(key)
        if key.endswith("_id"):
            if many2one_id(have) != want:
                return False
        elif isinstance(want, float | int) and not isinstance(want, bool):
            if not isinstance(have, float | int) or not _same(have, want):
                return False
        elif have != want:
            return False
    return True


def _check_line_preconditions(ctx: ApplyContext, p: ValidatePicking, current: dict[int, JsonDict]) -> None:
    seen: dict[str, str] = dict(ctx.preconditions.get("line_write_dates") or {})
    quantities: dict[str, Any] = dict(ctx.preconditions.get("line_quantities") or {})
    picked: dict[str, Any] = dict(ctx.preconditions.get("line_picked") or {})
    for key in sorted(set(seen) | set(quantities) | set(picked), key=int):
        row = current.get(int(key))
        if row is None:
            continue  # reported as line_gone if the floor used it
        now = str(row.get("write_date") or "")
        if now and now == ctx.own_line_write_dates.get(key):
            continue  # our own earlier transaction of this picking wrote it last
        downloaded = seen.get(key)
        changed = bool(now and downloaded and now != downloaded)
        # write_date has one-second resolution: a change in the second of the download keeps the date, so the
        # content the floor picked against is compared as well.
        if key in quantities and not _same(float(row.get("quantity") or 0.0), float(quantities[key])):
            changed = True
        if key in picked and bool(row.get("picked")) != bool(picked[key]):
            changed = True
        if changed:
            raise ConflictDetected(
                "line_changed",
                f"A line of {p.picking_name} was changed in Odoo (taken by another picker?) after it was downloaded.",
                ours=_picked_summary(p),
                theirs={"move_line_id": int(key), "quantity": row.get("quantity"), "picked": row.get("picked"),
                        "write_date": now, "downloaded_write_date": downloaded,
                        "downloaded_quantity": quantities.get(key), "downloaded_picked": picked.get(key)},
            )


def _check_lot_expiry(ctx: ApplyContext, p: ValidatePicking) -> None:
    """A picked lot whose expiry Odoo moved earlier than the floor knew it is a person's decision, not a ship."""
    seen: dict[str, Any] = dict(ctx.preconditions.get("lot_expiry") or {})
    known = {k: v for k, v in seen.items() if v}
    if not known or "expiration_date" not in ctx.client.available_fields("stock.lot"):
        return
    for row in ctx.client.read("stock.lot", sorted(int(k) for k in known), ["name", "expiration_date"]):
        now = row.get("expiration_date") or None
        ours = str(known[str(row["id"])])
        if now and str(now) < ours:
            raise ConflictDetected(
                "lot_expiry_changed",
                f"Lot {row.get('name')} of {p.picking_name} now expires earlier in Odoo ({now}) than when it was "
                f"picked ({ours}); a supervisor decides.",
                ours=_picked_summary(p) | {"lot_id": int(row["id"]), "expiration_date": ours},
                theirs={"lot_id": int(row["id"]), "expiration_date": now},
            )


def _find_or_create_extra_line(
    c: ErpClient, p: ValidatePicking, line: PickedLine, current: dict[int, JsonDict], taken: set[int]
) -> int:
    # A line the floor added (another lot than reserved). Its natural key is (move, lot): a line of that move
    # with that lot already in Odoo is ours from an earlier attempt whose reply was lost.
    listed = {ln.move_line_id for ln in p.lines if ln.move_line_id is not None}
    for lid, row in current.items():
        if lid in listed or lid in taken or many2one_id(row.get("move_id")) != line.move_id:
            continue
        if (line.lot_id and many2one_id(row.get("lot_id")) == line.lot_id) or (
            line.lot_name and row.get("lot_name") == line.lot_name
        ):
            return lid
    values: JsonDict = {
        "move_id": line.move_id, "picking_id": p.picking_id, "product_id": line.product_id,
        "location_id": line.location_id, "location_dest_id": line.location_dest_id,
        "quantity": line.quantity, "picked": True,
    }
    if line.lot_id:
        values["lot_id"] = line.lot_id
    if line.lot_name:
        values["lot_name"] = line.lot_name
    return c.create("stock.move.line", values)


def _after_validate(c: ErpClient, pid: int) -> dict[str, Any]:
    backorders = c.search("stock.picking", [("backorder_id", "=", pid)])
    return {"picking_state": "done", "backorder_ids": backorders}


# -- picking.put_in_pack ---------------------------------------------------------------------------------------


def apply_put_in_pack(ctx: ApplyContext, p: PutInPack) -> dict[str, Any]:
    """Put the listed lines into the package named by the floor, once (see the module table)."""
    c = ctx.client
    package_id = ctx.refs.get("package_id")
    rows = c.read("stock.move.line", list(p.move_line_ids), ["result_package_id", "picking_id", "state"])
    found = {int(r["id"]): r for r in rows}
    missing = [lid for lid in p.move_line_ids if lid not in found]
    ours = {"package": p.package_name, "move_line_ids": list(p.move_line_ids)}
    if missing:
        raise ConflictDetected("line_gone", f"Lines to pack into {p.package_name} were removed in Odoo.",
                               ours=ours, theirs={"missing_move_line_ids": missing})
    if not isinstance(package_id, int):
        package_id = ensure_package(c, p.package_name, package_type_id=p.package_type_id,
                                    shipping_weight=p.shipping_weight)
        ctx.record(package_id=package_id)
    todo: list[int] = []
    for lid in p.move_line_ids:
        row = found[lid]
        have = many2one_id(row.get("result_package_id"))
        if have == package_id:
            continue
        if row.get("state") in ("done", "cancel"):
            raise ConflictDetected(
                "picking_done_elsewhere", f"The lines for {p.package_name} were already processed in Odoo.",
                ours=ours, theirs={"move_line_id": lid, "state": row.get("state"), "result_package_id": have},
            )
        todo.append(lid)
    if todo:
        c.write("stock.move.line", todo, {"result_package_id": package_id})
    after = c.read("stock.move.line", list(p.move_line_ids), ["result_package_id", "write_date"])
    return {
        "package_id": package_id,
        "line_write_dates": {str(r["id"]): r.get("write_date") for r in after},
    }


# -- quant.count -----------------------------------------------------------------------------------------------

_QUANT_FIELDS = ["product_id", "location_id", "lot_id", "quantity", "inventory_quantity", "inventory_quantity_set"]


def apply_count(ctx: ApplyContext, p: CountQuant) -> dict[str, Any]:
    """Set and apply a counted quantity, once (see the module table)."""
    c = ctx.client
    name = count_move_name(ctx.client_uuid)
    done = c.search("stock.move", [("name", "=", name), ("product_id", "=", p.product_id), ("state", "=", "done")])
    if done:
        return {"inventory_move_ids": done}
    quant = _find_quant(c, p)
    expected = p.expected_quantity if p.expected_quantity is not None else ctx.preconditions.get("quant_quantity")
    ours = {"counted": p.counted_quantity, "expected": expected, "product_id": p.product_id,
            "location_id": p.location_id, "lot_id": p.lot_id}
    if quant is not None and ctx.refs.get("apply_sent") and _same(quant["quantity"], p.counted_quantity) and (
        not quant.get("inventory_quantity_set")
    ):
        # The apply went through but Odoo made no move we could find (nothing to adjust): already applied.
        return {"quant_id": quant["id"], "inventory_move_ids": []}
    have = float(quant["quantity"]) if quant is not None else 0.0
    if expected is not None and not _same(have, float(expected)):
        raise ConflictDetected(
            "stock_moved",
            f"Stock changed in Odoo since it was counted: Odoo now has {have:g}, the counter saw {float(expected):g} "
            f"and counted {p.counted_quantity:g}.",
            ours=ours, theirs={"quantity": have, "quant_id": quant["id"] if quant else None},
        )
    context: JsonDict = {"inventory_mode": True}
    if quant is None:
        values: JsonDict = {"product_id": p.product_id, "location_id": p.location_id,
                            "inventory_quantity": p.counted_quantity}
        if p.lot_id:
            values["lot_id"] = p.lot_id
        quant_id = c.create("stock.quant", values, context=context)
    else:
        quant_id = int(quant["id"])
        if not (quant.get("inventory_quantity_set") and _same(quant["inventory_quantity"], p.counted_quantity)):
            c.write("stock.quant", [quant_id], {"inventory_quantity": p.counted_quantity}, context=context)
    ctx.record(quant_id=quant_id, apply_sent=True)
    result = c.call("stock.quant", "action_apply_inventory", [quant_id],
                    context={"inventory_mode": True, "inventory_name": name})
    if is_window_action(result) and result.get("res_model") == "stock.inventory.conflict":
        raise ConflictDetected("stock_moved", "Odoo says the quant changed since it was counted.",
                               ours=ours, theirs={"quant_id": quant_id})
    finish_wizards(c, result, no_backorder=False)
    moves = c.search("stock.move", [("name", "=", name), ("product_id", "=", p.product_id)])
    return {"quant_id": quant_id, "inventory_move_ids": moves}


def _find_quant(c: ErpClient, p: CountQuant) -> JsonDict | None:
    if p.quant_id:
        row = c.read_one("stock.quant", p.quant_id, _QUANT_FIELDS)
        if row is not None:
            return row
    domain: list[Any] = [
        ("product_id", "=", p.product_id), ("location_id", "=", p.location_id),
        ("lot_id", "=", p.lot_id or False), ("package_id", "=", False),
    ]
    rows = c.search_read("stock.quant", domain, _QUANT_FIELDS, limit=1)
    return rows[0] if rows else None


# -- quant.request_count ---------------------------------------------------------------------------------------

_REQUEST_FIELDS = ["product_id", "location_id", "lot_id", "package_id", "quantity", "inventory_date", "user_id",
                   "last_count_date"]


def _requested(row: JsonDict, p: RequestCount) -> bool:
    """The quant is due for a count by the requested day and has a counter (ours, or one Odoo already chose)."""
    due = row.get("inventory_date")
    if not due or str(due) > p.requested_date:
        return False
    return p.user_id is None or many2one_id(row.get("user_id")) is not None


def _counted_since(row: JsonDict, before: dict[str, Any]) -> bool:
    """The quant's last count date moved on since our request was about to be written."""
    key = str(row["id"])
    return key in before and bool(row.get("last_count_date")) and row.get("last_count_date") != before[key]


def apply_request_count(ctx: ApplyContext, p: RequestCount) -> dict[str, Any]:
    """Ask Odoo for a count of one bin, once (see the module table): absolute writes, nothing counted."""
    c = ctx.client
    domain: list[Any] = [("product_id", "=", p.product_id), ("location_id", "=", p.location_id),
                         ("lot_id", "=", p.lot_id or False)]
    quants = c.search_read("stock.quant", domain, _REQUEST_FIELDS, order="id")
    context: JsonDict = {"inventory_mode": True}
    if not quants:
        # No stock record for that bin (everything left, or never there): an empty quant carries the request.
        # Created without inventory_quantity, so no count is entered and no quantity changes; the quant is
        # its own marker (found by product, bin and lot on a retry).
        values: JsonDict = {"product_id": p.product_id, "location_id": p.location_id,
                            "inventory_date": p.requested_date}
        if p.lot_id:
            values["lot_id"] = p.lot_id
        if p.user_id:
            values["user_id"] = p.user_id
        ctx.record(request_sent=True)
        created = c.create("stock.quant", values, context=context)
        quants = c.read("stock.quant", [created], _REQUEST_FIELDS)
    else:
        before: dict[str, Any] = dict(ctx.refs.get("last_counts") or {})
        todo: dict[tuple[tuple[str, Any], ...], list[int]] = {}
        for row in quants:
            if _counted_since(row, before):
                continue  # counted after our request went out (its reply was lost): asking again would be twice
            values = {}
            due = row.get("inventory_date")
            if not due or str(due) > p.requested_date:
                values["inventory_date"] = p.requested_date
            if p.user_id and many2one_id(row.get("user_id")) is None:
                # A counter Odoo already assigned is a person's choice and is kept.
                values["user_id"] = p.user_id
            if values:
                todo.setdefault(tuple(sorted(values.items())), []).append(int(row["id"]))
        if todo:
            # Applying a count clears the counter and moves the date on: what each quant's last count was before
            # our writes tells a retry whether a count answered the request in between.
            ctx.record(request_sent=True, last_counts=before or {
                str(r["id"]): r.get("last_count_date") or None for r in quants})
            for values_key, ids in todo.items():
                c.write("stock.quant", ids, dict(values_key), context=context)
            quants = c.read("stock.quant", [int(r["id"]) for r in quants], _REQUEST_FIELDS)
    ids = [int(r["id"]) for r in quants]
    missing = [int(r["id"]) for r in quants
               if not _requested(r, p) and not _counted_since(r, dict(ctx.refs.get("last_counts") or {}))]
    if not quants or missing:
        raise Rejected("Odoo did not keep the count request for this bin.", odoo_name="floorapp.CountNotRequested")
    first = quants[0]
    return {"quant_ids": ids, "quant_id": ids[0], "inventory_date": first.get("inventory_date"),
            "user_id": many2one_id(first.get("user_id"))}


# -- picking.return --------------------------------------------------------------------------------------------


def apply_return(ctx: ApplyContext, p: ReturnPicking) -> dict[str, Any]:
    """Create, document and validate the return of a delivery, once (see the module table)."""
    c = ctx.client
    marker = return_marker(ctx.client_uuid)
    ours = {"picking_id": p.picking_id, "lines": [{"move_id": ln.move_id, "quantity": ln.quantity}
                                                  for ln in p.lines]}
    found = c.search("stock.picking", [("return_id", "=", p.picking_id), ("origin", "like", marker)])
    return_id: int | None = found[0] if found else None
    if return_id is None:
        return_id = _adopt_or_create_return(ctx, p, ours)
    ctx.record(return_picking_id=return_id)
    ret = c.read_one("stock.picking", return_id, ["origin", "state", "note"])
    if ret is None:
        raise ConflictDetected("picking_gone", "The return was deleted in Odoo.", ours=ours,
                               theirs={"return_picking_id": return_id})
    if marker not in str(ret.get("origin") or ""):
        c.write("stock.picking", [return_id], {"origin": f"{ret.get('origin') or ''} {marker}".strip()})
    attachment_ids = [_ensure_photo(ctx, return_id, i, photo.file_name, photo.mimetype)
                      for i, photo in enumerate(p.photos)]
    note = _return_note(p)
    if note and note not in str(ret.get("note") or ""):
        c.write("stock.picking", [return_id], {"note": note})
    state = str(ret["state"])
    if p.validate and state != "done":
        lines = c.search_read("stock.move.line", [("picking_id", "=", return_id)], ["quantity", "picked"])
        unpicked = [int(r["id"]) for r in lines if not r.get("picked")]
        if unpicked:
            c.write("stock.move.line", unpicked, {"picked": True})
        context: JsonDict = {"skip_sms": True, "skip_backorder": True, "picking_ids_not_to_backorder": [return_id]}
        result = c.call("stock.picking", "button_validate", [return_id], context=context)
        finish_wizards(c, result, no_backorder=True)
        state = "done"
    return {"return_picking_id": return_id, "attachment_ids": attachment_ids, "return_state": state}


def _return_note(p: ReturnPicking) -> str:
    parts = [f"{ln.quantity:g} x product {ln.product_id}: {ln.disposition.value}" for ln in p.lines]
    if p.note:
        parts.append(p.note)
    if p.floor_user:
        parts.append(f"Inspected by {p.floor_user} (FloorApp)")
    return "; ".join(parts)


def _adopt_or_create_return(ctx: ApplyContext, p: ReturnPicking, ours: dict[str, Any]) -> int:
    c = ctx.client
    existing = c.search("stock.picking", [("return_id", "=", p.picking_id)])
    before = ctx.refs.get("returns_before")
    if isinstance(before, list) and ctx.refs.get("create_sent"):
        new = sorted(set(existing) - {int(x) for x in before})
        if len(new) == 1:
            sync_log().info("adopting return %s created by a lost reply", new[0])
            return new[0]
        if len(new) > 1:
            raise ConflictDetected("ambiguous_return", "Several returns of this delivery appeared in Odoo.",
                                   ours=ours, theirs={"return_picking_ids": new})
    ctx.record(returns_before=existing, create_sent=False)
    context: JsonDict = {"active_id": p.picking_id, "active_ids": [p.picking_id], "active_model": "stock.picking"}
    wizard_id = c.create("stock.return.picking", {"picking_id": p.picking_id}, context=context)
    wizard = c.read_one("stock.return.picking", wizard_id, ["product_return_moves"])
    line_ids = parse_record_ids(wizard.get("product_return_moves")) if wizard else []
    lines = c.read("stock.return.picking.line", line_ids, ["move_id", "product_id", "quantity"])
    by_move = {many2one_id(r.get("move_id")): int(r["id"]) for r in lines}
    wanted: dict[int, float] = {}
    for ln in p.lines:
        wanted[ln.move_id] = wanted.get(ln.move_id, 0.0) + ln.quantity
    for move_id, qty in wanted.items():
        line_id = by_move.get(move_id)
        if line_id is None:
            raise Rejected(f"Odoo offers no return line for move {move_id}.", odoo_name="floorapp.NoReturnLine")
        c.write("stock.return.picking.line", [line_id], {"quantity": qty})
    ctx.record(create_sent=True)
    action = c.call("stock.return.picking", "action_create_returns", [wizard_id], context=context)
    new_id = many2one_id(action.get("res_id")) if isinstance(action, dict) else None
    if new_id is None:
        created = sorted(set(c.search("stock.picking", [("return_id", "=", p.picking_id)])) - set(existing))
        if len(created) != 1:
            raise Rejected("Odoo did not say which return it created.", odoo_name="floorapp.NoReturnPicking")
        new_id = created[0]
    return new_id


def _ensure_photo(ctx: ApplyContext, return_id: int, index: int, file_name: str, mimetype: str) -> int:
    c = ctx.client
    name = photo_attachment_name(ctx.client_uuid, index, file_name)
    found = c.search("ir.attachment", [("res_model", "=", "stock.picking"), ("res_id", "=", return_id),
                                       ("name", "=", name)], limit=1)
    if found:
        return found[0]
    if ctx.photo_loader is None:
        raise Rejected(f"The photo {file_name} is not on this device any more.", odoo_name="floorapp.PhotoMissing")
    try:
        data = ctx.photo_loader(file_name)
    except OSError as exc:
        raise Rejected(f"The photo {file_name} could not be read on this device.",
                       odoo_name="floorapp.PhotoMissing") from exc
    return c.create("ir.attachment", {
        "name": name, "datas": base64.b64encode(data).decode("ascii"), "res_model": "stock.picking",
        "res_id": return_id, "mimetype": mimetype,
    })


KINDS: tuple[TransactionKind, ...] = tuple(TransactionKind)

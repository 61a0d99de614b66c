"""Exactly once against a stock Odoo: how each transaction kind is applied in steps that are safe to repeat.

Odoo has no idempotency key, so every step is one of:

* an **absolute write** (quantities, picked flags, lots, package of a line): writing it twice is writing it once;
* a **create in one atomic call carrying a marker** (the client UUID, or the floor's package name), looked for
  before it is created again;
* a **read-back check** before a call that cannot be repeated (validate, apply inventory, create returns).

Before each non-repeatable call the worker records locally (``OutboxEntry.odoo_refs``, committed with
``synchronous=FULL``) that the call is about to be sent (``*_sent``), so a retry knows whether Odoo's current
state can be its own. A check for a marker is made only when such a ref says an earlier attempt may have sent
the call: on a first attempt nothing can be there yet.

The worker applies entries in chunks (at most one entry per document): :func:`read_snapshot` reads what the
chunk needs in one call per model (pickings with the returns of the delivered ones, move lines, quants,
packages by name, moves of returned deliveries), the appliers check their preconditions against it and make
only their mutating calls, and :func:`settle` closes the chunk with one read of the pickings that were
validated (state ``done``, backorders), one read of the packed lines' write dates and one of the count moves,
then the per-transaction finishing writes (a return's marker and note, a floor user's chatter note). An entry
is applied only once its chunk is settled. The table below is kept in docs/sync.md too; "calls" are the
transaction's own RPCs on a first attempt without wizards, besides the chunk's shared reads.

=====================  ===================================================  ========================================
kind (calls)           steps                                                "already applied?" check (retry only)
=====================  ===================================================  ========================================
picking.validate (2,   1 preconditions against the chunk snapshot (state,   picking ``done`` **and** ``validate_sent``
+ the chunk's notes)   line write_dates and content: quantity, picked; a    in refs **and** each picked move's done
                       lot whose expiry Odoo moved earlier) unless our own  quantity equals ours -> applied.
                       writes began (``lines_started``);                    ``done`` without ``validate_sent``, or
                       2 record ``lines_started``; ONE                      other quantities -> conflict
                       ``stock.picking.write`` of every line's changes as   ``picking_done_elsewhere``. A refused
                       one2many commands (quantity, picked, lot, result     validate records ``validate_sent`` False
                       package; unpicked lines ``picked=False``; a line     (Odoo answered: nothing was done).
                       for another lot by a ``(0, 0, vals)`` command,       The note is searched for by its UUID
                       found by (move, lot) on a retry);                    only when an earlier attempt validated
                       3 record ``validate_sent``; ``button_validate``      (a note follows its validation).
                       (refused because done meanwhile -> conflict) with
                       the backorder context, wizards answered;
                       4 settle: state ``done`` (else parked) and
                       backorders; the chunk's chatter notes "by <floor
                       user> [<uuid>]" in one ``mail.message`` create.
picking.put_in_pack    1 lines against the snapshot (gone -> conflict,      every listed line has
(1, +1 if the package  done elsewhere -> conflict); the packages the chunk  ``result_package_id`` = the package
is new to Odoo, shared names that Odoo lacks are created in ONE call        named by the floor (found by name in
by the chunk)          for the chunk; 2 absolute write ``result_package_id`` the snapshot).
                       on the lines; 3 settle: the lines' write dates.
quant.count (2)        1 quant from the snapshot; its quantity against      ``apply_sent`` and a done move named
                       what the counter saw (conflict ``stock_moved``);     ``FloorApp count <uuid>`` exists
                       2 absolute write of ``inventory_quantity``           (``inventory_name`` context), or
                       (inventory mode; a missing quant is created in it);  ``apply_sent`` and the quant holds the
                       3 record ``apply_sent``; ``action_apply_inventory``  counted quantity.
                       with context ``inventory_name``; 4 settle: the
                       named moves.
picking.return (4,     1 returns of the delivery from the snapshot; none    a return of the delivery with
+1 for its photos)     marked -> record ``returns_before`` and              ``[<uuid>]`` in its origin; after a lost
                       ``create_sent``, wizard created WITH its lines       reply, the one return created since
                       (``product_return_moves`` one2many commands, moves   ``returns_before`` is adopted (two ->
                       checked against the delivery's), then                conflict ``ambiguous_return``).
                       ``action_create_returns``; 2 its photos in one       Photos: searched by name on a return an
                       create, named ``<uuid>-<n>-<file>``;                 earlier attempt created (one this
                       3 ``button_validate`` unless done (nothing picked:   attempt created has none yet).
                       Odoo picks what is reserved, i.e. the returned       Validation: state ``done`` in the
                       quantities); 4 settle: state ``done``, then one      snapshot.
                       write of the origin marker and the inspection note.
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
import html
from collections.abc import Callable, Generator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from floorapp.sync.client import ErpClient, JsonDict, is_window_action, many2one_id, parse_record_ids
from floorapp.sync.errors import AuthenticationFailed, ConflictDetected, OdooUnreachable, Rejected
from floorapp.sync.log import sync_log
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text
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


# -- the chunk's shared reads ----------------------------------------------------------------------------------

_PICKING_FIELDS = ["name", "state", "write_date", "return_id", "origin"]
_LINE_FIELDS = [
    "move_id", "product_id", "quantity", "picked", "lot_id", "lot_name", "location_id", "location_dest_id",
    "result_package_id", "write_date", "picking_id", "state",
]
_PACK_LINE_FIELDS = ["result_package_id", "picking_id", "state"]
_QUANT_FIELDS = ["product_id", "location_id", "lot_id", "package_id", "quantity", "inventory_quantity",
                 "inventory_quantity_set"]
_RETURNABLE_MOVE_FIELDS = ["picking_id", "product_id", "state", "scrapped"]


@dataclass
class Snapshot:
    """What the entries of one chunk need from Odoo, read in one call per model before any of them is applied.

    The worker puts at most one entry of a document in a chunk, so no entry sees a view its own document's
    earlier entry made stale; an applier that changes a picking drops it (``forget_picking``) all the same.
    Between this read and an entry's writes another device may change Odoo: every step that relies on it is
    either refused by Odoo on a stale state (validating a done picking) or re-checked on a retry.
    """

    pickings: dict[int, JsonDict] = field(default_factory=dict)
    returns_of: dict[int, list[JsonDict]] = field(default_factory=dict)
    lines: dict[int, JsonDict] = field(default_factory=dict)
    lines_of: dict[int, dict[int, JsonDict]] = field(default_factory=dict)
    returnable_moves: dict[int, JsonDict] = field(default_factory=dict)
    quants: dict[int, JsonDict] = field(default_factory=dict)
    quants_by_key: dict[tuple[int, int, int], JsonDict] = field(default_factory=dict)
    packages: dict[str, int] = field(default_factory=dict)

    def forget_picking(self, picking_id: int) -> None:
        """Drop what was read of a picking the caller just changed."""
        self.pickings.pop(picking_id, None)
        for line_id in self.lines_of.pop(picking_id, {}):
            self.lines.pop(line_id, None)

    def quant_for(self, p: CountQuant) -> JsonDict | None:
        """The quant a count is about: its id as downloaded, else (product, bin, lot) without a package."""
        if p.quant_id and p.quant_id in self.quants:
            return self.quants[p.quant_id]
        return self.quants_by_key.get((p.product_id, p.location_id, p.lot_id or 0))


def parse_entries(entries: Sequence[tuple[str, Mapping[str, Any]]]) -> list[Any]:
    """The typed payloads of a chunk's entries (None for one that does not parse: its applier parks it)."""
    typed: list[Any] = []
    for kind, payload in entries:
        try:
            typed.append(parse_payload(kind, dict(payload)))
        except Exception:  # a bad payload is parked by its own applier, not by the chunk
            typed.append(None)
    return typed


def _either(*parts: list[Any]) -> list[Any]:
    """``part1 OR part2 ...`` in Odoo's prefix notation, leaving out empty parts."""
    kept = [p for p in parts if p]
    return ["|"] * (len(kept) - 1) + [leaf for p in kept for leaf in p]


def read_snapshot(client: ErpClient, typed: Sequence[Any]) -> Snapshot:
    """Read, in about one call per model, what the chunk's transactions (typed payloads) are checked against."""
    snap = Snapshot()
    pickings = sorted({t.picking_id for t in typed if isinstance(t, ValidatePicking)})
    deliveries = sorted({t.picking_id for t in typed if isinstance(t, ReturnPicking)})
    pack_lines = sorted({lid for t in typed if isinstance(t, PutInPack) for lid in t.move_line_ids})
    names = {t.package_name for t in typed if isinstance(t, PutInPack)}
    names |= {ln.package_name for t in typed if isinstance(t, ValidatePicking) for ln in t.lines if ln.package_name}
    counts = [t for t in typed if isinstance(t, CountQuant)]
    if pickings or deliveries:
        domain = _either([("id", "in", pickings)] if pickings else [],
                         [("return_id", "in", deliveries)] if deliveries else [])
        for row in client.search_read("stock.picking", domain, _PICKING_FIELDS):
            if int(row["id"]) in pickings:
                snap.pickings[int(row["id"])] = row
            delivery = many2one_id(row.get("return_id"))
            if delivery in deliveries:
                snap.returns_of.setdefault(int(delivery), []).append(row)
    if pickings or pack_lines:
        domain = _either([("picking_id", "in", pickings)] if pickings else [],
                         [("id", "in", pack_lines)] if pack_lines else [])
        # Packing needs only where a line is; a validation needs what it was picked against.
        for row in client.search_read("stock.move.line", domain, _LINE_FIELDS if pickings else _PACK_LINE_FIELDS):
            snap.lines[int(row["id"])] = row
            picking = many2one_id(row.get("picking_id"))
            if picking is not None:
                snap.lines_of.setdefault(picking, {})[int(row["id"])] = row
    if deliveries:
        for row in client.search_read("stock.move", [("picking_id", "in", deliveries)], _RETURNABLE_MOVE_FIELDS):
            snap.returnable_moves[int(row["id"])] = row
    if names:
        for row in client.search_read("stock.quant.package", [("name", "in", sorted(names))], ["name"], order="id"):
            snap.packages.setdefault(str(row["name"]), int(row["id"]))
    if counts:
        ids = sorted({t.quant_id for t in counts if t.quant_id})
        rows = client.search_read("stock.quant", [("id", "in", ids)], _QUANT_FIELDS) if ids else []
        found = {int(r["id"]) for r in rows}
        # A count without the quant's id, or whose quant Odoo merged or removed: found by (product, bin, lot).
        keyed = [t for t in counts if not t.quant_id or t.quant_id not in found]
        if keyed:
            rows += client.search_read("stock.quant", [
                ("product_id", "in", sorted({t.product_id for t in keyed})),
                ("location_id", "in", sorted({t.location_id for t in keyed})), ("package_id", "=", False),
            ], _QUANT_FIELDS, order="id")
        for row in sorted(rows, key=lambda r: int(r["id"])):
            snap.quants[int(row["id"])] = row
            if many2one_id(row.get("package_id")) is None:
                key = (many2one_id(row.get("product_id")) or 0, many2one_id(row.get("location_id")) or 0,
                       many2one_id(row.get("lot_id")) or 0)
                snap.quants_by_key.setdefault(key, row)
    return snap


def create_missing_packages(client: ErpClient, snap: Snapshot, typed: Sequence[Any]) -> None:
    """Create, in one call, the floor-named packages of the chunk's packs that Odoo does not have yet.

    Only for packs whose lines are all there and still open (the others become conflicts and need no package).
    The name is the marker: every snapshot looks packages up by name first, so a lost reply is never a second
    package.
    """
    wanted: dict[str, JsonDict] = {}
    for t in typed:
        if not isinstance(t, PutInPack) or t.package_name in snap.packages or t.package_name in wanted:
            continue
        rows = [snap.lines.get(lid) for lid in t.move_line_ids]
        if any(r is None or r.get("state") in ("done", "cancel") for r in rows):
            continue
        values: JsonDict = {"name": t.package_name}
        if t.package_type_id:
            values["package_type_id"] = t.package_type_id
        if t.shipping_weight:
            values["shipping_weight"] = t.shipping_weight
        wanted[t.package_name] = values
    if not wanted:
        return
    ids = client.create_many("stock.quant.package", list(wanted.values()))
    snap.packages.update(zip(wanted, ids, strict=True))


@dataclass
class Deferred:
    """What an applier leaves for the chunk's closing reads and writes (:func:`settle`)."""

    done_picking: int | None = None
    done_label: str = ""
    backorders: bool = False
    line_dates: tuple[int, ...] = ()
    count_move: str | None = None
    count_product: int = 0
    return_mark: tuple[int, str, str] | None = None  # (return picking, marker, note) written once it is done
    chatter: tuple[int, str] | None = None  # (picking id, body) of the floor user's note
    chatter_maybe_sent: bool = False  # an earlier attempt validated it, so it may have posted the note


@dataclass
class ApplyContext:
    """What an applier gets besides the payload.

    ``remember`` persists refs in the outbox entry **before** it returns: call it before any step whose
    completion a retry must know about. ``own_line_write_dates`` are write dates of move lines left by our
    own earlier transactions of the same document, so they are not mistaken for someone else's change.
    ``snapshot`` is the chunk's shared read (read for this entry alone when None); ``deferred`` collects what
    :func:`settle` finishes; ``entry_id`` is the outbox entry's local id (for the worker's batched records).
    """

    client: ErpClient
    client_uuid: str
    preconditions: dict[str, Any]
    refs: dict[str, Any]
    remember: Callable[[dict[str, Any]], None]
    photo_loader: PhotoLoader | None = None
    own_line_write_dates: dict[str, str] = field(default_factory=dict)
    floor_user: str | None = None
    snapshot: Snapshot | None = None
    deferred: Deferred = field(default_factory=Deferred)
    entry_id: int = 0

    def record(self, **refs: Any) -> None:
        """Persist refs now and keep them in memory."""
        self.refs.update(refs)
        self.remember(dict(refs))

    @property
    def snap(self) -> Snapshot:
        """The chunk's snapshot (set by :func:`apply_entry`)."""
        if self.snapshot is None:
            raise RuntimeError("apply_entry sets the snapshot")
        return self.snapshot


#: An applier's steps: it yields refs that must be recorded durably before it goes on (the ``*_sent`` refs before
#: a call that cannot be repeated), and returns the refs to keep. The worker runs a chunk's appliers in lockstep
#: and records what they all yield in one local commit.
Steps = Generator[dict[str, Any], None, dict[str, Any]]


def apply_steps(kind: str, payload: dict[str, Any], ctx: ApplyContext, typed: Any = None) -> Steps:
    """One outbox entry's calls to Odoo as :data:`Steps`; :func:`settle` must follow before it counts as applied.

    ``typed`` is the payload already parsed (:func:`parse_entries`). Raises the sync error families. Without a
    chunk snapshot the entry's own is read first.
    """
    if typed is None:
        typed = parse_payload(kind, payload)
    if ctx.snapshot is None:
        ctx.snapshot = read_snapshot(ctx.client, [typed])
        create_missing_packages(ctx.client, ctx.snapshot, [typed])
    if isinstance(typed, ValidatePicking):
        return (yield from apply_validate(ctx, typed))
    if isinstance(typed, PutInPack):
        return apply_put_in_pack(ctx, typed)
    if isinstance(typed, CountQuant):
        return (yield from apply_count(ctx, typed))
    if isinstance(typed, ReturnPicking):
        return (yield from apply_return(ctx, typed))
    if isinstance(typed, RequestCount):
        return apply_request_count(ctx, typed)
    raise Rejected(user_text(QT_TRANSLATE_NOOP("Sync", "FloorApp does not know how to send {kind}."), kind=repr(kind)),
                   odoo_name="floorapp.UnknownKind")


def apply_entry(kind: str, payload: dict[str, Any], ctx: ApplyContext) -> dict[str, Any]:
    """Run one entry's :data:`Steps` on its own, recording each yielded ref with ``ctx.record``."""
    steps = apply_steps(kind, payload, ctx)
    try:
        refs = next(steps)
        while True:
            ctx.record(**refs)
            refs = steps.send(None)
    except StopIteration as done:
        result: dict[str, Any] = done.value
        return result


def apply_transaction(kind: str, payload: dict[str, Any], ctx: ApplyContext) -> dict[str, Any]:
    """Apply one outbox entry on its own (read, calls, settle); return the refs to keep."""
    refs = apply_entry(kind, payload, ctx)
    result = settle(ctx.client, [(ctx, refs)])[0]
    if isinstance(result, BaseException):
        raise result
    return result


SettleResult = dict[str, Any] | Exception
def settle(client: ErpClient, staged: Sequence[tuple[ApplyContext, dict[str, Any]]]) -> list[SettleResult]:
    """Close a chunk: one read per model of what its entries left to check, then their finishing writes.

    Returns, per staged entry, its final refs or the exception that decides its fate. A network failure while
    settling fails the entries not settled yet with it (they are retried; their steps are safe to repeat).
    """
    results: list[SettleResult] = []
    try:
        pickings, line_dates, count_moves = _settle_reads(client, [ctx.deferred for ctx, _ in staged])
    except (OdooUnreachable, AuthenticationFailed) as exc:
        return [exc for _ in staged]
    notes: list[tuple[ApplyContext, dict[str, Any]]] = []
    for ctx, refs in staged:
        d = ctx.deferred
        out = dict(refs)
        try:
            if d.done_picking is not None:
                row = pickings.get(d.done_picking)
                if row is None or row.get("state") != "done":
                    raise Rejected(user_text(
                        QT_TRANSLATE_NOOP("Sync", "Odoo did not finish validating {picking} (state {state})."),
                        picking=d.done_label, state=str(row and row.get("state"))), odoo_name="floorapp.NotDone")
                if d.backorders:
                    out["backorder_ids"] = sorted(parse_record_ids(row.get("backorder_ids")))
            if d.line_dates:
                out["line_write_dates"] = {str(lid): line_dates.get(lid) for lid in d.line_dates}
            if d.count_move is not None:
                out["inventory_move_ids"] = sorted(count_moves.get(d.count_move, []))
            if d.return_mark is not None:
                out |= _mark_return(ctx, refs, d.return_mark, pickings)
        except (OdooUnreachable, AuthenticationFailed) as exc:
            # All of them are retried, those already settled too: their notes are not posted yet.
            return [exc for _ in staged]
        except Exception as exc:  # the entry's own outcome, decided by the worker
            results.append(exc)
            continue
        results.append(out)
        if d.chatter is not None:
            notes.append((ctx, out))
    if notes:
        _post_notes(notes, results, [ctx for ctx, _ in staged])
    return results


def _post_notes(notes: list[tuple[ApplyContext, dict[str, Any]]], results: list[SettleResult],
                order: list[ApplyContext]) -> None:
    """Post the floor users' chatter notes of a chunk: the new ones in one ``mail.message`` create per client.

    A note is not repeatable. It is posted only after its picking's validation, so one validated by this very
    attempt has no note yet; one an earlier attempt validated may have it, and is searched for by its UUID
    first. A failure is its entry's outcome (a network failure: every entry not noted yet).
    """
    position_of = {id(ctx): i for i, ctx in enumerate(order)}
    retried = [(ctx, out) for ctx, out in notes if ctx.deferred.chatter_maybe_sent]
    first = [(ctx, out) for ctx, out in notes if not ctx.deferred.chatter_maybe_sent]
    groups: dict[int, list[tuple[ApplyContext, dict[str, Any]]]] = {}
    for ctx, out in first:
        groups.setdefault(id(ctx.client), []).append((ctx, out))
    work: list[tuple[list[tuple[ApplyContext, dict[str, Any]]], bool]] = [(g, False) for g in groups.values()]
    work += [([item], True) for item in retried]
    for position, (items, is_retry) in enumerate(work):
        try:
            ids = _post_note_group(items, retried=is_retry)
        except (OdooUnreachable, AuthenticationFailed) as exc:
            for later, _ in work[position:]:
                for ctx, _out in later:
                    results[position_of[id(ctx)]] = exc
            return
        except Exception as exc:  # the entries' own outcome
            for ctx, _out in items:
                results[position_of[id(ctx)]] = exc
            continue
        for (_ctx, out), message_id in zip(items, ids, strict=True):
            out["note_message_id"] = message_id


def _post_note_group(items: list[tuple[ApplyContext, dict[str, Any]]], *, retried: bool) -> list[int | None]:
    c = items[0][0].client
    if retried:
        ctx = items[0][0]
        picking_id, body = ctx.deferred.chatter or (0, "")
        found = c.search("mail.message", [("model", "=", "stock.picking"), ("res_id", "=", picking_id),
                                          ("body", "ilike", return_marker(ctx.client_uuid))], limit=1)
        if found:
            return [found[0]]
        return [_message_post(c, picking_id, body)]
    note = c.xmlid_to_id("mail.mt_note")
    if note is None:
        # A database without the Note subtype's external id: one message_post each, as the chatter does.
        return [_message_post(c, *(ctx.deferred.chatter or (0, ""))) for ctx, _ in items]
    values = [{"model": "stock.picking", "res_id": picking_id, "body": html.escape(body), "message_type": "comment",
               "subtype_id": note}
              for picking_id, body in (ctx.deferred.chatter or (0, "") for ctx, _ in items)]
    try:
        return list(c.create_many("mail.message", values))
    except Rejected as refused:
        # Odoo answered with an error, so none was created: a database that refuses messages created directly
        # still takes them one by one through the chatter.
        sync_log().warning("Odoo refused the chunk's notes in one create (%s); posting them one by one", refused)
        return [_message_post(c, *(ctx.deferred.chatter or (0, ""))) for ctx, _ in items]


def _message_post(c: ErpClient, picking_id: int, body: str) -> int | None:
    posted = parse_record_ids(c.call("stock.picking", "message_post", [picking_id], body=body,
                                     message_type="comment", subtype_xmlid="mail.mt_note"))
    return posted[0] if posted else None


def _settle_reads(client: ErpClient, deferred: Sequence[Deferred]) -> tuple[
        dict[int, JsonDict], dict[int, Any], dict[str, list[int]]]:
    done = {d.done_picking for d in deferred if d.done_picking is not None}
    marked = {d.return_mark[0] for d in deferred if d.return_mark is not None}
    ids = sorted(done | marked)
    pickings: dict[int, JsonDict] = {}
    if ids:
        for row in client.search_read("stock.picking", [("id", "in", ids)], ["state", "origin", "backorder_ids"]):
            pickings[int(row["id"])] = row
    lines = sorted({lid for d in deferred for lid in d.line_dates})
    line_dates: dict[int, Any] = {}
    if lines:
        for row in client.search_read("stock.move.line", [("id", "in", lines)], ["write_date"]):
            line_dates[int(row["id"])] = row.get("write_date")
    names = sorted({d.count_move for d in deferred if d.count_move is not None})
    count_moves: dict[str, list[int]] = {}
    if names:
        # By product too: the indexed field narrows the search (a move's name is not indexed in Odoo).
        products = sorted({d.count_product for d in deferred if d.count_move is not None})
        for row in client.search_read("stock.move", [("product_id", "in", products), ("name", "in", names)],
                                      ["name"]):
            count_moves.setdefault(str(row["name"]), []).append(int(row["id"]))
    return pickings, line_dates, count_moves


# -- chatter note ----------------------------------------------------------------------------------------------


def _floor_note(ctx: ApplyContext, picking_id: int, floor_user: str | None, what: str, *, earlier: bool) -> None:
    """The floor user's chatter note, posted when the chunk settles. A note follows only a validation, so it can
    exist already only when an earlier attempt validated (``earlier``): then it is searched for by its UUID."""
    if floor_user:
        ctx.deferred.chatter = (picking_id, f"{what} by {floor_user} on FloorApp {return_marker(ctx.client_uuid)}")
        ctx.deferred.chatter_maybe_sent = earlier


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
            raise ConflictDetected("lot_expired",
                                   QT_TRANSLATE_NOOP("Sync",
                                                     "Odoo says a picked lot is expired; a supervisor decides."),
                                   ours={}, theirs={"wizard": model, "context": context})
        else:
            raise Rejected(
                user_text(QT_TRANSLATE_NOOP("Sync", "Odoo asks a question FloorApp cannot answer ({model}); finish "
                                                    "this transfer in Odoo."), model=model),
                odoo_name="floorapp.UnhandledWizard",
            )
        wizard_id = many2one_id(result.get("res_id")) or client.create(model, values, context=context)
        sync_log().info("answering %s %s with %s", model, wizard_id, method)
        result = client.call(model, method, [wizard_id], context=context)
    raise Rejected(QT_TRANSLATE_NOOP("Sync", "Odoo kept asking questions; finish this transfer in Odoo."),
                   odoo_name="floorapp.WizardLoop")



# -- picking.validate ------------------------------------------------------------------------------------------


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


def ensure_package(ctx: ApplyContext, name: str) -> int:
    """The package named ``name`` (the floor's tote/carton name): from the snapshot, else created in one call."""
    found = ctx.snap.packages.get(name)
    if found is not None:
        return found
    created = ctx.client.create("stock.quant.package", {"name": name})
    ctx.snap.packages[name] = created
    return created


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
    a transfer if no quantities are reserved" (a UserError). When someone finished the picking after the chunk's
    read (before or after our line writes), raise that as the conflict it is instead of parking Odoo's
    misleading message."""
    now = c.read_one("stock.picking", p.picking_id, ["state", "write_date"])
    if now is None or now["state"] not in ("done", "cancel"):
        return
    matches, theirs = _check_done_with_ours(c, p)
    raise ConflictDetected(
        "picking_done_elsewhere",
        user_text(QT_TRANSLATE_NOOP("Sync", "{picking} was validated in Odoo while FloorApp was sending it; check its "
                                            "quantities in Odoo."), picking=p.picking_name),
        ours=_picked_summary(p),
        theirs={"state": now["state"], "moves": theirs, "lines_written_by_floorapp": True,
                "quantities_match": matches, "odoo_message": refused.odoo_message},
    ) from refused


def apply_validate(ctx: ApplyContext, p: ValidatePicking) -> Steps:
    """Validate a picking with the floor's quantities, once (see the module table)."""
    c = ctx.client
    pid = p.picking_id
    picking = ctx.snap.pickings.get(pid)
    if picking is None:
        raise ConflictDetected("picking_gone",
                               user_text(QT_TRANSLATE_NOOP("Sync", "{picking} was deleted in Odoo."),
                                         picking=p.picking_name),
                               ours=_picked_summary(p), theirs={"picking": None})
    state = str(picking["state"])
    if state == "done":
        matches, theirs = _check_done_with_ours(c, p)
        if ctx.refs.get("validate_sent") and matches:
            sync_log().info("%s already validated with our quantities (reply was lost)", p.picking_name)
            ctx.deferred = Deferred(done_picking=pid, done_label=p.picking_name, backorders=True)
            _floor_note(ctx, pid, p.floor_user, "Picked and validated", earlier=True)
            return {"picking_state": "done"}
        raise ConflictDetected(
            "picking_done_elsewhere",
            user_text(QT_TRANSLATE_NOOP("Sync", "{picking} was validated in Odoo by someone else; nothing was shipped "
                                                "twice."), picking=p.picking_name),
            ours=_picked_summary(p), theirs={"state": state, "moves": theirs, "write_date": picking["write_date"]},
        )
    if state == "cancel":
        raise ConflictDetected("picking_cancelled",
                               user_text(QT_TRANSLATE_NOOP("Sync", "{picking} was cancelled in Odoo."),
                                         picking=p.picking_name),
                               ours=_picked_summary(p), theirs={"state": state})

    current = dict(ctx.snap.lines_of.get(pid, {}))
    if not ctx.refs.get("lines_started"):
        _check_line_preconditions(ctx, p, current)
        _check_lot_expiry(ctx, p)
    for line in p.lines:
        if line.move_line_id is not None and line.move_line_id not in current:
            raise ConflictDetected(
                "line_gone",
                user_text(QT_TRANSLATE_NOOP("Sync", "A line of {picking} was removed or moved in Odoo."),
                          picking=p.picking_name),
                ours=_picked_summary(p), theirs={"move_line_ids": sorted(current)},
            )
    if sum(max(0.0, ln.quantity) for ln in p.lines) <= EPSILON:
        # Odoo would ship every reserved quantity when nothing is picked (API notes a4): never send that.
        raise Rejected(user_text(QT_TRANSLATE_NOOP("Sync", "Nothing was picked on {picking}; it was not validated."),
                                 picking=p.picking_name),
                       odoo_name="floorapp.NothingPicked")

    packages = {ln.package_name: ensure_package(ctx, ln.package_name) for ln in p.lines if ln.package_name}
    commands: list[list[Any]] = []
    ours_ids: set[int] = set()
    for line in p.lines:
        values: JsonDict = {"quantity": line.quantity, "picked": line.quantity > EPSILON}
        if line.lot_id:
            values["lot_id"] = line.lot_id
        elif line.lot_name:
            values["lot_name"] = line.lot_name
        if line.package_name:
            values["result_package_id"] = packages[line.package_name]
        line_id = line.move_line_id
        if line_id is None:
            line_id = _extra_line_of_earlier_attempt(ctx, p, line, current, ours_ids)
        if line_id is None:
            commands.append([0, 0, _extra_line_values(p, line) | values])
            continue
        ours_ids.add(line_id)
        changes = _differing(current.get(line_id), values)
        if changes:
            commands.append([1, line_id, changes])
    # Lines the floor did not pick must not ship: unpicked lines of a picked move are dropped at validation.
    commands += [[1, lid, {"picked": False}] for lid, row in sorted(current.items())
                 if lid not in ours_ids and row.get("picked")]
    if commands:
        # Every line in one write through the picking (Odoo's one2many commands run each line's own write).
        yield {"lines_started": True}
        c.write("stock.picking", [pid], {"move_line_ids": commands})
    ctx.snap.forget_picking(pid)

    # Odoo has no conditional write: if someone validated the picking after the chunk's read, our line writes
    # edited a done transfer (Odoo allows that) and Odoo refuses the validation below ("no quantities are
    # reserved"): that refusal becomes the conflict, with lines_written_by_floorapp for a person to check.
    no_backorder = p.backorder is BackorderDecision.NO_BACKORDER
    context: JsonDict = {"skip_sms": True}
    if no_backorder:
        context.update({"skip_backorder": True, "picking_ids_not_to_backorder": [pid]})
    yield {"validate_sent": True}
    try:
        result = c.call("stock.picking", "button_validate", [pid], context=context)
    except Rejected as refused:
        # Odoo answered with an error: the validation was rolled back, so a retry must not take a done picking
        # for ours.
        ctx.record(validate_sent=False)
        _done_elsewhere_meanwhile(c, p, refused)
        raise
    try:
        finish_wizards(c, result, no_backorder=no_backorder)
    except ConflictDetected as exc:
        exc.ours = _picked_summary(p)
        raise
    ctx.deferred = Deferred(done_picking=pid, done_label=p.picking_name, backorders=True)
    _floor_note(ctx, pid, p.floor_user, "Picked and validated", earlier=False)
    return {"picking_state": "done"}


def _differing(row: JsonDict | None, values: JsonDict) -> JsonDict:
    """The part of ``values`` a line does not hold yet, as Odoo's form sends a line's changes: an unchanged
    quantity is not rewritten (Odoo would re-reserve nothing for it), a repeat would be harmless anyway."""
    if row is None:
        return dict(values)
    out: JsonDict = {}
    for key, want in values.items():
        have = row.get(key)
        if key.endswith("_id"):
            same = many2one_id(have) == want
        elif isinstance(want, float | int) and not isinstance(want, bool):
            same = isinstance(have, float | int) and _same(have, want)
        else:
            same = have == want
        if not same:
            out[key] = want
    return out


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
                user_text(QT_TRANSLATE_NOOP("Sync", "A line of {picking} was changed in Odoo (taken by another "
                                                    "picker?) after it was downloaded."), picking=p.picking_name),
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
                user_text(QT_TRANSLATE_NOOP("Sync", "Lot {lot} of {picking} now expires earlier in Odoo ({now}) than "
                                                    "when it was picked ({ours}); a supervisor decides."),
                          lot=str(row.get("name")), picking=p.picking_name, now=str(now), ours=str(ours)),
                ours=_picked_summary(p) | {"lot_id": int(row["id"]), "expiration_date": ours},
                theirs={"lot_id": int(row["id"]), "expiration_date": now},
            )




def _extra_line_of_earlier_attempt(
    ctx: ApplyContext, p: ValidatePicking, line: PickedLine, current: dict[int, JsonDict], taken: set[int]
) -> int | None:
    # A line the floor added (another lot than reserved). Its natural key is (move, lot): after our line writes
    # began, a line of that move with that lot already in Odoo is ours from an attempt whose reply was lost.
    if not ctx.refs.get("lines_started"):
        return None
    listed = {ln.move_line_id for ln in p.lines if ln.move_line_id is not None}
    for lid, row in current.items():
        if lid in listed or lid in taken or many2one_id(row.get("move_id")) != line.move_id:
            continue
        if (line.lot_id and many2one_id(row.get("lot_id")) == line.lot_id) or (
            line.lot_name and row.get("lot_name") == line.lot_name
        ):
            return lid
    return None


def _extra_line_values(p: ValidatePicking, line: PickedLine) -> JsonDict:
    return {"move_id": line.move_id, "picking_id": p.picking_id, "product_id": line.product_id,
            "location_id": line.location_id, "location_dest_id": line.location_dest_id}


# -- picking.put_in_pack ---------------------------------------------------------------------------------------


def apply_put_in_pack(ctx: ApplyContext, p: PutInPack) -> dict[str, Any]:
    """Put the listed lines into the package named by the floor, once (see the module table)."""
    found = {lid: ctx.snap.lines[lid] for lid in p.move_line_ids if lid in ctx.snap.lines}
    missing = [lid for lid in p.move_line_ids if lid not in found]
    ours = {"package": p.package_name, "move_line_ids": list(p.move_line_ids)}
    if missing:
        raise ConflictDetected("line_gone",
                               user_text(QT_TRANSLATE_NOOP("Sync",
                                                           "Lines to pack into {package} were removed in Odoo."),
                                         package=p.package_name),
                               ours=ours, theirs={"missing_move_line_ids": missing})
    package_id = ctx.snap.packages.get(p.package_name)
    if package_id is None:
        values: JsonDict = {"name": p.package_name}
        if p.package_type_id:
            values["package_type_id"] = p.package_type_id
        if p.shipping_weight:
            values["shipping_weight"] = p.shipping_weight
        package_id = ctx.client.create("stock.quant.package", values)
        ctx.snap.packages[p.package_name] = package_id
    todo: list[int] = []
    for lid in p.move_line_ids:
        row = found[lid]
        have = many2one_id(row.get("result_package_id"))
        if have == package_id:
            continue
        if row.get("state") in ("done", "cancel"):
            raise ConflictDetected(
                "picking_done_elsewhere",
                user_text(QT_TRANSLATE_NOOP("Sync", "The lines for {package} were already processed in Odoo."),
                          package=p.package_name),
                ours=ours, theirs={"move_line_id": lid, "state": row.get("state"), "result_package_id": have},
            )
        todo.append(lid)
    if todo:
        ctx.client.write("stock.move.line", todo, {"result_package_id": package_id})
    ctx.snap.forget_picking(p.picking_id)
    ctx.deferred = Deferred(line_dates=tuple(p.move_line_ids))
    return {"package_id": package_id}


# -- quant.count -----------------------------------------------------------------------------------------------


def apply_count(ctx: ApplyContext, p: CountQuant) -> Steps:
    """Set and apply a counted quantity, once (see the module table)."""
    c = ctx.client
    name = count_move_name(ctx.client_uuid)
    if ctx.refs.get("apply_sent"):
        # An earlier attempt may have applied it: its named move says so.
        done = c.search("stock.move", [("name", "=", name), ("product_id", "=", p.product_id),
                                       ("state", "=", "done")])
        if done:
            return {"inventory_move_ids": done}
    quant = ctx.snap.quant_for(p)
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
            user_text(QT_TRANSLATE_NOOP("Sync", "Stock changed in Odoo since it was counted: Odoo now has {have}, the "
                                                "counter saw {expected} and counted {counted}."),
                      have=float(have), expected=float(expected), counted=float(p.counted_quantity)),
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
    yield {"quant_id": quant_id, "apply_sent": True}
    # A quant changed by someone else after the chunk's read (and after our write) is refused here: Odoo's
    # outdated-quant wizard, which becomes the conflict.
    result = c.call("stock.quant", "action_apply_inventory", [quant_id],
                    context={"inventory_mode": True, "inventory_name": name})
    if is_window_action(result) and result.get("res_model") == "stock.inventory.conflict":
        raise ConflictDetected("stock_moved",
                               QT_TRANSLATE_NOOP("Sync", "Odoo says the quant changed since it was counted."),
                               ours=ours, theirs={"quant_id": quant_id})
    finish_wizards(c, result, no_backorder=False)
    ctx.deferred = Deferred(count_move=name, count_product=p.product_id)
    return {"quant_id": quant_id}


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
        raise Rejected(QT_TRANSLATE_NOOP("Sync", "Odoo did not keep the count request for this bin."),
                       odoo_name="floorapp.CountNotRequested")
    first = quants[0]
    return {"quant_ids": ids, "quant_id": ids[0], "inventory_date": first.get("inventory_date"),
            "user_id": many2one_id(first.get("user_id"))}




# -- picking.return --------------------------------------------------------------------------------------------


def apply_return(ctx: ApplyContext, p: ReturnPicking) -> Steps:
    """Create, document and validate the return of a delivery, once (see the module table)."""
    c = ctx.client
    marker = return_marker(ctx.client_uuid)
    ours = {"picking_id": p.picking_id, "lines": [{"move_id": ln.move_id, "quantity": ln.quantity}
                                                  for ln in p.lines]}
    returns = ctx.snap.returns_of.get(p.picking_id, [])
    marked = [r for r in returns if marker in str(r.get("origin") or "")]
    state = str(marked[0]["state"]) if marked else ""
    adopted: list[JsonDict] = []
    if marked:
        return_id = int(marked[0]["id"])
    else:
        return_id = yield from _adopt_or_create_return(ctx, p, ours, returns)
        adopted = [r for r in returns if int(r["id"]) == return_id]
        state = str(adopted[0]["state"]) if adopted else "assigned"
    if state == "cancel":
        raise ConflictDetected("picking_cancelled", QT_TRANSLATE_NOOP("Sync", "The return was cancelled in Odoo."),
                               ours=ours,
                               theirs={"return_picking_id": return_id})
    attachment_ids = _attach_photos(ctx, p, return_id, created_here=not marked and not adopted)
    if p.validate and state != "done":
        # Nothing is marked picked: Odoo then picks every reserved quantity (API notes a4), which on a return is
        # exactly the returned quantities.
        context: JsonDict = {"skip_sms": True, "skip_backorder": True, "picking_ids_not_to_backorder": [return_id]}
        result = c.call("stock.picking", "button_validate", [return_id], context=context)
        finish_wizards(c, result, no_backorder=True)
        state = "done"
    ctx.deferred = Deferred(done_picking=return_id if p.validate else None, done_label="the return",
                            return_mark=(return_id, marker, _return_note(p)))
    return {"return_picking_id": return_id, "attachment_ids": attachment_ids, "return_state": state}


def _mark_return(ctx: ApplyContext, refs: dict[str, Any], mark: tuple[int, str, str],
                 pickings: Mapping[int, JsonDict]) -> dict[str, Any]:
    """Append the marker to the return's origin and write the inspection note, in one call."""
    return_id, marker, note = mark
    row = pickings.get(return_id)
    if row is None:
        raise ConflictDetected("picking_gone", QT_TRANSLATE_NOOP("Sync", "The return was deleted in Odoo."),
                               ours=dict(refs),
                               theirs={"return_picking_id": return_id})
    origin = str(row.get("origin") or "")
    if marker not in origin:
        values: JsonDict = {"origin": f"{origin} {marker}".strip()}
        if note:
            values["note"] = note
        ctx.client.write("stock.picking", [return_id], values)
    return {}


def _return_note(p: ReturnPicking) -> str:
    parts = [f"{ln.quantity:g} x product {ln.product_id}: {ln.disposition.value}" for ln in p.lines]
    if p.note:
        parts.append(p.note)
    if p.floor_user:
        parts.append(f"Inspected by {p.floor_user} (FloorApp)")
    return "; ".join(parts)


def _adopt_or_create_return(ctx: ApplyContext, p: ReturnPicking, ours: dict[str, Any],
                            returns: Sequence[JsonDict]) -> Generator[dict[str, Any], None, int]:
    c = ctx.client
    existing = sorted(int(r["id"]) for r in returns)
    before = ctx.refs.get("returns_before")
    if isinstance(before, list) and ctx.refs.get("create_sent"):
        new = sorted(set(existing) - {int(x) for x in before})
        if len(new) == 1:
            sync_log().info("adopting return %s created by a lost reply", new[0])
            return new[0]
        if len(new) > 1:
            raise ConflictDetected("ambiguous_return",
                                   QT_TRANSLATE_NOOP("Sync", "Several returns of this delivery appeared in Odoo."),
                                   ours=ours, theirs={"return_picking_ids": new})
    wanted: dict[int, float] = {}
    for ln in p.lines:
        wanted[ln.move_id] = wanted.get(ln.move_id, 0.0) + ln.quantity
    lines: list[list[Any]] = []
    for move_id, qty in wanted.items():
        move = ctx.snap.returnable_moves.get(move_id)
        if (move is None or many2one_id(move.get("picking_id")) != p.picking_id or move.get("state") == "cancel"
                or move.get("scrapped")):
            # The return wizard offers a line per move of the delivery that is neither cancelled nor scrapped.
            raise Rejected(user_text(QT_TRANSLATE_NOOP("Sync", "Odoo offers no return line for move {move}."),
                                     move=move_id),
                           odoo_name="floorapp.NoReturnLine")
        lines.append([0, 0, {"move_id": move_id, "product_id": many2one_id(move.get("product_id")),
                             "quantity": qty}])
    yield {"returns_before": existing, "create_sent": True}
    context: JsonDict = {"active_id": p.picking_id, "active_ids": [p.picking_id], "active_model": "stock.picking"}
    # The wizard created with its lines, as Odoo's form saves it (its lines are computed only when not given).
    wizard_id = c.create("stock.return.picking", {"picking_id": p.picking_id, "product_return_moves": lines},
                         context=context)
    action = c.call("stock.return.picking", "action_create_returns", [wizard_id], context=context)
    new_id = many2one_id(action.get("res_id")) if isinstance(action, dict) else None
    if new_id is None:
        created = sorted(set(c.search("stock.picking", [("return_id", "=", p.picking_id)])) - set(existing))
        if len(created) != 1:
            raise Rejected(QT_TRANSLATE_NOOP("Sync", "Odoo did not say which return it created."),
                           odoo_name="floorapp.NoReturnPicking")
        new_id = created[0]
    return new_id


def _attach_photos(ctx: ApplyContext, p: ReturnPicking, return_id: int, *, created_here: bool) -> list[int]:
    """Every photo as an attachment of the return, created in one call. A return this attempt created has no
    photos yet; on one an earlier attempt created (marked, or adopted) they are searched for by name first."""
    if not p.photos:
        return []
    c = ctx.client
    names = [photo_attachment_name(ctx.client_uuid, i, photo.file_name) for i, photo in enumerate(p.photos)]
    have: dict[str, int] = {}
    if not created_here:
        rows = c.search_read("ir.attachment", [("res_model", "=", "stock.picking"), ("res_id", "=", return_id),
                                               ("name", "in", names)], ["name"])
        for row in rows:
            have.setdefault(str(row["name"]), int(row["id"]))
    todo: list[JsonDict] = []
    for name, photo in zip(names, p.photos, strict=True):
        if name in have:
            continue
        if ctx.photo_loader is None:
            raise Rejected(user_text(QT_TRANSLATE_NOOP("Sync", "The photo {file} is not on this device any more."),
                                     file=photo.file_name),
                           odoo_name="floorapp.PhotoMissing")
        try:
            data = ctx.photo_loader(photo.file_name)
        except OSError as exc:
            raise Rejected(user_text(QT_TRANSLATE_NOOP("Sync", "The photo {file} could not be read on this device."),
                                     file=photo.file_name),
                           odoo_name="floorapp.PhotoMissing") from exc
        todo.append({"name": name, "datas": base64.b64encode(data).decode("ascii"), "res_model": "stock.picking",
                     "res_id": return_id, "mimetype": photo.mimetype})
    if todo:
        have.update(zip([str(v["name"]) for v in todo], c.create_many("ir.attachment", todo), strict=True))
    return [have[name] for name in names]


KINDS: tuple[TransactionKind, ...] = tuple(TransactionKind)

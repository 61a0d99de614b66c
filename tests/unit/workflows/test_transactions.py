"""Outbox payloads survive the JSON round trip the outbox column puts them through."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from floorapp.workflows.transactions import (
    BackorderDecision,
    CountQuant,
    PhotoRef,
    PickedLine,
    Preconditions,
    PutInPack,
    RequestCount,
    ReturnedLine,
    ReturnPicking,
    ShortPick,
    ShortPickReason,
    TransactionKind,
    ValidatePicking,
    parse_payload,
)

ids = st.integers(min_value=1, max_value=10**9)
qty = st.floats(min_value=0, max_value=1e6, allow_nan=False)
names = st.text(min_size=1, max_size=20)

picked_lines = st.builds(
    PickedLine,
    move_id=ids,
    product_id=ids,
    quantity=qty,
    location_id=ids,
    location_dest_id=ids,
    move_line_id=st.none() | ids,
    lot_id=st.none() | ids,
    lot_name=st.none() | names,
    package_name=st.none() | names,
)
validate_payloads = st.builds(
    ValidatePicking,
    picking_id=ids,
    picking_name=names,
    lines=st.lists(picked_lines, max_size=5).map(tuple),
    backorder=st.sampled_from(BackorderDecision),
    short_picks=st.lists(
        st.builds(ShortPick, ids, ids, ids, qty, st.sampled_from(ShortPickReason)), max_size=3
    ).map(tuple),
    wave_id=st.none() | ids,
)


@given(validate_payloads)
def test_validate_payload_round_trips_through_json(payload: ValidatePicking) -> None:
    stored = json.loads(json.dumps(payload.to_payload()))
    assert parse_payload(TransactionKind.VALIDATE_PICKING, stored) == payload


def test_every_kind_round_trips_and_has_a_document_key() -> None:
    payloads = [
        PutInPack(picking_id=7, move_line_ids=(1, 2), package_name="FA-abc", shipping_weight=1.5),
        CountQuant(product_id=3, location_id=8, counted_quantity=19, count_task_uuid="u", expected_quantity=16),
        ReturnPicking(
            picking_id=1,
            lines=(ReturnedLine(move_id=18, product_id=33, quantity=1),),
            photos=(PhotoRef(file_name="a.jpg", sha1="00"),),
        ),
    ]
    for payload in payloads:
        stored = json.loads(json.dumps(payload.to_payload()))
        assert parse_payload(payload.kind, stored) == payload
    assert payloads[0].document_key == "picking:7"
    assert payloads[1].document_key == "quant:3:8:0"
    assert payloads[2].document_key == "return:1"


request_payloads = st.builds(
    RequestCount,
    product_id=ids,
    location_id=ids,
    count_task_uuid=st.uuids().map(str),
    requested_date=st.dates().map(lambda d: d.isoformat()),
    lot_id=st.none() | ids,
    user_id=st.none() | ids,
    reason=st.none() | st.sampled_from([r.value for r in ShortPickReason]),
    requested_by=st.none() | names,
)


@given(request_payloads)
def test_count_request_round_trips_and_orders_with_the_counts_of_its_quant(payload: RequestCount) -> None:
    stored = json.loads(json.dumps(payload.to_payload()))
    assert parse_payload(TransactionKind.REQUEST_COUNT, stored) == payload
    count = CountQuant(product_id=payload.product_id, location_id=payload.location_id, counted_quantity=1,
                       count_task_uuid=payload.count_task_uuid, lot_id=payload.lot_id)
    assert payload.document_key == count.document_key


def test_a_count_request_stored_before_its_optional_fields_existed_still_reads() -> None:
    stored = {"product_id": 3, "location_id": 8, "count_task_uuid": "u", "requested_date": "2026-11-27"}
    payload = parse_payload("quant.request_count", stored)
    assert payload == RequestCount(product_id=3, location_id=8, count_task_uuid="u", requested_date="2026-11-27")
    assert payload.document_key == "quant:3:8:0"


def test_preconditions_keep_line_content_and_lot_expiry_and_read_old_entries() -> None:
    pre = Preconditions(
        picking_state="assigned",
        line_write_dates={"5": "2026-11-27 09:00:00"},
        line_quantities={"5": 2.0},
        line_picked={"5": False},
        lot_expiry={"40": "2030-01-31 00:00:00", "41": None},
    )
    stored = json.loads(json.dumps(pre.to_dict()))
    assert Preconditions.from_dict(stored) == pre
    # An entry queued by an older FloorApp has only the write dates (and may carry keys this one does not know).
    old = {"picking_state": "assigned", "line_write_dates": {"5": "2026-11-27 09:00:00"}, "retired_key": 1}
    assert Preconditions.from_dict(old) == Preconditions(
        picking_state="assigned", line_write_dates={"5": "2026-11-27 09:00:00"}
    )
    assert Preconditions.from_dict(None) == Preconditions()


def test_every_kind_has_a_name_on_the_supervisor_screen() -> None:
    from floorapp.workflows.sync_admin import _KIND_NAMES

    assert set(_KIND_NAMES) == set(TransactionKind)

"""Scan rules per operation type: only a supervisor sets them (checked in the core), bad input is refused in words,
each change is journaled with before and after, and the picking handler enforces the new rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from floorapp.errors import InputRejected, PermissionDenied
from floorapp.offline_store.models import FloorUser, JournalEntry, Location, PickingType, UserRole
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.workflows.auth import FloorSession
from floorapp.workflows.picking import ConfirmWave, Expect, Outcome, PickResult, StartWave, WavePickingHandler
from floorapp.workflows.picking.domain import ScanPolicy
from floorapp.workflows.scan_policy_admin import (
    POLICY_KEYS,
    CommandLineSupervisor,
    ScanPolicyChanged,
    SetScanPolicy,
    find_operation_type,
    parse_assignments,
    read_operation_types,
    set_scan_policy,
)
from tests.unit.workflows.picking.wavekit import NOW, FakeClock, Walker, WaveFixture, lines_of, scan, seed_wave

DELIVERY = 2  # the seeded wave's operation type
CONFIRMATION = "3c1f1d7e-0a55-4d0e-8f0b-4f7e1e0b9a21"


def _supervisor(fx: WaveFixture) -> FloorSession:
    with fx.db.write_session() as s:
        s.add(FloorUser(id=9, login="sue", name="Sue", role="supervisor"))
        s.commit()
    return FloorSession(user_id=9, login="sue", name="Sue", role=UserRole.SUPERVISOR, signed_in_at=NOW)


def _picker() -> FloorSession:
    return FloorSession(user_id=7, login="ana", name="Ana", role=UserRole.PICKER, signed_in_at=NOW)


def _set(fx: WaveFixture, editor: FloorSession | CommandLineSupervisor, **settings: object) -> ScanPolicyChanged:
    with UnitOfWork(fx.db) as uow:
        return set_scan_policy(uow, SetScanPolicy.of(DELIVERY, settings), editor)


def _stored(fx: WaveFixture) -> dict[str, object]:
    with fx.session() as s:
        row = s.get(PickingType, DELIVERY)
        assert row is not None
        return dict(row.scan_policy)


def _admin_lines(fx: WaveFixture) -> list[JournalEntry]:
    with fx.session() as s:
        return list(s.scalars(select(JournalEntry).where(JournalEntry.kind == "admin").order_by(JournalEntry.id)))


@pytest.fixture
def fx(tmp_path: Path) -> WaveFixture:
    return seed_wave(tmp_path / "store.sqlite", orders=12, lines_per_order=1)


def test_the_list_shows_each_operation_type_with_its_defaults(fx: WaveFixture) -> None:
    (only,) = read_operation_types(fx.db)
    assert (only.picking_type_id, only.name, only.code, only.warehouse) == (DELIVERY, "Delivery Orders", "outgoing",
                                                                           None)
    assert only.policy == ScanPolicy() and not only.customised
    assert only.policy.destination_tote and not only.policy.allow_overpick


def test_a_picker_is_refused_by_the_core_and_nothing_is_written(fx: WaveFixture) -> None:
    with pytest.raises(PermissionDenied) as refused:
        _set(fx, _picker(), destination_tote=False)
    assert refused.value.user_message == "Ana is signed in as picker; this is for supervisors only."
    assert _stored(fx) == {}
    assert _admin_lines(fx) == []


def test_a_supervisor_sets_rules_and_the_journal_says_who_which_type_before_and_after(fx: WaveFixture) -> None:
    sue = _supervisor(fx)
    changed = _set(fx, sue, destination_tote=False, allow_overpick=True)
    assert changed.message == "Scan rules of Delivery Orders saved."
    assert changed.changed == ("destination_tote", "allow_overpick")
    # All five are stored explicitly: a later change of a default must not flip the site's choice.
    assert _stored(fx) == {"source_location": True, "product": True, "lot": True, "destination_tote": False,
                           "allow_overpick": True}
    (line,) = _admin_lines(fx)
    assert (line.user_id, line.outcome) == (9, "ok")
    assert "Delivery Orders" in line.subject
    assert line.detail["by"] == "Sue" and line.detail["picking_type_id"] == DELIVERY
    assert line.detail["before"]["destination_tote"] is True and line.detail["after"]["destination_tote"] is False
    assert line.detail["before"]["allow_overpick"] is False and line.detail["after"]["allow_overpick"] is True
    assert line.detail["changed"] == ["destination_tote", "allow_overpick"]
    (listed,) = read_operation_types(fx.db)
    assert listed.customised and not listed.policy.destination_tote

    # The same again changes nothing and writes no second line.
    again = _set(fx, sue, destination_tote=False)
    assert again.changed == ()
    assert len(_admin_lines(fx)) == 1


def test_the_command_line_acts_as_supervisor_and_is_journaled_by_name(fx: WaveFixture) -> None:
    _set(fx, CommandLineSupervisor("command line (ops)"), source_location=False)
    (line,) = _admin_lines(fx)
    assert line.user_id is None and line.detail["by"] == "command line (ops)"
    assert _stored(fx)["source_location"] is False


def test_bad_input_is_refused_with_a_clear_message_and_nothing_changes(fx: WaveFixture) -> None:
    sue = _supervisor(fx)
    with pytest.raises(InputRejected) as unknown:
        _set(fx, sue, tote=False)
    assert unknown.value.user_message == (
        "Unknown scan rule 'tote'; the rules are source_location, product, lot, destination_tote, allow_overpick.")
    with pytest.raises(InputRejected) as not_a_switch:
        _set(fx, sue, product="maybe")
    assert not_a_switch.value.user_message == "The scan rule product is on or off, not 'maybe'."
    with pytest.raises(InputRejected, match="at least one"):
        _set(fx, sue)
    with (pytest.raises(InputRejected, match="no operation type #99"), UnitOfWork(fx.db) as uow):
        set_scan_policy(uow, SetScanPolicy.of(99, {"lot": False}), sue)
    assert _stored(fx) == {}
    assert _admin_lines(fx) == []


def test_the_command_line_form_is_read_and_refused_in_words() -> None:
    assert parse_assignments(["source_location=off", "allow-overpick=ON", "lot=1", "product=no"]) == {
        "source_location": False, "allow_overpick": True, "lot": True, "product": False}
    with pytest.raises(InputRejected, match="key=on or key=off, not 'lot'"):
        parse_assignments(["lot"])
    with pytest.raises(InputRejected, match="The scan rule lot is on or off, not 'sometimes'"):
        parse_assignments(["lot=sometimes"])
    with pytest.raises(InputRejected, match="Unknown scan rule 'bin'"):
        parse_assignments(["bin=off"])
    assert set(POLICY_KEYS) == {"source_location", "product", "lot", "destination_tote", "allow_overpick"}


def test_an_operation_type_is_found_by_id_name_or_warehouse_and_name(fx: WaveFixture) -> None:
    with fx.db.write_session() as s:
        s.add(PickingType(id=3, name="Delivery Orders", code="outgoing", warehouse_id=4))
        s.add(Location(id=40, name="Stock", complete_name="WH2/Stock", warehouse_id=4))
        s.add(Location(id=41, name="Shelf", complete_name="WH2/Stock/Shelf", warehouse_id=4))
        s.commit()
    with fx.session() as s:
        with pytest.raises(InputRejected) as ambiguous:
            find_operation_type(s, "delivery orders")
        assert ambiguous.value.user_message == (
            "Several operation types are called 'delivery orders'; give the id of one: 2 (Delivery Orders), "
            "3 (WH2: Delivery Orders).")
        assert find_operation_type(s, "WH2: Delivery Orders").picking_type_id == 3
        assert find_operation_type(s, " 2 ").picking_type_id == 2
        with pytest.raises(InputRejected, match="No operation type 'Receipts'"):
            find_operation_type(s, "Receipts")


def test_the_next_wave_without_tote_scans_completes_with_no_tote_scan(fx: WaveFixture) -> None:
    _set(fx, _supervisor(fx), destination_tote=False)
    handler = fx.handler(FakeClock())
    walker = Walker(fx, handler)
    result = walker.walk(handler.handle(StartWave(fx.wave_id)))
    assert result.expect is Expect.CONFIRM
    assert not any(r.expect is Expect.TOTE for r in walker.log)
    assert handler.handle(ConfirmWave(CONFIRMATION)).outcome is Outcome.DONE
    assert all(line.tote is None for line in lines_of(fx))


def _up_to_the_widget(fx: WaveFixture) -> tuple[WavePickingHandler, PickResult]:
    handler = fx.handler(FakeClock())
    Walker(fx, handler).walk(handler.handle(StartWave(fx.wave_id)),
                             until=lambda r: r.task is not None and r.task.product == "Widget")
    handler.handle(scan(fx.location_barcode[11]))
    return handler, handler.handle(scan(fx.box_barcode[101][0]))  # a box of 6 for a demand of 4


def test_the_next_wave_with_overpick_allowed_accepts_an_overpick(fx: WaveFixture, tmp_path: Path) -> None:
    strict = seed_wave(tmp_path / "strict.sqlite", orders=12, lines_per_order=1)
    _handler, refused = _up_to_the_widget(strict)
    assert refused.outcome is Outcome.ERROR and refused.message.startswith("Too many: 6 of 4.")

    _set(fx, _supervisor(fx), allow_overpick=True)
    _handler, accepted = _up_to_the_widget(fx)
    assert accepted.outcome is Outcome.OK and accepted.expect is Expect.TOTE


def test_a_wave_in_progress_follows_a_change_from_its_next_scan(fx: WaveFixture) -> None:
    # The handler reads the rules at every command: this is the behaviour the screen announces.
    handler = fx.handler(FakeClock())
    first = handler.handle(StartWave(fx.wave_id))
    assert first.expect is Expect.LOCATION and first.task is not None
    _set(fx, _supervisor(fx), source_location=False)
    pid = fx.product_by_name[first.task.product]
    after = handler.handle(scan(fx.product_barcode[pid]))
    assert after.outcome is Outcome.OK, after.message
    assert after.expect is not Expect.LOCATION

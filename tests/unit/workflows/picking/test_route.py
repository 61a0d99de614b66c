"""The route, as pure data: every open line once, each bin visited once, the walking order kept, skips last."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from floorapp.workflows.picking import RouteOrder, build_route
from floorapp.workflows.picking.domain import LocationInfo, PickLine, ProductInfo

LOCATIONS = {
    i: LocationInfo(i, f"B-{i:02d}", f"WH/Stock/{name}", f"LOC-{i}", seq)
    for i, (name, seq) in enumerate([("Z-9", 1), ("A-1", 5), ("M-5", 3), ("C-2", 3), ("Q-7", 9)], start=1)
}
PRODUCTS = {i: ProductInfo(i, f"Product {i}", f"P{i:03d}", "none") for i in range(1, 5)}

lines = st.lists(
    st.builds(
        lambda n, loc, prod, order, status, qty: PickLine(
            move_line_id=n,
            move_id=n,
            picking_id=100 + order,
            picking_name=f"WH/OUT/{order:05d}",
            product_id=prod,
            location_id=loc,
            location_dest_id=5,
            demand=qty,
            lot_id=None,
            lot_name=None,
            picked_quantity=0.0,
            picked_lot_name=None,
            tote=None,
            floor_status=status,
            claimed_by=None,
            short_reason=None,
            picking_order=("2026-11-27", f"WH/OUT/{order:05d}"),
        ),
        st.integers(1, 10_000),
        st.sampled_from(sorted(LOCATIONS)),
        st.sampled_from(sorted(PRODUCTS)),
        st.integers(1, 30),
        st.sampled_from(["open", "open", "open", "skipped", "picked", "short"]),
        st.floats(1, 20),
    ),
    max_size=60,
    unique_by=lambda line: line.move_line_id,
)


@given(lines, st.sampled_from(RouteOrder))
def test_route_covers_open_lines_once_visits_bins_once_and_keeps_the_walking_order(
    pick_lines: list[PickLine], order: RouteOrder
) -> None:
    route = build_route(pick_lines, LOCATIONS, PRODUCTS, order)
    open_ids = sorted(line.move_line_id for line in pick_lines if line.floor_status in ("open", "skipped"))
    routed = sorted(
        part.move_line_id for task in route for part in task.parts if part.floor_status in ("open", "skipped")
    )
    assert routed == open_ids
    for skipped_part in (True, False):
        bins = [task.location.id for task in route if task.skipped is skipped_part]
        # Each bin once: all tasks of a bin come one after the other.
        seen: list[int] = []
        for location_id in bins:
            if not seen or seen[-1] != location_id:
                assert location_id not in seen
                seen.append(location_id)

        def walk_key(location_id: int) -> tuple[object, ...]:
            loc = LOCATIONS[location_id]
            if order is RouteOrder.PICK_SEQUENCE:
                return (loc.pick_sequence, loc.complete_name)
            return (loc.complete_name,)

        assert seen == sorted(seen, key=walk_key)
    flags = [task.skipped for task in route]
    assert flags == sorted(flags)  # skipped tasks come after every open one
    for task in route:
        assert len({(p.location_id, p.product_id) for p in task.parts}) == 1
        assert task.demand == sum(p.demand for p in task.parts)

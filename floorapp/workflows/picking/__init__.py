"""Wave picking on the handheld: route, scan flow, exceptions and the finish, Qt-free and offline."""

from floorapp.workflows.picking.commands import (
    ConfirmWave,
    EnterQuantity,
    LeaveWave,
    PickCommand,
    ReportShortPick,
    ScanDuringPick,
    SkipLine,
    StartWave,
    UndoLastScan,
)
from floorapp.workflows.picking.domain import (
    Expect,
    FloorStatus,
    Outcome,
    PickResult,
    PickTask,
    Progress,
    RouteOrder,
    ScanPolicy,
    TaskView,
    build_route,
)
from floorapp.workflows.picking.handlers import WavePickingHandler
from floorapp.workflows.picking.ports import Picker, PickingUnitOfWork
from floorapp.workflows.picking.queries import (
    CountRequestSummary,
    WaveSummary,
    count_requests,
    describe_age,
    list_waves,
)
from floorapp.workflows.picking.scans import ResolverScanInterpreter, ScanInterpreter

__all__ = [
    "ConfirmWave",
    "CountRequestSummary",
    "EnterQuantity",
    "Expect",
    "FloorStatus",
    "LeaveWave",
    "Outcome",
    "PickCommand",
    "PickResult",
    "PickTask",
    "Picker",
    "PickingUnitOfWork",
    "Progress",
    "ReportShortPick",
    "ResolverScanInterpreter",
    "RouteOrder",
    "ScanDuringPick",
    "ScanInterpreter",
    "ScanPolicy",
    "SkipLine",
    "StartWave",
    "TaskView",
    "UndoLastScan",
    "WavePickingHandler",
    "WaveSummary",
    "build_route",
    "count_requests",
    "describe_age",
    "list_waves",
]

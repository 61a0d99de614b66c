"""Device checks for ``floorapp doctor``: each configured scale and printer, reachable or not, in plain words."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from floorapp.devices.scale.base import Scale, ScaleOverload, ScaleUnderload, ScaleUnstable
from floorapp.errors import ConfigError, DeviceFault, DriverUnavailable
from floorapp.settings import Settings

log = logging.getLogger("floorapp.devices")


@dataclass(frozen=True, slots=True)
class DeviceReport:
    """One device's health: ``ok`` when it answered; ``message`` says what was seen or what to do."""

    kind: str  # scale | printer
    name: str
    ok: bool
    message: str


def device_reports(settings: Settings, *, timeout: float = 2.0) -> list[DeviceReport]:
    """Check every configured device; never raises for a device problem (that is what the report is for)."""
    return [r for r in (_scale_report(settings, timeout), _printer_report(settings, timeout)) if r is not None]


def _scale_report(settings: Settings, timeout: float) -> DeviceReport | None:
    from floorapp.devices.factory import scale_from_settings

    driver = settings.text("scale.driver")
    if driver == "none":
        return None
    name = f"{driver} scale" + (f" on {settings.text('scale.port')}" if settings.text("scale.port") else "")
    scale: Scale | None = None
    try:
        scale = scale_from_settings(settings)
        assert scale is not None
        name = scale.description
        scale.open()
        reading = scale.read_now(timeout)
        return DeviceReport("scale", name, True, f"Answers; shows {reading}.")
    except ScaleUnstable:
        return DeviceReport("scale", name, True, "Answers; the weight is moving.")
    except (ScaleOverload, ScaleUnderload) as exc:
        return DeviceReport("scale", name, True, f"Answers, but: {exc.user_message}")
    except (DriverUnavailable, ConfigError, DeviceFault) as exc:
        return DeviceReport("scale", name, False, exc.user_message)
    finally:
        if scale is not None:
            # A simulated scale also switches its simulator off; a real one just releases the port.
            shutdown = getattr(scale, "shutdown", None)
            if shutdown is not None:
                shutdown()
            else:
                scale.close()


def _printer_report(settings: Settings, timeout: float) -> DeviceReport | None:
    from floorapp.devices.factory import printer_from_settings

    language = settings.text("printer.language")
    if language == "none":
        return None
    name = f"{language} printer ({settings.text('printer.transport')} {settings.text('printer.address')})"
    try:
        printer = printer_from_settings(settings, connect_timeout=timeout)
        assert printer is not None
        printer.status_timeout = timeout
        status = printer.status()
    except (DriverUnavailable, ConfigError, DeviceFault) as exc:
        return DeviceReport("printer", name, False, exc.user_message)
    if status.ready:
        return DeviceReport("printer", name, True, "Reachable and ready.")
    return DeviceReport("printer", name, False, f"Reachable, but: {status.message}")

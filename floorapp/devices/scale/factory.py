"""Build the configured scale; each driver module is imported only when it is chosen."""

from __future__ import annotations

import importlib

from floorapp.devices.scale.base import Scale
from floorapp.devices.scale.serial_scale import ScaleProtocol, SerialScale
from floorapp.errors import ConfigError
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text

# driver name -> (module, class, protocol constant)
SERIAL_DRIVERS = {
    "mt_sics": ("floorapp.devices.scale.mt_sics", "MtSicsScale", "MT_SICS"),
    "toledo_8217": ("floorapp.devices.scale.toledo_8217", "Toledo8217Scale", "TOLEDO_8217"),
    "adam": ("floorapp.devices.scale.adam", "AdamScale", "ADAM"),
    "cas": ("floorapp.devices.scale.cas", "CasScale", "CAS"),
}
DRIVERS = ("none", "simulated", *SERIAL_DRIVERS, "hid_pos")


def serial_protocol(driver: str) -> ScaleProtocol:
    """The protocol data of a serial driver."""
    module, _, constant = _serial_entry(driver)
    protocol: ScaleProtocol = getattr(importlib.import_module(module), constant)
    return protocol


def serial_driver_class(driver: str) -> type[SerialScale]:
    """The class of a serial driver."""
    module, cls, _ = _serial_entry(driver)
    driver_class: type[SerialScale] = getattr(importlib.import_module(module), cls)
    return driver_class


def _serial_entry(driver: str) -> tuple[str, str, str]:
    try:
        return SERIAL_DRIVERS[driver]
    except KeyError as exc:
        raise ConfigError(user_text(QT_TRANSLATE_NOOP("Scales", "Unknown serial scale protocol '{driver}'."),
                                    driver=driver)) from exc


def build_scale(driver: str, port: str = "", baudrate: int = 0) -> Scale | None:
    """The scale for ``scale.driver`` / ``scale.port`` / ``scale.baudrate``; ``None`` for ``none``. Not opened."""
    if driver == "none":
        return None
    if driver == "simulated":
        from floorapp.devices.scale.simulated import SimulatedScale

        return SimulatedScale.start("mt_sics")
    if driver == "hid_pos":
        from floorapp.devices.scale.hid_pos import HidPosScale

        if not port:
            raise ConfigError(QT_TRANSLATE_NOOP(
                "Scales", "Set scale.port to the USB scale's VID:PID (e.g. 0922:8003) or hidapi path."))
        return HidPosScale(port)
    if not port:
        raise ConfigError(user_text(
            QT_TRANSLATE_NOOP("Scales", "Set scale.port to the serial port of the {driver} scale (e.g. /dev/ttyUSB0)."),
            driver=driver,
        ))
    return serial_driver_class(driver)(port, baudrate=baudrate)

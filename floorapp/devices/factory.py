"""Build the configured scale and label printer from settings (``scale.*``, ``printer.*``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from floorapp.devices.printer.base import LabelLanguage, LabelPrinter
from floorapp.devices.scale.base import Scale
from floorapp.devices.scale.factory import build_scale
from floorapp.devices.transport import make_transport
from floorapp.errors import ConfigError
from floorapp.settings import Settings
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text

if TYPE_CHECKING:
    from floorapp.devices.printer.simulator import PrinterSimulator
    from floorapp.devices.scale.simulated import ScaleSimulator

#: The name print jobs use for the printer configured in settings.
DEFAULT_PRINTER = "label"


def scale_from_settings(settings: Settings) -> Scale | None:
    """The configured scale (not opened), or ``None`` when ``scale.driver`` is ``none``."""
    return build_scale(settings.text("scale.driver"), settings.text("scale.port"), settings.integer("scale.baudrate"))


def language_for(name: str, dpi: int = 203) -> LabelLanguage:
    """The printer language ``zpl`` or ``escpos``."""
    if name == "zpl":
        from floorapp.devices.printer.zpl import ZplLanguage

        return ZplLanguage(dpi=dpi)
    if name == "escpos":
        from floorapp.devices.printer.escpos import EscPosLanguage

        return EscPosLanguage()
    raise ConfigError(user_text(QT_TRANSLATE_NOOP("Devices", "Unknown printer language '{name}'; use zpl or escpos."),
                                name=name))


def printer_from_settings(settings: Settings, *, connect_timeout: float = 3.0) -> LabelPrinter | None:
    """The configured label printer, or ``None`` when ``printer.language`` is ``none``."""
    language = settings.text("printer.language")
    if language == "none":
        return None
    kind, address = settings.text("printer.transport"), settings.text("printer.address")
    make_transport(kind, address)  # validate the address now, not at the first print
    return LabelPrinter(
        DEFAULT_PRINTER,
        language_for(language, settings.integer("printer.dpi")),
        lambda: make_transport(kind, address, connect_timeout=connect_timeout),
    )


def printer_lookup(settings: Settings) -> PrinterLookupFromSettings:
    """A ``PrinterLookup`` for the print spool that knows the configured printer."""
    return PrinterLookupFromSettings(settings)


class PrinterLookupFromSettings:
    """Finds a spooled job's printer by name; rebuilt from settings so a changed address applies at once."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, name: str) -> LabelPrinter:
        printer = printer_from_settings(self.settings) if name == DEFAULT_PRINTER else None
        if printer is None:
            raise ConfigError(user_text(QT_TRANSLATE_NOOP("Devices", "No printer named '{name}' is set up on "
                                                                     "this device."),
                                        name=name))
        return printer


@dataclass
class DemoDevices:
    """The simulated printer and scale the demo runs against (real TCP and a real pty, no hardware)."""

    printer: PrinterSimulator
    scale: ScaleSimulator

    def apply(self, settings: Settings) -> None:
        """Point ``printer.*`` and ``scale.*`` at the simulators (in memory; nothing is saved)."""
        settings.set("printer.language", "zpl")
        settings.set("printer.transport", "tcp")
        settings.set("printer.address", self.printer.address)
        settings.set("scale.driver", self.scale.protocol)
        settings.set("scale.port", self.scale.path)

    def stop(self) -> None:
        """Switch both simulators off."""
        self.printer.stop()
        self.scale.stop()


def start_demo_devices(*, printer_port: int = 9100, scale_protocol: str = "mt_sics",
                       weight: str = "1.250") -> DemoDevices:
    """Start the shipped printer and scale simulators; the printer takes any free port if ``printer_port`` is busy."""
    from floorapp.devices.printer.simulator import PrinterSimulator
    from floorapp.devices.scale.base import WeightUnit
    from floorapp.devices.scale.simulated import ScaleSimulator

    try:
        printer = PrinterSimulator(port=printer_port).start()
    except OSError:
        printer = PrinterSimulator(port=0).start()
    scale = ScaleSimulator(scale_protocol).start()
    scale.set_weight(weight, WeightUnit.KG)
    return DemoDevices(printer, scale)

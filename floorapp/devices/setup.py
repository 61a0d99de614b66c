"""What the device setup screen does, without Qt: find printers, choose one, test print, test weigh."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from floorapp.devices.discovery import PRINTER_TYPES, DeviceBrowser, DiscoveredService
from floorapp.devices.factory import language_for, printer_from_settings, scale_from_settings
from floorapp.devices.scale.base import WeightReading
from floorapp.errors import ConfigError
from floorapp.settings import Settings
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, user_text

log = logging.getLogger("floorapp.devices")


class DeviceSetup:
    """The device profile of this station or handheld, kept in its settings (``printer.*``, ``scale.*``).

    Every method that touches a device blocks; the screen runs them off the GUI thread.
    """

    def __init__(self, settings: Settings, *, station_name: str = "",
                 discovery_interfaces: Sequence[str] | None = None) -> None:
        self.settings = settings
        self.station_name = station_name or settings.text("device.name")
        self.discovery_interfaces = discovery_interfaces
        self._browser: DeviceBrowser | None = None

    # -- summaries --------------------------------------------------------------------------------------------
    def printer_summary_text(self) -> UserText:
        """The configured printer in one line, translatable."""
        language = self.settings.text("printer.language")
        if language == "none":
            return user_text(QT_TRANSLATE_NOOP("Devices", "No label printer set up"))
        transport = self.settings.text("printer.transport")
        address = self.settings.text("printer.address")
        if transport == "tcp":
            return user_text(QT_TRANSLATE_NOOP("Devices", "{language} at {address}"),
                             language=language.upper(), address=address)
        return user_text(QT_TRANSLATE_NOOP("Devices", "{language} at {address} ({transport})"),
                         language=language.upper(), address=address, transport=transport)

    def printer_summary(self) -> str:
        """The configured printer in one line, in English."""
        return str(self.printer_summary_text())

    def scale_summary_text(self) -> UserText:
        """The configured scale in one line, translatable."""
        driver = self.settings.text("scale.driver")
        if driver == "none":
            return user_text(QT_TRANSLATE_NOOP("Devices", "No scale set up"))
        port = self.settings.text("scale.port")
        if port:
            return user_text(QT_TRANSLATE_NOOP("Devices", "{driver} scale on {port}"), driver=driver, port=port)
        return user_text(QT_TRANSLATE_NOOP("Devices", "{driver} scale"), driver=driver)

    def scale_summary(self) -> str:
        """The configured scale in one line, in English."""
        return str(self.scale_summary_text())

    # -- discovery --------------------------------------------------------------------------------------------
    def start_discovery(self, on_change: Callable[[], None]) -> None:
        """Listen for network printers until ``stop_discovery``; ``on_change`` runs on zeroconf's thread."""
        self.stop_discovery()
        self._browser = DeviceBrowser(PRINTER_TYPES, interfaces=self.discovery_interfaces,
                                      on_change=on_change).start()

    def discovered_printers(self) -> list[DiscoveredService]:
        """Printers found so far, raw-printing ones first."""
        if self._browser is None:
            return []
        return sorted(self._browser.services("printer"), key=lambda s: (not s.raw_printing, s.label))

    def stop_discovery(self) -> None:
        """Stop listening."""
        browser, self._browser = self._browser, None
        if browser is not None:
            browser.close()

    def choose_printer(self, service: DiscoveredService, language: str) -> None:
        """Make ``service`` this device's label printer and save the settings (when they have a file)."""
        language_for(language)  # refuse an unknown language before changing anything
        self.settings.set("printer.language", language)
        self.settings.set("printer.transport", "tcp")
        self.settings.set("printer.address", service.printer_address())
        if self.settings.path is not None:
            self.settings.save()
        log.info("label printer set to %s (%s)", service.label, service.printer_address())

    # -- tests ------------------------------------------------------------------------------------------------
    def test_print(self) -> UserText:
        """Send the test label; returns what to tell the worker. Raises ``FloorAppError`` on trouble."""
        printer = printer_from_settings(self.settings)
        if printer is None:
            raise ConfigError(
                QT_TRANSLATE_NOOP("Devices", "No label printer is set up yet; find one and choose it first.")
            )
        status = printer.status()
        if not status.ready:
            raise ConfigError(user_text(QT_TRANSLATE_NOOP("Devices", "The printer is not ready: {problems}."),
                                        problems=status.message_text))
        printer.send(printer.language.test_label(self.station_name).data)
        return user_text(QT_TRANSLATE_NOOP("Devices", "Test label sent to {printer}."),
                         printer=self.printer_summary_text())

    def test_weigh(self, timeout: float = 10.0) -> WeightReading:
        """One stable weight from the configured scale."""
        scale = scale_from_settings(self.settings)
        if scale is None:
            raise ConfigError(QT_TRANSLATE_NOOP("Devices", "No scale is set up on this device."))
        try:
            return scale.read_weight(timeout)
        finally:
            scale.close()

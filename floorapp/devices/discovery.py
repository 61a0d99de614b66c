"""zeroconf (mDNS/DNS-SD): find network label printers and other FloorApp stations; advertise this one.

Printers announce raw printing as ``_pdl-datastream._tcp`` (port 9100), LPD as ``_printer._tcp`` and IPP as
``_ipp._tcp``; only the first takes ZPL/ESC/POS bytes directly, the others are listed so a person can
recognise the printer and set its raw port by hand. Every running FloorApp advertises ``_floorapp._tcp``.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from floorapp.errors import DeviceFault, DriverUnavailable
from floorapp.user_text import QT_TRANSLATE_NOOP

log = logging.getLogger("floorapp.devices.discovery")

RAW_PRINTER_TYPE = "_pdl-datastream._tcp.local."
LPD_PRINTER_TYPE = "_printer._tcp.local."
IPP_PRINTER_TYPE = "_ipp._tcp.local."
STATION_TYPE = "_floorapp._tcp.local."
PRINTER_TYPES = (RAW_PRINTER_TYPE, LPD_PRINTER_TYPE, IPP_PRINTER_TYPE)
ALL_TYPES = (*PRINTER_TYPES, STATION_TYPE)
RAW_PORT = 9100


def _zeroconf() -> Any:
    try:
        import zeroconf
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise DriverUnavailable(
            QT_TRANSLATE_NOOP("Devices", "Finding printers on the network needs the zeroconf package.")
        ) from exc
    return zeroconf


@dataclass(frozen=True, slots=True)
class DiscoveredService:
    """A printer or station seen on the network."""

    service_type: str
    name: str
    server: str
    addresses: tuple[str, ...]
    port: int
    properties: Mapping[str, str] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        """``station`` for FloorApp stations, ``printer`` otherwise."""
        return "station" if self.service_type == STATION_TYPE else "printer"

    @property
    def label(self) -> str:
        """A name for a pick list: the instance name without the service type."""
        return self.name.removesuffix("." + self.service_type)

    @property
    def raw_printing(self) -> bool:
        """Whether the printer takes printer-language bytes on this port (raw TCP)."""
        return self.service_type == RAW_PRINTER_TYPE

    def printer_address(self) -> str:
        """``host:port`` for the ``printer.address`` setting (port 9100 unless the raw service says otherwise)."""
        host = self.addresses[0] if self.addresses else self.server.rstrip(".")
        port = self.port if self.raw_printing else RAW_PORT
        return f"{host}:{port}"


def _service_from_info(info: Any, service_type: str, name: str) -> DiscoveredService:
    properties = {}
    for key, value in (info.properties or {}).items():
        k = key.decode("utf-8", "replace") if isinstance(key, bytes) else str(key)
        v = value.decode("utf-8", "replace") if isinstance(value, bytes) else ("" if value is None else str(value))
        properties[k] = v
    return DiscoveredService(
        service_type=service_type, name=name, server=str(info.server or ""),
        addresses=tuple(info.parsed_addresses()), port=int(info.port or 0), properties=properties,
    )


class DeviceBrowser:
    """Browse the given service types until ``close``; ``services`` is the current list.

    ``interfaces`` limits zeroconf to some addresses (tests use ``["127.0.0.1"]``); ``None`` means all.
    """

    def __init__(self, service_types: Sequence[str] = ALL_TYPES, *, interfaces: Sequence[str] | None = None,
                 on_change: Callable[[], None] | None = None) -> None:
        self.service_types = tuple(service_types)
        self.interfaces = list(interfaces) if interfaces is not None else None
        self.on_change = on_change
        self._found: dict[tuple[str, str], DiscoveredService] = {}
        self._changed = threading.Condition()
        self._zc: Any = None
        self._browser: Any = None

    def start(self) -> DeviceBrowser:
        """Open the mDNS socket and start listening."""
        if self._zc is not None:
            return self
        zeroconf = _zeroconf()
        self._zc = _open_zeroconf(zeroconf, self.interfaces)
        browser = self

        class Listener(zeroconf.ServiceListener):  # type: ignore[misc,name-defined]
            def add_service(self, zc: Any, type_: str, name: str) -> None:
                browser._resolve(zc, type_, name)

            def update_service(self, zc: Any, type_: str, name: str) -> None:
                browser._resolve(zc, type_, name)

            def remove_service(self, zc: Any, type_: str, name: str) -> None:
                browser._forget(type_, name)

        self._browser = zeroconf.ServiceBrowser(self._zc, list(self.service_types), Listener())
        return self

    def _resolve(self, zc: Any, service_type: str, name: str) -> None:
        info = zc.get_service_info(service_type, name, timeout=3000)
        if info is None:
            return
        service = _service_from_info(info, service_type, name)
        with self._changed:
            self._found[(service_type, name)] = service
            self._changed.notify_all()
        log.info("found %s at %s", name, service.addresses)
        if self.on_change:
            self.on_change()

    def _forget(self, service_type: str, name: str) -> None:
        with self._changed:
            self._found.pop((service_type, name), None)
            self._changed.notify_all()
        if self.on_change:
            self.on_change()

    def services(self, kind: str | None = None) -> list[DiscoveredService]:
        """What was found so far (``kind`` ``printer`` or ``station`` to filter), sorted by name."""
        with self._changed:
            found = list(self._found.values())
        return sorted((s for s in found if kind is None or s.kind == kind), key=lambda s: (s.kind, s.label))

    def wait_for(self, predicate: Callable[[DiscoveredService], bool], timeout: float) -> DiscoveredService | None:
        """Block until a service matching ``predicate`` is found, or ``timeout`` passes."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for service in self._found.values():
                    if predicate(service):
                        return service
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                self._changed.wait(remaining)

    def close(self) -> None:
        """Stop browsing and close the socket."""
        browser, self._browser = self._browser, None
        zc, self._zc = self._zc, None
        if browser is not None:
            browser.cancel()
        if zc is not None:
            zc.close()

    def __enter__(self) -> DeviceBrowser:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


def browse(seconds: float = 3.0, *, service_types: Sequence[str] = ALL_TYPES,
           interfaces: Sequence[str] | None = None) -> list[DiscoveredService]:
    """Listen for ``seconds`` and return everything found (for ``floorapp doctor`` and the setup screen)."""
    with DeviceBrowser(service_types, interfaces=interfaces) as browser:
        time.sleep(seconds)  # mDNS has no "done": answers trickle in, so listen for a fixed window
        return browser.services()


def _open_zeroconf(zeroconf: Any, interfaces: Sequence[str] | None) -> Any:
    try:
        if interfaces is None:
            return zeroconf.Zeroconf(ip_version=zeroconf.IPVersion.V4Only)
        return zeroconf.Zeroconf(interfaces=list(interfaces), ip_version=zeroconf.IPVersion.V4Only)
    except OSError as exc:
        raise DeviceFault(
            QT_TRANSLATE_NOOP("Devices", "Network discovery is not possible here (multicast is blocked or no "
                                         "network)."),
            detail=f"zeroconf: {exc}",
        ) from exc


class Advertiser:
    """Announce one service (this station, or a simulated printer for the demo) until ``close``."""

    def __init__(self, service_type: str, instance: str, port: int, *, addresses: Sequence[str] = (),
                 properties: Mapping[str, str] | None = None, interfaces: Sequence[str] | None = None,
                 server: str | None = None) -> None:
        self.service_type = service_type
        self.instance = instance
        self.port = port
        self.addresses = list(addresses) or [_primary_ipv4()]
        self.properties = dict(properties or {})
        self.interfaces = list(interfaces) if interfaces is not None else None
        host = "".join(ch if ch.isalnum() else "-" for ch in (server or socket.gethostname())).strip("-")
        self.server = f"{host or 'floorapp'}.local."
        self._zc: Any = None
        self._info: Any = None

    @property
    def name(self) -> str:
        """The full DNS-SD instance name."""
        return f"{self.instance}.{self.service_type}"

    def start(self) -> Advertiser:
        """Register the service (zeroconf renames it if the name is taken on the network)."""
        if self._zc is not None:
            return self
        zeroconf = _zeroconf()
        self._zc = _open_zeroconf(zeroconf, self.interfaces)
        self._info = zeroconf.ServiceInfo(
            self.service_type, self.name, addresses=[socket.inet_aton(a) for a in self.addresses], port=self.port,
            properties=self.properties, server=self.server,
        )
        try:
            self._zc.register_service(self._info, allow_name_change=True)
        except Exception as exc:  # zeroconf raises its own error family; translate at the boundary
            self.close()
            raise DeviceFault(QT_TRANSLATE_NOOP("Devices", "This station could not announce itself on the network."),
                              detail=f"zeroconf register: {exc!r}") from exc
        return self

    def close(self) -> None:
        """Withdraw the announcement."""
        zc, self._zc = self._zc, None
        if zc is None:
            return
        if self._info is not None:
            try:
                zc.unregister_service(self._info)
            except Exception:  # best effort while shutting down
                log.debug("unregister failed", exc_info=True)
        zc.close()

    def __enter__(self) -> Advertiser:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


def advertise_station(station_name: str, port: int = 0, *, version: str = "", site: str = "",
                      interfaces: Sequence[str] | None = None, addresses: Sequence[str] = ()) -> Advertiser:
    """Announce this FloorApp as ``<station>._floorapp._tcp`` with its version and site as TXT records."""
    properties = {"version": version, "site": site}
    return Advertiser(STATION_TYPE, station_name or socket.gethostname(), port, properties=properties,
                      interfaces=interfaces, addresses=addresses).start()


def _primary_ipv4() -> str:
    """The address other machines reach this one at (the source address of a route outwards)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: nothing is sent, it only selects a route
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"

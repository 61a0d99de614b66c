"""Every FloorApp setting, declared once with its type, default and description; stored as TOML.

Secrets (the Odoo password or API key) are never settings: they live in the OS keyring (see ``secrets``).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from floorapp.errors import ConfigError
from floorapp.user_text import QT_TRANSLATE_NOOP, SourceText, user_text

SettingValue = str | int | float | bool


@dataclass(frozen=True, slots=True)
class SettingSpec:
    """The declaration of one setting: its dotted name, Python type, default, and what it means."""

    name: str
    type: type[SettingValue]
    default: SettingValue
    description: str
    choices: tuple[SettingValue, ...] = ()
    minimum: float | None = None
    env: str | None = None

    def parse(self, raw: object) -> SettingValue:
        """Turn a raw value (from TOML, the command line or the environment) into a valid typed value."""
        value: SettingValue
        try:
            if self.type is bool:
                if isinstance(raw, bool):
                    value = raw
                elif isinstance(raw, str) and raw.strip().lower() in {"1", "true", "yes", "on"}:
                    value = True
                elif isinstance(raw, str) and raw.strip().lower() in {"0", "false", "no", "off"}:
                    value = False
                else:
                    raise ValueError(raw)
            elif self.type is int:
                if isinstance(raw, bool):
                    raise ValueError(raw)
                if isinstance(raw, float) and not raw.is_integer():
                    raise ValueError(raw)  # 3.7 is not silently truncated to 3
                value = int(str(raw), 10) if isinstance(raw, str) else int(raw)  # type: ignore[call-overload]
            elif self.type is float:
                if isinstance(raw, bool):
                    raise ValueError(raw)
                value = float(raw)  # type: ignore[arg-type]
            else:
                if not isinstance(raw, str):
                    raise ValueError(raw)
                value = raw
        except (TypeError, ValueError) as exc:
            raise ConfigError(user_text(
                QT_TRANSLATE_NOOP("Settings", "Setting {name} must be {kind}, not {value}."),
                name=self.name, kind=user_text(_TYPE_WORDS[self.type]), value=repr(raw),
            )) from exc
        if self.choices and value not in self.choices:
            allowed = ", ".join(str(c) for c in self.choices)
            raise ConfigError(user_text(
                QT_TRANSLATE_NOOP("Settings", "Setting {name} must be one of {allowed}, not {value}."),
                name=self.name, allowed=allowed, value=repr(value),
            ))
        if self.minimum is not None and isinstance(value, int | float) and value < self.minimum:
            raise ConfigError(user_text(
                QT_TRANSLATE_NOOP("Settings", "Setting {name} must be at least {minimum}, not {value}."),
                name=self.name, minimum=str(self.minimum), value=repr(value),
            ))
        return value


_TYPE_WORDS: dict[type[SettingValue], SourceText] = {
    str: QT_TRANSLATE_NOOP("Settings", "text"),
    int: QT_TRANSLATE_NOOP("Settings", "a whole number"),
    float: QT_TRANSLATE_NOOP("Settings", "a number"),
    bool: QT_TRANSLATE_NOOP("Settings", "true or false"),
}


def _spec(name: str, typ: type[SettingValue], default: SettingValue, description: str, **kw: Any) -> SettingSpec:
    return SettingSpec(name, typ, default, description, **kw)


ROLES = ("picker", "packer", "inspector", "supervisor")

SETTINGS: tuple[SettingSpec, ...] = (
    # Site and device identity
    _spec("site.name", str, "Main warehouse", "Name of the site shown on the sign-in screen."),
    _spec("device.name", str, "", "Name of this handheld or station; defaults to the host name."),
    _spec("ui.profile", str, "handheld", "Screen layout: handheld (480x800 portrait) or station (1920x1080).",
          choices=("handheld", "station")),
    _spec("ui.language", str, "", "Interface language as a locale name (e.g. de_DE); empty follows the system."),
    _spec("ui.sounds", bool, True, "Play a distinct sound per scan outcome."),
    # Security
    _spec("security.max_pin_attempts", int, 5, "Wrong PINs in a row before the user is locked out.", minimum=1),
    _spec("security.lockout_seconds", int, 300, "How long a locked-out user must wait.", minimum=1),
    _spec("security.idle_signout_seconds", int, 600, "Sign the user out after this much inactivity.",
          minimum=10),
    _spec("security.default_role", str, "picker", "Role given to Odoo stock users who are not managers.",
          choices=ROLES),
    # Odoo connection (the secret is in the keyring, never here)
    _spec("odoo.url", str, "", "Base URL of the Odoo server, e.g. https://erp.example.com.",
          env="FLOORAPP_ODOO_URL"),
    _spec("odoo.database", str, "", "Odoo database name.", env="FLOORAPP_ODOO_DB"),
    _spec("odoo.user", str, "", "Login of the integration user FloorApp syncs as.", env="FLOORAPP_ODOO_USER"),
    _spec("odoo.ca_bundle", str, "", "Path of a CA bundle for a site's own certificate authority."),
    _spec("odoo.verify_tls", bool, True, "Verify the server's TLS certificate."),
    _spec("odoo.timeout_seconds", float, 20.0, "Timeout of one call to Odoo.", minimum=0.1),
    _spec("odoo.transport", str, "auto", "auto (from version_info), jsonrpc or json2.",
          choices=("auto", "jsonrpc", "json2")),
    # Wave picking
    _spec("picking.route_order", str, "pick_sequence",
          "Walking order of pick lines: pick_sequence (the site's order, then location name) or location_name.",
          choices=("pick_sequence", "location_name")),
    # Sync
    _spec("sync.interval_seconds", float, 30.0, "How often the outbox is pushed and data pulled when online.",
          minimum=1.0),
    _spec("sync.pull_batch_size", int, 2000, "Records per search_read page when pulling.", minimum=10),
    _spec("sync.overlap_seconds", int, 60, "Overlap window for incremental pulls by write_date.", minimum=0),
    _spec("sync.max_backoff_seconds", float, 300.0, "Longest wait between retries of a failing transaction.",
          minimum=1.0),
    # Scanners
    _spec("scanner.wedge.prefix", str, "", "Characters a keyboard-wedge scanner sends before each scan."),
    _spec("scanner.wedge.suffix", str, "Enter", "Key or characters that end a wedge scan (Enter, Tab or text)."),
    _spec("scanner.wedge.max_interkey_ms", int, 40,
          "Longest gap between keystrokes of one scan; people type slower than this.", minimum=1),
    _spec("scanner.wedge.min_length", int, 3, "Shortest burst accepted as a scan.", minimum=1),
    _spec("scanner.gs_substitute", str, "", "Text a scanner sends in place of the GS1 separator (e.g. <GS>)."),
    _spec("scanner.decoder", str, "zxing", "Camera barcode decoder: zxing (zxing-cpp) or pyzbar.",
          choices=("zxing", "pyzbar")),
    _spec("scanner.serial.port", str, "", "Serial port of a serial scanner; empty when none."),
    _spec("scanner.serial.baudrate", int, 9600, "Baud rate of the serial scanner.", minimum=300),
    # Scale
    _spec("scale.driver", str, "none", "Scale protocol.",
          choices=("none", "simulated", "mt_sics", "toledo_8217", "adam", "cas", "hid_pos")),
    _spec("scale.port", str, "", "Serial port (or HID path) of the scale."),
    _spec("scale.baudrate", int, 0, "Baud rate override; 0 uses the protocol's default.", minimum=0),
    _spec("scale.unit", str, "kg", "Unit of scales whose answer carries none (Toledo 8217).",
          choices=("g", "kg", "oz", "lb")),
    # Label printer
    _spec("printer.language", str, "none", "Label printer language.", choices=("none", "zpl", "escpos")),
    _spec("printer.transport", str, "tcp", "How the printer is reached.",
          choices=("tcp", "serial", "usb", "file", "cups")),
    _spec("printer.address", str, "127.0.0.1:9100",
          "host:port for tcp, device path for serial/usb/file, queue name for cups."),
    _spec("printer.dpi", int, 203, "Printer resolution in dots per inch.", choices=(203, 300, 600)),
    _spec("printer.paper_width_dots", int, 576, "ESC/POS paper width in dots: 576 for 80 mm, 384 for 58 mm.",
          choices=(384, 576)),
    # Discovery
    _spec("discovery.advertise", bool, True, "Advertise this station on the local network (_floorapp._tcp)."),
    # Camera
    _spec("camera.source", str, "", "Camera index, device path, or an image/video file for the simulator."),
    _spec("camera.resolution", str, "1280x720", "Capture resolution WIDTHxHEIGHT."),
    _spec("camera.jpeg_quality", int, 85, "JPEG quality of inspection photos (1-100).", minimum=1),
    _spec("camera.max_photo_bytes", int, 1_500_000, "Largest photo kept; bigger ones are recompressed.",
          minimum=10_000),
    # Demo
    _spec("demo.enabled", bool, False, "This instance runs the seeded demo warehouse."),
)

SPECS: dict[str, SettingSpec] = {spec.name: spec for spec in SETTINGS}


@dataclass
class Settings:
    """The validated settings of one instance, read from its TOML file with environment overrides."""

    path: Path | None = None
    _values: dict[str, SettingValue] = field(default_factory=dict)
    # Values from the file or set in this run: the only ones ``save`` writes, so an environment override
    # (FLOORAPP_ODOO_URL ...) is never written into the file by accident.
    _stored: dict[str, SettingValue] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None, environ: Mapping[str, str] | None = None) -> Settings:
        """Read and validate the TOML file (missing is fine), then apply environment overrides."""
        environ = os.environ if environ is None else environ
        raw: dict[str, Any] = {}
        if path is not None and path.exists():
            try:
                raw = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(user_text(
                    QT_TRANSLATE_NOOP("Settings", "The settings file {path} is not valid TOML: {problem}"),
                    path=str(path), problem=str(exc))) from exc
        values: dict[str, SettingValue] = {}
        for name, raw_value in _flatten(raw):
            spec = SPECS.get(name)
            if spec is None:
                raise ConfigError(user_text(QT_TRANSLATE_NOOP("Settings", "Unknown setting {name} in {path}."),
                                            name=repr(name), path=str(path)))
            values[name] = spec.parse(raw_value)
        stored = dict(values)
        for spec in SETTINGS:
            if spec.env and environ.get(spec.env):
                values[spec.name] = spec.parse(environ[spec.env])
        return cls(path=path, _values=values, _stored=stored)

    def get(self, name: str) -> SettingValue:
        """The value of a declared setting (its default when unset)."""
        try:
            spec = SPECS[name]
        except KeyError as exc:
            raise ConfigError(user_text(QT_TRANSLATE_NOOP("Settings", "Unknown setting {name}."),
                                        name=repr(name))) from exc
        return self._values.get(name, spec.default)

    def text(self, name: str) -> str:
        """A string setting."""
        return str(self.get(name))

    def integer(self, name: str) -> int:
        """An integer setting."""
        return int(self.get(name))

    def number(self, name: str) -> float:
        """A float setting."""
        return float(self.get(name))

    def flag(self, name: str) -> bool:
        """A boolean setting."""
        return bool(self.get(name))

    def set(self, name: str, raw: object) -> SettingValue:
        """Validate and set one value in memory; call ``save`` to write it."""
        spec = SPECS.get(name)
        if spec is None:
            raise ConfigError(user_text(
                QT_TRANSLATE_NOOP("Settings", "Unknown setting {name}. See `floorapp config show`."), name=repr(name)))
        value = spec.parse(raw)
        self._values[name] = value
        self._stored[name] = value
        return value

    def explicit(self) -> dict[str, SettingValue]:
        """Only the values set explicitly (file or environment)."""
        return dict(self._values)

    def items(self) -> Iterator[tuple[SettingSpec, SettingValue]]:
        """Every declared setting with its effective value."""
        for spec in SETTINGS:
            yield spec, self.get(spec.name)

    def save(self) -> None:
        """Write the explicitly set values to the TOML file, atomically."""
        if self.path is None:
            raise ConfigError(QT_TRANSLATE_NOOP("Settings", "These settings have no file to be saved to."))
        nested: dict[str, Any] = {}
        for name, value in sorted(self._stored.items()):
            node = nested
            *parents, leaf = name.split(".")
            for part in parents:
                node = node.setdefault(part, {})
            node[leaf] = value
        # Imported here: only saving writes TOML, and every start-up reads settings.
        import tomli_w

        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(tomli_w.dumps(nested), encoding="utf-8")
        tmp.replace(self.path)


def _flatten(tree: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from _flatten(value, f"{name}.")
        else:
            yield name, value

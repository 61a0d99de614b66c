"""`floorapp doctor`: check what FloorApp needs on this machine; exit 1 when something must be fixed.

Each check is a function from :class:`DoctorInput` to results; add a check by appending it to ``CHECKS``.
"""

from __future__ import annotations

import argparse
import enum
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from floorapp.bootstrap import start_cli
from floorapp.errors import FloorAppError
from floorapp.paths import AppPaths
from floorapp.settings import Settings

DISK_FAIL_BYTES = 50 * 1024 * 1024
DISK_WARN_BYTES = 500 * 1024 * 1024


class Level(enum.StrEnum):
    """How a check ended."""

    OK = "ok"
    WARN = "warn"
    FAIL = "fail"


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One line of the doctor's report."""

    name: str
    level: Level
    detail: str


@dataclass(frozen=True, slots=True)
class DoctorInput:
    """What the checks look at; ``settings`` is None when the settings file is invalid."""

    paths: AppPaths
    settings: Settings | None
    environ: Mapping[str, str]


Check = Callable[[DoctorInput], list[CheckResult]]


def check_config(ctx: DoctorInput) -> list[CheckResult]:
    """The settings file parses and every value is valid."""
    try:
        Settings.load(ctx.paths.config_file, ctx.environ)
    except FloorAppError as exc:
        return [CheckResult("config", Level.FAIL, exc.user_message)]
    where = ctx.paths.config_file if ctx.paths.config_file.exists() else f"{ctx.paths.config_file} (defaults only)"
    return [CheckResult("config", Level.OK, f"valid: {where}")]


def check_database(ctx: DoctorInput) -> list[CheckResult]:
    """The store opens, migrates to head, passes SQLite's quick check and has the durable pragmas."""
    from floorapp.offline_store.db import SCHEMA_MAJOR, open_database

    try:
        database = open_database(ctx.paths.database_file)
    except FloorAppError as exc:
        return [CheckResult("database", Level.FAIL, exc.user_message)]
    try:
        with database.engine.connect() as conn:
            quick = conn.exec_driver_sql("PRAGMA quick_check").scalar_one()
        pragmas = database.pragmas()
        revision = database.schema_revision()
    except FloorAppError as exc:
        return [CheckResult("database", Level.FAIL, exc.user_message)]
    finally:
        database.close()
    if quick != "ok":
        return [CheckResult("database", Level.FAIL, f"{ctx.paths.database_file} is damaged ({quick}); call IT.")]
    if pragmas["journal_mode"] != "wal" or pragmas["synchronous"] != "2":
        detail = f"not durable: journal_mode={pragmas['journal_mode']} synchronous={pragmas['synchronous']}"
        return [CheckResult("database", Level.FAIL, detail)]
    detail = f"{ctx.paths.database_file} (schema {SCHEMA_MAJOR}, revision {revision}, WAL, synchronous=FULL)"
    return [CheckResult("database", Level.OK, detail)]


def check_keyring(ctx: DoctorInput) -> list[CheckResult]:
    """A keyring can keep the Odoo secret, and a secret is available when Odoo is configured."""
    from floorapp.secrets import SECRET_ENV, get_odoo_secret, keyring_status

    configured = ctx.settings is not None and bool(ctx.settings.text("odoo.url"))
    from_env = bool(ctx.environ.get(SECRET_ENV))
    status = keyring_status()
    if not status.usable:
        if configured and not from_env:
            return [CheckResult("keyring", Level.FAIL, status.detail)]
        return [CheckResult("keyring", Level.WARN, f"{status.detail} (not needed yet: Odoo is not configured)"
                            if not configured else f"{status.detail} ({SECRET_ENV} is used)")]
    results = [CheckResult("keyring", Level.OK, status.backend)]
    if configured and ctx.settings is not None:
        try:
            secret = get_odoo_secret(ctx.settings, ctx.environ)
        except FloorAppError as exc:
            return [CheckResult("keyring", Level.FAIL, exc.user_message)]
        if not secret:
            results.append(CheckResult("odoo secret", Level.WARN,
                                       "no Odoo password or API key stored; run `floorapp config set-secret`"))
        else:
            results.append(CheckResult("odoo secret", Level.OK, f"stored ({'environment' if from_env else 'keyring'})"))
    return results


def check_user_keys(ctx: DoctorInput) -> list[CheckResult]:
    """Each floor user's own Odoo API key (when the site gave them one) is still accepted by Odoo."""
    if ctx.settings is None or not ctx.settings.text("odoo.url") or not ctx.paths.database_file.exists():
        return []
    from floorapp.offline_store.db import open_database
    from floorapp.secrets import keyring_status
    from floorapp.sync.service import connection_config
    from floorapp.sync.user_keys import check_user_keys as check_keys
    from floorapp.sync.user_keys import keyring_key_reader

    if not keyring_status().usable:
        return []  # the keyring check already says so
    database = open_database(ctx.paths.database_file)
    try:
        checks = check_keys(database, connection_config(ctx.settings, ""), keyring_key_reader(ctx.settings))
    finally:
        database.close()
    results = []
    for check in checks:
        if check.state == "ok":
            results.append(CheckResult("user key", Level.OK, f"{check.login}: {check.detail}"))
        elif check.state == "refused":
            results.append(CheckResult(
                "user key", Level.WARN,
                f"Odoo refuses the API key of {check.login}: their work goes as the integration user; store a new "
                f"one with `floorapp config set-user-key {check.login}`"))
        else:
            results.append(CheckResult("user key", Level.WARN, f"could not check the keys: {check.detail}"))
    return results


def check_disk_space(ctx: DoctorInput) -> list[CheckResult]:
    """Enough free space under the data dir for the store, photos and logs."""
    usage = shutil.disk_usage(ctx.paths.data_dir)
    free_mb = usage.free // (1024 * 1024)
    if usage.free < DISK_FAIL_BYTES:
        return [CheckResult("disk space", Level.FAIL, f"only {free_mb} MB free under {ctx.paths.data_dir}")]
    if usage.free < DISK_WARN_BYTES:
        return [CheckResult("disk space", Level.WARN, f"{free_mb} MB free under {ctx.paths.data_dir}")]
    return [CheckResult("disk space", Level.OK, f"{free_mb} MB free")]


def check_log_dir(ctx: DoctorInput) -> list[CheckResult]:
    """The log folder can be written."""
    try:
        with tempfile.NamedTemporaryFile(dir=ctx.paths.log_dir, prefix=".doctor-"):
            pass
    except OSError as exc:
        return [CheckResult("logs", Level.FAIL, f"cannot write {ctx.paths.log_dir}: {exc.strerror}")]
    return [CheckResult("logs", Level.OK, str(ctx.paths.log_dir))]


def check_devices(ctx: DoctorInput) -> list[CheckResult]:
    """Each configured scale and label printer answers (nothing configured is not a problem)."""
    if ctx.settings is None:
        return []
    from floorapp.devices.health import device_reports

    reports = device_reports(ctx.settings)
    if not reports:
        return [CheckResult("devices", Level.OK, "no scale or label printer configured")]
    return [
        CheckResult(f"{report.kind}", Level.OK if report.ok else Level.FAIL, f"{report.name}: {report.message}")
        for report in reports
    ]


CHECKS: tuple[Check, ...] = (
    check_config,
    check_database,
    check_keyring,
    check_user_keys,
    check_disk_space,
    check_log_dir,
    check_devices,
)


def run_checks(paths: AppPaths, environ: Mapping[str, str] | None = None) -> list[CheckResult]:
    """Every check's results, in order; a check that crashes is reported as a failure, not raised."""
    environ = os.environ if environ is None else environ
    try:
        settings: Settings | None = Settings.load(paths.config_file, environ)
    except FloorAppError:
        settings = None
    ctx = DoctorInput(paths=paths, settings=settings, environ=environ)
    results: list[CheckResult] = []
    for check in CHECKS:
        try:
            results.extend(check(ctx))
        except Exception as exc:
            results.append(CheckResult(check.__name__.removeprefix("check_").replace("_", " "), Level.FAIL,
                                       f"the check itself failed: {type(exc).__name__}: {exc}"))
    return results


def register(subparsers: Any) -> None:
    """Add the ``doctor`` command."""
    parser = subparsers.add_parser(
        "doctor",
        help="Check the database, config, keyring and disk; exit 1 on a problem.",
        description="Check that the database opens and migrates, the config is valid, a keyring can keep the "
        "Odoo secret and there is disk space. Exits 1 when something must be fixed.",
    )
    parser.add_argument("--json", action="store_true", help="Print one JSON object instead of text.")
    parser.set_defaults(func=run_doctor)


def run_doctor(args: argparse.Namespace) -> int:
    """Run every check, print the report, and return 1 if any check failed."""
    paths, _ = start_cli(args)
    results = run_checks(paths)
    failed = any(r.level is Level.FAIL for r in results)
    if args.json:
        print(json.dumps({"ok": not failed,
                          "checks": [{"name": r.name, "level": r.level.value, "detail": r.detail} for r in results]},
                         indent=2))
    else:
        for r in results:
            print(f"[{r.level.value:<4}] {r.name:<12} {r.detail}")
        print("Problems found: see [fail] lines." if failed else "All checks passed.")
    return 1 if failed else 0

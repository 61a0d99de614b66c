"""Logging: a file under the log dir, JSON lines on stderr for end-to-end tests, secrets redacted, a ring buffer."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from floorapp import logging_setup
from floorapp.cli import main
from floorapp.logging_setup import configure_logging, current_ring_buffer, redact, register_secret
from floorapp.paths import AppPaths


def _json_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_subsystem_lines_reach_the_rotating_file_and_the_ring(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    setup = configure_logging(paths, "INFO", json_lines=False)
    logging.getLogger("floorapp.store").info("opened the store")
    logging.getLogger("floorapp.devices.scale").debug("not at INFO")
    assert setup.log_file == paths.log_file
    text = paths.log_file.read_text(encoding="utf-8")
    assert "INFO floorapp.store: opened the store" in text
    assert "not at INFO" not in text
    assert current_ring_buffer() is setup.ring
    assert any("opened the store" in line for line in setup.ring.lines())


def test_configuring_twice_does_not_duplicate_lines(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    configure_logging(paths, "INFO", json_lines=False)
    configure_logging(paths, "INFO", json_lines=False)
    logging.getLogger("floorapp.ui").warning("once")
    assert paths.log_file.read_text(encoding="utf-8").count("once") == 1


def test_file_rotates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logging_setup, "LOG_FILE_BYTES", 2000)
    paths = AppPaths.under(tmp_path)
    configure_logging(paths, "INFO", json_lines=False)
    for n in range(100):
        logging.getLogger("floorapp.sync").info("line %03d %s", n, "x" * 50)
    assert paths.log_file.with_name("floorapp.log.1").exists()
    assert paths.log_file.stat().st_size <= 2000


def test_rotation_keeps_the_newest_lines_and_only_the_backups_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logging_setup, "LOG_FILE_BYTES", 1000)
    monkeypatch.setattr(logging_setup, "LOG_FILE_BACKUPS", 2)
    paths = AppPaths.under(tmp_path)
    configure_logging(paths, "INFO", json_lines=False)
    for n in range(200):
        logging.getLogger("floorapp.sync").info("line %03d %s", n, "x" * 50)
    newest, first, second = (paths.log_file.with_name(name).read_text(encoding="utf-8")
                             for name in ("floorapp.log", "floorapp.log.1", "floorapp.log.2"))
    assert not paths.log_file.with_name("floorapp.log.3").exists()
    assert all(len(text.encode()) < 1000 for text in (newest, first, second))
    assert "line 199" in newest
    # Each file holds whole lines, and the older files hold the lines just before the newer ones.
    numbers = [int(line.split("line ")[1][:3]) for text in (second, first, newest) for line in text.splitlines()]
    assert numbers == list(range(numbers[0], 200))


def test_json_lines_on_stderr_carry_the_event(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(AppPaths.under(tmp_path), "DEBUG", json_lines=True)
    logging.getLogger("floorapp.sync").info("pushed %d entries", 3, extra={"event": "sync.pushed", "count": 3})
    (line,) = _json_lines(capsys.readouterr().err)
    assert line["event"] == "sync.pushed" and line["count"] == 3
    assert (line["level"], line["logger"], line["msg"]) == ("INFO", "floorapp.sync", "pushed 3 entries")


def test_cli_json_logging_announces_the_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "--json-logging", "status", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["schema_major"] >= 1  # stdout stays pure JSON
    events = [line.get("event") for line in _json_lines(captured.err)]
    assert "store.opened" in events


def test_without_json_stderr_only_shows_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(AppPaths.under(tmp_path), "INFO", json_lines=False)
    logging.getLogger("floorapp.store").info("quiet")
    logging.getLogger("floorapp.store").warning("loud")
    err = capsys.readouterr().err
    assert "quiet" not in err and "loud" in err


@pytest.mark.parametrize(
    ("text", "leaked"),
    [
        ("login with password=hunter2 failed", "hunter2"),
        ('payload {"login": "x", "password": "hunter2"}', "hunter2"),
        ("{'api_key': 'k-123456'}", "k-123456"),
        ("api-key: k-123456", "k-123456"),
        ("Authorization: Bearer abc.def.ghi", "abc.def.ghi"),
        ("sign in pin=4711", "4711"),
        ("stored pin_hash=scrypt$16384$8$1$aa$bb", "scrypt$16384"),
    ],
)
def test_redact_masks_secret_values(text: str, leaked: str) -> None:
    assert leaked not in redact(text)
    assert "***" in redact(text)


def test_redact_keeps_ordinary_text() -> None:
    text = "picking:42 document_key=picking:42 pinned tote T-7, 3 pins picked"
    assert redact(text) == text


def test_secrets_never_reach_the_file_ring_or_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = AppPaths.under(tmp_path)
    setup = configure_logging(paths, "DEBUG", json_lines=True)
    register_secret("Sup3r-Secret-Key")
    log = logging.getLogger("floorapp.sync")
    log.info("connecting with %s", "Sup3r-Secret-Key")
    log.info("session", extra={"password": "hunter2", "note": "key Sup3r-Secret-Key"})
    try:
        raise RuntimeError("server said: bad key Sup3r-Secret-Key")
    except RuntimeError:
        log.exception("call failed")
    err = capsys.readouterr().err
    for text in (paths.log_file.read_text(encoding="utf-8"), "\n".join(setup.ring.lines()), err):
        assert "Sup3r-Secret-Key" not in text
        assert "hunter2" not in text
    assert any(line.get("password") == "***" for line in _json_lines(err))
    assert "RuntimeError: server said: bad key ***" in paths.log_file.read_text(encoding="utf-8")

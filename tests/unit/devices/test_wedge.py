"""The Qt-free wedge burst detector: fast bursts ending in the suffix are scans, people typing never are."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from floorapp.barcode.aim import GS
from floorapp.barcode.scan import ScanSource
from floorapp.devices.scanner.wedge import (
    ENTER,
    TAB,
    WedgeBurstDetector,
    WedgeConfig,
    WedgeOutcome,
    parse_affix,
    wedge_config_from_settings,
)
from floorapp.settings import Settings


def type_keys(
    detector: WedgeBurstDetector[int], text: str, *, start: float = 100.0, gap_ms: float = 5.0
) -> tuple[list[WedgeOutcome[int]], list[str], float]:
    """Feed ``text`` key by key; return the outcomes, every released char in order, and the last timestamp."""
    outcomes: list[WedgeOutcome[int]] = []
    released: list[str] = []
    at = start
    for index, char in enumerate(text):
        outcome = detector.feed(char, at, index)
        outcomes.append(outcome)
        released.extend(key.char for key in outcome.release)
        if not outcome.swallow:
            released.append(char)
        at += gap_ms / 1000.0
    return outcomes, released, at - gap_ms / 1000.0


def test_fast_burst_with_enter_is_one_scan_and_nothing_reaches_the_field() -> None:
    detector: WedgeBurstDetector[int] = WedgeBurstDetector(WedgeConfig())
    outcomes, released, _ = type_keys(detector, "BADGE-0042" + ENTER)
    scans = [o.scan for o in outcomes if o.scan is not None]
    assert len(scans) == 1
    assert scans[0].text == "BADGE-0042"
    assert scans[0].source is ScanSource.WEDGE
    assert released == []
    assert all(o.swallow for o in outcomes)
    assert not detector.pending


def test_human_typing_is_released_in_order_and_never_a_scan() -> None:
    detector: WedgeBurstDetector[int] = WedgeBurstDetector(WedgeConfig(max_interkey_ms=40))
    outcomes, released, _last = type_keys(detector, "1234" + ENTER, gap_ms=180)
    assert all(o.scan is None for o in outcomes)
    assert "".join(released) == "1234" + ENTER
    assert not detector.pending


def test_held_key_is_released_when_the_burst_stops() -> None:
    detector: WedgeBurstDetector[int] = WedgeBurstDetector(WedgeConfig(max_interkey_ms=40))
    outcome = detector.feed("7", 10.0, 1)
    assert outcome.swallow and outcome.release == ()
    assert detector.expire(10.02).release == ()  # still within the burst window
    late = detector.expire(10.5)
    assert [key.payload for key in late.release] == [1]
    assert late.scan is None
    assert not detector.pending


def test_burst_shorter_than_min_length_is_typing() -> None:
    detector: WedgeBurstDetector[int] = WedgeBurstDetector(WedgeConfig(min_length=4))
    outcomes, released, _ = type_keys(detector, "ab" + ENTER)
    assert all(o.scan is None for o in outcomes)
    assert "".join(released) == "ab" + ENTER


def test_lone_enter_passes_straight_through() -> None:
    detector: WedgeBurstDetector[int] = WedgeBurstDetector(WedgeConfig())
    outcome = detector.feed(ENTER, 1.0, 0)
    assert not outcome.swallow
    assert not detector.pending


def test_prefix_is_required_and_stripped() -> None:
    detector: WedgeBurstDetector[int] = WedgeBurstDetector(WedgeConfig(prefix="~", suffix=ENTER))
    outcomes, _released, _ = type_keys(detector, "~LOC-A-01" + ENTER)
    scans = [o.scan for o in outcomes if o.scan]
    assert [s.text for s in scans] == ["LOC-A-01"]
    # Without the prefix a fast burst is not a scan, and a key that cannot start one is not even held.
    first = detector.feed("L", 50.0, 0)
    assert not first.swallow


def test_tab_suffix_and_text_suffix() -> None:
    tab = WedgeBurstDetector[int](WedgeConfig(suffix=parse_affix("Tab")))
    outcomes, _, _ = type_keys(tab, "12345" + TAB)
    assert [o.scan.text for o in outcomes if o.scan] == ["12345"]
    text = WedgeBurstDetector[int](WedgeConfig(suffix="##"))
    outcomes, _, _ = type_keys(text, "ABC##")
    assert [o.scan.text for o in outcomes if o.scan] == ["ABC"]


def test_without_suffix_a_stopped_burst_is_a_scan() -> None:
    detector: WedgeBurstDetector[int] = WedgeBurstDetector(WedgeConfig(suffix=""))
    _, released, last = type_keys(detector, "0123456789")
    assert released == []
    outcome = detector.expire(last + 1.0)
    assert outcome.scan is not None and outcome.scan.text == "0123456789"


def test_aim_identifier_and_gs_substitute_are_normalised() -> None:
    detector: WedgeBurstDetector[int] = WedgeBurstDetector(WedgeConfig(gs_substitute="<GS>"))
    outcomes, _, _ = type_keys(detector, "]C1010950110102091710ABC<GS>21XYZ" + ENTER)
    scan = next(o.scan for o in outcomes if o.scan)
    assert scan.symbology == "]C1"
    assert scan.gs1
    assert scan.text == f"010950110102091710ABC{GS}21XYZ"


def test_typing_then_a_scan_releases_the_typing_first() -> None:
    detector: WedgeBurstDetector[int] = WedgeBurstDetector(WedgeConfig())
    first = detector.feed("x", 1.0, 0)
    assert first.swallow
    outcomes, _released, _ = type_keys(detector, "SKU123" + ENTER, start=2.0)
    assert [key.char for key in outcomes[0].release] == ["x"]
    assert [o.scan.text for o in outcomes if o.scan] == ["SKU123"]


def test_interrupt_releases_held_keys() -> None:
    detector: WedgeBurstDetector[int] = WedgeBurstDetector(WedgeConfig())
    detector.feed("a", 1.0, 7)
    assert [key.payload for key in detector.interrupt()] == [7]
    assert not detector.pending


def test_parse_affix_names() -> None:
    assert parse_affix("Enter") == ENTER
    assert parse_affix("tab") == TAB
    assert parse_affix("") == ""
    assert parse_affix("#") == "#"


def test_config_rejects_nonsense() -> None:
    with pytest.raises(ValueError):
        WedgeConfig(max_interkey_ms=0)


@given(
    text=st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=30),
    gaps=st.lists(st.floats(min_value=0.041, max_value=2.0), min_size=30, max_size=30),
)
def test_slow_typing_is_never_a_scan_and_every_key_arrives_in_order(text: str, gaps: list[float]) -> None:
    detector: WedgeBurstDetector[int] = WedgeBurstDetector(WedgeConfig(max_interkey_ms=40, min_length=1))
    delivered: list[str] = []
    at = 0.0
    for index, char in enumerate(text + ENTER):
        outcome = detector.feed(char, at, index)
        assert outcome.scan is None
        delivered.extend(key.char for key in outcome.release)
        if not outcome.swallow:
            delivered.append(char)
        at += gaps[index % len(gaps)]
    delivered.extend(key.char for key in detector.expire(at + 10).release)
    assert "".join(delivered) == text + ENTER


@given(text=st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=3, max_size=40))
def test_any_fast_burst_with_suffix_is_exactly_its_text(text: str) -> None:
    detector: WedgeBurstDetector[int] = WedgeBurstDetector(WedgeConfig(min_length=3))
    outcomes, released, _ = type_keys(detector, text + ENTER, gap_ms=2)
    scans = [o.scan for o in outcomes if o.scan]
    assert released == []
    assert len(scans) == 1


def test_config_from_settings() -> None:
    settings = Settings.load(None, environ={})
    settings.set("scanner.wedge.suffix", "Tab")
    settings.set("scanner.wedge.prefix", "~")
    settings.set("scanner.wedge.max_interkey_ms", 25)
    settings.set("scanner.gs_substitute", "<GS>")
    config = wedge_config_from_settings(settings)
    assert config == WedgeConfig(max_interkey_ms=25, min_length=3, prefix="~", suffix=TAB, gs_substitute="<GS>")

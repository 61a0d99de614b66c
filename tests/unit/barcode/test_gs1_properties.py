"""Property tests: random valid GS1 element strings survive every FNC1 form; garbage only gives GS1ParseError."""

from __future__ import annotations

import contextlib
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from floorapp.barcode.aim import GS, normalize_scanned_text
from floorapp.barcode.gs1 import (
    AI_TABLE,
    AIDefinition,
    GS1ParseError,
    Kind,
    encode_element_string,
    has_valid_check_digit,
    parse_digital_link,
    parse_element_string,
    parse_hri,
    with_check_digit,
)

TODAY = date(2026, 11, 27)
CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
CSET39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CSET64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-="
CHARSETS = {"N": "0123456789", "X": CSET82, "Y": CSET39, "Z": CSET64}


def _component(component: str) -> st.SearchStrategy[str]:
    optional = component.startswith("[")
    part = component.strip("[]")
    alphabet = CHARSETS[part[0]]
    spec = part[1:]
    if spec.startswith(".."):
        low, high = 1, int(spec[2:])
    elif ".." in spec:
        low, high = (int(x) for x in spec.split(".."))
    else:
        low = high = int(spec)
    text = st.text(alphabet=alphabet, min_size=low, max_size=high)
    return st.one_of(st.just(""), text) if optional else text


def _yymmdd(allow_day_zero: bool) -> st.SearchStrategy[str]:
    days = st.dates(min_value=date(1977, 1, 1), max_value=date(2076, 12, 31)).map(lambda d: d.strftime("%y%m%d"))
    if not allow_day_zero:
        return days
    month_ends = st.tuples(st.integers(0, 99), st.integers(1, 12)).map(lambda t: f"{t[0]:02d}{t[1]:02d}00")
    return st.one_of(days, month_ends)


def _hhmm() -> st.SearchStrategy[str]:
    return st.tuples(st.integers(0, 23), st.integers(0, 59)).map(lambda t: f"{t[0]:02d}{t[1]:02d}")


def data_for(definition: AIDefinition) -> st.SearchStrategy[str]:
    """Random data valid for one AI, semantics included (check digits, real dates and times)."""
    kind = definition.kind
    if kind in (Kind.GTIN, Kind.SSCC, Kind.GLN, Kind.CHECKED):
        length = definition.fixed_length
        assert length is not None
        return st.text("0123456789", min_size=length - 1, max_size=length - 1).map(with_check_digit)
    if kind is Kind.DATE:
        return _yymmdd(allow_day_zero=True)
    if kind is Kind.DATETIME:
        if definition.ai == "8008":  # YYMMDDHH + optional MM or MMSS
            tail = st.sampled_from(["", "30", "3059"])
            return st.tuples(_yymmdd(False), st.integers(0, 23), tail).map(lambda t: f"{t[0]}{t[1]:02d}{t[2]}")
        return st.tuples(_yymmdd(False), _hhmm()).map("".join)
    parts = [_component(p) for p in definition.fmt.split("+")]
    return st.tuples(*parts).map("".join)


AI_DEFINITIONS = sorted(AI_TABLE.values(), key=lambda d: d.ai)
element = st.sampled_from(AI_DEFINITIONS).flatmap(lambda d: st.tuples(st.just(d.ai), data_for(d)))
element_lists = st.lists(element, min_size=1, max_size=8)

# Each FNC1 form a scan can arrive in: (prefix, separator, configured substitute).
FNC1_FORMS = [
    ("]C1", GS, ""),
    ("]d2", GS, ""),
    ("]Q3", GS, ""),
    ("]e0", GS, ""),
    ("]J1", GS, ""),
    (GS, GS, ""),
    ("]C1", "{GS}", "{GS}"),
    ("{GS}", "{GS}", "{GS}"),
    ("]d2", "^]", "^]"),
    ("]C1", "\u241d", ""),
]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(pairs=element_lists, form=st.sampled_from(FNC1_FORMS))
def test_valid_element_strings_round_trip_in_every_fnc1_form(
    pairs: list[tuple[str, str]], form: tuple[str, str, str]
) -> None:
    prefix, separator, substitute = form
    raw = prefix + encode_element_string(pairs, separator=separator) + "\r\n"
    scan = normalize_scanned_text(raw, substitute)
    assert scan.gs1
    parsed = parse_element_string(scan.text, today=TODAY)
    assert [(e.ai, e.raw) for e in parsed] == pairs
    assert all(e.check_digit_ok in (None, True) for e in parsed)


@settings(max_examples=200)
@given(pairs=element_lists)
def test_valid_element_strings_round_trip_through_the_human_readable_form(pairs: list[tuple[str, str]]) -> None:
    # Parentheses in data make the human-readable form ambiguous; it is only for typed-in codes.
    pairs = [(ai, data.replace("(", "A").replace(")", "B")) for ai, data in pairs]
    hri = "".join(f"({ai}){data}" for ai, data in pairs)
    assert [(e.ai, e.raw) for e in parse_hri(hri, today=TODAY)] == pairs


@settings(max_examples=500)
@given(text=st.text(max_size=80))
def test_arbitrary_text_only_ever_raises_the_parse_error(text: str) -> None:
    with contextlib.suppress(GS1ParseError):
        parse_element_string(text, today=TODAY)
    with contextlib.suppress(GS1ParseError):
        parse_hri(text, today=TODAY)


@settings(max_examples=500)
@given(
    pairs=element_lists,
    cut=st.integers(0, 200),
    insert=st.text(alphabet="0123456789" + GS + "()AZ\x00", max_size=3),
    drop_separators=st.booleans(),
)
def test_damaged_element_strings_only_ever_raise_the_parse_error(
    pairs: list[tuple[str, str]], cut: int, insert: str, drop_separators: bool
) -> None:
    encoded = encode_element_string(pairs)
    cut %= len(encoded) + 1
    damaged = encoded[:cut] + insert + encoded[cut + 1 :]
    if drop_separators:
        damaged = damaged.replace(GS, "")
    try:
        result = parse_element_string(damaged, today=TODAY)
    except GS1ParseError as exc:
        assert exc.user_message
    else:
        # Whatever parses must be self-consistent: re-encoding and re-parsing gives the same elements.
        again = parse_element_string(encode_element_string([(e.ai, e.raw) for e in result]), today=TODAY)
        assert [(e.ai, e.raw) for e in again] == [(e.ai, e.raw) for e in result]


@given(st.text("0123456789", min_size=7, max_size=17), st.integers(0, 16), st.integers(1, 9))
def test_check_digit_catches_every_single_digit_error(body: str, index: int, delta: int) -> None:
    number = with_check_digit(body)
    assert has_valid_check_digit(number)
    index %= len(number)
    wrong = number[:index] + str((int(number[index]) + delta) % 10) + number[index + 1 :]
    assert not has_valid_check_digit(wrong)


dl_pairs = st.tuples(
    st.text("0123456789", min_size=13, max_size=13).map(with_check_digit),
    st.text(alphabet=CSET82, min_size=1, max_size=20),
    st.text(alphabet=CSET82, min_size=1, max_size=20),
    _yymmdd(allow_day_zero=True),
)


@settings(max_examples=200)
@given(parts=dl_pairs)
def test_digital_links_round_trip(parts: tuple[str, str, str, str]) -> None:
    from urllib.parse import quote

    gtin, lot, serial, expiry = parts
    uri = f"https://id.gs1.org/01/{gtin}/10/{quote(lot, safe='')}/21/{quote(serial, safe='')}?17={expiry}"
    parsed = parse_digital_link(uri, today=TODAY)
    assert [(e.ai, e.raw) for e in parsed] == [("01", gtin), ("10", lot), ("21", serial), ("17", expiry)]


@settings(max_examples=300)
@given(
    prefix=st.sampled_from(["https://id.gs1.org/", "http://x.example/a/", "https://y/"]),
    path=st.lists(
        st.one_of(st.sampled_from(["01", "00", "10", "21", "gtin", "lot", "414", "17"]), st.text(max_size=15)),
        max_size=6,
    ),
    query=st.text(max_size=30),
)
def test_arbitrary_links_only_ever_raise_the_parse_error(prefix: str, path: list[str], query: str) -> None:
    uri = prefix + "/".join(path) + "?" + query
    with contextlib.suppress(GS1ParseError):
        parse_digital_link(uri, today=TODAY)

"""Odoo barcode nomenclatures: rules that say what a barcode is and extract a weight or price embedded in it.

A rule (Odoo's ``barcode.rule``) has a type (product, weight, price, location, lot, package, alias ...), an
encoding (any, EAN-13, EAN-8, UPC-A, GS1-128), a sequence and a pattern. A pattern is a regular expression
matched at the start of the barcode, cut to the pattern's length, as Odoo does; it may hold one ``{N..ND..D}``
group marking where an integer (``N``) and decimal (``D``) value is embedded, e.g. ``21.....{NNDDD}`` for
weight-embedded EAN-13 labels from a scale. Rules are tried by sequence; the first match wins, and an alias
rule rewrites the barcode and goes on with the next rules.

A GS1 nomenclature has rules whose pattern is ``(AI regex)(data regex)``; they classify the elements of a
GS1 element string (``classify_gs1_element``).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from floorapp.barcode.frozen import fast_frozen_init
from floorapp.barcode.gs1 import GS, has_valid_check_digit, with_check_digit

log = logging.getLogger("floorapp.barcode.nomenclature")

# Rule types of Odoo 18 (barcodes, barcodes_gs1_nomenclature, stock) and of point_of_sale, which adds the
# price/discount/client/cashier/coupon/credit types a site with a shop may have in the same nomenclature.
RULE_TYPES = (
    "alias", "product", "quantity", "weight", "price", "discount", "location", "location_dest", "lot",
    "package", "use_date", "expiration_date", "package_type", "pack_date", "client", "cashier", "coupon",
    "credit",
)  # fmt: skip
ENCODINGS = ("any", "ean13", "ean8", "upca", "gs1-128")
UPC_EAN_CONVERSIONS = ("none", "ean2upc", "upc2ean", "always")

_VALUE_GROUP = re.compile(r"\{(N*)(D*)\}")
# Odoo's default FNC1 alternatives for a GS1 nomenclature: the "Alt029" some wedges type, '#', and GS itself.
DEFAULT_GS1_SEPARATOR = r"(Alt029|#|\x1D)"


_ENCODING_LENGTHS = {"ean13": 13, "ean8": 8, "upca": 12}
_ZERO = Decimal(0)


def is_encoding(barcode: str, encoding: str) -> bool:
    """True when ``barcode`` is a valid code of ``encoding`` (length and check digit); ``any`` accepts all."""
    length = _ENCODING_LENGTHS.get(encoding)
    if length is not None:
        return len(barcode) == length and has_valid_check_digit(barcode)
    return encoding in ("any", "gs1-128")


def upca_to_ean13(upca: str) -> str:
    """A UPC-A code as the EAN-13 it is (a leading zero)."""
    return "0" + upca


def ean13_to_upca(ean13: str) -> str | None:
    """An EAN-13 starting with 0 as its UPC-A; None for any other EAN-13."""
    return ean13[1:] if len(ean13) == 13 and ean13.startswith("0") else None


def _encoded(known: dict[tuple[str, str], bool], code: str, encoding: str) -> bool:
    """``is_encoding(code, encoding)``, remembered in ``known`` for the rest of one match."""
    key = (code, encoding)
    answer = known.get(key)
    if answer is None:
        answer = known[key] = is_encoding(code, encoding)
    return answer


@dataclass(frozen=True, slots=True)
class BarcodeRule:
    """One nomenclature rule, as pulled from Odoo's ``barcode.rule`` (see ``Nomenclature.from_odoo``)."""

    name: str
    type: str
    pattern: str
    encoding: str = "any"
    sequence: int = 0
    alias: str | None = None
    rule_id: int = 0
    gs1_content_type: str | None = None
    gs1_decimal_usage: bool = False
    associated_uom_id: int | None = None

    def compiled(self) -> re.Pattern[str] | None:
        """The pattern with any value group replaced by zeros, compiled; None when it is not a valid regex."""
        return _compile(self.pattern)


@functools.lru_cache(maxsize=1024)
def _compile(pattern: str) -> re.Pattern[str] | None:
    zeroed = _VALUE_GROUP.sub(lambda m: "0" * (len(m.group(1)) + len(m.group(2))), pattern, count=1)
    try:
        return re.compile(zeroed)
    except re.error:
        log.warning("barcode rule pattern %r is not a valid regular expression; the rule is ignored", pattern)
        return None


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class NomenclatureMatch:
    """What a rule made of a barcode.

    ``code`` is the barcode as matched (after alias and UPC/EAN conversion); ``base_code`` is ``code`` with the
    embedded value zeroed and, for EAN/UPC, the check digit recomputed: it is the barcode stored on the product.
    ``value`` is the embedded number (a weight in the product's unit, a price ...), zero when there is none.
    """

    rule: BarcodeRule
    code: str
    base_code: str
    value: Decimal = Decimal(0)
    has_value: bool = False
    aliased_from: str | None = None

    @property
    def type(self) -> str:
        """The rule's type: product, weight, price, location, lot, package ..."""
        return self.rule.type


# Characters that stand for themselves in a pattern; a run of them at the start is a prefix every match has.
_LITERAL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%_-/:;,=!@#&'\"<> ")
_QUANTIFIERS = frozenset("*+?{")


def literal_prefixes(pattern: str) -> tuple[str, ...]:
    """Prefixes one of which every barcode matching ``pattern`` starts with; ``()`` when none can be told.

    Only plain patterns are read: literal characters at the start (``"23....."`` -> ``("23",)``), or a top-level
    alternation of such (``"043|044"`` -> ``("043", "044")``). A literal followed by a quantifier is optional,
    so the prefix stops before it; anything else (groups, classes, escapes, flags) ends the prefix. Used to skip
    a rule without running its regular expression: it never changes what matches.
    """
    if any(c in pattern for c in "()[]\\"):
        alternatives = [pattern] if "|" not in pattern else []
    else:
        alternatives = pattern.split("|")
    prefixes: list[str] = []
    for alternative in alternatives:
        end = 0
        while end < len(alternative) and alternative[end] in _LITERAL:
            end += 1
        if end < len(alternative) and alternative[end] in _QUANTIFIERS:
            end -= 1
        if end <= 0:
            return ()
        prefixes.append(alternative[:end])
    return tuple(prefixes)


@dataclass(frozen=True, slots=True)
class _PreparedRule:
    """A rule with its pattern compiled and its value group located, once per nomenclature.

    ``prefixes`` (see ``literal_prefixes``) lets a scan skip the rule with a ``startswith``: most rules of a
    nomenclature start with a literal (``23``, ``414``, ``PACK``) and a scan is matched against all of them.
    """

    rule: BarcodeRule
    compiled: re.Pattern[str]
    value_start: int  # -1 when the pattern embeds no value
    whole_len: int
    decimal_len: int
    prefixes: tuple[str, ...] = ()

    @classmethod
    def of(cls, rule: BarcodeRule) -> _PreparedRule | None:
        compiled = rule.compiled()
        if compiled is None:
            return None
        prefixes = literal_prefixes(rule.pattern)
        group = _VALUE_GROUP.search(rule.pattern)
        if group is None:
            return cls(rule, compiled, -1, 0, 0, prefixes)
        return cls(rule, compiled, group.start(), len(group.group(1)), len(group.group(2)), prefixes)

    def match(self, barcode: str) -> tuple[str, Decimal, bool] | None:
        """``(base_code, value, has_value)`` when the pattern matches ``barcode`` the way Odoo reads it."""
        if self.value_start < 0:
            # Odoo matches the pattern at the start of the barcode cut to the pattern's length.
            if self.compiled.match(barcode[: len(self.compiled.pattern)]) is None:
                return None
            return barcode, Decimal(0), False
        # The value sits at the same offset in the barcode as the braces in the pattern: Odoo's convention,
        # which assumes one barcode character per pattern character before the braces (e.g. "21.....").
        start, width = self.value_start, self.whole_len + self.decimal_len
        digits = barcode[start : start + width]
        if len(digits) != width or not (digits.isdigit() and digits.isascii()):
            return None
        base_code = barcode[:start] + "0" * width + barcode[start + width :]
        if self.compiled.match(base_code[: len(self.compiled.pattern)]) is None:
            return None
        return base_code, Decimal(digits).scaleb(-self.decimal_len), True


@dataclass(frozen=True, slots=True)
class _CatchAll:
    """When a barcode starts with none of ``prefixes`` (nor, once UPC/EAN-converted, with ``ean13_prefixes`` or
    ``upca_prefixes``), no rule before ``rule`` can match it, and ``rule`` (pattern ``.*``) matches it as is.

    Most scans are article or bin barcodes that only the catch-all "Product Barcodes" rule matches: this answers
    them with one ``startswith`` instead of walking the rules before it.
    """

    rule: BarcodeRule
    prefixes: tuple[str, ...]
    ean13_prefixes: tuple[str, ...]
    upca_prefixes: tuple[str, ...]

    @classmethod
    def of(cls, rules: Sequence[_PreparedRule], upc2ean: bool, ean2upc: bool) -> _CatchAll | None:
        """The shortcut for ``rules`` (in the order tried), or None when a rule before the catch-all has no
        literal prefix (any barcode might match it) or there is no catch-all."""
        prefixes: list[str] = []
        ean13: list[str] = []
        upca: list[str] = []
        for prepared in rules:
            rule = prepared.rule
            if rule.encoding == "any" and rule.pattern == ".*" and prepared.value_start < 0 and rule.type != "alias":
                return cls(rule, tuple(prefixes), tuple(ean13), tuple(upca))
            if not prepared.prefixes:
                return None
            prefixes.extend(prepared.prefixes)
            if rule.encoding == "ean13" and upc2ean:
                ean13.extend(prepared.prefixes)
            elif rule.encoding == "upca" and ean2upc:
                upca.extend(prepared.prefixes)
        return None

    def matches(self, barcode: str) -> bool:
        """True when the catch-all rule is the first rule that matches ``barcode``."""
        if barcode.startswith(self.prefixes):
            return False
        if self.ean13_prefixes and len(barcode) == 12 and ("0" + barcode).startswith(self.ean13_prefixes):
            return False
        return not (
            self.upca_prefixes and len(barcode) == 13 and barcode[0] == "0"
            and barcode[1:].startswith(self.upca_prefixes)
        )  # fmt: skip


@dataclass(frozen=True)
class Nomenclature:
    """An ordered set of barcode rules (Odoo's ``barcode.nomenclature``).

    ``upc_ean_conv`` says whether a UPC-A scan may match an EAN-13 rule (and the reverse); Odoo's default is
    ``always``. ``gs1_separator`` is the regular expression of FNC1 stand-ins of a GS1 nomenclature.
    """

    name: str
    rules: tuple[BarcodeRule, ...]
    upc_ean_conv: str = "always"
    is_gs1: bool = False
    gs1_separator: str | None = None
    _ordered: tuple[BarcodeRule, ...] = field(init=False, repr=False, compare=False)
    _prepared: tuple[_PreparedRule, ...] = field(init=False, repr=False, compare=False)
    _by_first_char: dict[str, tuple[_PreparedRule, ...]] | None = field(init=False, repr=False, compare=False)
    _no_first_char: tuple[_PreparedRule, ...] = field(init=False, repr=False, compare=False)
    _upc2ean: bool = field(init=False, repr=False, compare=False)
    _ean2upc: bool = field(init=False, repr=False, compare=False)
    _catch_all: dict[str, _CatchAll | None] = field(init=False, repr=False, compare=False)
    _catch_all_no_first_char: _CatchAll | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.rules, key=lambda r: (r.sequence, r.rule_id)))
        object.__setattr__(self, "_ordered", ordered)
        # Non-GS1 rules, compiled once: a nomenclature is matched on every scan.
        prepared = tuple(p for p in (_PreparedRule.of(r) for r in ordered if r.encoding != "gs1-128") if p)
        object.__setattr__(self, "_prepared", prepared)
        # The rules a barcode can match, by its first character, in order: a rule of encoding "any" whose
        # pattern starts with literals is left out of the other characters' lists. EAN/UPC rules stay in every
        # list (their UPC/EAN conversion adds a leading zero), and an alias rewrites the barcode mid-way, so a
        # nomenclature with aliases tries every rule.
        buckets: dict[str, tuple[_PreparedRule, ...]] | None = None
        always = tuple(p for p in prepared if p.rule.encoding != "any" or not p.prefixes)
        if not any(p.rule.type == "alias" for p in prepared):
            firsts = {prefix[0] for p in prepared if p.rule.encoding == "any" for prefix in p.prefixes}
            buckets = {
                first: tuple(
                    p for p in prepared
                    if p.rule.encoding != "any" or not p.prefixes or any(x[0] == first for x in p.prefixes)
                )
                for first in firsts
            }  # fmt: skip
        object.__setattr__(self, "_by_first_char", buckets)
        object.__setattr__(self, "_no_first_char", always if buckets is not None else prepared)
        upc2ean = self.upc_ean_conv in ("upc2ean", "always")
        ean2upc = self.upc_ean_conv in ("ean2upc", "always")
        object.__setattr__(self, "_upc2ean", upc2ean)
        object.__setattr__(self, "_ean2upc", ean2upc)
        catch_all = {first: _CatchAll.of(rules, upc2ean, ean2upc) for first, rules in (buckets or {}).items()}
        object.__setattr__(self, "_catch_all", catch_all)
        object.__setattr__(self, "_catch_all_no_first_char", _CatchAll.of(self._no_first_char, upc2ean, ean2upc))

    @property
    def ordered_rules(self) -> tuple[BarcodeRule, ...]:
        """Rules in the order they are tried: by sequence, then by id."""
        return self._ordered

    def match(self, barcode: str) -> NomenclatureMatch | None:
        """The first non-GS1 rule matching ``barcode`` (following aliases), or None."""
        aliased_from: str | None = None
        # Encoding checks (a check digit each) are asked of the same few strings by many rules: answer once.
        # Made on first use: most scans meet no EAN/UPC rule whose prefix they could match.
        encodings: dict[tuple[str, str], bool] | None = None
        upc2ean, ean2upc = self._upc2ean, self._ean2upc
        buckets = self._by_first_char
        first = barcode[:1]
        if buckets is None or first not in buckets:
            rules, catch_all = self._no_first_char, self._catch_all_no_first_char
        else:
            rules, catch_all = buckets[first], self._catch_all[first]
        if catch_all is not None and catch_all.matches(barcode):
            return NomenclatureMatch(catch_all.rule, barcode, barcode, _ZERO, False, None)
        for prepared in rules:
            rule = prepared.rule
            candidate = barcode
            encoding = rule.encoding
            prefixes = prepared.prefixes
            if encoding != "any":
                # UPC/EAN conversion can only turn a 12-digit UPC-A into '0' + it (for an EAN-13 rule), or an
                # EAN-13 starting with 0 into the 12 digits after it (for a UPC-A rule); anything else is matched
                # as scanned. The literal prefix is tested on what the candidate can be before any check digit.
                if encoding == "ean13" and upc2ean and len(barcode) == 12:
                    if prefixes and not (barcode.startswith(prefixes) or ("0" + barcode).startswith(prefixes)):
                        continue
                    if encodings is None:
                        encodings = {}
                    if _encoded(encodings, barcode, "upca"):
                        candidate = upca_to_ean13(barcode)
                elif encoding == "upca" and ean2upc and len(barcode) == 13 and barcode[0] == "0":
                    if prefixes and not (barcode.startswith(prefixes) or barcode[1:].startswith(prefixes)):
                        continue
                    if encodings is None:
                        encodings = {}
                    if _encoded(encodings, barcode, "ean13"):
                        candidate = ean13_to_upca(barcode) or barcode
                # The pattern's literal prefix is cheaper to test than the check digit; both must hold.
                if prefixes and not candidate.startswith(prefixes):
                    continue
                if encodings is None:
                    encodings = {}
                if not _encoded(encodings, candidate, encoding):
                    continue
            elif prefixes and not candidate.startswith(prefixes):
                continue
            matched = prepared.match(candidate)
            if matched is None:
                continue
            base_code, value, has_value = matched
            if rule.type == "alias":
                # Odoo rewrites the barcode and keeps going with the following rules.
                aliased_from = aliased_from or barcode
                barcode = rule.alias or barcode
                continue
            if encoding in ("ean13", "ean8", "upca") and has_value:
                base_code = with_check_digit(base_code[:-1])
            return NomenclatureMatch(rule, candidate, base_code, value, has_value, aliased_from)
        return None

    def classify_gs1_element(self, ai: str, raw: str) -> BarcodeRule | None:
        """The GS1-128 rule of this nomenclature whose ``(AI)(data)`` pattern matches an element, or None."""
        for rule in self._ordered:
            if rule.encoding != "gs1-128":
                continue
            try:
                if re.fullmatch(rule.pattern, ai + raw) is not None:
                    return rule
            except re.error:
                continue
        return None

    def normalize_separators(self, text: str) -> str:
        """Replace this GS1 nomenclature's FNC1 stand-ins (``#``, ``Alt029`` ...) by the GS byte."""
        if not (self.is_gs1 and self.gs1_separator):
            return text
        try:
            return re.sub(self.gs1_separator, GS, text)
        except re.error:
            return text

    @classmethod
    def from_odoo(cls, nomenclature: Mapping[str, Any], rules: Iterable[Mapping[str, Any]]) -> Nomenclature:
        """Build from Odoo ``read`` results of ``barcode.nomenclature`` and its ``barcode.rule`` records.

        Odoo answers ``False`` for empty fields and ``[id, name]`` for many2ones; both are handled.
        """

        def text(value: Any) -> str | None:
            return value if isinstance(value, str) and value else None

        def many2one(value: Any) -> int | None:
            if isinstance(value, list | tuple) and value:
                return int(value[0])
            return int(value) if isinstance(value, int) and not isinstance(value, bool) and value else None

        built = tuple(
            BarcodeRule(
                name=text(r.get("name")) or "",
                type=text(r.get("type")) or "product",
                pattern=text(r.get("pattern")) or ".*",
                encoding=text(r.get("encoding")) or "any",
                sequence=int(r.get("sequence") or 0),
                alias=text(r.get("alias")),
                rule_id=int(r.get("id") or 0),
                gs1_content_type=text(r.get("gs1_content_type")),
                gs1_decimal_usage=bool(r.get("gs1_decimal_usage")),
                associated_uom_id=many2one(r.get("associated_uom_id")),
            )
            for r in rules
        )
        return cls(
            name=text(nomenclature.get("name")) or "Nomenclature",
            rules=built,
            upc_ean_conv=text(nomenclature.get("upc_ean_conv")) or "always",
            is_gs1=bool(nomenclature.get("is_gs1_nomenclature")),
            gs1_separator=text(nomenclature.get("gs1_separator_fnc1")),
        )


def _rules(rows: Sequence[tuple[str, str, str, str]], start: int = 10, step: int = 10) -> tuple[BarcodeRule, ...]:
    return tuple(
        BarcodeRule(name=name, type=type_, encoding=encoding, pattern=pattern, sequence=start + i * step)
        for i, (name, type_, encoding, pattern) in enumerate(rows)
    )


DEFAULT_NOMENCLATURE = Nomenclature(
    name="Default Nomenclature",
    # Odoo's "Default Nomenclature" as documented for Odoo 17/18 (with point of sale and inventory installed).
    rules=_rules(
        [
            ("Price Barcodes 2 Decimals", "price", "ean13", "23.....{NNNDD}"),
            ("Discount Barcodes", "discount", "any", "22{NN}"),
            ("Weight Barcodes 3 Decimals", "weight", "ean13", "21.....{NNDDD}"),
            ("Customer Barcodes", "client", "any", "042"),
            ("Coupon & Gift Card Barcodes", "coupon", "any", "043|044"),
            ("Cashier Barcodes", "cashier", "any", "041"),
            ("Location barcodes", "location", "any", "414"),
            ("Package barcodes", "package", "any", "PACK"),
            ("Lot barcodes", "lot", "any", "10"),
            ("Magnetic Credit Card", "credit", "any", "%.*"),
            ("Product Barcodes", "product", "any", ".*"),
        ]
    ),
)
"""Odoo's default nomenclature, used until the site's own rules are pulled."""

_GS1_ALPHA = r"""([!"%-/0-9:-?A-Z_a-z]{0,20})"""

DEFAULT_GS1_NOMENCLATURE = Nomenclature(
    name="Default GS1 Nomenclature",
    is_gs1=True,
    gs1_separator=DEFAULT_GS1_SEPARATOR,
    rules=(
        BarcodeRule("Serial Shipping Container Code", "package", r"(00)(\d{18})", "gs1-128", 100,
                    gs1_content_type="identifier"),
        BarcodeRule("Global Trade Item Number (GTIN)", "product", r"(01)(\d{14})", "gs1-128", 101,
                    gs1_content_type="identifier"),
        BarcodeRule("GTIN of contained trade items", "product", r"(02)(\d{14})", "gs1-128", 102,
                    gs1_content_type="identifier"),
        BarcodeRule("Ship to / Deliver to GLN", "location_dest", r"(410)(\d{13})", "gs1-128", 110,
                    gs1_content_type="identifier"),
        BarcodeRule("Ship for / Deliver for - Forward to GLN", "location_dest", r"(413)(\d{13})", "gs1-128", 113,
                    gs1_content_type="identifier"),
        BarcodeRule("Identification of a physical location (GLN)", "location", r"(414)(\d{13})", "gs1-128", 114,
                    gs1_content_type="identifier"),
        BarcodeRule("Batch or lot number", "lot", "(10)" + _GS1_ALPHA, "gs1-128", 125, gs1_content_type="alpha"),
        BarcodeRule("Serial number", "lot", "(21)" + _GS1_ALPHA, "gs1-128", 126, gs1_content_type="alpha"),
        BarcodeRule("Pack date (YYMMDD)", "pack_date", r"(13)(\d{6})", "gs1-128", 137, gs1_content_type="date"),
        BarcodeRule("Best before date (YYMMDD)", "use_date", r"(15)(\d{6})", "gs1-128", 138,
                    gs1_content_type="date"),
        BarcodeRule("Expiration date (YYMMDD)", "expiration_date", r"(17)(\d{6})", "gs1-128", 139,
                    gs1_content_type="date"),
        BarcodeRule("Variable count of items", "quantity", r"(30)(\d{0,8})", "gs1-128", 300,
                    gs1_content_type="measure"),
        BarcodeRule("Count of trade items in a logistic unit", "quantity", r"(37)(\d{0,8})", "gs1-128", 305,
                    gs1_content_type="measure"),
        BarcodeRule("Net weight, kilograms", "quantity", r"(310[0-5])(\d{6})", "gs1-128", 310,
                    gs1_content_type="measure", gs1_decimal_usage=True),
        BarcodeRule("Length, metres", "quantity", r"(311[0-5])(\d{6})", "gs1-128", 311,
                    gs1_content_type="measure", gs1_decimal_usage=True),
        BarcodeRule("Area, square metres", "quantity", r"(314[0-5])(\d{6})", "gs1-128", 314,
                    gs1_content_type="measure", gs1_decimal_usage=True),
        BarcodeRule("Net volume, litres", "quantity", r"(315[0-5])(\d{6})", "gs1-128", 315,
                    gs1_content_type="measure", gs1_decimal_usage=True),
        BarcodeRule("Length, inches", "quantity", r"(321[0-5])(\d{6})", "gs1-128", 321,
                    gs1_content_type="measure", gs1_decimal_usage=True),
        BarcodeRule("Length, feet", "quantity", r"(322[0-5])(\d{6})", "gs1-128", 322,
                    gs1_content_type="measure", gs1_decimal_usage=True),
        BarcodeRule("Area, square feet", "quantity", r"(351[0-5])(\d{6})", "gs1-128", 351,
                    gs1_content_type="measure", gs1_decimal_usage=True),
        BarcodeRule("Package type", "package_type", r"""(91)([!"%-/0-9:-?A-Z_a-z]{0,90})""", "gs1-128", 500,
                    gs1_content_type="alpha"),
        *_rules([("Product Barcodes", "product", "any", ".*")], start=1000),
    ),
)  # fmt: skip
"""Odoo's "Default GS1 Nomenclature" (barcodes_gs1_nomenclature), with a catch-all product rule for non-GS1 codes."""

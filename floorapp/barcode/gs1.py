"""GS1 element strings: the application identifier table, check digits, dates, parsing and encoding.

The AI table follows the GS1 General Specifications (section 3, "GS1 Application Identifier definitions",
and figure 7.8.5-2 for the AIs with a predefined length that never need an FNC1 separator). Parsing is
strict about structure (lengths, character sets, dates, check digits) because a mis-read lot or expiry on
the floor is worse than a refused scan; every malformed input raises :class:`GS1ParseError` and nothing else.
"""

from __future__ import annotations

import calendar
import enum
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from urllib.parse import parse_qsl, unquote, urlsplit

from floorapp.barcode.frozen import fast_frozen_init
from floorapp.errors import InputRejected
from floorapp.user_text import QT_TRANSLATE_NOOP, SourceText, UserText, user_text

GS = "\x1d"

# Character sets of the GS1 General Specifications, figure 7.11-1 (set 82), 7.11-2 (set 39) and 7.11-3 (set 64).
_CSET82 = r"""[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]"""
_CSET39 = r"[#\-/0-9A-Z]"
_CSET64 = r"[A-Za-z0-9_\-=]"

# First two digits of the AIs whose element string length is predefined (GS1 GenSpecs figure 7.8.5-2). Only
# these may be followed by another element without an FNC1; every other element needs a separator unless last.
PREDEFINED_LENGTH_PREFIXES: dict[str, int] = {
    "00": 20, "01": 16, "02": 16, "03": 16, "04": 18, "11": 8, "12": 8, "13": 8, "14": 8, "15": 8, "16": 8,
    "17": 8, "18": 8, "19": 8, "20": 4, "31": 10, "32": 10, "33": 10, "34": 10, "35": 10, "36": 10, "41": 16,
}  # fmt: skip


class GS1ParseError(InputRejected):
    """A scanned GS1 element string is malformed: unknown AI, wrong length, bad check digit, impossible date.

    ``position`` is the index in the (normalised) text where reading failed, for support tools.
    """

    def __init__(
        self, user_message: str | UserText, *, position: int | None = None, detail: str | None = None
    ) -> None:
        super().__init__(user_message, detail=detail)
        self.position = position


class Kind(enum.Enum):
    """How an AI's data is interpreted beyond its raw digits or characters."""

    TEXT = "text"
    GTIN = "gtin"  # 14 digits with a GS1 check digit
    SSCC = "sscc"  # 18 digits with a GS1 check digit
    GLN = "gln"  # 13 digits with a GS1 check digit
    CHECKED = "checked"  # other fixed-length keys ending in a GS1 check digit (GSIN, first part of GDTI ...)
    DATE = "date"  # YYMMDD, day 00 allowed meaning the last day of the month
    DATETIME = "datetime"  # YYMMDDHH[MM[SS]] or YYMMDDHHMM
    COUNT = "count"  # an integer count of items
    DECIMAL = "decimal"  # N6 (or N..15) with the decimal point position in the AI's last digit
    MONEY = "money"  # ISO 4217 numeric currency + amount with implied decimals
    COUNTRY = "country"  # ISO 3166 numeric country code(s)


@dataclass(frozen=True, slots=True)
class AIDefinition:
    """One GS1 application identifier: its data format and meaning.

    ``fmt`` is the data format in the General Specifications' notation without the AI part, e.g. ``"N14"``,
    ``"X..20"``, ``"N3+X..9"``. ``decimals`` is the implied decimal point position for measure and amount AIs.
    """

    ai: str
    title: str
    description: str
    fmt: str
    kind: Kind = Kind.TEXT
    decimals: int | None = None
    unit: str | None = None

    @property
    def fixed_length(self) -> int | None:
        """Length of the data when every component is fixed and mandatory, else None."""
        return _fixed_length(self.fmt)

    @property
    def max_length(self) -> int:
        """Longest data allowed."""
        return _max_length(self.fmt)

    @property
    def predefined_length(self) -> bool:
        """True when no FNC1 separator is needed after this element (GS1 figure 7.8.5-2)."""
        return self.ai[:2] in PREDEFINED_LENGTH_PREFIXES

    @property
    def pattern(self) -> re.Pattern[str]:
        """A regular expression the data must match completely."""
        return _format_regex(self.fmt)


# The three below are asked of every element of every scan, of a few dozen distinct formats: computed once each.


@functools.cache
def _fixed_length(fmt: str) -> int | None:
    total = 0
    for part in fmt.split("+"):
        if ".." in part or part.startswith("["):
            return None
        total += int(part[1:])
    return total


@functools.cache
def _max_length(fmt: str) -> int:
    parts = (part.strip("[]") for part in fmt.split("+"))
    return sum(int(part.split("..")[-1] if ".." in part else part[1:]) for part in parts)


@functools.cache
def _format_regex(fmt: str) -> re.Pattern[str]:
    # Components joined by "+"; "[...]" marks an optional final component (GS1 Syntax Dictionary notation).
    parts: list[str] = []
    for component in fmt.split("+"):
        optional = component.startswith("[")
        part = component.strip("[]")
        charset = {"N": r"\d", "X": _CSET82, "Y": _CSET39, "Z": _CSET64}[part[0]]
        spec = part[1:]
        if spec.startswith(".."):
            regex = f"{charset}{{1,{spec[2:]}}}"
        elif ".." in spec:
            low, high = spec.split("..")
            regex = f"{charset}{{{low},{high}}}"
        else:
            regex = f"{charset}{{{spec}}}"
        parts.append(f"(?:{regex})?" if optional else regex)
    # ASCII only: Python's \d would otherwise accept Arabic-Indic and other Unicode digits.
    return re.compile("".join(parts), re.ASCII)


def _build_table() -> dict[str, AIDefinition]:
    table: dict[str, AIDefinition] = {}

    def add(
        ai: str,
        title: str,
        description: str,
        fmt: str,
        kind: Kind = Kind.TEXT,
        *,
        decimals: int | None = None,
        unit: str | None = None,
    ) -> None:
        table[ai] = AIDefinition(ai, title, description, fmt, kind, decimals, unit)

    add("00", "SSCC", "Serial Shipping Container Code", "N18", Kind.SSCC)
    add("01", "GTIN", "Global Trade Item Number", "N14", Kind.GTIN)
    add("02", "CONTENT", "GTIN of contained trade items", "N14", Kind.GTIN)
    add("03", "MTO GTIN", "GTIN of a made-to-order trade item", "N14", Kind.GTIN)
    add("10", "BATCH/LOT", "Batch or lot number", "X..20")
    add("11", "PROD DATE", "Production date", "N6", Kind.DATE)
    add("12", "DUE DATE", "Due date", "N6", Kind.DATE)
    add("13", "PACK DATE", "Packaging date", "N6", Kind.DATE)
    add("15", "BEST BEFORE", "Best before date", "N6", Kind.DATE)
    add("16", "SELL BY", "Sell by date", "N6", Kind.DATE)
    add("17", "USE BY", "Expiration date", "N6", Kind.DATE)
    add("20", "VARIANT", "Internal product variant", "N2")
    add("21", "SERIAL", "Serial number", "X..20")
    add("22", "CPV", "Consumer product variant", "X..20")
    add("235", "TPX", "Third-party controlled serialised extension of GTIN", "X..28")
    add("240", "ADDITIONAL ID", "Additional product identification assigned by the manufacturer", "X..30")
    add("241", "CUST. PART No.", "Customer part number", "X..30")
    add("242", "MTO VARIANT", "Made-to-order variation number", "N..6")
    add("243", "PCN", "Packaging component number", "X..20")
    add("250", "SECONDARY SERIAL", "Secondary serial number", "X..30")
    add("251", "REF. TO SOURCE", "Reference to source entity", "X..30")
    add("253", "GDTI", "Global Document Type Identifier", "N13+[X..17]")
    add("254", "GLN EXTENSION COMPONENT", "GLN extension component", "X..20")
    add("255", "GCN", "Global Coupon Number", "N13+[N..12]")
    add("30", "VAR. COUNT", "Count of items in a variable measure trade item", "N..8", Kind.COUNT)
    add("37", "COUNT", "Count of trade items contained in a logistic unit", "N..8", Kind.COUNT)

    # Measures: AI "3" + two digits + n, where n is the number of decimals (GS1 GenSpecs 3.6).
    measures = {
        "310": ("NET WEIGHT (kg)", "Net weight", "kg"), "311": ("LENGTH (m)", "Length", "m"),
        "312": ("WIDTH (m)", "Width", "m"), "313": ("HEIGHT (m)", "Height", "m"),
        "314": ("AREA (m2)", "Area", "m2"), "315": ("NET VOLUME (l)", "Net volume", "l"),
        "316": ("NET VOLUME (m3)", "Net volume", "m3"), "320": ("NET WEIGHT (lb)", "Net weight", "lb"),
        "321": ("LENGTH (in)", "Length", "in"), "322": ("LENGTH (ft)", "Length", "ft"),
        "323": ("LENGTH (yd)", "Length", "yd"), "324": ("WIDTH (in)", "Width", "in"),
        "325": ("WIDTH (ft)", "Width", "ft"), "326": ("WIDTH (yd)", "Width", "yd"),
        "327": ("HEIGHT (in)", "Height", "in"), "328": ("HEIGHT (ft)", "Height", "ft"),
        "329": ("HEIGHT (yd)", "Height", "yd"), "330": ("GROSS WEIGHT (kg)", "Logistic gross weight", "kg"),
        "331": ("LENGTH (m), log", "Logistic length", "m"), "332": ("WIDTH (m), log", "Logistic width", "m"),
        "333": ("HEIGHT (m), log", "Logistic height", "m"), "334": ("AREA (m2), log", "Logistic area", "m2"),
        "335": ("VOLUME (l), log", "Logistic volume", "l"), "336": ("VOLUME (m3), log", "Logistic volume", "m3"),
        "337": ("KG PER m2", "Kilograms per square metre", "kg/m2"),
        "340": ("GROSS WEIGHT (lb)", "Logistic gross weight", "lb"),
        "341": ("LENGTH (in), log", "Logistic length", "in"), "342": ("LENGTH (ft), log", "Logistic length", "ft"),
        "343": ("LENGTH (yd), log", "Logistic length", "yd"), "344": ("WIDTH (in), log", "Logistic width", "in"),
        "345": ("WIDTH (ft), log", "Logistic width", "ft"), "346": ("WIDTH (yd), log", "Logistic width", "yd"),
        "347": ("HEIGHT (in), log", "Logistic height", "in"), "348": ("HEIGHT (ft), log", "Logistic height", "ft"),
        "349": ("HEIGHT (yd), log", "Logistic height", "yd"), "350": ("AREA (in2)", "Area", "in2"),
        "351": ("AREA (ft2)", "Area", "ft2"), "352": ("AREA (yd2)", "Area", "yd2"),
        "353": ("AREA (in2), log", "Logistic area", "in2"), "354": ("AREA (ft2), log", "Logistic area", "ft2"),
        "355": ("AREA (yd2), log", "Logistic area", "yd2"), "356": ("NET WEIGHT (t oz)", "Net weight", "oz t"),
        "357": ("NET VOLUME (oz)", "Net volume", "fl oz"), "360": ("NET VOLUME (qt)", "Net volume", "qt"),
        "361": ("NET VOLUME (gal.)", "Net volume", "gal"), "362": ("VOLUME (qt), log", "Logistic volume", "qt"),
        "363": ("VOLUME (gal.), log", "Logistic volume", "gal"), "364": ("VOLUME (in3)", "Net volume", "in3"),
        "365": ("VOLUME (ft3)", "Net volume", "ft3"), "366": ("VOLUME (yd3)", "Net volume", "yd3"),
        "367": ("VOLUME (in3), log", "Logistic volume", "in3"), "368": ("VOLUME (ft3), log", "Logistic volume", "ft3"),
        "369": ("VOLUME (yd3), log", "Logistic volume", "yd3"),
    }  # fmt: skip
    for prefix, (title, description, unit) in measures.items():
        for n in range(6):  # the decimal point may sit at positions 0 to 5 only
            add(f"{prefix}{n}", title, description, "N6", Kind.DECIMAL, decimals=n, unit=unit)
    for n in range(10):
        add(f"390{n}", "AMOUNT", "Amount payable, local currency", "N..15", Kind.DECIMAL, decimals=n)
        add(f"391{n}", "AMOUNT", "Amount payable with ISO currency code", "N3+N..15", Kind.MONEY, decimals=n)
        add(f"392{n}", "PRICE", "Amount payable for a variable measure item, local currency", "N..15",
            Kind.DECIMAL, decimals=n)  # fmt: skip
        add(f"393{n}", "PRICE", "Amount payable for a variable measure item, ISO currency", "N3+N..15",
            Kind.MONEY, decimals=n)  # fmt: skip
    for n in range(6):
        add(f"395{n}", "PRICE/UoM", "Amount payable per unit of measure", "N6", Kind.DECIMAL, decimals=n)
    for n in range(4):
        add(f"394{n}", "PRCNT OFF", "Percentage discount of a coupon", "N4", Kind.DECIMAL, decimals=n)

    add("400", "ORDER NUMBER", "Customer's purchase order number", "X..30")
    add("401", "GINC", "Global Identification Number for Consignment", "X..30")
    add("402", "GSIN", "Global Shipment Identification Number", "N17", Kind.CHECKED)
    add("403", "ROUTE", "Routing code", "X..30")
    add("410", "SHIP TO LOC", "Ship to / deliver to GLN", "N13", Kind.GLN)
    add("411", "BILL TO", "Bill to / invoice to GLN", "N13", Kind.GLN)
    add("412", "PURCHASE FROM", "Purchased from GLN", "N13", Kind.GLN)
    add("413", "SHIP FOR LOC", "Ship for / deliver for / forward to GLN", "N13", Kind.GLN)
    add("414", "LOC No.", "Identification of a physical location (GLN)", "N13", Kind.GLN)
    add("415", "PAY TO", "GLN of the invoicing party", "N13", Kind.GLN)
    add("416", "PROD/SERV LOC", "GLN of the production or service location", "N13", Kind.GLN)
    add("417", "PARTY", "Party GLN", "N13", Kind.GLN)
    add("420", "SHIP TO POST", "Ship to / deliver to postal code within a single postal authority", "X..20")
    add("421", "SHIP TO POST", "Ship to / deliver to postal code with ISO country code", "N3+X..9")
    add("422", "ORIGIN", "Country of origin of a trade item", "N3", Kind.COUNTRY)
    add("423", "COUNTRY - INITIAL PROCESS.", "Country of initial processing", "N3+[N..12]", Kind.COUNTRY)
    add("424", "COUNTRY - PROCESS.", "Country of processing", "N3", Kind.COUNTRY)
    add("425", "COUNTRY - DISASSEMBLY", "Country of disassembly", "N3+[N..12]", Kind.COUNTRY)
    add("426", "COUNTRY - FULL PROCESS", "Country covering the full process chain", "N3", Kind.COUNTRY)
    add("427", "ORIGIN SUBDIVISION", "Country subdivision of origin", "X..3")
    for ai, title, fmt in (
        ("4300", "SHIP TO COMP", "X..35"), ("4301", "SHIP TO NAME", "X..35"), ("4302", "SHIP TO ADD1", "X..70"),
        ("4303", "SHIP TO ADD2", "X..70"), ("4304", "SHIP TO SUB", "X..70"), ("4305", "SHIP TO LOC", "X..70"),
        ("4306", "SHIP TO REG", "X..70"), ("4307", "SHIP TO COUNTRY", "X2"), ("4308", "SHIP TO PHONE", "X..30"),
        ("4309", "SHIP TO GEO", "N20"), ("4310", "RTN TO COMP", "X..35"), ("4311", "RTN TO NAME", "X..35"),
        ("4312", "RTN TO ADD1", "X..70"), ("4313", "RTN TO ADD2", "X..70"), ("4314", "RTN TO SUB", "X..70"),
        ("4315", "RTN TO LOC", "X..70"), ("4316", "RTN TO REG", "X..70"), ("4317", "RTN TO COUNTRY", "X2"),
        ("4318", "RTN TO POST", "X..20"), ("4319", "RTN TO PHONE", "X..30"), ("4320", "SRV DESCRIPTION", "X..35"),
        ("4321", "DANGEROUS GOODS", "N1"), ("4322", "AUTH LEAVE", "N1"), ("4323", "SIG REQUIRED", "N1"),
        ("4330", "MAX TEMP F.", "N6+[X1]"), ("4331", "MAX TEMP C.", "N6+[X1]"),
        ("4332", "MIN TEMP F.", "N6+[X1]"), ("4333", "MIN TEMP C.", "N6+[X1]"),
    ):  # fmt: skip
        add(ai, title, title.title(), fmt)
    # Day 00 and time 9999 ("not known") are allowed here, so these stay text rather than datetimes.
    add("4324", "NBEF DEL DT.", "Not before delivery date and time (YYMMDDHHMM)", "N10")
    add("4325", "NAFT DEL DT.", "Not after delivery date and time (YYMMDDHHMM)", "N10")
    add("4326", "REL DATE", "Release date", "N6", Kind.DATE)

    add("7001", "NSN", "NATO Stock Number", "N13")
    add("7002", "MEAT CUT", "UN/ECE meat carcasses and cuts classification", "X..30")
    add("7003", "EXPIRY TIME", "Expiration date and time", "N10", Kind.DATETIME)
    add("7004", "ACTIVE POTENCY", "Active potency", "N..4")
    add("7005", "CATCH AREA", "Catch area", "X..12")
    add("7006", "FIRST FREEZE DATE", "First freeze date", "N6", Kind.DATE)
    add("7007", "HARVEST DATE", "Harvest date or date range", "N6+[N6]")
    add("7008", "AQUATIC SPECIES", "Species for fishery purposes", "X..3")
    add("7009", "FISHING GEAR TYPE", "Fishing gear type", "X..10")
    add("7010", "PROD METHOD", "Production method", "X..2")
    add("7011", "TEST BY DATE", "Test by date (YYMMDD[HHMM])", "N6+[N4]")
    add("7020", "REFURB LOT", "Refurbishment lot ID", "X..20")
    add("7021", "FUNC STAT", "Functional status", "X..20")
    add("7022", "REV STAT", "Revision status", "X..20")
    add("7023", "GIAI - ASSEMBLY", "Global Individual Asset Identifier of an assembly", "X..30")
    for s in range(10):
        add(f"703{s}", f"PROCESSOR # {s}", "Number of processor with ISO country code", "N3+X..27")
    add("7040", "UIC+EXT", "GS1 UIC with extension 1 and importer index", "N1+X3")
    for ai in ("710", "711", "712", "713", "714", "715", "716"):
        add(ai, f"NHRN ({ai})", "National Healthcare Reimbursement Number", "X..20")
    for k in range(10):
        add(f"723{k}", f"CERT # {k + 1}", "Certification reference", "X2+X..28")
    add("7240", "PROTOCOL", "Protocol ID", "X..20")
    add("7241", "AIDC MEDIA TYPE", "AIDC media type", "N2")
    add("7242", "VCN", "Version Control Number", "X..25")
    add("8001", "DIMENSIONS", "Roll products: width, length, core diameter, direction, splices", "N14")
    add("8002", "CMT No.", "Cellular mobile telephone identifier", "X..20")
    add("8003", "GRAI", "Global Returnable Asset Identifier", "N14+[X..16]")
    add("8004", "GIAI", "Global Individual Asset Identifier", "X..30")
    add("8005", "PRICE PER UNIT", "Price per unit of measure", "N6")
    add("8006", "ITIP", "Identification of an individual trade item piece", "N14+N2+N2")
    add("8007", "IBAN", "International Bank Account Number", "X..34")
    add("8008", "PROD TIME", "Date and time of production (YYMMDDHH[MM[SS]])", "N8+[N..4]", Kind.DATETIME)
    add("8009", "OPTSEN", "Optically readable sensor indicator", "X..50")
    add("8010", "CPID", "Component / Part Identifier", "Y..30")
    add("8011", "CPID SERIAL", "Component / Part Identifier serial number", "N..12")
    add("8012", "VERSION", "Software version", "X..20")
    add("8013", "GMN", "Global Model Number", "X..25")
    add("8017", "GSRN - PROVIDER", "Global Service Relation Number of a provider", "N18", Kind.CHECKED)
    add("8018", "GSRN - RECIPIENT", "Global Service Relation Number of a recipient", "N18", Kind.CHECKED)
    add("8019", "SRIN", "Service Relation Instance Number", "N..10")
    add("8020", "REF No.", "Payment slip reference number", "X..25")
    add("8026", "ITIP CONTENT", "Identification of pieces of a trade item contained in a logistic unit", "N14+N2+N2")
    add("8030", "DIGSIG", "Digital signature", "Z..90")
    add("8110", "COUPON", "Coupon code identification (North America)", "X..70")
    add("8111", "POINTS", "Loyalty points of a coupon", "N4")
    add("8112", "COUPON", "Paperless coupon code identification (North America)", "X..70")
    add("8200", "PRODUCT URL", "Extended packaging URL", "X..70")
    add("90", "INTERNAL", "Information mutually agreed between trading partners", "X..30")
    for ai in ("91", "92", "93", "94", "95", "96", "97", "98", "99"):
        add(ai, "INTERNAL", "Company internal information", "X..90")
    return table


AI_TABLE: dict[str, AIDefinition] = _build_table()
"""Every application identifier FloorApp understands, by AI."""

# The names of the AIs a warehouse meets, marked for translation. The source is the description in lower
# case, as the English messages show it; the other AIs are named in English in every language. Read only
# when a message is made, never on a scan that parses.
_AI_NAMES: dict[str, SourceText] = {
    "Serial Shipping Container Code": QT_TRANSLATE_NOOP("GS1", "serial shipping container code"),
    "Global Trade Item Number": QT_TRANSLATE_NOOP("GS1", "global trade item number"),
    "GTIN of contained trade items": QT_TRANSLATE_NOOP("GS1", "gtin of contained trade items"),
    "Batch or lot number": QT_TRANSLATE_NOOP("GS1", "batch or lot number"),
    "Production date": QT_TRANSLATE_NOOP("GS1", "production date"),
    "Due date": QT_TRANSLATE_NOOP("GS1", "due date"),
    "Packaging date": QT_TRANSLATE_NOOP("GS1", "packaging date"),
    "Best before date": QT_TRANSLATE_NOOP("GS1", "best before date"),
    "Sell by date": QT_TRANSLATE_NOOP("GS1", "sell by date"),
    "Expiration date": QT_TRANSLATE_NOOP("GS1", "expiration date"),
    "Internal product variant": QT_TRANSLATE_NOOP("GS1", "internal product variant"),
    "Serial number": QT_TRANSLATE_NOOP("GS1", "serial number"),
    "Count of items in a variable measure trade item":
        QT_TRANSLATE_NOOP("GS1", "count of items in a variable measure trade item"),
    "Count of trade items contained in a logistic unit":
        QT_TRANSLATE_NOOP("GS1", "count of trade items contained in a logistic unit"),
    "Net weight": QT_TRANSLATE_NOOP("GS1", "net weight"),
    "Length": QT_TRANSLATE_NOOP("GS1", "length"),
    "Width": QT_TRANSLATE_NOOP("GS1", "width"),
    "Height": QT_TRANSLATE_NOOP("GS1", "height"),
    "Area": QT_TRANSLATE_NOOP("GS1", "area"),
    "Net volume": QT_TRANSLATE_NOOP("GS1", "net volume"),
    "Logistic gross weight": QT_TRANSLATE_NOOP("GS1", "logistic gross weight"),
    "Logistic length": QT_TRANSLATE_NOOP("GS1", "logistic length"),
    "Logistic width": QT_TRANSLATE_NOOP("GS1", "logistic width"),
    "Logistic height": QT_TRANSLATE_NOOP("GS1", "logistic height"),
    "Logistic area": QT_TRANSLATE_NOOP("GS1", "logistic area"),
    "Logistic volume": QT_TRANSLATE_NOOP("GS1", "logistic volume"),
    "Customer's purchase order number": QT_TRANSLATE_NOOP("GS1", "customer's purchase order number"),
    "Identification of a physical location (GLN)":
        QT_TRANSLATE_NOOP("GS1", "identification of a physical location (gln)"),
    "Country of origin of a trade item": QT_TRANSLATE_NOOP("GS1", "country of origin of a trade item"),
    "Expiration date and time": QT_TRANSLATE_NOOP("GS1", "expiration date and time"),
}


def _ai_name(definition: AIDefinition) -> UserText:
    """The AI's description for a message: translated for the AIs a warehouse meets, English otherwise."""
    marked = _AI_NAMES.get(definition.description)
    return user_text(marked) if marked is not None else UserText.verbatim(definition.description.lower())



def lookup_ai(data: str, position: int = 0) -> AIDefinition | None:
    """The AI definition whose AI starts ``data`` at ``position`` (AIs are prefix-free), or None."""
    for size in (2, 3, 4):
        definition = AI_TABLE.get(data[position : position + size])
        if definition is not None:
            return definition
    return None


# ---------------------------------------------------------------------------------------------- check digits


def gs1_check_digit(digits: str) -> int:
    """The GS1 mod-10 check digit for ``digits`` (the number without its check digit).

    Weights 3 and 1 alternate starting with 3 on the rightmost digit (GS1 GenSpecs 7.9.1); the same
    algorithm serves GTIN-8/12/13/14, SSCC, GLN, GSIN and GSRN.
    """
    if not digits.isdigit() or not digits.isascii():
        raise GS1ParseError(
            QT_TRANSLATE_NOOP("GS1", "A check digit can only be computed over digits."),
            detail=f"not digits: {digits!r}",
        )
    # Resolution computes check digits on every scan: summing the ASCII bytes (then taking off '0' = 48 per
    # digit) runs in C, three times faster than converting each digit with int().
    raw = digits.encode("ascii")
    weight3 = raw[-1::-2]  # the rightmost digit and every second one to its left
    weight1 = raw[-2::-2]
    total = 3 * (sum(weight3) - 48 * len(weight3)) + sum(weight1) - 48 * len(weight1)
    return (10 - total % 10) % 10


def has_valid_check_digit(number: str) -> bool:
    """True when the last digit of ``number`` is the GS1 check digit of the others; False for non-digits."""
    if len(number) < 2 or not number.isdigit() or not number.isascii():
        return False
    # Asked of every GTIN scanned (twice for a GS1 one): the check digit is right exactly when the weighted sum of
    # all the digits, the check digit weighing 1, is a multiple of ten; summed on the bytes as gs1_check_digit does.
    raw = number.encode("ascii")
    weight1 = raw[-1::-2]  # the check digit and every second digit to its left
    weight3 = raw[-2::-2]
    return (sum(weight1) - 48 * len(weight1) + 3 * (sum(weight3) - 48 * len(weight3))) % 10 == 0


def with_check_digit(digits: str) -> str:
    """``digits`` followed by their GS1 check digit."""
    return digits + str(gs1_check_digit(digits))


def gtin14(gtin: str) -> str:
    """A GTIN-8, -12, -13 or -14 as 14 digits (left-padded with zeros), the form Odoo and AI 01 compare on."""
    return gtin.rjust(14, "0")


def is_valid_gtin(code: str) -> bool:
    """True for an 8, 12, 13 or 14 digit code with a correct check digit."""
    return len(code) in (8, 12, 13, 14) and has_valid_check_digit(code)


# ---------------------------------------------------------------------------------------------- dates


def resolve_century(yy: int, today: date) -> int:
    """The four-digit year for a two-digit ``yy`` by the GS1 century rule (GenSpecs 7.12).

    With the current year's last two digits as reference: a difference of 51 to 99 years ahead means the
    previous century, 50 to 99 years behind means the next century, anything else the current one.
    """
    current_century, current_yy = divmod(today.year, 100)
    difference = yy - current_yy
    if 51 <= difference <= 99:
        return (current_century - 1) * 100 + yy
    if -99 <= difference <= -50:
        return (current_century + 1) * 100 + yy
    return current_century * 100 + yy


def parse_gs1_date(yymmdd: str, today: date, *, allow_day_zero: bool = True) -> date:
    """A YYMMDD GS1 date; day 00 means the last day of that month (leap years included)."""
    if len(yymmdd) != 6 or not yymmdd.isdigit() or not yymmdd.isascii():
        raise GS1ParseError(
            QT_TRANSLATE_NOOP("GS1", "The date in the barcode is not six digits (YYMMDD)."),
            detail=f"bad date {yymmdd!r}",
        )
    yy, mm, dd = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6])
    if not 1 <= mm <= 12:
        raise GS1ParseError(
            user_text(QT_TRANSLATE_NOOP("GS1", "The date {date} in the barcode has no month {month}."),
                      date=yymmdd, month=yymmdd[2:4])
        )
    year = resolve_century(yy, today)
    last_day = calendar.monthrange(year, mm)[1]
    if dd == 0 and allow_day_zero:
        return date(year, mm, last_day)
    if not 1 <= dd <= last_day:
        raise GS1ParseError(
            user_text(QT_TRANSLATE_NOOP("GS1", "The date {date} in the barcode does not exist."), date=yymmdd)
        )
    return date(year, mm, dd)


def _parse_gs1_datetime(digits: str, today: date) -> datetime:
    day = parse_gs1_date(digits[:6], today, allow_day_zero=False)
    rest = digits[6:]
    hour = int(rest[0:2]) if len(rest) >= 2 else 0
    minute = int(rest[2:4]) if len(rest) >= 4 else 0
    second = int(rest[4:6]) if len(rest) >= 6 else 0
    if len(rest) % 2 or hour > 23 or minute > 59 or second > 59:
        raise GS1ParseError(
            user_text(QT_TRANSLATE_NOOP("GS1", "The time {time} in the barcode is not a valid time of day."), time=rest)
        )
    return datetime(day.year, day.month, day.day, hour, minute, second)


# ---------------------------------------------------------------------------------------------- elements


@dataclass(frozen=True, slots=True)
class Money:
    """An amount with its ISO 4217 numeric currency code (AIs 391n, 393n)."""

    currency: str
    amount: Decimal


GS1Value = str | int | Decimal | date | datetime | Money


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class GS1Element:
    """One AI and its data, as read from an element string.

    ``raw`` is the data exactly as encoded; ``value`` its interpretation (a ``date`` for date AIs, a
    ``Decimal`` for measures, an ``int`` for counts, a string otherwise). ``check_digit_ok`` is None for AIs
    without a check digit.
    """

    definition: AIDefinition
    raw: str
    value: GS1Value
    check_digit_ok: bool | None = None

    @property
    def ai(self) -> str:
        """The application identifier, e.g. ``"01"`` or ``"3103"``."""
        return self.definition.ai

    def describe(self) -> str:
        """A one-line human reading, e.g. ``Expiration date: 2026-12-31``."""
        value = self.value
        if isinstance(value, Money):
            shown = f"{value.amount} (currency {value.currency})"
        elif isinstance(value, datetime | date):
            shown = value.isoformat()
        else:
            shown = str(value)
        if self.definition.unit:
            shown = f"{shown} {self.definition.unit}"
        if self.check_digit_ok is False:
            shown += " (check digit WRONG)"
        return f"{self.definition.description}: {shown}"


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class ElementString:
    """A parsed GS1 element string: its elements in scan order, with shortcuts for what the floor needs."""

    elements: tuple[GS1Element, ...]

    def __iter__(self) -> Iterator[GS1Element]:
        return iter(self.elements)

    def __len__(self) -> int:
        return len(self.elements)

    def get(self, ai: str) -> GS1Element | None:
        """The first element with this AI, or None."""
        # A plain loop: resolution asks a dozen AIs of every GS1 scan, and a generator costs more than the search.
        for element in self.elements:
            if element.definition.ai == ai:
                return element
        return None

    def text(self, ai: str) -> str | None:
        """The raw data of the first element with this AI, or None."""
        element = self.get(ai)
        return None if element is None else element.raw

    @property
    def gtin(self) -> str | None:
        """AI 01 (or 02, the GTIN of the contents of a logistic unit) as 14 digits."""
        return self.text("01") or self.text("02")

    @property
    def sscc(self) -> str | None:
        """AI 00, the Serial Shipping Container Code."""
        return self.text("00")

    @property
    def lot(self) -> str | None:
        """AI 10, batch or lot."""
        return self.text("10")

    @property
    def serial(self) -> str | None:
        """AI 21, serial number."""
        return self.text("21")

    @property
    def expiry(self) -> date | None:
        """AI 17 (use by), else 7003's date part."""
        for ai in ("17", "7003"):
            element = self.get(ai)
            if element is not None and isinstance(element.value, datetime):
                return element.value.date()
            if element is not None and isinstance(element.value, date):
                return element.value
        return None

    @property
    def best_before(self) -> date | None:
        """AI 15, best before."""
        element = self.get("15")
        return element.value if element is not None and isinstance(element.value, date) else None

    @property
    def count(self) -> int | None:
        """AI 30 (variable count) or 37 (count of trade items in a logistic unit)."""
        for ai in ("30", "37"):
            element = self.get(ai)
            if element is not None and isinstance(element.value, int):
                return element.value
        return None

    def measure(self, prefix: str) -> tuple[Decimal, str] | None:
        """The first measure whose AI starts with ``prefix`` (e.g. ``"310"`` net weight kg) with its unit."""
        for element in self.elements:
            if element.ai.startswith(prefix) and element.definition.kind is Kind.DECIMAL:
                assert isinstance(element.value, Decimal)
                return element.value, element.definition.unit or ""
        return None

    def to_hri(self) -> str:
        """The human readable interpretation, ``(01)09501101020917(10)ABC``."""
        return "".join(f"({e.ai}){e.raw}" for e in self.elements)


# The kinds whose data ends in a check digit. Compared by identity: ``in`` a tuple of enum members costs about
# half a microsecond for a member not in it, more than the rest of reading a lot number.
_TEXT, _GTIN, _SSCC, _GLN, _CHECKED = Kind.TEXT, Kind.GTIN, Kind.SSCC, Kind.GLN, Kind.CHECKED


def _interpret(definition: AIDefinition, raw: str, today: date | None, position: int) -> GS1Element:
    kind = definition.kind
    try:
        if kind is _TEXT:
            return GS1Element(definition, raw, raw)
        if kind is _GTIN or kind is _SSCC or kind is _GLN or kind is _CHECKED:
            return GS1Element(definition, raw, raw, has_valid_check_digit(raw))
        # The local date (half a microsecond to read) only for the dates that need its century.
        if kind is Kind.DATE:
            return GS1Element(definition, raw, parse_gs1_date(raw, today or date.today()))
        if kind is Kind.DATETIME:
            return GS1Element(definition, raw, _parse_gs1_datetime(raw, today or date.today()))
        if kind is Kind.COUNT:
            return GS1Element(definition, raw, int(raw))
        if kind is Kind.DECIMAL:
            return GS1Element(definition, raw, Decimal(raw).scaleb(-(definition.decimals or 0)))
        if kind is Kind.MONEY:
            amount = Decimal(raw[3:]).scaleb(-(definition.decimals or 0))
            return GS1Element(definition, raw, Money(raw[:3], amount))
        return GS1Element(definition, raw, raw)
    except GS1ParseError as exc:
        raise GS1ParseError(
            user_text(QT_TRANSLATE_NOOP("GS1", "AI ({ai}) {name}: {problem}"),
                      ai=definition.ai, name=_ai_name(definition), problem=exc.user_text),
            position=position,
        ) from exc


# What parse_element_string asks of an AI's definition for every element (its fixed and longest length, its data
# pattern's fullmatch), found once per AI: through the properties, each a cache lookup on the format, they cost as
# much as the element's own check digit.
_ParseInfo = tuple[AIDefinition, int | None, int, Callable[[str], "re.Match[str] | None"]]
_PARSE_INFO: dict[str, _ParseInfo] = {}


def _parse_info(text: str, position: int) -> _ParseInfo | None:
    """What ``lookup_ai(text, position)`` finds, with what parsing needs of it."""
    for size in (2, 3, 4):
        code = text[position : position + size]
        info = _PARSE_INFO.get(code)
        if info is not None:
            return info
        definition = AI_TABLE.get(code)
        if definition is not None:
            info = (definition, definition.fixed_length, definition.max_length, definition.pattern.fullmatch)
            _PARSE_INFO[code] = info
            return info
    return None


def parse_element_string(
    text: str,
    *,
    today: date | None = None,
    verify_check_digits: bool = True,
) -> ElementString:
    """Parse a GS1 element string whose FNC1 separators are GS bytes (see ``aim.normalize_scanned_text``).

    A leading FNC1 (GS) is tolerated. Predefined-length AIs need no separator; other fixed-length AIs are
    read by their length with the separator optional; variable-length AIs end at a GS or at the end.
    ``today`` anchors the century of two-digit years (default: the local date). With
    ``verify_check_digits`` a wrong GTIN/SSCC/GLN check digit is an error; without it the element records
    the verdict in ``check_digit_ok`` (for ``barcode explain``).

    Raises :class:`GS1ParseError` for every malformed input, and nothing else.
    """
    if not isinstance(text, str):
        raise GS1ParseError(QT_TRANSLATE_NOOP("GS1", "The barcode is not text."), detail=f"got {type(text).__name__}")
    position = 0
    if text.startswith(GS):
        position = 1
    if position >= len(text):
        raise GS1ParseError(QT_TRANSLATE_NOOP("GS1", "The barcode holds no GS1 data."), position=position)
    elements: list[GS1Element] = []
    length = len(text)
    while position < length:
        info = _parse_info(text, position)
        if info is None:
            shown = text[position : position + 4].replace(GS, "<GS>")
            raise GS1ParseError(
                user_text(QT_TRANSLATE_NOOP("GS1", "Unknown GS1 application identifier at '{code}'."), code=shown),
                position=position,
                detail=f"in {text!r}",
            )
        definition, fixed, max_length, fullmatch = info
        start = position + len(definition.ai)
        if fixed is not None:
            end = start + fixed
            raw = text[start:end]
            if len(raw) != fixed or GS in raw:
                raise GS1ParseError(
                    user_text(QT_TRANSLATE_NOOP("GS1", "AI ({ai}) {name} needs {length} characters."),
                              ai=definition.ai, name=_ai_name(definition), length=fixed),
                    position=start,
                )
            position = end + 1 if text.startswith(GS, end) else end
        else:
            end = text.find(GS, start)
            end = length if end < 0 else end
            raw = text[start:end]
            if not raw:
                raise GS1ParseError(
                    user_text(QT_TRANSLATE_NOOP("GS1", "AI ({ai}) {name} is empty."),
                              ai=definition.ai, name=_ai_name(definition)),
                    position=start,
                )
            if len(raw) > max_length:
                raise GS1ParseError(
                    user_text(
                        QT_TRANSLATE_NOOP("GS1", "AI ({ai}) {name} is longer than {length} characters "
                                                 "(missing separator?)."),
                        ai=definition.ai, name=_ai_name(definition), length=max_length,
                    ),
                    position=start,
                )
            # Past the separator; a trailing separator with nothing after it is harmless padding.
            position = end + 1
        if fullmatch(raw) is None:
            raise GS1ParseError(
                user_text(QT_TRANSLATE_NOOP("GS1", "AI ({ai}) {name} has invalid characters or length: '{data}'."),
                          ai=definition.ai, name=_ai_name(definition), data=raw),
                position=start,
            )
        element = _interpret(definition, raw, today, start)
        if verify_check_digits and element.check_digit_ok is False:
            raise GS1ParseError(
                user_text(QT_TRANSLATE_NOOP("GS1", "The check digit of AI ({ai}) {title} {data} is wrong."),
                          ai=definition.ai, title=definition.title, data=raw),
                position=start,
            )
        elements.append(element)
    return ElementString(tuple(elements))


_HRI_AI = re.compile(r"\((\d{2,4})\)")


def parse_hri(text: str, *, today: date | None = None, verify_check_digits: bool = True) -> ElementString:
    """Parse the human-readable form ``(01)09501101020917(17)261231(10)ABC``, as typed from a label.

    Data containing parentheses is ambiguous in this form; scanned data never comes in it.
    """
    if not text.startswith("("):
        raise GS1ParseError(QT_TRANSLATE_NOOP("GS1", "Not a GS1 human-readable string: it must start with '(AI)'."))
    parts = _HRI_AI.split(text)
    if parts[0] != "" or len(parts) < 3:
        raise GS1ParseError(QT_TRANSLATE_NOOP("GS1", "Not a GS1 human-readable string."))
    pairs = list(zip(parts[1::2], parts[2::2], strict=True))
    for ai, _ in pairs:
        if ai not in AI_TABLE:
            raise GS1ParseError(
                user_text(QT_TRANSLATE_NOOP("GS1", "Unknown GS1 application identifier ({ai})."), ai=ai)
            )
    encoded = encode_element_string(pairs, validate=False)
    return parse_element_string(encoded, today=today, verify_check_digits=verify_check_digits)


def looks_like_hri(text: str) -> bool:
    """True when ``text`` starts like a human-readable GS1 string ``(NN)``."""
    if not text.startswith("("):
        return False
    match = _HRI_AI.match(text)
    return match is not None and match.group(1) in AI_TABLE


# ---------------------------------------------------------------------------------------------- digital link

# GS1 Digital Link (GS1 Digital Link Standard, section 4): primary keys that may start the path, and the short
# names older links use instead of numeric AIs.
_DL_PRIMARY_KEYS = frozenset(
    {"00", "01", "253", "255", "401", "402", "414", "417", "8003", "8004", "8006", "8010", "8013", "8017", "8018"}
)
_DL_ALIASES = {
    "sscc": "00", "gtin": "01", "lot": "10", "ser": "21", "cpv": "22", "gln": "414", "exp": "17",
    "bestbefore": "15", "packdate": "13", "proddate": "11", "count": "30",
}  # fmt: skip


def _dl_ai(name: str) -> str:
    return _DL_ALIASES.get(name.lower(), name)


def looks_like_digital_link(text: str) -> bool:
    """True for an http(s) URI whose path carries a GS1 primary key (``.../01/09506000134352/10/ABC``)."""
    if not text[:8].lower().startswith(("http://", "https://")):
        return False
    segments = [unquote(s) for s in urlsplit(text).path.split("/") if s]
    return any(
        _dl_ai(seg) in _DL_PRIMARY_KEYS and (len(segments) - i) % 2 == 0 for i, seg in enumerate(segments)
    )


def parse_digital_link(uri: str, *, today: date | None = None, verify_check_digits: bool = True) -> ElementString:
    """Read a GS1 Digital Link URI (the QR codes on consumer products) as an element string.

    The path holds the primary key and its qualifiers (``/01/{gtin}/10/{lot}/21/{serial}``), the query the data
    attributes (``?17=261231&3103=001250``); other query parameters (``linkType`` ...) are ignored. A GTIN-8,
    -12 or -13 in the path is padded to 14 digits as AI 01 requires.
    """
    try:
        parts = urlsplit(uri)
        segments = [unquote(s) for s in parts.path.split("/") if s]
        query = parse_qsl(parts.query, keep_blank_values=False)
    except ValueError as exc:
        raise GS1ParseError(
            QT_TRANSLATE_NOOP("GS1", "The link in the barcode cannot be read."), detail=str(exc)
        ) from exc
    start = next(
        (i for i, seg in enumerate(segments) if _dl_ai(seg) in _DL_PRIMARY_KEYS and (len(segments) - i) % 2 == 0),
        None,
    )
    if start is None:
        raise GS1ParseError(
            QT_TRANSLATE_NOOP(
                "GS1", "The link in the barcode is not a GS1 Digital Link (no product or unit key in it)."
            )
        )
    pairs: list[tuple[str, str]] = []
    for name, raw in [*zip(segments[start::2], segments[start + 1 :: 2], strict=True), *query]:
        ai = _dl_ai(name)
        if ai not in AI_TABLE:
            if ai.isdigit():
                raise GS1ParseError(
                    user_text(QT_TRANSLATE_NOOP("GS1", "Unknown GS1 application identifier ({ai}) in the link."), ai=ai)
                )
            continue  # linkType, context and other non-AI parameters
        value = gtin14(raw) if ai == "01" and len(raw) in (8, 12, 13) else raw
        if GS in value:
            raise GS1ParseError(
                user_text(QT_TRANSLATE_NOOP("GS1", "AI ({ai}) in the link holds a control character."), ai=ai)
            )
        pairs.append((ai, value))
    encoded = encode_element_string(pairs, validate=False)
    return parse_element_string(encoded, today=today, verify_check_digits=verify_check_digits)


# ---------------------------------------------------------------------------------------------- encoding


def encode_element_string(
    elements: Iterable[tuple[str, str]],
    *,
    separator: str = GS,
    validate: bool = True,
) -> str:
    """Concatenate ``(ai, data)`` pairs into an element string, with ``separator`` after every element that
    is not of predefined length and not last (GS1 GenSpecs 7.8.5). No leading FNC1 is added.

    With ``validate`` each data must match its AI's format; a :class:`GS1ParseError` says which does not.
    """
    pairs: Sequence[tuple[str, str]] = list(elements)
    out: list[str] = []
    for index, (ai, data) in enumerate(pairs):
        definition = AI_TABLE.get(ai)
        if definition is None:
            raise GS1ParseError(
                user_text(QT_TRANSLATE_NOOP("GS1", "Unknown GS1 application identifier ({ai})."), ai=ai)
            )
        if validate and definition.pattern.fullmatch(data) is None:
            raise GS1ParseError(
                user_text(QT_TRANSLATE_NOOP("GS1", "'{data}' is not valid data for AI ({ai}) {title}."),
                          data=data, ai=ai, title=definition.title)
            )
        out.append(ai + data)
        if index < len(pairs) - 1 and not definition.predefined_length:
            out.append(separator)
    return "".join(out)


def decimal_ai_for(prefix: str, value: Decimal, width: int = 6) -> tuple[str, str]:
    """The ``(ai, data)`` pair for a measure: ``decimal_ai_for("310", Decimal("1.25"))`` -> ``("3102", "000125")``."""
    exponent = value.as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    if decimals > 9:
        # str(): the value as given, trailing zeros included (they are what makes it too precise).
        raise GS1ParseError(
            user_text(QT_TRANSLATE_NOOP("GS1", "{value} has too many decimals for a GS1 measure."), value=str(value))
        )
    digits = str(int(value.scaleb(decimals)))
    if len(digits) > width or value < 0:
        raise GS1ParseError(
            user_text(QT_TRANSLATE_NOOP("GS1", "{value} does not fit a GS1 measure of {width} digits."),
                      value=str(value), width=width)
        )
    return f"{prefix}{decimals}", digits.rjust(width, "0")


ClockToday = Callable[[], date]
"""A callable returning today's date; injected wherever GS1 dates are read."""

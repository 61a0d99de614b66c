"""Property tests: the simulator's domain evaluator against a plain-Python reference on random records.

The reference follows what Odoo 17/18 does to a domain before and while writing SQL: a dotted path becomes an
``any`` on its first field, ``!`` is pushed down to the leaves (negated operators, De Morgan, ``any`` <-> ``not any``;
an SQL ``NOT`` otherwise), and each leaf has SQL's NULL semantics plus the ``OR col IS NULL`` Odoo adds to
``!=``, ``not in``, ``not like`` and empty ``like`` patterns. It shares no code with ``floorapp.odoo_sim.domain``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from floorapp.odoo_sim.domain import Evaluator
from floorapp.odoo_sim.errors import OdooValueError

FIELDS: dict[str, dict[str, tuple[str, str | None]]] = {
    "thing": {"id": ("integer", None), "name": ("char", None), "qty": ("float", None), "ok": ("boolean", None),
              "state": ("selection", None), "parent_id": ("many2one", "thing"), "tag_ids": ("many2many", "tag")},
    "tag": {"id": ("integer", None), "name": ("char", None), "color": ("integer", None)},
}
Tables = dict[str, dict[int, dict[str, Any]]]


class Source:
    """The evaluator's view of two plain tables."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    def field_type(self, model: str, field: str) -> tuple[str, str | None] | None:
        return FIELDS[model].get(field)

    def value(self, model: str, rec_id: int, field: str) -> Any:
        return self.tables[model][rec_id].get(field, False) if field != "id" else rec_id

    def display_name(self, model: str, rec_id: int) -> str:
        return str(self.tables[model][rec_id].get("name") or "")

    def parent_field(self, model: str) -> str | None:
        return "parent_id" if model == "thing" else None

    def all_ids(self, model: str) -> Iterable[int]:
        return list(self.tables[model])


# -- the reference --------------------------------------------------------------------------------------------
NEGATE = {"=": "!=", "!=": "=", "<": ">=", ">=": "<", ">": "<=", "<=": ">", "in": "not in", "not in": "in",
          "like": "not like", "not like": "like", "ilike": "not ilike", "not ilike": "ilike"}


def to_tree(domain: list[Any]) -> Any:
    """Prefix domain (implicit AND allowed) to a nested tree."""
    items = list(domain) or [(1, "=", 1)]
    pos = 0

    def term() -> Any:
        nonlocal pos
        token = items[pos]
        pos += 1
        if token == "!":
            return ("not", term())
        if token in ("&", "|"):
            return ("and" if token == "&" else "or", term(), term())
        return ("leaf", *token)

    trees = []
    while pos < len(items):
        trees.append(term())
    tree = trees[-1]
    for other in reversed(trees[:-1]):
        tree = ("and", other, tree)
    return tree


def anyfy(tree: Any) -> Any:
    if tree[0] == "leaf":
        path, op, value = tree[1:]
        if op in ("any", "not any"):
            return (op, path, anyfy(to_tree(value)))
        if isinstance(path, str) and "." in path:
            head, rest = path.split(".", 1)
            return ("any", head, anyfy(("leaf", rest, op, value)))
        return tree
    if tree[0] == "not":
        return ("not", anyfy(tree[1]))
    return (tree[0], anyfy(tree[1]), anyfy(tree[2]))


def push_not(tree: Any, neg: bool = False) -> Any:
    kind = tree[0]
    if kind == "not":
        return push_not(tree[1], not neg)
    if kind in ("and", "or"):
        flipped = {"and": "or", "or": "and"}[kind] if neg else kind
        return (flipped, push_not(tree[1], neg), push_not(tree[2], neg))
    if kind in ("any", "not any"):
        # The subdomain is its own domain; negating the leaf swaps any / not any.
        inner = push_not(tree[2])
        if neg:
            kind = "not any" if kind == "any" else "any"
        return (kind, tree[1], inner)
    if not neg:
        return tree
    path, op, value = tree[1:]
    if (path, op, value) in ((1, "=", 1), (0, "=", 1)):
        return ("leaf", 0 if path == 1 else 1, "=", 1)
    if op in NEGATE:
        return ("leaf", path, NEGATE[op], value)
    return ("sqlnot", tree)


def like(pattern: str, text: str, ci: bool) -> bool:
    regex = "".join(".*" if c == "%" else "." if c == "_" else re.escape(c) for c in pattern)
    return re.fullmatch(regex, text, re.S | (re.I if ci else 0)) is not None


def ancestors(tables: Tables, rid: int) -> list[int]:
    out: list[int] = []
    while rid and rid not in out:
        out.append(rid)
        rid = tables["thing"][rid].get("parent_id") or 0
    return out


def leaf_sql(tables: Tables, model: str, rid: int, path: Any, op: str, value: Any) -> bool | None:
    """True, False or None (SQL NULL) for one leaf on one row."""
    if (path, op, value) == (1, "=", 1):
        return True
    if (path, op, value) == (0, "=", 1):
        return False
    ftype, _rel = FIELDS[model][path]
    col = rid if path == "id" else tables[model][rid].get(path)
    null = col is None or col is False
    if ftype == "many2many":
        ids = set(col or [])
        if value is False:
            return (not ids) if op == "=" else bool(ids)
        wanted = set(value) if isinstance(value, list) else {value}
        hit = bool(ids & wanted)
        return hit if op in ("=", "in") else not hit
    if op == "child_of":
        if null:
            return None
        return value in ancestors(tables, col)
    if op == "=?":
        if value is False or value is None:
            return True
        op = "="
    if op in ("in", "not in"):
        if ftype == "boolean":
            params = [v for v in (True, False) if v in value]
            check_null = False in value
            base = bool(col) in params if not null else None
        else:
            params = [v for v in value if v is not False and v is not None]
            check_null = len(params) < len(value)
            base = (col in params) if not null else None
        if not params:
            base = op == "not in"
        if op == "not in" and base is not None:
            base = not base if params else base
        if (op == "in" and check_null) or (op == "not in" and not check_null):
            return True if null else base
        if op == "not in" and check_null:
            return False if null else base
        return base
    if ftype == "boolean" and op in ("=", "!=") and isinstance(value, bool):
        want = (not value) if op == "!=" else value
        return col is True if want else (null or col is False)
    if op == "=" and value is False:
        return null
    if op == "!=" and value is False:
        return not null
    wildcard = op in ("like", "ilike", "not like", "not ilike")
    if null:
        result: bool | None = None
    elif op.endswith("like"):
        pattern = f"%{value or ''}%" if wildcard else str(value)
        hit = like(pattern, str(col), ci=op.endswith("ilike"))
        result = not hit if op.startswith("not") else hit
    else:
        result = {"=": col == value, "!=": col != value, "<": col < value, "<=": col <= value,
                  ">": col > value, ">=": col >= value}[op]
    if (wildcard and not value) or (value and op in ("!=", "not like", "not ilike")):
        return True if null else result
    return result


def evaluate(tables: Tables, model: str, rid: int, tree: Any) -> bool | None:
    kind = tree[0]
    if kind == "and":
        a, b = evaluate(tables, model, rid, tree[1]), evaluate(tables, model, rid, tree[2])
        return False if a is False or b is False else (None if a is None or b is None else True)
    if kind == "or":
        a, b = evaluate(tables, model, rid, tree[1]), evaluate(tables, model, rid, tree[2])
        return True if a is True or b is True else (None if a is None or b is None else False)
    if kind == "sqlnot":
        inner = evaluate(tables, model, rid, tree[1])
        return None if inner is None else not inner
    if kind in ("any", "not any"):
        ftype, rel = FIELDS[model][tree[1]]
        raw = tables[model][rid].get(tree[1])
        ids = ([raw] if raw else []) if ftype == "many2one" else list(raw or [])
        hit = any(evaluate(tables, str(rel), i, tree[2]) is True for i in ids)
        return hit if kind == "any" else not hit
    return leaf_sql(tables, model, rid, tree[1], tree[2], tree[3])


def reference(tables: Tables, domain: list[Any]) -> set[int]:
    tree = push_not(anyfy(to_tree(domain)))
    return {rid for rid in tables["thing"] if evaluate(tables, "thing", rid, tree) is True}


# -- random records and domains -------------------------------------------------------------------------------
NAMES = [False, "", "a", "ab", "Ab", "b_c", "x%y"]
PATTERNS = ["", "a", "A", "b", "a%", "_b", "%", "b_c"]
QTYS = [0.0, 1.0, 2.5, 5.0]


@st.composite
def tables_strategy(draw: st.DrawFn) -> Tables:
    tags = {i: {"name": draw(st.sampled_from(NAMES)), "color": draw(st.integers(0, 3))}
            for i in range(1, draw(st.integers(0, 3)) + 1)}
    things: dict[int, dict[str, Any]] = {}
    for i in range(1, draw(st.integers(1, 7)) + 1):
        things[i] = {
            "name": draw(st.sampled_from(NAMES)), "qty": draw(st.sampled_from(QTYS)),
            "ok": draw(st.sampled_from([True, False, None])), "state": draw(st.sampled_from([False, "draft", "done"])),
            "parent_id": draw(st.sampled_from([False, *range(1, i)])),
            "tag_ids": sorted(draw(st.sets(st.sampled_from(sorted(tags)), max_size=3))) if tags else [],
        }
    return {"thing": things, "tag": tags}


def _scalar(prefix: str = "") -> st.SearchStrategy[tuple[str, str, Any]]:
    """Leaves on the char and float fields, behind an optional path prefix."""
    char = st.one_of(
        st.tuples(st.just(prefix + "name"), st.sampled_from(["=", "!="]), st.sampled_from(NAMES)),
        st.tuples(st.just(prefix + "name"), st.sampled_from(["like", "ilike", "not like", "not ilike", "=like",
                                                             "=ilike"]), st.sampled_from(PATTERNS)),
        st.tuples(st.just(prefix + "name"), st.sampled_from(["in", "not in"]),
                  st.lists(st.sampled_from(NAMES), max_size=3)),
    )
    qty = st.one_of(
        st.tuples(st.just(prefix + "qty"), st.sampled_from(["=", "!=", "<", "<=", ">", ">="]), st.sampled_from(QTYS)),
        st.tuples(st.just(prefix + "qty"), st.sampled_from(["in", "not in"]), st.lists(st.sampled_from(QTYS),
                                                                                       max_size=3)),
    )
    return st.one_of(char, qty)


def _leaf(prefix: str = "") -> st.SearchStrategy[tuple[str, str, Any]]:
    if prefix:
        return _scalar(prefix)
    ids = st.integers(0, 8)
    return st.one_of(
        _scalar(),
        st.tuples(st.just("ok"), st.sampled_from(["=", "!="]), st.booleans()),
        st.tuples(st.just("ok"), st.sampled_from(["in", "not in"]), st.lists(st.booleans(), max_size=2)),
        st.tuples(st.just("state"), st.sampled_from(["=", "!=", "=?"]), st.sampled_from([False, "draft", "done"])),
        st.tuples(st.just("state"), st.sampled_from(["in", "not in"]),
                  st.lists(st.sampled_from([False, "draft", "done"]), max_size=3)),
        st.tuples(st.just("parent_id"), st.sampled_from(["=", "!="]), st.one_of(st.just(False), ids)),
        st.tuples(st.just("parent_id"), st.sampled_from(["in", "not in"]),
                  st.lists(st.one_of(st.just(False), ids), max_size=3)),
        st.tuples(st.sampled_from(["parent_id", "id"]), st.just("child_of"), st.integers(1, 7)),
        st.tuples(st.just("tag_ids"), st.sampled_from(["=", "!="]), st.one_of(st.just(False), st.integers(1, 3))),
        st.tuples(st.just("tag_ids"), st.sampled_from(["in", "not in"]), st.lists(st.integers(1, 3), max_size=2)),
        _leaf("parent_id."), _leaf("parent_id.parent_id."),
        st.tuples(st.just("tag_ids.name"), st.sampled_from(["=", "!=", "ilike", "not ilike"]),
                  st.sampled_from(NAMES[1:])),
        st.tuples(st.just("parent_id"), st.sampled_from(["any", "not any"]),
                  st.lists(_scalar(), min_size=0, max_size=2)),
        st.tuples(st.just("tag_ids"), st.sampled_from(["any", "not any"]),
                  st.lists(st.tuples(st.just("name"), st.sampled_from(["=", "!=", "ilike"]),
                                     st.sampled_from(NAMES)), min_size=1, max_size=2)),
    )


def _flatten(tree: Any) -> list[Any]:
    if tree[0] == "!":
        return ["!", *_flatten(tree[1])]
    if tree[0] in ("&", "|"):
        return [tree[0], *_flatten(tree[1]), *_flatten(tree[2])]
    return [tree[1]]


terms = st.recursive(
    st.builds(lambda leaf: ("leaf", leaf), _leaf()),
    lambda inner: st.one_of(st.tuples(st.sampled_from(["&", "|"]), inner, inner), st.tuples(st.just("!"), inner)),
    max_leaves=6,
)
domains = st.lists(terms, min_size=0, max_size=3).map(lambda ts: [tok for t in ts for tok in _flatten(t)])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables=tables_strategy(), domain=domains)
def test_evaluator_matches_reference(tables: Tables, domain: list[Any]) -> None:
    predicate = Evaluator(Source(tables), "thing").compile(domain)
    got = {rid for rid in tables["thing"] if predicate(rid)}
    assert got == reference(tables, domain), domain


# -- a few cases spelled out (they document the semantics the property relies on) -----------------------------
TABLES: Tables = {
    "thing": {1: {"name": "a", "qty": 1.0, "ok": True, "state": "draft", "parent_id": False, "tag_ids": [1]},
              2: {"name": False, "qty": 5.0, "ok": None, "state": False, "parent_id": 1, "tag_ids": []},
              3: {"name": "b", "qty": 0.0, "ok": False, "state": "done", "parent_id": 2, "tag_ids": [1, 2]}},
    "tag": {1: {"name": "red", "color": 1}, 2: {"name": "blue", "color": 2}},
}


@pytest.mark.parametrize(("domain", "ids"), [
    ([("name", "!=", "a")], {2, 3}),                 # != keeps NULLs
    ([("name", "not ilike", "a")], {2, 3}),
    ([("name", "ilike", "")], {1, 2, 3}),           # an empty pattern matches NULL too
    (["!", ("name", "=like", "a")], {3}),            # SQL NOT: NULL stays unknown
    ([("parent_id.name", "!=", "a")], {3}),          # any: no parent, no match
    (["!", ("parent_id.name", "=", "a")], {1, 3}),   # not any: no parent matches
    ([("tag_ids", "=", False)], {2}),
    ([("tag_ids.name", "=", "blue")], {3}),
    ([("id", "child_of", 2)], {2, 3}),
    ([("ok", "!=", True)], {2, 3}),
    ([("state", "not in", ["draft"])], {2, 3}),
    ([("state", "in", [False, "done"])], {2, 3}),
    (["|", ("qty", "<", 1), "!", ("parent_id", "child_of", 2)], {2, 3}),
])
def test_documented_cases(domain: list[Any], ids: set[int]) -> None:
    predicate = Evaluator(Source(TABLES), "thing").compile(domain)
    assert {rid for rid in TABLES["thing"] if predicate(rid)} == ids == reference(TABLES, domain)


@pytest.mark.parametrize("domain", [[("nofield", "=", 1)], [("name", "bogus", 1)], ["&", ("name", "=", "a")],
                                    [("qty.name", "=", 1)], ["|"]])
def test_invalid_domains_are_value_errors(domain: list[Any]) -> None:
    with pytest.raises(OdooValueError):
        Evaluator(Source(TABLES), "thing").compile(domain)

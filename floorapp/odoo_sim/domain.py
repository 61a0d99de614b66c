"""Odoo search domains: normalisation to prefix form and evaluation against in-memory records.

The semantics follow what Odoo's SQL does, because clients rely on the edge cases: ``('f', '=', False)`` is
``IS NULL``, ``!=`` also matches NULL, ``in`` with ``False`` in the list matches NULL, comparisons never match
NULL, x2many leaves match when *any* related record matches, and dotted paths follow many2one/x2many links.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from floorapp.odoo_sim.errors import OdooValueError

TRUE_LEAF: tuple[int, str, int] = (1, "=", 1)
FALSE_LEAF: tuple[int, str, int] = (0, "=", 1)

OPERATORS = frozenset(
    {
        "=", "!=", "<>", "<", "<=", ">", ">=", "=?", "like", "not like", "ilike", "not ilike",
        "=like", "=ilike", "not =like", "not =ilike", "in", "not in", "child_of", "parent_of",
        "any", "not any",
    }
)
DOMAIN_OPERATORS = frozenset({"&", "|", "!"})
# Operators Odoo negates in place when it pushes a "!" down (the others get an SQL NOT).
NEGATION = {"<": ">=", ">": "<=", "<=": ">", ">=": "<", "=": "!=", "!=": "=", "in": "not in", "not in": "in",
            "like": "not like", "not like": "like", "ilike": "not ilike", "not ilike": "ilike"}


class RecordSource(Protocol):
    """What the evaluator needs from the ORM: field metadata and raw values of records."""

    def field_type(self, model: str, field: str) -> tuple[str, str | None] | None:
        """(type, relation) of a field, or None if the model has no such field."""

    def value(self, model: str, rec_id: int, field: str) -> Any:
        """The raw value: int/False for many2one, list of ids for x2many, scalars otherwise."""

    def display_name(self, model: str, rec_id: int) -> str:
        """The display name, used when a many2one is compared with a string."""

    def parent_field(self, model: str) -> str | None:
        """The field holding the parent for child_of/parent_of (``location_id``, ``parent_id``)."""

    def all_ids(self, model: str) -> Iterable[int]:
        """Every id of the model (for ``any`` on one2many when needed)."""


def normalize(domain: Sequence[Any]) -> list[Any]:
    """Return the domain in explicit prefix form (implicit ``&`` made explicit), as Odoo does."""
    if not domain:
        return [TRUE_LEAF]
    result: list[Any] = []
    expected = 1
    for token in domain:
        if expected == 0:
            # A complete term has been read; the next one is ANDed with it.
            result[0:0] = ["&"]
            expected = 1
        if isinstance(token, (list, tuple)) and not isinstance(token, str):
            expected -= 1
            result.append(tuple(token) if len(token) == 3 else token)
        elif token in DOMAIN_OPERATORS:
            expected += 0 if token == "!" else 1
            result.append(token)
        else:
            raise OdooValueError(f"Invalid domain term {token!r}")
    if expected != 0:
        raise OdooValueError(f"Invalid domain {list(domain)!r}")
    return result


def _like_to_regex(pattern: str, *, anchored: bool, ignore_case: bool) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        out.append(".*" if ch == "%" else "." if ch == "_" else re.escape(ch))
        i += 1
    body = "".join(out)
    if not anchored:
        body = f".*{body}.*"
    return re.compile(f"^{body}$", re.DOTALL | (re.IGNORECASE if ignore_case else 0))


def _is_null(value: Any) -> bool:
    return value is False or value is None


class Evaluator:
    """Evaluates a normalised domain on records of one model."""

    def __init__(self, source: RecordSource, model: str) -> None:
        self.source = source
        self.model = model
        self._regex_cache: dict[tuple[str, bool, bool], re.Pattern[str]] = {}

    # -- public -------------------------------------------------------------------------------------------
    def compile(self, domain: Sequence[Any]) -> Callable[[int], bool]:
        """Validate the domain and return a predicate on record ids.

        ``!`` is pushed down to the leaves first, as Odoo does before writing SQL: De Morgan over ``&``/``|``,
        a negated operator where one exists (``=`` -> ``!=``, ``<`` -> ``>=``, ``any`` -> ``not any``; a dotted
        path is an ``any`` on its first field), else an SQL ``NOT`` that a NULL value does not satisfy.
        """
        prefix = normalize(domain)
        pos = 0

        def parse(negate: bool) -> Callable[[int], bool]:
            nonlocal pos
            token = prefix[pos]
            pos += 1
            if token == "!":
                return parse(not negate)
            if token in ("&", "|"):
                left = parse(negate)
                right = parse(negate)
                if (token == "&") != negate:
                    return lambda rid: left(rid) and right(rid)
                return lambda rid: left(rid) or right(rid)
            return self._leaf(self.model, token, negate)

        predicate = parse(False)
        return predicate

    # -- leaves -------------------------------------------------------------------------------------------
    def _leaf(self, model: str, leaf: Any, negate: bool = False) -> Callable[[int], bool]:
        if not isinstance(leaf, tuple) or len(leaf) != 3:
            raise OdooValueError(f"Invalid leaf {leaf!r}")
        if leaf == TRUE_LEAF:
            return (lambda rid: False) if negate else (lambda rid: True)
        if leaf == FALSE_LEAF:
            return (lambda rid: True) if negate else (lambda rid: False)
        path, operator, value = leaf
        if not isinstance(path, str):
            raise OdooValueError(f"Invalid leaf {leaf!r}")
        operator = operator.lower() if isinstance(operator, str) else operator
        if operator not in OPERATORS:
            raise OdooValueError(f"Invalid leaf {leaf!r}")
        if operator == "<>":
            operator = "!="
        parts = path.split(".")
        self._check_path(model, parts, leaf)
        if len(parts) > 1:
            # A dotted path is ``(first, 'any', [(rest, op, value)])``; negated, it is ``not any``.
            head = parts[0]
            sub = Evaluator(self.source, self._relation(model, head)).compile([(".".join(parts[1:]), operator, value)])
            return lambda rid: self._any(model, rid, head, sub, negate)
        if operator in ("any", "not any"):
            if negate:
                operator = "not any" if operator == "any" else "any"
            info = self.source.field_type(model, path)
            if info is None or info[1] is None:
                raise OdooValueError(f"Operator {operator!r} needs a relational field ({model}.{path})")
            sub = Evaluator(self.source, info[1]).compile(value)
            return lambda rid: self._any(model, rid, path, sub, operator == "not any")
        if negate and operator in NEGATION:
            operator, negate = NEGATION[operator], False
        if not negate:
            return lambda rid: self._eval_path(model, rid, parts, operator, value)

        def sql_not(rid: int) -> bool:
            # SQL NOT of a leaf without a negated operator (=like, child_of ...): a NULL value stays unknown.
            if self._eval_path(model, rid, parts, operator, value):
                return False
            if operator == "=?" and (value is False or value is None or value in ([], "")):
                return False
            ftype = (self.source.field_type(model, path) or ("char", None))[0]
            if path == "id" or ftype in ("one2many", "many2many", "boolean"):
                return True
            return not _is_null(self.source.value(model, rid, path))

        return sql_not

    def _relation(self, model: str, field: str) -> str:
        info = self.source.field_type(model, field)
        assert info is not None and info[1] is not None
        return info[1]

    def _any(self, model: str, rid: int, field: str, sub: Callable[[int], bool], negated: bool) -> bool:
        ftype = (self.source.field_type(model, field) or ("many2one", None))[0]
        raw = self.source.value(model, rid, field)
        ids = ([raw] if raw else []) if ftype == "many2one" else list(raw or [])
        hit = any(sub(i) for i in ids)
        # ``not any`` on a many2one is "not in the matching ids, or empty"; on an x2many "no line matches".
        return not hit if negated else hit

    def _check_path(self, model: str, parts: list[str], leaf: Any) -> None:
        current = model
        for i, name in enumerate(parts):
            info = self.source.field_type(current, name)
            if info is None:
                raise OdooValueError(f"Invalid field {current}.{name} in leaf {leaf!r}")
            _ftype, relation = info
            if i < len(parts) - 1:
                if relation is None:
                    raise OdooValueError(f"Invalid field {current}.{name} in leaf {leaf!r}")
                current = relation

    def _eval_path(self, model: str, rid: int, parts: list[str], operator: str, value: Any) -> bool:
        name = parts[0]
        ftype, relation = self.source.field_type(model, name) or ("char", None)
        raw = self.source.value(model, rid, name)
        return self._match(model, name, ftype, relation, raw, operator, value)

    def _match(  # noqa: PLR0917 - one leaf's full description
        self, model: str, name: str, ftype: str, relation: str | None, raw: Any, operator: str, value: Any
    ) -> bool:
        if operator in ("child_of", "parent_of"):
            return self._hierarchy(relation if relation else model, ftype, raw, operator, value, name, model)
        if operator in ("any", "not any"):
            if relation is None:
                raise OdooValueError(f"Operator {operator!r} needs a relational field ({model}.{name})")
            ids = [raw] if ftype == "many2one" and raw else list(raw or []) if ftype != "many2one" else []
            sub = Evaluator(self.source, relation).compile(value)
            hit = any(sub(i) for i in ids)
            return hit if operator == "any" else not hit
        if operator == "=?":
            if value is False or value is None or value in ([], ""):
                return True
            operator = "="
        if ftype in ("one2many", "many2many"):
            return self._match_x2many(relation or model, list(raw or []), operator, value)
        if ftype == "many2one" and relation:
            return self._match_many2one(relation, raw, operator, value)
        return self._match_scalar(ftype, raw, operator, value)

    def _match_x2many(self, relation: str, ids: list[int], operator: str, value: Any) -> bool:
        if operator in ("=", "in") and (value is False or value is None):
            return not ids
        if operator in ("!=", "not in") and (value is False or value is None):
            return bool(ids)
        if isinstance(value, str) or (
            isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value)
        ):
            positive = operator in ("=", "in", "like", "ilike", "=like", "=ilike")
            base = {"!=": "=", "not in": "in", "not like": "like", "not ilike": "ilike"}.get(operator, operator)
            hit = any(self._name_match(relation, i, base, value) for i in ids)
            return hit if positive else not hit
        wanted = set(value) if isinstance(value, (list, tuple)) else {value}
        wanted.discard(False)
        if operator in ("=", "in"):
            return bool(wanted.intersection(ids))
        if operator in ("!=", "not in"):
            return not wanted.intersection(ids)
        return any(self._match_scalar("integer", i, operator, value) for i in ids)

    def _match_many2one(self, relation: str, raw: Any, operator: str, value: Any) -> bool:
        if isinstance(value, str) or (
            isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value)
        ):
            if _is_null(raw):
                return operator in ("!=", "not in", "not like", "not ilike", "not =like", "not =ilike")
            return self._name_match(relation, raw, operator, value)
        if isinstance(value, (list, tuple)) and len(value) == 2 and operator in ("=", "!=") and isinstance(
            value[0], int
        ):
            # A client sending back a read() many2one pair; Odoo compares on the id.
            value = value[0]
        return self._match_scalar("integer", raw, operator, value)

    def _name_match(self, relation: str, rid: int, operator: str, value: Any) -> bool:
        name = self.source.display_name(relation, rid)
        return self._match_scalar("char", name, operator, value)

    def _hierarchy(  # noqa: PLR0917 - one leaf's full description
        self, model: str, ftype: str, raw: Any, operator: str, value: Any, name: str, base_model: str
    ) -> bool:
        parent = self.source.parent_field(model)
        targets: set[int] = set()
        for v in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(v, int) and v:
                targets.add(v)
            elif isinstance(v, str):
                targets.update(i for i in self.source.all_ids(model) if self.source.display_name(model, i) == v)
        if name == "id":
            ids = [raw]
        elif ftype == "many2one":
            ids = [raw] if raw else []
        else:
            ids = list(raw or [])

        def ancestors(rid: int) -> list[int]:
            chain = []
            seen = set()
            while rid and rid not in seen and parent:
                seen.add(rid)
                chain.append(rid)
                rid = self.source.value(model, rid, parent) or 0
            return chain or [rid]

        for rid in ids:
            if operator == "child_of" and targets.intersection(ancestors(rid)):
                return True
            if operator == "parent_of" and any(rid in ancestors(t) for t in targets):
                return True
        return False

    def _match_scalar(self, ftype: str, raw: Any, operator: str, value: Any) -> bool:
        if operator in ("=", "!="):
            if value is False or value is None:
                hit = not raw if ftype == "boolean" else _is_null(raw)
                return hit if operator == "=" else not hit
            if ftype == "boolean":
                hit = bool(raw) == bool(value)
                return hit if operator == "=" else not hit
            if _is_null(raw):
                # Odoo adds "OR col IS NULL" to "!=" only for a truthy value.
                return operator == "!=" and bool(value)
            hit = _equal(raw, value)
            return hit if operator == "=" else not hit
        if operator in ("in", "not in"):
            values = list(value) if isinstance(value, (list, tuple, set)) else [value]
            null_wanted = any(v is False or v is None for v in values)
            if ftype == "boolean":
                hit = any(bool(raw) == bool(v) for v in values if v is not None)
            elif _is_null(raw):
                hit = null_wanted
            else:
                hit = any(_equal(raw, v) for v in values if not (v is False or v is None))
            return hit if operator == "in" else not hit
        if operator in ("<", "<=", ">", ">="):
            if _is_null(raw) or value is False or value is None:
                return False
            try:
                if operator == "<":
                    return bool(raw < value)
                if operator == "<=":
                    return bool(raw <= value)
                if operator == ">":
                    return bool(raw > value)
                return bool(raw >= value)
            except TypeError:
                return str(raw) < str(value) if operator in ("<", "<=") else str(raw) > str(value)
        # like family
        negative = operator.startswith("not ")
        base = operator[4:] if negative else operator
        anchored = base.startswith("=")
        if not anchored and (value is False or value is None or value == ""):
            # like/ilike '' is "(col LIKE '%%' OR col IS NULL)": everything; "not like ''" keeps only NULLs.
            return _is_null(raw) if negative else True
        if _is_null(raw):
            # NULL never matches LIKE; Odoo's "not ilike" adds "OR col IS NULL".
            return negative
        ignore_case = "ilike" in base
        pattern = str(value) if value not in (False, None) else ""
        key = (pattern, anchored, ignore_case)
        regex = self._regex_cache.get(key)
        if regex is None:
            regex = _like_to_regex(pattern, anchored=anchored, ignore_case=ignore_case)
            self._regex_cache[key] = regex
        hit = bool(regex.match(str(raw)))
        return not hit if negative else hit


def _equal(raw: Any, value: Any) -> bool:
    if isinstance(raw, bool) or isinstance(value, bool):
        return raw is value or raw == value
    if isinstance(raw, (int, float)) and isinstance(value, (int, float)):
        return float(raw) == float(value)
    if isinstance(raw, str) and isinstance(value, (int, float)):
        return raw == str(value)
    return bool(raw == value)


def leaves(domain: Sequence[Any]) -> list[tuple[Any, str, Any]]:
    """The top-level AND-ed leaves of a domain (used to narrow the candidates through an index)."""
    prefix = normalize(domain)
    if any(tok in ("|", "!") for tok in prefix):
        return []
    return [tok for tok in prefix if isinstance(tok, tuple)]

"""A small ORM shaped like Odoo's: records in memory, recordsets, x2many commands, domains, transactions.

Only what a remote client can observe is modelled: field names and types from the recorded ``fields_get``,
read/search/create/write/unlink semantics, ``write_date`` as the transaction start in UTC seconds, rollback of a
failed call, and access rights per group.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from floorapp.odoo_sim.domain import Evaluator, leaves
from floorapp.odoo_sim.errors import AccessError, MissingError, OdooValueError, UserError, ValidationError

Clock = Callable[[], dt.datetime]
Record = dict[str, Any]

SUPERUSER_ID = 1
DATETIME_FMT = "%Y-%m-%d %H:%M:%S"
DATE_FMT = "%Y-%m-%d"


def utc_now() -> dt.datetime:
    """The default clock: naive UTC, as Odoo stores datetimes."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class FieldDef:
    """One field as ``fields_get`` describes it."""

    name: str
    type: str
    string: str
    relation: str | None = None
    selection: tuple[tuple[Any, str], ...] | None = None
    required: bool = False
    readonly: bool = False
    #: Attributes Odoo leaves out for this field (the reified group fields of res.users have no required/readonly).
    omit: frozenset[str] = frozenset()

    def describe(self) -> dict[str, Any]:
        """The ``fields_get`` entry."""
        out: dict[str, Any] = {"type": self.type, "string": self.string}
        for key, value in (("required", self.required), ("readonly", self.readonly)):
            if key not in self.omit:
                out[key] = value
        if self.relation:
            out["relation"] = self.relation
        if self.selection is not None:
            out["selection"] = [list(p) for p in self.selection]
        return out


def load_recorded_fields() -> dict[str, dict[str, FieldDef]]:
    """Field definitions trimmed from the Odoo 18 recordings (shipped as package data)."""
    raw = json.loads(resources.files("floorapp.odoo_sim").joinpath("fields_odoo18.json").read_text("utf-8"))
    return {model: {name: _fielddef(name, spec) for name, spec in fields.items()} for model, fields in raw.items()}


def _fielddef(name: str, spec: dict[str, Any]) -> FieldDef:
    selection = spec.get("selection")
    return FieldDef(
        name=name,
        type=spec["type"],
        string=spec.get("string", name),
        relation=spec.get("relation"),
        # Keys keep their recorded JSON types: res.users' sel_groups_* select group ids (ints) or False.
        selection=tuple((k, str(v)) for k, v in selection) if isinstance(selection, list) else None,
        required=bool(spec.get("required", False)),
        readonly=bool(spec.get("readonly", False)),
        omit=frozenset(key for key in ("required", "readonly") if key not in spec),
    )


def fields_from_spec(spec: dict[str, tuple[Any, ...]]) -> dict[str, FieldDef]:
    """Build field definitions for models that were not recorded: ``name: (type, string[, relation|selection])``."""
    out: dict[str, FieldDef] = {}
    base = {
        "id": ("integer", "ID"),
        "display_name": ("char", "Display Name"),
        "create_date": ("datetime", "Created on"),
        "create_uid": ("many2one", "Created by", "res.users"),
        "write_date": ("datetime", "Last Updated on"),
        "write_uid": ("many2one", "Last Updated by", "res.users"),
    }
    for name, item in {**base, **spec}.items():
        ftype, string = item[0], item[1]
        extra = item[2] if len(item) > 2 else None
        out[name] = FieldDef(
            name=name,
            type=ftype,
            string=string,
            relation=extra if isinstance(extra, str) else None,
            selection=tuple(extra) if isinstance(extra, list) else None,
            readonly=name in base,
        )
    return out


_EMPTY_BY_TYPE: dict[str, Any] = {
    "boolean": False,
    "integer": 0,
    "float": 0.0,
    "monetary": 0.0,
}


def empty_value(ftype: str) -> Any:
    """What Odoo returns for an unset field of this type."""
    if ftype in ("one2many", "many2many"):
        return []
    return _EMPTY_BY_TYPE.get(ftype, False)


class Transaction:
    """Undo log of one RPC call: the first old version of every touched record, restored on rollback."""

    def __init__(self, now: dt.datetime, db: Database) -> None:
        self.now = now
        self.db = db
        self.undo: dict[tuple[str, int], Record | None] = {}
        self.after_commit: list[Callable[[], None]] = []

    def touch(self, model: str, rid: int, old: Record | None) -> None:
        """Remember the version of a record before this transaction first changed it."""
        key = (model, rid)
        if key not in self.undo:
            self.undo[key] = None if old is None else dict(old)


class Database:
    """All tables of the simulated database, their indexes, sequences and the transaction lock."""

    def __init__(self, registry: Registry, clock: Clock = utc_now) -> None:
        self.registry = registry
        self.clock = clock
        #: Odoo major version served (17, 18 or 19); a few business rules differ.
        self.version = 18
        self.tables: dict[str, dict[int, Record]] = {name: {} for name in registry.models}
        self.next_id: dict[str, int] = {name: 1 for name in registry.models}
        self.sequences: dict[str, int] = {}
        # (model, field) -> value -> ids; kept for inverse fields of one2many and lookup fields.
        self.indexes: dict[tuple[str, str], dict[Any, set[int]]] = {}
        for name, cls in registry.classes.items():
            for field in cls._indexed_fields():
                self.indexes[(name, field)] = {}
        self._index_cache: dict[str, list[tuple[str, dict[Any, set[int]]]]] = {}
        self.lock = threading.RLock()
        self.txn: Transaction | None = None
        self.listeners: list[Callable[[Transaction], None]] = []

    # -- transactions ------------------------------------------------------------------------------------
    def begin(self) -> Transaction:
        """Open a transaction (the caller holds ``lock``); its ``now`` is the second the call started."""
        now = self.clock().replace(microsecond=0)
        self.txn = Transaction(now, self)
        return self.txn

    def commit(self) -> None:
        """Keep the changes and tell listeners (persistence) which records changed."""
        txn = self.txn
        self.txn = None
        if txn is None:
            return
        for listener in self.listeners:
            listener(txn)
        for hook in txn.after_commit:
            hook()

    def rollback(self) -> None:
        """Restore every record touched by the open transaction."""
        txn = self.txn
        self.txn = None
        if txn is None:
            return
        for (model, rid), old in txn.undo.items():
            current = self.tables[model].get(rid)
            if current is not None:
                self._unindex(model, rid, current)
            if old is None:
                self.tables[model].pop(rid, None)
            else:
                self.tables[model][rid] = old
                self._index(model, rid, old)

    def now(self) -> dt.datetime:
        """The transaction's time (Odoo's ``cr.now()``), or the clock outside a transaction."""
        return self.txn.now if self.txn else self.clock().replace(microsecond=0)

    # -- raw record access ---------------------------------------------------------------------------------
    def insert(self, model: str, values: Record, rid: int | None = None) -> int:
        """Store a new record (no defaults, no checks: the ORM layer did those)."""
        if rid is None:
            rid = self.next_id[model]
        self.next_id[model] = max(self.next_id[model], rid + 1)
        if self.txn:
            self.txn.touch(model, rid, None)
        values["id"] = rid
        self.tables[model][rid] = values
        self._index(model, rid, values)
        return rid

    def update(self, model: str, rid: int, values: Record) -> None:
        """Change stored values of one record."""
        rec = self.tables[model][rid]
        if self.txn:
            self.txn.touch(model, rid, rec)
        self._unindex(model, rid, rec)
        rec.update(values)
        self._index(model, rid, rec)

    def delete(self, model: str, rid: int) -> None:
        """Remove one record."""
        rec = self.tables[model].get(rid)
        if rec is None:
            return
        if self.txn:
            self.txn.touch(model, rid, rec)
        self._unindex(model, rid, rec)
        del self.tables[model][rid]

    def next_sequence(self, code: str) -> int:
        """Next number of a named sequence (``WH/OUT/`` per type, ``WAVE/`` ...).

        Not rolled back with a failed call: Odoo's standard sequences are PostgreSQL sequences, which leave
        gaps too.
        """
        value = self.sequences.get(code, 0) + 1
        self.sequences[code] = value
        return value

    def _index(self, model: str, rid: int, rec: Record) -> None:
        for field, index in self._indexes_of(model):
            value = rec.get(field, False)
            if value is False or value is None:
                continue
            ids = index.get(value)
            if ids is None:
                index[value] = {rid}
            else:
                ids.add(rid)

    def _unindex(self, model: str, rid: int, rec: Record) -> None:
        for field, index in self._indexes_of(model):
            ids = index.get(rec.get(field, False))
            if ids is not None:
                ids.discard(rid)

    def _indexes_of(self, model: str) -> list[tuple[str, dict[Any, set[int]]]]:
        # Hot path (every insert and update): the per-model index list is built once.
        found = self._index_cache.get(model)
        if found is None:
            found = [(key[1], idx) for key, idx in self.indexes.items() if key[0] == model]
            self._index_cache[model] = found
        return found

    def ids_where(self, model: str, field: str, value: Any) -> set[int] | None:
        """Ids whose ``field`` equals ``value`` if that field is indexed, else None."""
        index = self.indexes.get((model, field))
        if index is None:
            return None
        return index.get(value, set())


class Registry:
    """Model classes and field definitions, shared by all databases of a server."""

    def __init__(self) -> None:
        self.models: dict[str, dict[str, FieldDef]] = {}
        self.classes: dict[str, type[BaseModel]] = {}

    def register(self, cls: type[BaseModel], fields: dict[str, FieldDef]) -> None:
        """Add a model class with its fields."""
        self.models[cls._name] = fields
        self.classes[cls._name] = cls


class Env:
    """The execution environment of one call: database, user, context, superuser flag."""

    def __init__(self, db: Database, uid: int, context: dict[str, Any] | None = None, su: bool = False) -> None:
        self.db = db
        self.uid = uid
        self.context: dict[str, Any] = dict(context or {})
        self.su = su

    def __getitem__(self, model: str) -> BaseModel:
        cls = self.db.registry.classes.get(model)
        if cls is None:
            raise UserError(f"Object {model} doesn't exist")
        return cls(self, ())

    def __contains__(self, model: str) -> bool:
        return model in self.db.registry.classes

    def with_context(self, **updates: Any) -> Env:
        """A copy of this environment with context keys added."""
        return Env(self.db, self.uid, {**self.context, **updates}, self.su)

    def sudo(self) -> Env:
        """A copy that skips access rights (business code acting on the user's behalf)."""
        return Env(self.db, self.uid, self.context, True)

    @property
    def now(self) -> dt.datetime:
        """The transaction start time."""
        return self.db.now()

    @property
    def now_str(self) -> str:
        """``write_date`` as Odoo sends it: UTC, seconds."""
        return self.db.now().strftime(DATETIME_FMT)

    @property
    def today_str(self) -> str:
        """Today's date in UTC."""
        return self.db.now().strftime(DATE_FMT)

    @property
    def user(self) -> BaseModel:
        """The current user as a recordset."""
        return self["res.users"].browse(self.uid)

    def has_group(self, xmlid: str) -> bool:
        """Whether the current user belongs to the group (the superuser belongs to all)."""
        if self.uid == SUPERUSER_ID:
            return True
        checker: Any = self.db.registry.classes["res.users"]
        return bool(checker.user_has_group(self, self.uid, xmlid))


F = TypeVar("F", bound=Callable[..., Any])


def rpc(func: F) -> F:
    """Mark a method as callable over RPC on records (``args[0]`` are the ids)."""
    func._rpc = "records"  # type: ignore[attr-defined]
    return func


def rpc_model(func: F) -> F:
    """Mark a method as callable over RPC on the model (no ids), like Odoo's ``@api.model``."""
    func._rpc = "model"  # type: ignore[attr-defined]
    return func


class Recordset:
    """Marker for a recordset returned over RPC: JSON-RPC shows ``str(record)``; XML-RPC cannot marshal it."""

    def __init__(self, model: str, ids: Sequence[int]) -> None:
        self.model = model
        self.ids = list(ids)

    def __str__(self) -> str:
        inner = "".join(f"{i}," for i in self.ids)
        return f"{self.model}({inner})"


# Access control: model -> operation -> groups allowed. Models not listed are open to every internal user.
AclEntry = dict[str, tuple[str, ...]]


class BaseModel:
    """A recordset of one model bound to an environment; subclasses add business methods."""

    _name: ClassVar[str] = ""
    _description: ClassVar[str] = ""
    _order: ClassVar[str] = "id"
    _rec_name: ClassVar[str | None] = "name"
    _parent_name: ClassVar[str | None] = None
    #: Fields ``name_search`` looks in (Odoo's ``_rec_names_search``); empty: the display name.
    _rec_names_search: ClassVar[tuple[str, ...]] = ()
    #: one2many field -> (comodel, inverse many2one field)
    _inverse: ClassVar[dict[str, tuple[str, str]]] = {}
    #: extra fields to index for fast equality search
    _index: ClassVar[tuple[str, ...]] = ()
    #: model-specific access rules: operation ("read", "write", "create", "unlink") -> group xmlids allowed
    _acl: ClassVar[AclEntry] = {}
    #: fields computed on read (not stored); value of a getter ``_get_<field>(rec)``
    _computed: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, env: Env, ids: Sequence[int]) -> None:
        self.env = env
        self.ids: list[int] = list(ids)

    if TYPE_CHECKING:
        # Recordsets of a comodel are typed as BaseModel; let the checker accept model-specific methods.
        def __getattr__(self, name: str) -> Any: ...

    # -- recordset basics ---------------------------------------------------------------------------------
    @classmethod
    def _indexed_fields(cls) -> set[str]:
        fields = set(cls._index)
        # Inverse many2one fields of other models' one2many are registered by the registry builder.
        fields.update(getattr(cls, "_inverse_targets", ()))
        return fields

    @property
    def _fields(self) -> dict[str, FieldDef]:
        return self.env.db.registry.models[self._name]

    @property
    def _table(self) -> dict[int, Record]:
        return self.env.db.tables[self._name]

    def __iter__(self) -> Iterator[BaseModel]:
        for rid in self.ids:
            yield type(self)(self.env, (rid,))

    def __len__(self) -> int:
        return len(self.ids)

    def __bool__(self) -> bool:
        return bool(self.ids)

    def __or__(self, other: BaseModel) -> BaseModel:
        seen = dict.fromkeys(self.ids + other.ids)
        return self.browse(list(seen))

    def __repr__(self) -> str:
        return str(Recordset(self._name, self.ids))

    @property
    def id(self) -> int:
        """The id of a single record (False-y 0 for an empty recordset)."""
        return self.ids[0] if self.ids else 0

    def browse(self, ids: int | Iterable[int]) -> BaseModel:
        """A recordset of the given ids in the same environment."""
        if isinstance(ids, int):
            ids = [ids] if ids else []
        return type(self)(self.env, list(ids))

    def with_env(self, env: Env) -> BaseModel:
        """The same records in another environment."""
        return type(self)(env, self.ids)

    def sudo(self) -> BaseModel:
        """The same records, skipping access rights."""
        return self.with_env(self.env.sudo())

    def with_context(self, **updates: Any) -> BaseModel:
        """The same records with context keys added."""
        return self.with_env(self.env.with_context(**updates))

    def exists(self) -> BaseModel:
        """The subset that still exists."""
        return self.browse([i for i in self.ids if i in self._table])

    def ensure_one(self) -> BaseModel:
        """Raise unless exactly one record."""
        if len(self.ids) != 1:
            raise OdooValueError(f"Expected singleton: {self!r}")
        return self

    def filtered(self, predicate: Callable[[BaseModel], bool]) -> BaseModel:
        """The records for which ``predicate`` holds."""
        return self.browse([r.id for r in self if predicate(r)])

    def mapped(self, field: str) -> Any:
        """Values of a field; relational fields give a recordset of the comodel."""
        fdef = self._fields[field]
        if fdef.relation:
            ids: list[int] = []
            for rec in self:
                value = rec[field]
                ids.extend(value if isinstance(value, list) else [value] if value else [])
            return self.env[fdef.relation].browse(list(dict.fromkeys(ids)))
        return [rec[field] for rec in self]

    def __getitem__(self, field: str) -> Any:
        """Raw value of a field on a single record: int/False for many2one, ids for x2many."""
        return self._raw(self.ensure_one().id, field)

    def rel(self, field: str) -> BaseModel:
        """The relational field as a recordset of the comodel."""
        relation = self._fields[field].relation
        assert relation is not None
        value = self[field]
        return self.env[relation].browse(value if isinstance(value, list) else [value] if value else [])

    def _raw(self, rid: int, field: str) -> Any:
        rec = self._table.get(rid)
        if rec is None:
            raise MissingError(
                f"Record does not exist or has been deleted.\n(Record: {self._name}({rid},), User: {self.env.uid})"
            )
        if field == "id":
            return rid
        if field in rec:
            return rec[field]
        if field in self._computed or field == "display_name":
            getter = getattr(self, f"_get_{field}", None)
            if getter is not None:
                return getter(rec)
            if field == "display_name":
                return self._display_name(rec)
        if field in self._inverse:
            comodel, inverse = self._inverse[field]
            ids = self.env.db.ids_where(comodel, inverse, rid)
            if ids is None:
                ids = {i for i, r in self.env.db.tables[comodel].items() if r.get(inverse) == rid}
            return self._order_ids(comodel, ids)
        fdef = self._fields.get(field)
        return empty_value(fdef.type) if fdef else False

    def _order_ids(self, comodel: str, ids: Iterable[int]) -> list[int]:
        cls = self.env.db.registry.classes[comodel]
        return cls(self.env, ()).sorted_ids(list(ids), None)

    def _display_name(self, rec: Record) -> str:
        if self._rec_name and rec.get(self._rec_name):
            return str(rec[self._rec_name])
        return f"{self._name},{rec['id']}"

    # -- access rights ------------------------------------------------------------------------------------
    def check_access(self, operation: str) -> None:
        """Raise Odoo's AccessError unless the user's groups allow ``operation`` on this model."""
        env = self.env
        if env.su or env.uid == SUPERUSER_ID:
            return
        allowed = self._acl.get(operation)
        if allowed is None:
            return
        if any(env.has_group(g) for g in allowed):
            return
        verb = {"read": "access", "write": "modify", "create": "create", "unlink": "delete"}[operation]
        groups = "\n".join(f"\t- {GROUP_LABELS.get(g, g)}" for g in allowed)
        raise AccessError(
            f"You are not allowed to {verb} '{self._description}' ({self._name}) records.\n\n"
            f"This operation is allowed for the following groups:\n{groups}\n\n"
            "Contact your administrator to request access if necessary."
        )

    # -- ORM: read ------------------------------------------------------------------------------------------
    @rpc
    def read(self, fields: Sequence[str] | None = None, load: str = "_classic_read") -> list[Record]:
        """Odoo's read: many2one as [id, name], x2many as id lists; missing ids are skipped."""
        self.check_access("read")
        names = list(fields) if fields else [f for f in self._fields if f not in self._hidden_fields()]
        for name in names:
            if name not in self._fields:
                raise OdooValueError(f"Invalid field {name!r} on model {self._name!r}")
        out = []
        for rid in self.ids:
            if rid not in self._table:
                continue
            row: Record = {"id": rid}
            for name in names:
                row[name] = self._convert_to_read(rid, name, load)
            out.append(row)
        return out

    def _hidden_fields(self) -> frozenset[str]:
        return frozenset()

    def _convert_to_read(self, rid: int, name: str, load: str = "_classic_read") -> Any:
        fdef = self._fields[name]
        value = self._raw(rid, name)
        if fdef.type == "many2one":
            if not value:
                return False
            if load != "_classic_read":
                return value
            comodel = fdef.relation or ""
            cls = self.env.db.registry.classes.get(comodel)
            if cls is None:
                return [value, str(value)]
            co = cls(self.env, ())
            rec = co._table.get(value)
            return [value, co._display_name_of(value) if rec is not None else ""]
        if fdef.type in ("one2many", "many2many"):
            return list(value or [])
        if fdef.type in {"float", "monetary"}:
            return float(value or 0.0)
        if fdef.type == "integer" and fdef.name != "id":
            return int(value or 0)
        if fdef.type == "many2one_reference":
            return value or False
        return value

    def _display_name_of(self, rid: int) -> str:
        return str(self._raw(rid, "display_name"))

    # -- ORM: search ----------------------------------------------------------------------------------------
    def _active_domain(self, domain: Sequence[Any]) -> list[Any]:
        domain = list(domain or [])
        if "active" in self._fields and self.env.context.get("active_test", True):
            mentioned = any(isinstance(t, (list, tuple)) and t and t[0] == "active" for t in domain)
            if not mentioned:
                domain = [("active", "=", True), *domain] if domain else [("active", "=", True)]
        return domain

    def _search_ids(
        self, domain: Sequence[Any], offset: int = 0, limit: int | None = None, order: str | None = None
    ) -> list[int]:
        domain = self._active_domain(domain)
        source = _Source(self.env)
        predicate = Evaluator(source, self._name).compile(domain)
        candidates = self._candidates(domain)
        ids = [rid for rid in candidates if predicate(rid)]
        ids = self.sorted_ids(ids, order)
        if offset:
            ids = ids[offset:]
        if limit:
            ids = ids[:limit]
        return ids

    def _candidates(self, domain: Sequence[Any]) -> Iterable[int]:
        best: set[int] | None = None
        for path, op, value in leaves(domain):
            if not isinstance(path, str) or "." in path or path == "active":
                continue
            if op == "=" and value not in (False, None) and not isinstance(value, (list, dict)):
                found = self.env.db.ids_where(self._name, path, value)
            elif op == "in" and isinstance(value, (list, tuple)) and False not in value:
                if path == "id":
                    found = {v for v in value if isinstance(v, int) and v in self._table}
                else:
                    sets = [self.env.db.ids_where(self._name, path, v) for v in value]
                    found = None if any(s is None for s in sets) else set().union(*[s for s in sets if s])
            elif op == "=" and path == "id" and isinstance(value, int):
                found = {value} if value in self._table else set()
            else:
                found = None
            if found is not None and (best is None or len(found) < len(best)):
                best = found
        if best is None:
            return list(self._table)
        return [i for i in best if i in self._table]

    def sorted_ids(self, ids: list[int], order: str | None) -> list[int]:
        """Sort ids by an Odoo order spec (``"write_date desc, id"``); many2one fields sort by id."""
        spec = order or self._order
        keys: list[tuple[str, bool]] = []
        for part in spec.split(","):
            bits = part.strip().split()
            if not bits:
                continue
            name = bits[0]
            desc = len(bits) > 1 and bits[1].lower() == "desc"
            if name not in self._fields and name != "id":
                raise OdooValueError(f"Invalid field {name!r} on model {self._name!r}")
            keys.append((name, desc))
        if not keys or keys[-1][0] != "id":
            keys.append(("id", False))
        result = list(ids)
        # Stable sorts from the last key to the first give a multi-key sort with mixed directions.
        for name, desc in reversed(keys):
            def key(rid: int, name: str = name, desc: bool = desc) -> tuple[int, Any]:
                value = self._raw(rid, name)
                if isinstance(value, list):
                    value = value[0] if value else None
                null = value is False or value is None
                if null:
                    # PostgreSQL: NULLS LAST ascending, NULLS FIRST descending.
                    return (1 if not desc else -1, 0)
                if isinstance(value, bool):
                    value = int(value)
                return (0, value if not isinstance(value, str) else value.lower())
            try:
                result.sort(key=key, reverse=desc)
            except TypeError:
                result.sort(key=lambda rid, k=key: str(k(rid)), reverse=desc)  # type: ignore[misc]
        return result

    @rpc_model
    def search(
        self, domain: Sequence[Any] = (), offset: int = 0, limit: int | None = None, order: str | None = None,
        count: bool = False,
    ) -> Any:
        """Ids of matching records."""
        self.check_access("read")
        ids = self._search_ids(domain, offset, limit, order)
        return len(ids) if count else ids

    def find(self, domain: Sequence[Any], limit: int | None = None, order: str | None = None) -> BaseModel:
        """Python-side search returning a recordset."""
        return self.browse(self._search_ids(domain, 0, limit, order))

    @rpc_model
    def search_count(self, domain: Sequence[Any] = (), limit: int | None = None) -> int:
        """Number of matching records."""
        self.check_access("read")
        ids = self._search_ids(domain)
        return min(len(ids), limit) if limit else len(ids)

    @rpc_model
    def search_read(
        self, domain: Sequence[Any] | None = None, fields: Sequence[str] | None = None, offset: int = 0,
        limit: int | None = None, order: str | None = None,
    ) -> list[Record]:
        """search + read in one call."""
        self.check_access("read")
        ids = self._search_ids(domain or [], offset, limit, order)
        return self.browse(ids).read(fields)

    @rpc_model
    def name_search(
        self, name: str = "", domain: Sequence[Any] | None = None, operator: str = "ilike", limit: int = 100,
        args: Sequence[Any] | None = None,
    ) -> list[list[Any]]:
        """[[id, display_name], ...] of records whose name matches (on ``_rec_names_search`` when set)."""
        self.check_access("read")
        domain = list(domain or args or [])
        if name and self._rec_names_search:
            # Odoo ORs the leaves on each searched field; a negative operator ANDs them instead.
            negative = operator in ("!=", "not like", "not ilike", "not in")
            fields = list(self._rec_names_search)
            joined = ["&" if negative else "|"] * (len(fields) - 1) + [(f, operator, name) for f in fields]
            ids = self._search_ids([*domain, *joined], 0, limit or None, None)
            return [[rid, self._display_name_of(rid)] for rid in ids]
        ids = self._search_ids(domain, 0, None, None)
        out = []
        for rid in ids:
            label = self._display_name_of(rid)
            if name and not Evaluator(_Source(self.env), self._name)._match_scalar("char", label, operator, name):
                continue
            out.append([rid, label])
            if limit and len(out) >= limit:
                break
        return out

    @rpc_model
    def fields_get(self, allfields: Sequence[str] | None = None, attributes: Sequence[str] | None = None) -> Any:
        """Field metadata, as recorded."""
        out = {}
        for name, fdef in self._fields.items():
            if allfields and name not in allfields:
                continue
            desc = fdef.describe()
            if attributes:
                desc = {k: v for k, v in desc.items() if k in attributes}
            out[name] = desc
        return out

    @rpc_model
    def default_get(self, fields_list: Sequence[str]) -> Record:
        """Defaults the model would apply on create (context ``default_*`` included)."""
        vals = self._defaults()
        for key, value in self.env.context.items():
            if key.startswith("default_") and key[8:] in self._fields:
                vals[key[8:]] = value
        return {k: v for k, v in vals.items() if k in fields_list}

    def _defaults(self) -> Record:
        return {}

    # -- ORM: create/write/unlink ------------------------------------------------------------------------
    @rpc_model
    def create(self, vals_list: Record | list[Record]) -> Any:
        """Create one record (returns its id) or several (returns the ids)."""
        self.check_access("create")
        single = isinstance(vals_list, dict)
        items: list[Record] = [vals_list] if isinstance(vals_list, dict) else list(vals_list or [])
        records = self._create_records([dict(v) for v in items])
        return records.ids[0] if single else records.ids

    def new_records(self, vals_list: Sequence[Record]) -> BaseModel:
        """Python-side create returning a recordset."""
        return self._create_records([dict(v) for v in vals_list])

    def new_record(self, vals: Record) -> BaseModel:
        """Python-side create of one record."""
        return self._create_records([dict(vals)])

    def _create_records(self, items: list[Record]) -> BaseModel:
        ids = []
        for vals in items:
            full = self._defaults()
            for key, value in self.env.context.items():
                if key.startswith("default_") and key[8:] in self._fields:
                    full[key[8:]] = value
            full.update(vals)
            full = self._prepare_create(full)
            stored, x2many = self._convert_vals(full)
            now = self.env.now_str
            stored.setdefault("create_date", now)
            stored["write_date"] = now
            stored.setdefault("create_uid", self.env.uid)
            stored["write_uid"] = self.env.uid
            rid = self.env.db.insert(self._name, stored)
            record = self.browse(rid)
            record._write_x2many(x2many)
            record._after_create(full)
            ids.append(rid)
        return self.browse(ids)

    def _prepare_create(self, vals: Record) -> Record:
        """Hook: fill computed values (names from sequences ...) before the record is stored."""
        return vals

    def _after_create(self, vals: Record) -> None:
        """Hook: side effects once the record exists."""

    @rpc
    def write(self, vals: Record) -> bool:
        """Change the records; x2many values take Odoo's command lists."""
        self.check_access("write")
        self._check_exist()
        self._write(dict(vals))
        return True

    def _mandatory_missing(self, field: str) -> ValidationError:
        """Odoo's error for a required field left empty (PostgreSQL's NOT NULL turned into a ValidationError)."""
        return ValidationError(
            "The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n"
            "- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n"
            f"Model: {self._description} ({self._name})\nField: {self._fields[field].string} ({field})\n"
        )

    def _check_exist(self) -> None:
        missing = [i for i in self.ids if i not in self._table]
        if missing:
            raise MissingError(
                "Record does not exist or has been deleted.\n"
                f"(Record: {self._name}({', '.join(map(str, missing))},), User: {self.env.uid})"
            )

    def _write(self, vals: Record) -> None:
        stored, x2many = self._convert_vals(vals)
        stored["write_date"] = self.env.now_str
        stored["write_uid"] = self.env.uid
        for rid in self.ids:
            self.env.db.update(self._name, rid, dict(stored))
        for rec in self:
            rec._write_x2many(x2many)

    def set(self, **vals: Any) -> None:
        """Python-side write that skips access checks and hooks (stored values only)."""
        self._write(vals)

    def _convert_vals(self, vals: Record) -> tuple[Record, dict[str, list[Any]]]:
        stored: Record = {}
        x2many: dict[str, list[Any]] = {}
        for name, value in vals.items():
            fdef = self._fields.get(name)
            if fdef is None:
                raise OdooValueError(f"Invalid field {name!r} on model {self._name!r}")
            if name == "id":
                continue
            if fdef.type in ("one2many", "many2many"):
                x2many[name] = _normalize_commands(value)
                continue
            if fdef.type == "many2one":
                ref = (value[0] if value else False) if isinstance(value, (list, tuple)) else value
                stored[name] = int(ref) if ref else False
            elif fdef.type == "selection":
                valid = {k for k, _ in fdef.selection or ()}
                if value not in (False, None) and fdef.selection is not None and value not in valid:
                    raise OdooValueError(f"Wrong value for {self._name}.{name}: {value!r}")
                stored[name] = value if value is not None else False
            elif fdef.type in ("float", "monetary"):
                stored[name] = float(value or 0.0)
            elif fdef.type == "integer":
                stored[name] = int(value or 0)
            elif fdef.type == "boolean":
                stored[name] = bool(value)
            elif fdef.type == "datetime" and isinstance(value, str) and len(value) == 10:
                stored[name] = value + " 00:00:00"
            else:
                stored[name] = value if value is not None else False
        return stored, x2many

    def _write_x2many(self, x2many: dict[str, list[Any]]) -> None:
        if not x2many:
            return
        rid = self.ensure_one().id
        for name, commands in x2many.items():
            fdef = self._fields[name]
            comodel = self.env[fdef.relation or ""]
            if fdef.type == "one2many":
                inverse = self._inverse.get(name)
                if inverse is None:
                    continue
                inv = inverse[1]
                for cmd in commands:
                    code = cmd[0]
                    if code == 0:
                        comodel.new_record({**cmd[2], inv: rid})
                    elif code == 1:
                        # Odoo's UPDATE command is the co-model's full write (its rules and side effects, e.g.
                        # a move line's reservation), not a bare store of the values.
                        comodel.browse(cmd[1]).write(dict(cmd[2]))
                    elif code == 2:
                        comodel.browse(cmd[1]).unlink_records()
                    elif code == 3:
                        comodel.browse(cmd[1])._write({inv: False})
                    elif code == 4:
                        comodel.browse(cmd[1])._write({inv: rid})
                    elif code == 5:
                        comodel.browse(self._raw(rid, name))._write({inv: False})
                    elif code == 6:
                        keep = set(cmd[2] or [])
                        linked = set(self._raw(rid, name))
                        comodel.browse(sorted(linked - keep))._write({inv: False})
                        comodel.browse(sorted(keep - linked))._write({inv: rid})
            else:
                current = list(self._raw(rid, name) or [])
                for cmd in commands:
                    code = cmd[0]
                    if code == 0:
                        current.append(comodel.new_record(dict(cmd[2])).id)
                    elif code == 1:
                        comodel.browse(cmd[1]).write(dict(cmd[2]))
                    elif code == 2:
                        comodel.browse(cmd[1]).unlink_records()
                        current = [i for i in current if i != cmd[1]]
                    elif code == 3:
                        current = [i for i in current if i != cmd[1]]
                    elif code == 4:
                        if cmd[1] not in current:
                            current.append(cmd[1])
                    elif code == 5:
                        current = []
                    elif code == 6:
                        current = list(cmd[2] or [])
                self.env.db.update(self._name, rid, {name: list(dict.fromkeys(current))})

    @rpc
    def unlink(self) -> bool:
        """Delete the records; an id that is already gone is a ``MissingError``, as in Odoo (not a no-op)."""
        self.check_access("unlink")
        self._check_exist()
        self._check_unlink()
        self.unlink_records()
        return True

    def _check_unlink(self) -> None:
        """Hook: refuse deletions Odoo refuses."""

    def unlink_records(self) -> None:
        """Delete without access checks; one2many children owned by these records go with them."""
        for rid in list(self.ids):
            for name, (comodel, inverse) in self._inverse.items():
                if name in self._cascade:
                    children = self.env.db.ids_where(comodel, inverse, rid) or set()
                    self.env[comodel].browse(sorted(children)).unlink_records()
            self.env.db.delete(self._name, rid)

    _cascade: ClassVar[frozenset[str]] = frozenset()

    @rpc
    def copy(self, default: Record | None = None) -> list[int]:
        """Duplicate the records (stored fields only); Odoo 18 answers the list of new ids over RPC."""
        self.check_access("create")
        self._check_exist()
        new_ids: list[int] = []
        for rid in self.ids:
            rec = dict(self._table[rid])
            for key in ("id", "create_date", "write_date", "create_uid", "write_uid"):
                rec.pop(key, None)
            rec.update(default or {})
            new_ids.append(int(self.browse(()).create(rec)))
        return new_ids

    @rpc
    def action_archive(self) -> bool:
        """Set active=False."""
        self.write({"active": False})
        return True

    @rpc
    def action_unarchive(self) -> bool:
        """Set active=True."""
        self.write({"active": True})
        return True

    @rpc_model
    def check_access_rights(self, operation: str, raise_exception: bool = True) -> bool:
        """Whether the user may perform ``operation`` on the model (Odoo 17/18 API)."""
        try:
            self.check_access(operation)
        except AccessError:
            if raise_exception:
                raise
            return False
        return True

    @rpc
    def has_access(self, operation: str) -> bool:
        """Odoo 18's access probe on records."""
        return self.check_access_rights(operation, raise_exception=False)


GROUP_LABELS: dict[str, str] = {
    "base.group_system": "Administration/Settings",
    "base.group_erp_manager": "Administration/Access Rights",
    "stock.group_stock_manager": "Inventory/Administrator",
    "stock.group_stock_user": "Inventory/User",
    "base.group_user": "User types/Internal User",
    "hr.group_hr_user": "Employees/Officer: Manage all employees",
}


def _normalize_commands(value: Any) -> list[Any]:
    if value is False or value is None:
        return [(5, 0, 0)]
    if not isinstance(value, (list, tuple)):
        raise OdooValueError(f"Wrong value for an x2many field: {value!r}")
    if value and all(isinstance(v, int) for v in value):
        # A bare id list is accepted by Odoo as "replace by these ids".
        return [(6, 0, list(value))]
    out = []
    for cmd in value:
        if not isinstance(cmd, (list, tuple)) or not cmd:
            raise OdooValueError(f"Invalid command {cmd!r}")
        code = cmd[0]
        if code in (0, 1) and (len(cmd) < 3 or not isinstance(cmd[2], dict)):
            raise OdooValueError(f"Invalid command {cmd!r}")
        if code == 6 and len(cmd) < 3:
            raise OdooValueError(f"Invalid command {cmd!r}")
        padded = list(cmd) + [0] * (3 - len(cmd))
        out.append(tuple(padded))
    return out


class _Source:
    """Adapter giving the domain evaluator raw values through the ORM."""

    def __init__(self, env: Env) -> None:
        self.env = env
        self._models: dict[str, BaseModel] = {}

    def _model(self, model: str) -> BaseModel:
        found = self._models.get(model)
        if found is None:
            found = self.env[model]
            self._models[model] = found
        return found

    def field_type(self, model: str, field: str) -> tuple[str, str | None] | None:
        fields = self.env.db.registry.models.get(model, {})
        if field == "id":
            return ("integer", None)
        fdef = fields.get(field)
        if fdef is None:
            return None
        relation = fdef.relation if fdef.relation in self.env.db.registry.models else None
        return (fdef.type, relation)

    def value(self, model: str, rec_id: int, field: str) -> Any:
        try:
            return self._model(model)._raw(rec_id, field)
        except MissingError:
            return False

    def display_name(self, model: str, rec_id: int) -> str:
        try:
            return self._model(model)._display_name_of(rec_id)
        except MissingError:
            return ""

    def parent_field(self, model: str) -> str | None:
        return self.env.db.registry.classes[model]._parent_name

    def all_ids(self, model: str) -> Iterable[int]:
        return list(self.env.db.tables[model])


def deep_copy_tables(db: Database) -> dict[str, dict[int, Record]]:
    """A copy of every table (used by snapshots in tests)."""
    return copy.deepcopy(db.tables)

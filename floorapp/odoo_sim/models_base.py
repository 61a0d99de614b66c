"""Base models: users, groups, companies, partners, metadata, attachments, chatter, products, barcodes, HR."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from floorapp.odoo_sim.errors import AccessError, OdooValueError, UserError, ValidationError
from floorapp.odoo_sim.orm import SUPERUSER_ID, BaseModel, Record, rpc, rpc_model

MANAGER = ("stock.group_stock_manager",)
CONFIG_ACL: dict[str, tuple[str, ...]] = {"create": MANAGER, "write": MANAGER, "unlink": MANAGER}


class ResUsers(BaseModel):
    """``res.users``: logins, passwords, groups (``groups_id``) and the ``has_group`` probe."""

    _name = "res.users"
    _description = "User"
    _order = "name, login"
    _acl: ClassVar[dict[str, tuple[str, ...]]] = {
        "create": ("base.group_erp_manager",),
        "write": ("base.group_erp_manager",),
        "unlink": ("base.group_erp_manager",),
    }
    _index = ("login",)

    def _hidden_fields(self) -> frozenset[str]:
        return frozenset({"password", "new_password"})

    def _convert_to_read(self, rid: int, name: str, load: str = "_classic_read") -> Any:
        if name in ("password", "new_password"):
            # Odoo never sends a password hash back.
            return ""
        if name.startswith("in_group_"):
            try:
                gid = int(name[len("in_group_"):])
            except ValueError:
                return False
            return gid in (self._raw(rid, "groups_id") or [])
        return super()._convert_to_read(rid, name, load)

    def write(self, vals: Record) -> bool:
        # A user may change some of their own preferences without Access Rights (Odoo's SELF_WRITEABLE).
        if self.ids == [self.env.uid] and set(vals) <= {"tz", "lang", "signature", "email", "name"}:
            self._write(dict(vals))
            return True
        return super().write(vals)

    @classmethod
    def user_has_group(cls, env: Any, uid: int, xmlid: str) -> bool:
        """Whether user ``uid`` is in the group named by its external id."""
        gid = env["ir.model.data"].xmlid_to_id(xmlid)
        if not gid:
            return False
        rec = env.db.tables["res.users"].get(uid)
        return rec is not None and gid in (rec.get("groups_id") or [])

    @rpc
    def has_group(self, group_ext_id: str) -> bool:
        """Whether the user (this record, or the caller when called on no record) is in the group."""
        uid = self.ids[0] if self.ids else self.env.uid
        if uid == SUPERUSER_ID:
            return True
        return self.user_has_group(self.env, uid, group_ext_id)

    @rpc_model
    def context_get(self) -> dict[str, Any]:
        """The user's context (language and timezone), as odoorpc asks for it after login."""
        rec = self.env.db.tables["res.users"].get(self.env.uid, {})
        return {"lang": rec.get("lang") or "en_US", "tz": rec.get("tz") or "Europe/Brussels", "uid": self.env.uid}


class ResGroups(BaseModel):
    """``res.groups``: security groups with Odoo's ``full_name`` ("Inventory / Administrator")."""

    _name = "res.groups"
    _description = "Access Groups"
    _computed = frozenset({"full_name"})

    def _get_full_name(self, rec: Record) -> str:
        return f"{rec.get('category', '')} / {rec.get('name', '')}" if rec.get("category") else rec.get("name", "")

    def _get_display_name(self, rec: Record) -> str:
        return self._get_full_name(rec)


class ResCompany(BaseModel):
    """``res.company`` with the stock_sms flags that trigger the one-time SMS wizard."""

    _name = "res.company"
    _description = "Companies"
    _acl: ClassVar[dict[str, tuple[str, ...]]] = {
        "create": ("base.group_system",), "write": ("base.group_system",), "unlink": ("base.group_system",),
    }


class ResPartner(BaseModel):
    """``res.partner``: customers, vendors and the users' own partners."""

    _name = "res.partner"
    _description = "Contact"
    _order = "name, id"


class IrModel(BaseModel):
    """``ir.model``: one record per model, so ``'x' in odoorpc.env`` works."""

    _name = "ir.model"
    _description = "Models"
    _index = ("model",)


class IrModelFields(BaseModel):
    """``ir.model.fields``: one record per field of every model (clients count or inspect fields with it)."""

    _name = "ir.model.fields"
    _description = "Fields"
    _order = "id"
    _rec_name = "field_description"
    _index = ("model",)


class IrModelData(BaseModel):
    """``ir.model.data``: external ids (``stock.group_stock_manager`` -> res.groups id)."""

    _name = "ir.model.data"
    _description = "Model Data"

    def xmlid_to_id(self, xmlid: str) -> int:
        """The database id an external id points to, or 0."""
        module, _, name = xmlid.partition(".")
        for rec in self.env.db.tables["ir.model.data"].values():
            if rec.get("module") == module and rec.get("name") == name:
                return int(rec.get("res_id") or 0)
        return 0

    @rpc_model
    def check_object_reference(self, module: str, xml_id: str, raise_on_access_error: bool = False) -> Any:
        """(model, id) of an external id, as odoorpc's ``env.ref`` asks for it."""
        for rec in self.env.db.tables["ir.model.data"].values():
            if rec.get("module") == module and rec.get("name") == xml_id:
                return [rec["model"], rec["res_id"]]
        raise OdooValueError(f"External ID not found in the system: {module}.{xml_id}")

    @rpc_model
    def xmlid_to_res_model_res_id(self, xmlid: str, raise_if_not_found: bool = False) -> Any:
        """Older odoorpc entry point for ``env.ref``."""
        module, _, name = xmlid.partition(".")
        return self.check_object_reference(module, name)


class IrConfigParameter(BaseModel):
    """``ir.config_parameter``: system parameters, readable by Settings administrators only."""

    _name = "ir.config_parameter"
    _description = "System Parameter"
    _rec_name = "key"
    _acl: ClassVar[dict[str, tuple[str, ...]]] = {
        "read": ("base.group_system",), "write": ("base.group_system",),
        "create": ("base.group_system",), "unlink": ("base.group_system",),
    }

    @rpc_model
    def get_param(self, key: str, default: Any = False) -> Any:
        """Value of a parameter."""
        self.check_access("read")
        for rec in self._table.values():
            if rec.get("key") == key:
                return rec.get("value")
        return default


class ResUsersApikeys(BaseModel):
    """``res.users.apikeys``: API keys usable as passwords (the key itself is never readable)."""

    _name = "res.users.apikeys"
    _description = "Users API Keys"
    _index = ("key",)
    _acl: ClassVar[dict[str, tuple[str, ...]]] = {
        "read": ("base.group_system",), "write": ("base.group_system",),
        "create": ("base.group_system",), "unlink": ("base.group_system",),
    }

    def _hidden_fields(self) -> frozenset[str]:
        return frozenset({"key"})


class IrAttachment(BaseModel):
    """``ir.attachment``: binary files stored in memory; checksum and store_fname as Odoo computes them."""

    _name = "ir.attachment"
    _description = "Attachment"
    _order = "id desc"
    _index = ("res_id",)

    def _prepare_create(self, vals: Record) -> Record:
        datas = vals.get("datas") or (base64.b64encode(vals["raw"]).decode() if vals.get("raw") else False)
        vals.pop("raw", None)
        if datas:
            raw = base64.b64decode(str(datas))
            sha = hashlib.sha1(raw).hexdigest()
            vals.update(
                datas=datas, file_size=len(raw), checksum=sha, store_fname=f"{sha[:2]}/{sha}", type="binary"
            )
        vals.setdefault("type", "binary")
        vals.setdefault("public", False)
        vals.setdefault("access_token", False)
        if not vals.get("mimetype"):
            vals["mimetype"] = "application/octet-stream"
        return vals

    def _write(self, vals: Record) -> None:
        if "datas" in vals:
            vals = self._prepare_create(dict(vals))
        super()._write(vals)

    def content(self) -> bytes:
        """The raw bytes of one attachment."""
        datas = self["datas"]
        return base64.b64decode(str(datas)) if datas else b""


class MailMessage(BaseModel):
    """``mail.message``: chatter messages, written by ``message_post`` or created directly (Odoo's ``create``
    takes a list of values: several notes in one call).

    Created directly, a message gets Odoo's defaults (``comment``, the user's partner as author, now); its
    document must exist and be writable by the user, as Odoo's message access rules require for a post.
    """

    _name = "mail.message"
    _description = "Message"
    _order = "id desc"
    _rec_name = None

    def _defaults(self) -> Record:
        return {"message_type": "comment"}

    def _prepare_create(self, vals: Record) -> Record:
        vals.setdefault("date", self.env.now_str)
        if not vals.get("author_id"):
            vals["author_id"] = self.env.db.tables["res.users"].get(self.env.uid, {}).get("partner_id", False)
        if vals.get("subtype_id") and not vals.get("subtype_xmlid"):
            for rec in self.env.db.tables["ir.model.data"].values():
                if rec.get("model") == "mail.message.subtype" and rec.get("res_id") == vals["subtype_id"]:
                    vals["subtype_xmlid"] = f"{rec['module']}.{rec['name']}"
        elif vals.get("subtype_xmlid") and not vals.get("subtype_id"):
            vals["subtype_id"] = self.env["ir.model.data"].xmlid_to_id(str(vals["subtype_xmlid"])) or False
        model, res_id = vals.get("model"), vals.get("res_id")
        if model and res_id and not self.env.su:
            document = self.env[str(model)].browse([int(res_id)])
            document._check_exist()
            document.check_access("write")
        return vals


class MailMessageSubtype(BaseModel):
    """``mail.message.subtype``: Discussions (``mail.mt_comment``) and Note (``mail.mt_note``, internal)."""

    _name = "mail.message.subtype"
    _description = "Message subtypes"
    _order = "sequence, id"


class MailThread:
    """Mixin for models with a chatter: ``message_post`` and ``message_attachment_count``."""

    if TYPE_CHECKING:
        env: Any
        ids: list[int]
        _name: ClassVar[str]

        def _check_exist(self) -> None: ...

    @rpc
    def message_post(  # noqa: PLR0917 - Odoo's signature
        self, body: str = "", subject: str | None = None, message_type: str = "notification",
        subtype_xmlid: str | None = None, attachment_ids: Sequence[int] | None = None, partner_ids: Any = None,
        **kwargs: Any,
    ) -> int:
        """Post a chatter message; attachments are re-linked to the record. Returns the message id."""
        self._check_exist()
        if len(self.ids) != 1:
            raise OdooValueError(f"Expected singleton: {self._name}({self.ids})")
        rid = self.ids[0]
        for att in attachment_ids or []:
            rec = self.env.db.tables["ir.attachment"].get(att)
            if rec is not None and (rec.get("res_model") in (False, None, "mail.compose.message", self._name)):
                self.env["ir.attachment"].browse(att).set(res_model=self._name, res_id=rid)
        msg = self.env["mail.message"].sudo().new_record(
            {
                "body": body,
                "subject": subject or False,
                "model": self._name,
                "res_id": rid,
                "message_type": message_type,
                "subtype_xmlid": subtype_xmlid or False,
                "attachment_ids": [(6, 0, list(attachment_ids or []))],
                "author_id": self.env.db.tables["res.users"].get(self.env.uid, {}).get("partner_id", False),
            }
        )
        return int(msg.id)

    def _get_message_attachment_count(self, rec: Record) -> int:
        ids = self.env.db.ids_where("ir.attachment", "res_id", rec["id"]) or set()
        table = self.env.db.tables["ir.attachment"]
        return sum(1 for i in ids if table[i].get("res_model") == self._name)

    def _get_message_ids(self, rec: Record) -> list[int]:
        return sorted(
            (m["id"] for m in self.env.db.tables["mail.message"].values()
             if m.get("model") == self._name and m.get("res_id") == rec["id"]),
            reverse=True,
        )

    def _get_has_message(self, rec: Record) -> bool:
        return bool(self._get_message_ids(rec))


class UomUom(BaseModel):
    """``uom.uom``: units of measure."""

    _name = "uom.uom"
    _description = "Product Unit of Measure"
    _acl = CONFIG_ACL


class BarcodeNomenclature(BaseModel):
    """``barcode.nomenclature``: the GS1 nomenclature and its rules."""

    _name = "barcode.nomenclature"
    _description = "Barcode Nomenclature"
    _inverse: ClassVar[dict[str, tuple[str, str]]] = {"rule_ids": ("barcode.rule", "barcode_nomenclature_id")}
    _acl = CONFIG_ACL


class BarcodeRule(BaseModel):
    """``barcode.rule``: one pattern of a nomenclature (GTIN, lot, expiry, quantity, location ...)."""

    _name = "barcode.rule"
    _description = "Barcode Rule"
    _order = "sequence asc, id"
    _acl = CONFIG_ACL


class DeliveryCarrier(BaseModel):
    """``delivery.carrier``: shipping methods; a picking with one gets the package-details wizard."""

    _name = "delivery.carrier"
    _description = "Shipping Methods"
    _acl = CONFIG_ACL


PRODUCT_SHARED = (
    "name", "default_code", "barcode", "tracking", "is_storable", "type", "uom_id", "uom_po_id", "weight",
    "active", "use_expiration_date", "sale_ok", "purchase_ok", "list_price", "expiration_time",
    "use_time", "removal_time", "alert_time", "categ_id", "description_picking",
)


class ProductTemplate(BaseModel):
    """``product.template``: kept in step with its single variant."""

    _name = "product.template"
    _description = "Product"
    _order = "is_favorite desc, name, id"
    _acl = CONFIG_ACL
    _inverse: ClassVar[dict[str, tuple[str, str]]] = {
        "product_variant_ids": ("product.product", "product_tmpl_id"),
    }
    _computed = frozenset({"product_variant_id", "product_variant_count", "qty_available", "display_name"})

    def _defaults(self) -> Record:
        return {"type": "consu", "tracking": "none", "is_storable": False, "active": True, "uom_id": 1,
                "uom_po_id": 1, "sale_ok": True, "purchase_ok": True}

    def _get_display_name(self, rec: Record) -> str:
        code = rec.get("default_code")
        return f"[{code}] {rec.get('name')}" if code else str(rec.get("name"))

    def _get_product_variant_id(self, rec: Record) -> Any:
        ids = self._raw(rec["id"], "product_variant_ids")
        return ids[0] if ids else False

    def _get_product_variant_count(self, rec: Record) -> int:
        return len(self._raw(rec["id"], "product_variant_ids"))

    def _get_qty_available(self, rec: Record) -> float:
        variant = self._get_product_variant_id(rec)
        return float(self.env["product.product"]._get_qty_available({"id": variant})) if variant else 0.0

    def _after_create(self, vals: Record) -> None:
        if self.env.context.get("create_product_product", True) and not self._raw(self.id, "product_variant_ids"):
            shared = {k: v for k, v in vals.items() if k in PRODUCT_SHARED}
            self.env["product.product"].with_context(create_product_product=False).new_record(
                {**shared, "product_tmpl_id": self.id}
            )

    def _write(self, vals: Record) -> None:
        super()._write(vals)
        shared = {k: v for k, v in vals.items() if k in PRODUCT_SHARED}
        if shared and not self.env.context.get("syncing_variant"):
            for tmpl in self:
                variants = tmpl.rel("product_variant_ids")
                variants.with_context(syncing_variant=True)._write(dict(shared))


class ProductProduct(BaseModel):
    """``product.product``: variants carry barcode, default_code, tracking and is_storable (Odoo 18)."""

    _name = "product.product"
    _description = "Product Variant"
    _order = "is_favorite desc, default_code, name, id"
    _acl = CONFIG_ACL
    _index = ("barcode", "default_code")
    _inverse: ClassVar[dict[str, tuple[str, str]]] = {"packaging_ids": ("product.packaging", "product_id")}
    _computed = frozenset({"qty_available", "free_qty", "display_name", "code", "partner_ref",
                           "product_variant_id", "product_variant_ids", "lst_price"})

    def _defaults(self) -> Record:
        return {"type": "consu", "tracking": "none", "is_storable": False, "active": True, "uom_id": 1,
                "uom_po_id": 1, "sale_ok": True, "purchase_ok": True}

    @rpc_model
    def name_search(
        self, name: str = "", domain: Sequence[Any] | None = None, operator: str = "ilike", limit: int = 100,
        args: Sequence[Any] | None = None,
    ) -> list[list[Any]]:
        """Odoo's product lookup: an exact internal reference, else an exact barcode, else references and names
        matching ``operator`` (so a scanned barcode finds its product)."""
        self.check_access("read")
        domain = list(domain or args or [])
        if not name:
            return super().name_search(name, domain, operator, limit)
        limit = limit or 0
        ids: list[int] = []
        if operator in ("=", "ilike", "=ilike", "like", "=like"):
            ids = self._search_ids([("default_code", "=", name), *domain], 0, limit or None, None)
            if not ids:
                ids = self._search_ids([("barcode", "=", name), *domain], 0, limit or None, None)
        if not ids and operator not in ("!=", "not like", "not ilike", "not in"):
            ids = self._search_ids([*domain, ("default_code", operator, name)], 0, limit or None, None)
            if not limit or len(ids) < limit:
                ids += self._search_ids([*domain, ("name", operator, name), ("id", "not in", ids)], 0,
                                        (limit - len(ids)) or None if limit else None, None)
        elif not ids:
            ids = self._search_ids([*domain, "&", ("default_code", operator, name), ("name", operator, name)], 0,
                                   limit or None, None)
        return [[rid, self._display_name_of(rid)] for rid in ids]

    def _prepare_create(self, vals: Record) -> Record:
        if vals.get("barcode"):
            self._check_barcode_unique(vals["barcode"], None)
        return vals

    def _check_barcode_unique(self, barcode: str, rid: int | None) -> None:
        others = (self.env.db.ids_where(self._name, "barcode", barcode) or set()) - {rid}
        if others:
            other = self.browse(sorted(others)[0])
            raise ValidationError(
                "Barcode(s) already assigned:\n\n"
                f"- Barcode \"{barcode}\" already assigned to product(s): {other._display_name_of(other.id)}"
            )

    def _after_create(self, vals: Record) -> None:
        if not vals.get("product_tmpl_id") and self.env.context.get("create_product_product", True):
            shared = {k: v for k, v in vals.items() if k in PRODUCT_SHARED}
            tmpl = self.env["product.template"].with_context(create_product_product=False).new_record(shared)
            self.env.db.update(self._name, self.id, {"product_tmpl_id": tmpl.id})

    def _write(self, vals: Record) -> None:
        if vals.get("barcode"):
            for rid in self.ids:
                self._check_barcode_unique(vals["barcode"], rid)
        super()._write(vals)
        shared = {k: v for k, v in vals.items() if k in PRODUCT_SHARED}
        if shared and not self.env.context.get("syncing_variant"):
            tmpls = self.mapped("product_tmpl_id")
            tmpls.with_context(syncing_variant=True)._write(dict(shared))

    def _get_display_name(self, rec: Record) -> str:
        code = rec.get("default_code")
        return f"[{code}] {rec.get('name')}" if code else str(rec.get("name"))

    def _get_code(self, rec: Record) -> Any:
        return rec.get("default_code") or False

    def _get_partner_ref(self, rec: Record) -> str:
        return self._get_display_name(rec)

    def _get_lst_price(self, rec: Record) -> float:
        return float(rec.get("list_price") or 0.0)

    def _get_product_variant_id(self, rec: Record) -> int:
        return int(rec["id"])

    def _get_product_variant_ids(self, rec: Record) -> list[int]:
        return [int(rec["id"])]

    def _get_qty_available(self, rec: Record) -> float:
        quants = self.env.db.ids_where("stock.quant", "product_id", rec["id"]) or set()
        table = self.env.db.tables["stock.quant"]
        locs: dict[Any, Record] = self.env.db.tables["stock.location"]
        return float(sum(
            table[q].get("quantity", 0.0) for q in quants
            if locs.get(table[q].get("location_id"), {}).get("usage") == "internal"
        ))

    def _get_free_qty(self, rec: Record) -> float:
        quants = self.env.db.ids_where("stock.quant", "product_id", rec["id"]) or set()
        table = self.env.db.tables["stock.quant"]
        locs: dict[Any, Record] = self.env.db.tables["stock.location"]
        return float(sum(
            table[q].get("quantity", 0.0) - table[q].get("reserved_quantity", 0.0) for q in quants
            if locs.get(table[q].get("location_id"), {}).get("usage") == "internal"
        ))


class ProductPackaging(BaseModel):
    """``product.packaging``: a box/case of a product with its own barcode and quantity."""

    _name = "product.packaging"
    _description = "Product Packaging"
    _order = "product_id, sequence, id"
    _acl = CONFIG_ACL
    _index = ("barcode",)


class HrEmployee(BaseModel, MailThread):
    """``hr.employee`` (optional module): badge ``barcode``, ``pin`` and the linked ``user_id``."""

    _name = "hr.employee"
    _description = "Employee"
    _index = ("barcode",)
    _acl: ClassVar[dict[str, tuple[str, ...]]] = {
        "create": ("hr.group_hr_user",), "write": ("hr.group_hr_user",), "unlink": ("hr.group_hr_user",),
    }

    def _defaults(self) -> Record:
        return {"active": True, "company_id": 1}

    def _prepare_create(self, vals: Record) -> Record:
        self._check_badge(vals.get("barcode"), None)
        return vals

    def _write(self, vals: Record) -> None:
        for rid in self.ids:
            self._check_badge(vals.get("barcode"), rid)
        super()._write(vals)

    def _check_badge(self, barcode: Any, rid: int | None) -> None:
        if not barcode:
            return
        if not str(barcode).isalnum():
            raise ValidationError(
                "The Badge ID must be alphanumeric without any accents and no longer than 18 characters.")
        if (self.env.db.ids_where(self._name, "barcode", barcode) or set()) - {rid}:
            raise ValidationError("The Badge ID must be unique, this one is already assigned to another employee.")

    def _convert_to_read(self, rid: int, name: str, load: str = "_classic_read") -> Any:
        # Badge and PIN are HR-officer fields in Odoo; a floor user reading them gets an AccessError.
        if name in ("pin", "barcode") and not (self.env.su or self.env.has_group("hr.group_hr_user")):
            raise AccessError(
                f"You do not have enough rights to access the fields \"{name}\" on Employee (hr.employee). "
                "Please contact your system administrator.\n\n"
                f"Operation: read\nUser: {self.env.uid}\nFields:\n- {name} (allowed for groups 'Employees / "
                "Officer: Manage all employees')"
            )
        return super()._convert_to_read(rid, name, load)


def require(condition: bool, message: str) -> None:
    """Raise a UserError with ``message`` unless ``condition`` holds."""
    if not condition:
        raise UserError(message)

"""Builds the model registry: recorded field definitions for the warehouse models, small hand-written ones for
the supporting models that were not recorded (users' groups, companies, chatter, wizards, HR)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from floorapp.odoo_sim import models_base as base
from floorapp.odoo_sim import models_stock as stock
from floorapp.odoo_sim.orm import BaseModel, FieldDef, Registry, fields_from_spec, load_recorded_fields

# Fields of models not in the recordings: name -> (type, string[, relation | selection]).
EXTRA_MODELS: dict[str, dict[str, tuple[Any, ...]]] = {
    "res.groups": {
        "name": ("char", "Name"), "full_name": ("char", "Group Name"), "category": ("char", "Application"),
        "users": ("many2many", "Users", "res.users"),
    },
    "res.company": {
        "name": ("char", "Company Name"), "partner_id": ("many2one", "Partner", "res.partner"),
        "stock_move_sms_validation": ("boolean", "SMS Validation with stock move"),
        "has_received_warning_stock_sms": ("boolean", "Has received warning stock sms"),
        "currency_id": ("many2one", "Currency", "res.currency"),
    },
    "res.partner": {
        "name": ("char", "Name"), "phone": ("char", "Phone"), "mobile": ("char", "Mobile"),
        "email": ("char", "Email"), "is_company": ("boolean", "Is a Company"), "active": ("boolean", "Active"),
        "street": ("char", "Street"), "city": ("char", "City"), "barcode": ("char", "Barcode"),
    },
    "ir.model": {
        "name": ("char", "Model Description"), "model": ("char", "Model"), "transient": ("boolean", "Transient"),
    },
    "ir.model.fields": {
        "name": ("char", "Field Name"), "model": ("char", "Model Name"), "model_id": ("many2one", "Model", "ir.model"),
        "field_description": ("char", "Field Label"),
        "ttype": ("selection", "Field Type", [[t, t] for t in (
            "binary", "boolean", "char", "date", "datetime", "float", "html", "integer", "json", "many2many",
            "many2one", "many2one_reference", "monetary", "one2many", "properties", "properties_definition",
            "reference", "selection", "text")]),
        "relation": ("char", "Related Model"), "required": ("boolean", "Required"),
        "readonly": ("boolean", "Readonly"), "store": ("boolean", "Stored"),
    },
    "ir.model.data": {
        "name": ("char", "External Identifier"), "module": ("char", "Module"), "model": ("char", "Model Name"),
        "res_id": ("many2one_reference", "Record ID"),
    },
    "ir.config_parameter": {"key": ("char", "Key"), "value": ("text", "Value")},
    "res.users.apikeys": {
        "name": ("char", "Description"), "user_id": ("many2one", "User", "res.users"), "key": ("char", "Key"),
        "scope": ("char", "Scope"), "expiration_date": ("datetime", "Expiration Date"),
    },
    "mail.message": {
        "body": ("html", "Contents"), "subject": ("char", "Subject"), "model": ("char", "Related Document Model"),
        "res_id": ("many2one_reference", "Related Document ID"),
        "message_type": ("selection", "Type", [["email", "Incoming Email"], ["comment", "Comment"],
                                               ["email_outgoing", "Outgoing Email"],
                                               ["notification", "System notification"],
                                               ["auto_comment", "Automated Targeted Notification"],
                                               ["user_notification", "User Specific Notification"],
                                               ["sms", "SMS"], ["snailmail", "Snailmail"]]),
        "subtype_xmlid": ("char", "Subtype"), "attachment_ids": ("many2many", "Attachments", "ir.attachment"),
        "subtype_id": ("many2one", "Subtype", "mail.message.subtype"), "is_internal": ("boolean", "Employee Only"),
        "author_id": ("many2one", "Author", "res.partner"),
        "date": ("datetime", "Date"),
    },
    "mail.message.subtype": {
        "name": ("char", "Message Type"), "description": ("text", "Description"),
        "internal": ("boolean", "Internal Only"), "sequence": ("integer", "Sequence"),
    },
    "delivery.carrier": {
        "name": ("char", "Delivery Method"), "delivery_type": ("selection", "Provider",
                                                               [["base_on_rule", "Based on Rules"],
                                                                ["fixed", "Fixed Price"]]),
        "active": ("boolean", "Active"),
    },
    "hr.employee": {
        "name": ("char", "Employee Name"), "barcode": ("char", "Badge ID"), "pin": ("char", "PIN"),
        "user_id": ("many2one", "User", "res.users"), "active": ("boolean", "Active"),
        "work_email": ("char", "Work Email"), "company_id": ("many2one", "Company", "res.company"),
        "job_title": ("char", "Job Title"),
        "message_attachment_count": ("integer", "Attachment Count"),
    },
    "confirm.stock.sms": {"pick_ids": ("many2many", "Pick", "stock.picking")},
    "stock.track.confirmation": {
        "quant_ids": ("many2many", "Quant", "stock.quant"),
        "product_ids": ("many2many", "Product", "product.product"),
    },
    "stock.inventory.conflict": {
        "quant_ids": ("many2many", "Quants", "stock.quant"),
        "quant_to_fix_ids": ("many2many", "Conflicts", "stock.quant"),
    },
    "choose.delivery.package": {
        "picking_id": ("many2one", "Picking", "stock.picking"),
        "delivery_package_type_id": ("many2one", "Delivery Package Type", "stock.package.type"),
        "shipping_weight": ("float", "Shipping Weight"), "weight_uom_name": ("char", "Weight unit of measure label"),
    },
}

# required / readonly of those hand-written fields, as a real Odoo 18 (same modules) describes them.
_REQUIRED = {
    "res.groups": {"name"}, "res.company": {"name", "partner_id", "currency_id"},
    "ir.model": {"name", "model"}, "ir.model.fields": {"name", "model", "model_id", "field_description", "ttype"},
    "ir.model.data": {"name", "module", "model"}, "ir.config_parameter": {"key", "value"},
    "res.users.apikeys": {"name", "user_id"}, "mail.message": {"message_type"},
    "delivery.carrier": {"name", "delivery_type"}, "hr.employee": {"company_id"},
}
_READONLY = {
    "res.groups": {"full_name"}, "res.users.apikeys": {"name", "user_id", "scope", "expiration_date"},
    "hr.employee": {"message_attachment_count"}, "choose.delivery.package": {"weight_uom_name"},
}


def _extra_fields(model: str) -> dict[str, FieldDef]:
    fields = fields_from_spec(EXTRA_MODELS.get(model, {}))
    for name in _REQUIRED.get(model, set()) | _READONLY.get(model, set()):
        fields[name] = replace(fields[name], required=name in _REQUIRED.get(model, set()),
                               readonly=fields[name].readonly or name in _READONLY.get(model, set()))
    return fields


# Fields the recordings lack but the simulator stores (hidden from fields_get so its output stays as recorded).
MODEL_CLASSES: list[type[BaseModel]] = [
    base.ResUsers, base.ResGroups, base.ResCompany, base.ResPartner, base.IrModel, base.IrModelFields,
    base.IrModelData,
    base.IrConfigParameter, base.ResUsersApikeys, base.IrAttachment, base.MailMessage, base.MailMessageSubtype,
    base.UomUom,
    base.BarcodeNomenclature, base.BarcodeRule, base.DeliveryCarrier, base.ProductTemplate, base.ProductProduct,
    base.ProductPackaging, base.HrEmployee,
    stock.StockWarehouse, stock.StockLocation, stock.StockPickingType, stock.StockPackageType,
    stock.StockQuantPackage, stock.StockLot, stock.StockQuant, stock.StockTrackConfirmation,
    stock.StockInventoryConflict, stock.StockMove, stock.StockMoveLine, stock.StockPicking, stock.ConfirmStockSms,
    stock.StockBackorderConfirmation, stock.StockBackorderConfirmationLine, stock.ChooseDeliveryPackage,
    stock.StockPickingBatch, stock.StockAddToWave, stock.StockPickingToBatch, stock.StockReturnPicking,
    stock.StockReturnPickingLine, stock.StockScrap,
]

OPTIONAL_MODULE_MODELS = {"hr": {"hr.employee"}}

# res.users groups fields with Odoo 18's name; the chatter count on models with a chatter.
CHATTER_MODELS = {"stock.picking", "stock.lot", "stock.picking.batch", "stock.scrap", "hr.employee"}


def build_registry(modules: set[str] | None = None) -> Registry:
    """A registry with every model; ``modules`` adds optional ones (``{"hr"}`` for hr.employee)."""
    modules = set(modules or ())
    recorded = load_recorded_fields()
    registry = Registry()
    optional = {m for mod, names in OPTIONAL_MODULE_MODELS.items() if mod not in modules for m in names}
    for cls in MODEL_CLASSES:
        if cls._name in optional:
            continue
        fields = dict(recorded[cls._name]) if cls._name in recorded else _extra_fields(cls._name)
        registry.register(cls, fields)
    # Inverse many2one fields of every one2many must be indexed for fast one2many reads.
    targets: dict[str, set[str]] = {}
    for cls in registry.classes.values():
        for comodel, inverse in cls._inverse.values():
            targets.setdefault(comodel, set()).add(inverse)
    for name, cls in registry.classes.items():
        cls._inverse_targets = frozenset(targets.get(name, set()))  # type: ignore[attr-defined]
        computed = set(cls._computed)
        if name in CHATTER_MODELS:
            computed |= {"message_attachment_count", "message_ids", "has_message"}
        cls._computed = frozenset(computed)
    return registry

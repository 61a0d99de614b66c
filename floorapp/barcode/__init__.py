"""Barcode interpretation: GS1 element strings, Odoo nomenclature rules, command barcodes. Qt-free."""

"""Barcode interpretation: GS1 element strings, Odoo nomenclature rules, command barcodes. Qt-free.

Entry points (submodules are imported where used, so ``import floorapp.barcode`` stays cheap):

- ``aim.normalize_scanned_text(raw, gs_substitute)``: what any scanner sent -> a ``scan.Scan`` (AIM symbology
  split off, every FNC1 form as the GS byte, ``Scan.gs1`` set).
- ``resolve.resolve_scan(scan, catalog, product_id=..., today=...)``: a Scan -> a ``resolve.Resolution``
  (product, packaging with its quantity, lot/serial, expiry, location, package/SSCC, picking, command, user), or
  ``InputRejected`` with a message for the worker. ``resolve.CatalogLookup`` is what it asks of the store;
  ``floorapp.offline_store.catalog_lookup.SqlCatalogLookup`` implements it.
- ``gs1``: element strings (``parse_element_string``, ``encode_element_string``, ``parse_hri``,
  ``parse_digital_link``), the AI table, check digits and GS1 dates.
- ``nomenclature``: Odoo's barcode rules (embedded weight/price EAN-13, UPC/EAN conversion, aliases, GS1 rules).
- ``commands``: Odoo-compatible ``O-CMD.*`` / ``O-BTN.*`` command barcodes as ``FloorCommand`` values.
"""

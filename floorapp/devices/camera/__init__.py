"""Cameras: live preview frames, inspection photos as size-capped JPEG, camera barcode scanning. Qt-free."""

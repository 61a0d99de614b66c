"""Scanners: keyboard wedge, serial scanners, camera decoders (zxing-cpp, pyzbar). Qt-free."""

"""The floor workflows, Qt-free: typed commands, domain objects and their handlers (auth, picking, packing ...)."""

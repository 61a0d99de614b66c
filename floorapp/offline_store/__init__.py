"""The device's local SQLite store: catalog cache, work, outbox, journal and print spool. Qt-free."""

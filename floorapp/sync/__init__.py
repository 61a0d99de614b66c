"""Qt-free sync engine: every floor transaction applied to an unmodified Odoo exactly once, and fresh data.

Public API (see docs/sync.md):

* ``floorapp.sync.service.SyncService`` - what the app starts (push + pull + users, probe, sync now, status);
* ``floorapp.sync.client.connect`` / ``ErpClient`` - JSON-RPC (Odoo 17/18) or JSON-2 (19+);
* ``floorapp.sync.worker.OutboxWorker``, ``retry_entry``, ``discard_entry`` - the outbox push;
* ``floorapp.sync.pull.Puller`` and ``floorapp.sync.users.pull_floor_users`` - the pull;
* ``floorapp.sync.appliers`` - the exactly-once steps of each transaction kind;
* ``floorapp.sync.errors`` - the error families.
"""

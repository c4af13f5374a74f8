"""Sync upstream: the outbox engine, the upstream adapters, the file bundle.

No Qt here; the services (`svc.sync`) drive it. See docs/sync.md.
"""

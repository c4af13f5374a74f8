"""The reference receiver of the exchange API (`kotaksaran receiver`), with the LAPOR! XML and
Open311 dialects mounted beside it. See docs/sync.md and docs/openapi.yaml."""

# The kinds of injected faults (see faults.py); here so that the CLI need not import aiohttp.
FAULT_KINDS = ("drop", "error500", "slow", "reset", "duplicate", "lost_reply")

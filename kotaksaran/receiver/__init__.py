"""The reference receiver of the exchange API (`kotaksaran receiver`), with the LAPOR! XML and
Open311 dialects mounted beside it. See docs/sync.md and docs/openapi.yaml."""

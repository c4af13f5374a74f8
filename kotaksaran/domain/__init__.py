"""Plain-Python rules of the domain: codes, the state machine, validation, numbering, calendar."""

"""Text recognition and what builds on it (no Qt, no database here)."""

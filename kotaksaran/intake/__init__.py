"""How paper reaches the app: file import, watch folder, scanners, and page cleanup (no Qt)."""

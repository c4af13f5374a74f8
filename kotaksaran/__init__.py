"""Kotak Saran Digital: paper suggestion-box slips into verified SP4N-LAPOR! reports."""

__version__ = "0.1.0"

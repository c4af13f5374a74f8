"""Printed documents (reportlab, no Qt): receipts, box-opening minutes, status boards, sync
manifests and monthly reports.

Each module renders one document from a frozen snapshot (`documents.data`) into PDF bytes; the
document service (`services/documents.py`) decides what data each one gets, checks permission
and audits every print. The same input gives the same bytes.
"""

"""Memory of importing a long PDF: pages are read, stored and forgotten one at a time.

    .venv/bin/python bench/bench_import_memory.py [--pages 500] [--first 50] [--cleanup]

Generates a PDF of `--pages` text pages (written by hand: vector text in Helvetica, so the
file is small and every page renders at 300 dpi into a full A4 bitmap, ~8.7 Mpx), sets up a
fresh office in a temporary data folder, and imports the PDF through
`Services.intake.import_files` with the cleanup steps switched off in the settings (unless
`--cleanup`): each page is still rendered, converted, encoded, hashed and stored. The importer
calls `cancel()` between pages, which is where the peak RSS (`ru_maxrss`) and the current RSS
are sampled. Aim (issue 3): the peak grows by less than 100 MB between page `--first` (50) and
the last page (500). Writes bench/out/bench_import_memory.json.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
OUT = BENCH_DIR / "out"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kotaksaran.services import Services  # noqa: E402
from kotaksaran.services.setup import AdminInput, UnitInput, initialize  # noqa: E402
from kotaksaran.store.db import open_store  # noqa: E402

AIM_MB = 100.0
WORDS = ["jalan", "berlubang", "lampu", "mati", "sampah", "menumpuk", "pelayanan", "lambat",
         "air", "bersih", "antrian", "panjang", "puskesmas", "kelurahan", "terima", "kasih",
         "mohon", "segera", "ditindaklanjuti"]


def make_pdf(path: Path, pages: int) -> int:
    """A PDF of `pages` A4 pages of text; returns its size in bytes."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids: list[int] = []
    for n in range(pages):
        lines = [f"BT /F1 16 Tf 60 780 Td (KOTAK SARAN - lembar {n + 1}) Tj ET"]
        for i in range(30):
            text = " ".join(WORDS[(n * 7 + i * 3 + k) % len(WORDS)] for k in range(9))
            lines.append(f"BT /F1 11 Tf 60 {740 - i * 22} Td ({i + 1}. {text}) Tj ET")
        stream = "\n".join(lines).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages_obj, font, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                              + b"] /Count %d >>" % len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += (b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, catalog, xref))
    path.write_bytes(bytes(out))
    return len(out)


def _rss_mb() -> tuple[float, float]:
    """(peak RSS, current RSS) of this process in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux
    current = peak
    try:
        with open("/proc/self/statm") as fh:
            current = int(fh.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        pass
    return peak, current


def run(pages: int, first: int, cleanup: bool, work: Path) -> dict[str, Any]:
    pdf = work / "tumpukan.pdf"
    size = make_pdf(pdf, pages)
    store = open_store(work / "data", create=True)
    try:
        admin = initialize(store, UnitInput(code="BNCH", name="Kelurahan Bench",
                                            unit_type="kelurahan"),
                           AdminInput("admin", "Admin Bench", "rahasia123"))
        svc = Services(store, admin)
        if not cleanup:
            for key in ("exif_orientation", "cardinal_rotation", "deskew", "border_crop",
                        "blank_detection", "perspective"):
                svc.config.set(f"cleanup.{key}", False)
        samples: dict[int, dict[str, float]] = {}
        calls = {"n": 0}
        t0 = time.perf_counter()

        def cancel() -> bool:
            # called once before the file, then before each page: call k+1 precedes page k+1,
            # i.e. k pages are done
            done = calls["n"] - 1
            calls["n"] += 1
            if done in (1, first, pages // 2, pages):
                peak, current = _rss_mb()
                samples[done] = {"peak_mb": round(peak, 1), "rss_mb": round(current, 1),
                                 "seconds": round(time.perf_counter() - t0, 1)}
            return False

        report = svc.intake.import_files([pdf], cancel=cancel)
        total = time.perf_counter() - t0
        peak_end, rss_end = _rss_mb()
        samples[pages] = samples.get(pages) or {"peak_mb": round(peak_end, 1),
                                                "rss_mb": round(rss_end, 1),
                                                "seconds": round(total, 1)}
        if report.failed:
            raise SystemExit(f"import failed: {report.failed[0].message}")
        imported = report.imported[0]
        stored = sum(p.stat().st_size for p in (work / "data" / "blobs").rglob("*")
                     if p.is_file())
    finally:
        store.dispose()
    growth = samples[pages]["peak_mb"] - samples[first]["peak_mb"]
    return {
        "pages": pages, "first_sample": first, "cleanup": cleanup, "pdf_bytes": size,
        "imported_pages": imported.pages, "submission": imported.submission,
        "seconds": round(total, 1), "pages_per_second": round(pages / total, 2),
        "samples": {str(k): v for k, v in sorted(samples.items())},
        "peak_growth_mb": round(growth, 1), "aim_mb": AIM_MB, "within_aim": growth < AIM_MB,
        "stored_bytes": stored,
        "after_import": {"peak_mb": round(peak_end, 1), "rss_mb": round(rss_end, 1)},
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--first", type=int, default=50, help="page of the first sample")
    ap.add_argument("--cleanup", action="store_true", help="keep the cleanup steps on")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if not 1 <= args.first < args.pages:
        ap.error("--first must be between 1 and --pages - 1")
    work = Path(tempfile.mkdtemp(prefix="ks-bench-import-"))
    try:
        result = run(args.pages, args.first, args.cleanup, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench_import_memory.json").write_text(json.dumps(result, indent=2) + "\n")
    s = result["samples"]
    print(f"imported {result['imported_pages']} pages of a {result['pdf_bytes'] / 1e6:.1f} MB "
          f"PDF in {result['seconds']} s ({result['pages_per_second']} pages/s, cleanup "
          f"{'on' if result['cleanup'] else 'off'})")
    for k, v in s.items():
        print(f"  after page {k:>4}: peak RSS {v['peak_mb']:7.1f} MB, current {v['rss_mb']:7.1f}"
              f" MB, {v['seconds']} s")
    print(f"peak RSS growth from page {args.first} to page {args.pages}: "
          f"{result['peak_growth_mb']} MB (aim < {AIM_MB:.0f} MB: "
          f"{'met' if result['within_aim'] else 'NOT met'})")
    return result


if __name__ == "__main__":
    main()

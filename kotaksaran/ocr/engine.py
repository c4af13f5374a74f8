"""Tesseract through pytesseract: word boxes, confidences and the page text.

* Every tesseract process runs with ``OMP_THREAD_LIMIT=1`` (set in this process's environment
  at import, which pytesseract's subprocess inherits): on a 2-core PC one page with OpenMP
  threads takes 12 s against 1.7 s single-threaded (``shared/design/MEASURED.md``). Speed comes
  from one page per core instead, in a process pool.
* ``recognize`` reads one image; ``psm`` 3 for a whole page, 6 (block) or 7 (line) for a field
  crop. Words with confidence -1 (tesseract's non-word rows) are dropped; the text is rebuilt
  line by line, with a blank line between paragraphs.
* ``recognize_files`` runs the app's own pipeline per file: ``readers.iter_pages`` then
  ``cleanup.clean_page`` then ``recognize``. It reads the **first page** of each file (a slip is
  one sheet; a multi-page PDF's other pages are not read here), so the word boxes are in pixels
  of that cleaned page image. ``seconds`` is the time of the whole file: read, cleanup and OCR.
* ``iter_recognize_images`` reads stored page images (already cleaned at import) in the pool
  and yields each result as it finishes, stopping early on cancel: the app's background OCR.
* A missing tesseract or language data raises ``TesseractMissing`` /
  ``TesseractLanguageMissing``, whose messages name the install command; nothing else in the
  app depends on tesseract being there.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PIL import Image

from ..domain import errors as E

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

DEFAULT_LANG = "ind+eng"
PSM_PAGE = 3  # fully automatic page segmentation
PSM_BLOCK = 6  # one uniform block of text (a field crop)
PSM_LINE = 7  # a single line (a one-line field)
DEFAULT_TIMEOUT = 60  # seconds per page


@dataclass(frozen=True)
class OcrWord:
    text: str
    conf: float  # 0-100
    box: tuple[int, int, int, int]  # x, y, w, h in pixels of the image that was read


@dataclass(frozen=True)
class OcrResult:
    text: str
    words: tuple[OcrWord, ...]
    seconds: float
    size: tuple[int, int] = (0, 0)  # width, height of the image the boxes refer to


def _pytesseract() -> Any:
    try:
        import pytesseract
    except ImportError:  # the Python wrapper itself is missing: same remedy for the user
        raise E.TesseractMissing() from None
    return pytesseract


def check_tesseract(lang: str = DEFAULT_LANG) -> None:
    """Raise a typed error unless tesseract runs and has every language in `lang`."""
    pt = _pytesseract()
    try:
        pt.get_tesseract_version()
        available = set(pt.get_languages(config=""))
    except (pt.TesseractNotFoundError, OSError):
        raise E.TesseractMissing() from None
    except Exception as exc:  # a broken installation: it is there but does not run
        raise E.TesseractMissing(detail=str(exc)) from None
    for code in lang.split("+"):
        if code and code not in available:
            raise E.TesseractLanguageMissing(lang=code)


def _config(psm: int, dpi: int | None) -> str:
    parts = [f"--psm {int(psm)}"]
    if dpi:
        parts.append(f"--dpi {int(dpi)}")
    return " ".join(parts)


def recognize(image: Image.Image, *, lang: str = DEFAULT_LANG, psm: int = PSM_PAGE,
              timeout: float = DEFAULT_TIMEOUT, dpi: int | None = None,
              file: str = "") -> OcrResult:
    """Words, confidences and text of one image. `dpi` (when known) is passed to tesseract,
    which otherwise guesses; `file` only names the page in error messages."""
    pt = _pytesseract()
    t0 = time.perf_counter()
    if image.mode not in ("1", "L", "RGB"):
        image = image.convert("RGB")
    try:
        data = pt.image_to_data(image, lang=lang, config=_config(psm, dpi),
                                output_type=pt.Output.DICT, timeout=timeout)
    except pt.TesseractNotFoundError:
        raise E.TesseractMissing() from None
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            raise E.OcrTimeout(file=file, seconds=int(timeout)) from None
        raise E.OcrFailed(file=file, detail=str(exc)) from None
    except pt.TesseractError as exc:
        message = str(getattr(exc, "message", "") or exc)
        if "Failed loading language" in message or "Could not initialize" in message:
            for code in lang.split("+"):
                if f"'{code}'" in message:
                    raise E.TesseractLanguageMissing(lang=code) from None
        raise E.OcrFailed(file=file, detail=" ".join(message.split())[:200]) from None
    words, text = _parse(data)
    return OcrResult(text=text, words=words, seconds=time.perf_counter() - t0,
                     size=image.size)


def _parse(data: dict[str, list[Any]]) -> tuple[tuple[OcrWord, ...], str]:
    words: list[OcrWord] = []
    lines: list[tuple[tuple[int, int], list[str]]] = []  # (block, par) -> words of a line
    last_line: tuple[int, int, int] | None = None
    for i, raw in enumerate(data.get("text", [])):
        try:
            conf = float(data["conf"][i])
        except (TypeError, ValueError):
            continue
        word = str(raw).strip()
        if conf < 0 or not word:
            continue
        box = (int(data["left"][i]), int(data["top"][i]),
               int(data["width"][i]), int(data["height"][i]))
        words.append(OcrWord(text=word, conf=min(100.0, conf), box=box))
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        if key != last_line:
            lines.append(((key[0], key[1]), []))
            last_line = key
        lines[-1][1].append(word)
    out: list[str] = []
    last_par: tuple[int, int] | None = None
    for par, line_words in lines:
        if last_par is not None and par != last_par:
            out.append("")
        out.append(" ".join(line_words))
        last_par = par
    return tuple(words), "\n".join(out)


# --- files, one page per worker process ------------------------------------------------------
def _ocr_file(path: str, cleanup: bool, lang: str, psm: int, timeout: float
              ) -> tuple[str, Any, Any]:
    """In a worker: ('ok', OcrResult, None) or ('err', error class, (code, params)).
    Typed errors travel as class and parameters (their constructors differ)."""
    from ..intake.cleanup import clean_page
    from ..intake.readers import display_name, iter_pages

    t0 = time.perf_counter()
    name = display_name(path)
    try:
        if not os.path.lexists(path):
            raise E.FileMissing(file=path)
        pages = iter_pages(path)
        try:
            source = next(pages)
        except StopIteration:
            raise E.PdfEmpty(file=name) from None
        finally:
            close = getattr(pages, "close", None)  # a generator: let the file go now
            if close is not None:
                close()
        image, dpi = source.image, source.dpi
        if cleanup:
            cleaned = clean_page(image, dpi=dpi)
            image, dpi = cleaned.image, cleaned.dpi
        result = recognize(image, lang=lang, psm=psm, timeout=timeout, dpi=dpi, file=name)
    except E.KotakSaranError as exc:
        return "err", type(exc), (exc.code, dict(exc.params))
    return "ok", replace(result, seconds=time.perf_counter() - t0), None


def _rebuild(cls: type[E.KotakSaranError], code: str, params: dict[str, Any]
             ) -> E.KotakSaranError:
    try:
        exc = cls(**params)
    except TypeError:
        exc = E.KotakSaranError(code, **params)
    exc.code = code
    return exc


def _unpack(item: tuple[str, Any, Any]) -> OcrResult | E.KotakSaranError:
    kind, value, extra = item
    if kind == "ok":
        return value  # type: ignore[no-any-return]
    return _rebuild(value, *extra)


def recognize_files(paths: Sequence[str | Path], *, workers: int = os.cpu_count() or 2,
                    cleanup: bool = True, lang: str = DEFAULT_LANG, psm: int = PSM_PAGE,
                    timeout: float = DEFAULT_TIMEOUT
                    ) -> list[tuple[str | Path, OcrResult | E.KotakSaranError]]:
    """OCR the first page of each file, one file per worker process, results in input order.

    A file that cannot be read or recognised gets its typed error in its place; a missing
    tesseract or language raises before any work starts (it would fail every file)."""
    check_tesseract(lang)
    paths = list(paths)
    if not paths:
        return []
    n = max(1, min(int(workers), os.cpu_count() or 2, len(paths)))
    args = [(str(p), cleanup, lang, psm, timeout) for p in paths]
    if n == 1:
        items = [_ocr_file(*a) for a in args]
    else:
        # spawn: safe from a process that runs Qt or threads, and the same on Windows.
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=n, mp_context=ctx) as pool:
            items = list(pool.map(_ocr_file, *zip(*args, strict=True)))
    return [(p, _unpack(item)) for p, item in zip(paths, items, strict=True)]


# --- stored page images, results as they finish ---------------------------------------------
def _ocr_image(path: str, dpi: int | None, lang: str, psm: int, timeout: float
               ) -> tuple[str, Any, Any]:
    """In a worker: OCR one stored page image (already cleaned), as `_ocr_file` answers."""
    t0 = time.perf_counter()
    name = os.path.basename(path)
    try:
        try:
            with Image.open(path) as im:
                im.load()
                image = im.copy()
        except FileNotFoundError:
            raise E.FileMissing(file=path) from None
        except OSError as exc:
            raise E.OcrFailed(file=name, detail=str(exc)[:200]) from None
        result = recognize(image, lang=lang, psm=psm, timeout=timeout, dpi=dpi or None,
                           file=name)
    except E.KotakSaranError as exc:
        return "err", type(exc), (exc.code, dict(exc.params))
    return "ok", replace(result, seconds=time.perf_counter() - t0), None


def iter_recognize_images(jobs: Iterable[tuple[Hashable, str, int | None]], *,
                          workers: int = os.cpu_count() or 2, lang: str = DEFAULT_LANG,
                          psm: int = PSM_PAGE, timeout: float = DEFAULT_TIMEOUT,
                          cancelled: Callable[[], bool] | None = None,
                          ) -> Iterator[tuple[Hashable, OcrResult | E.KotakSaranError]]:
    """OCR image files `(key, path, dpi)`, one per worker process, yielding `(key, result)`
    as each finishes (not in input order). `jobs` is read lazily, one job whenever a worker
    is free, so it may be a generator that waits for pages still being imported. At most
    `workers` pages are in flight, so a cancel (`cancelled()` turning true) stops after the
    pages being read now; the rest are never started. A missing tesseract or language
    raises before any work starts."""
    check_tesseract(lang)
    n = max(1, min(int(workers), os.cpu_count() or 2))
    stop = cancelled or (lambda: False)
    queue = iter(jobs)
    if n == 1:
        for key, path, dpi in queue:
            if stop():
                return
            yield key, _unpack(_ocr_image(path, dpi, lang, psm, timeout))
        return
    ctx = multiprocessing.get_context("spawn")
    pool: ProcessPoolExecutor | None = None
    running: dict[Future[tuple[str, Any, Any]], Hashable] = {}
    try:
        while True:
            while len(running) < n and not stop():
                job = next(queue, None)
                if job is None:
                    break
                key, path, dpi = job
                if pool is None:  # started with the first job: no processes for no work
                    pool = ProcessPoolExecutor(max_workers=n, mp_context=ctx)
                running[pool.submit(_ocr_image, path, dpi, lang, psm, timeout)] = key
            if not running:
                return
            done, _rest = wait(running, return_when=FIRST_COMPLETED)
            for fut in done:
                key = running.pop(fut)
                yield key, _unpack(fut.result())
    finally:
        for fut in running:
            fut.cancel()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

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

import contextlib
import multiprocessing
import os
import tempfile
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


def recognize(image: Image.Image | str, *, lang: str = DEFAULT_LANG, psm: int = PSM_PAGE,
              timeout: float = DEFAULT_TIMEOUT, dpi: int | None = None,
              file: str = "", size: tuple[int, int] = (0, 0)) -> OcrResult:
    """Words, confidences and text of one image. `dpi` (when known) is passed to tesseract,
    which otherwise guesses; `file` only names the page in error messages.

    `image` may also be the path of a PNG, JPEG or TIFF file that tesseract reads itself
    (no decode here and no temporary copy: what a stored page costs least); `size` then
    gives its width and height."""
    pt = _pytesseract()
    t0 = time.perf_counter()
    if isinstance(image, Image.Image):
        if image.mode not in ("1", "L", "RGB"):
            image = image.convert("RGB")
        size = image.size
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
    return OcrResult(text=text, words=words, seconds=time.perf_counter() - t0, size=size)


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
TESSERACT_READS = frozenset({"PNG", "JPEG", "TIFF"})  # formats passed to it by path
IDLE_WAIT = 0.05  # seconds between looks while the job feed has nothing yet
BATCH = 4  # pages at most per tesseract process (it loads its language data once per run)
_END: Any = object()
Job = tuple[Hashable, str, int | None]


def _open_source(path: str) -> tuple[Image.Image | str, tuple[int, int]]:
    """A stored page as tesseract should get it: its path when tesseract reads the file
    itself, else the decoded image; and its size."""
    name = os.path.basename(path)
    try:
        with Image.open(path) as im:  # the header only, unless tesseract cannot read it
            if im.format in TESSERACT_READS and im.mode in ("1", "L", "RGB"):
                return path, im.size
            im.load()
            return im.copy(), im.size
    except FileNotFoundError:
        raise E.FileMissing(file=path) from None
    except OSError as exc:
        raise E.OcrFailed(file=name, detail=str(exc)[:200]) from None


def _ocr_image(path: str, dpi: int | None, lang: str, psm: int, timeout: float
               ) -> tuple[str, Any, Any]:
    """In a worker: OCR one stored page image (already cleaned), as `_ocr_file` answers."""
    t0 = time.perf_counter()
    try:
        source, size = _open_source(path)
        result = recognize(source, lang=lang, psm=psm, timeout=timeout, dpi=dpi or None,
                           file=os.path.basename(path), size=size)
    except E.KotakSaranError as exc:
        return "err", type(exc), (exc.code, dict(exc.params))
    return "ok", replace(result, seconds=time.perf_counter() - t0), None


def _ocr_images(paths: Sequence[str], dpi: int | None, lang: str, psm: int, timeout: float
                ) -> list[tuple[str, Any, Any]]:
    """In a worker: OCR several stored pages with one tesseract run (a list file, so the
    language data loads once), answers in order as `_ocr_image` gives them. Anything odd
    (a page tesseract cannot take by path, a failure, a timeout) falls back to one run
    per page, so that a bad page fails alone."""
    if len(paths) == 1:
        return [_ocr_image(paths[0], dpi, lang, psm, timeout)]
    def one_by_one() -> list[tuple[str, Any, Any]]:
        return [_ocr_image(x, dpi, lang, psm, timeout) for x in paths]

    t0 = time.perf_counter()
    try:
        opened = [_open_source(x) for x in paths]
    except E.KotakSaranError:
        return one_by_one()
    if any(not isinstance(src, str) or "\n" in src for src, _ in opened):
        return one_by_one()
    sizes = [size for _, size in opened]
    pt = _pytesseract()
    fd, listing = tempfile.mkstemp(prefix="ks-ocr-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("\n".join(os.path.abspath(x) for x in paths) + "\n")
        data = pt.image_to_data(listing, lang=lang, config=_config(psm, dpi),
                                output_type=pt.Output.DICT, timeout=timeout * len(paths))
    except Exception:  # every failure is retried page by page
        return one_by_one()
    finally:
        with contextlib.suppress(OSError):
            os.unlink(listing)
    per_page: list[dict[str, list[Any]]] = [{k: [] for k in data} for _ in paths]
    for i, page_num in enumerate(data.get("page_num", [])):
        try:
            index = int(page_num) - 1
        except (TypeError, ValueError):
            continue
        if 0 <= index < len(paths):
            for k, column in data.items():
                per_page[index][k].append(column[i])
    seconds = (time.perf_counter() - t0) / len(paths)
    out: list[tuple[str, Any, Any]] = []
    for page, size in zip(per_page, sizes, strict=True):
        words, text = _parse(page)
        out.append(("ok", OcrResult(text=text, words=words, seconds=seconds, size=size), None))
    return out


def iter_recognize_images(jobs: Iterable[Job | None], *,
                          workers: int = os.cpu_count() or 2, lang: str = DEFAULT_LANG,
                          psm: int = PSM_PAGE, timeout: float = DEFAULT_TIMEOUT,
                          cancelled: Callable[[], bool] | None = None, batch: int = BATCH,
                          ) -> Iterator[tuple[Hashable, OcrResult | E.KotakSaranError]]:
    """OCR image files `(key, path, dpi)` in worker processes, yielding `(key, result)` as
    they finish (not in input order).

    `jobs` is read lazily, so it may be a generator of pages still being imported: it yields
    `None` for "nothing yet, more may come" (and ends when no more will); the pages in
    flight are collected meanwhile, so a result never waits for the next page to arrive.
    Pages already waiting are shared out among the free workers, up to `batch` pages (of
    the same dpi) per tesseract run: one run per page would load the language data for
    every page. A cancel (`cancelled()` turning true) stops after the pages being read now;
    the rest are never started. A missing tesseract or language raises before any work
    starts."""
    check_tesseract(lang)
    n = max(1, min(int(workers), os.cpu_count() or 2))
    batch = max(1, int(batch))
    stop = cancelled or (lambda: False)
    queue = iter(jobs)
    ready: list[Job] = []
    ended = False

    def fill() -> bool:
        """Take what the feed has now, up to a batch for every worker; True when it said
        "nothing yet"."""
        nonlocal ended
        while not ended and len(ready) < n * batch:
            job = next(queue, _END)
            if job is _END:
                ended = True
            elif job is None:
                return True
            else:
                ready.append(job)
        return False

    def share(free: int) -> int:
        # Several pages per run only when at least that many wait for every free worker: a
        # few pages go one per worker, so that a cancel stops soon.
        return max(1, min(batch, len(ready) // max(1, free)))

    def take(size: int) -> list[Job]:
        group = [ready.pop(0)]
        while len(group) < size and ready and ready[0][2] == group[0][2]:
            group.append(ready.pop(0))
        return group

    def unpack(group: list[Job], answers: list[tuple[str, Any, Any]]
               ) -> Iterator[tuple[Hashable, OcrResult | E.KotakSaranError]]:
        for (key, _path, _dpi), answer in zip(group, answers, strict=True):
            yield key, _unpack(answer)

    if n == 1:
        while not stop():
            fill()
            if not ready:
                if ended:
                    return
                time.sleep(IDLE_WAIT)
                continue
            group = take(share(1))
            yield from unpack(group, _ocr_images([j[1] for j in group], group[0][2], lang,
                                                 psm, timeout))
        return
    ctx = multiprocessing.get_context("spawn")
    pool: ProcessPoolExecutor | None = None
    running: dict[Future[list[tuple[str, Any, Any]]], list[Job]] = {}
    try:
        while True:
            idle = False
            if not stop():
                idle = fill()
                size = share(n - len(running))
                while ready and len(running) < n:
                    group = take(size)
                    if pool is None:  # started with the first job: no processes for no work
                        pool = ProcessPoolExecutor(max_workers=n, mp_context=ctx)
                    running[pool.submit(_ocr_images, [j[1] for j in group], group[0][2],
                                        lang, psm, timeout)] = group
            if not running:
                if ended or stop():
                    return
                time.sleep(IDLE_WAIT)
                continue
            done, _rest = wait(running, timeout=IDLE_WAIT if idle else None,
                               return_when=FIRST_COMPLETED)
            for fut in done:
                yield from unpack(running.pop(fut), fut.result())
    finally:
        for fut in running:
            fut.cancel()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

"""Each page's HTML is read once, for everything the build needs of it, and on a big site in a
worker process beside the engine: the results are the same either way."""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from medinfo.checks.page_checks import checked_page
from medinfo.printing.handouts import words_explained
from medinfo.site.glossary import mark_first_uses
from medinfo.site.session import Session, seen_page

PAGE = (
    '<h2>About <abbr title="A white blood cell.">lymphocytes</abbr></h2>'
    '<p>Your <abbr title="A white blood cell.">lymphocytes</abbr> and '
    '<abbr title="Cells that help blood clot.">platelets</abbr> are checked. '
    '<a href="#x">See <abbr title="A white blood cell.">lymphocytes</abbr></a>.</p>'
    '<p>Again: <abbr title="Cells that help blood clot.">platelets</abbr>.</p>'
    '<p onclick="go()">Tap</p>'
)


def test_one_reading_gives_what_three_did() -> None:
    seen = seen_page("topics/a.md", "content_src/topics/a.yaml", PAGE, is_glossary=False)
    assert seen.html == mark_first_uses(PAGE)
    assert list(seen.words) == words_explained(mark_first_uses(PAGE))
    assert seen.checked == checked_page("topics/a.md", "content_src/topics/a.yaml", PAGE)


def test_a_page_read_in_a_worker_is_read_the_same() -> None:
    session = Session()
    inline = session.check_page("topics/a.md", "a.yaml", PAGE, False)()
    in_worker = session.check_page("topics/a.md", "a.yaml", PAGE, False, in_worker=True)()
    assert in_worker == inline


def test_only_a_preview_keeps_pages_between_builds() -> None:
    building, previewing = Session(), Session(serving=True)
    for session in (building, previewing):
        session.check_page("topics/a.md", "a.yaml", PAGE, False)()
        session.start_build()
    assert not building._seen_before
    assert len(previewing._seen_before) == 1


def test_a_page_is_still_read_if_the_worker_dies() -> None:
    class DeadWorker(ProcessPoolExecutor):
        def submit(self, *args: object, **kwargs: object) -> Future[Any]:
            future: Future[Any] = Future()
            future.set_exception(BrokenProcessPool("a worker died"))
            return future

    session = Session()
    session._pool = DeadWorker(max_workers=1)
    later = session.check_page("topics/a.md", "a.yaml", PAGE, False, in_worker=True)
    assert later().html == mark_first_uses(PAGE)
    assert session._pool is None  # a new worker next time

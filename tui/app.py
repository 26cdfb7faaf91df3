"""The sourcecheck review app and ``make_app``, the factory that the launcher and the tests share."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.content import Content
from textual.binding import Binding
from textual.screen import Screen

from checks import Analysis, Document, FlagKind, Lexicon, analyze
from checks.analysis import Pipeline
from checks.config import Config, apply_config
from checks.corpus.index import CorpusIndex
from checks.quotecheck import SourceIndex
from checks.progress import StageProgress
from checks.review.checklist import Checklist, default_checklist
from checks.review.resume import Analyzer
from checks.review.session import ReviewSession, default_reviewer
from checks.review.store import verdict_path_for
from checks.text.display import escape_controls

from .choice_dialog import ChoiceDialog
from .review_screen import ReviewScreen

__all__ = ["SourcecheckApp", "make_app"]


class SourcecheckApp(App[int]):
    """Review articles flag by flag; the exit code is 0."""

    CSS_PATH = "app.tcss"
    TITLE = "sourcecheck"
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Quit (asks if unsaved work would be lost)", id="app.quit"),
        # Textual's own palette binding, declared here so the help lists it from the bindings too.
        Binding(App.COMMAND_PALETTE_BINDING, "command_palette", "palette", show=False, priority=True,
                tooltip="Command palette", id="app.command_palette"),
    ]

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's title and sub-title (a file name) with control characters shown, never obeyed."""
        return super().format_title(escape_controls(title), escape_controls(sub_title))

    def __init__(self, sessions: Sequence[ReviewSession], *, analyzer: Pipeline, config: Config | None = None) -> None:
        super().__init__()
        self.config = config or Config()
        if not sessions:
            raise ValueError("the review app needs at least one article")
        self.sessions = tuple(sessions)
        self._analyzer = analyzer
        self._analyses = 0
        self._analyses_lock = threading.Lock()

    @contextmanager
    def analysing(self) -> Iterator[None]:
        """Count an analysis running in a worker thread (threads cannot be stopped)."""
        with self._analyses_lock:
            self._analyses += 1
        try:
            yield
        finally:
            with self._analyses_lock:
                self._analyses -= 1

    @property
    def analysis_running(self) -> bool:
        """True while a worker thread is still analysing (the launcher then exits without it)."""
        return self._analyses > 0

    def get_default_screen(self) -> Screen[None]:
        enabled = frozenset(k for k in FlagKind if self.config.enabled(k))
        return ReviewScreen(self.sessions, analyzer=self._analyzer, enabled=enabled)

    @property
    def review_screen(self) -> ReviewScreen:
        return next(s for s in self.screen_stack if isinstance(s, ReviewScreen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        review = self.review_screen
        for keys, description, action in review.key_rows():
            yield SystemCommand(description, f"key: {keys}", partial(review.run_action, action))
        yield from super().get_system_commands(screen)

    async def action_quit(self) -> None:
        unsaved = self.review_screen.save_all()
        if not unsaved:
            self.exit(0)
            return

        def done(choice: str | None) -> None:
            if choice == "quit":
                self.exit(0)

        self.push_screen(
            ChoiceDialog(
                "Quit with unsaved work?",
                f"Changes to {', '.join(unsaved)} could not be saved and would be lost. "
                "Keep reviewing, then ctrl+s to save again (a file changed by another program "
                "offers to keep both).",
                [("quit", "Quit anyway", "y"), ("stay", "Keep reviewing", "n")],
            ),
            done,
        )


def make_app(
    articles: Sequence[str | Path],
    *,
    verdicts: str | Path | None = None,
    checklist: Checklist | None = None,
    reviewer: str | None = None,
    lexicon: Lexicon | None = None,
    corpus: CorpusIndex | None = None,
    analyzer: Analyzer | None = None,
    config: Config | None = None,
    min_checkworthy: float | None = None,
    sources: SourceIndex | None = None,
    source_paths: Sequence[str] = (),
) -> SourcecheckApp:
    """Build the app for a queue of articles. ``verdicts`` is only allowed with one article.

    ``analyzer`` replaces the engine (tests pin the flags with it); by default ``checks.analyze``
    runs with ``lexicon``, and with ``corpus`` (``--against DIR``) adds flags of reused passages.
    ``config`` (the newsroom's kinds and levels) is applied to whichever analysis comes out;
    ``min_checkworthy`` is the engine's threshold between an unsourced claim and background.
    ``sources`` (``--sources``, read from ``source_paths``) checks each quotation; the paths are
    remembered in the verdict file.
    """
    paths = [Path(a) for a in articles]
    if verdicts is not None and len(paths) != 1:
        raise ValueError("--verdicts names one file, so it works with one article only")
    name = (reviewer or "").strip() or default_reviewer()
    chosen = checklist or default_checklist()

    sessions = [
        ReviewSession(p, Path(verdicts) if verdicts else verdict_path_for(p), reviewer=name, checklist=chosen,
                      sources=source_paths)
        for p in paths
    ]
    if analyzer is None:
        with_sources = {"sources": sources} if sources is not None else {}  # no quote stage without them
        return SourcecheckApp(sessions, analyzer=partial(analyze, lexicon=lexicon, corpus=corpus, config=config,
                                                            min_checkworthy=min_checkworthy, **with_sources),
                              config=config)
    pinned = analyzer

    def without_stages(document: Document, /, *, progress: StageProgress | None = None) -> Analysis:
        return apply_config(pinned(document), config)  # a pinned analyzer has no stages to report

    return SourcecheckApp(sessions, analyzer=without_stages, config=config)

"""Keys are declared once, in the bindings: the README's key table and the flag panel's hints must
follow them (the help screen and the command palette read them directly)."""

from __future__ import annotations

from pathlib import Path

from test_app_review import SIZE, fixed_app, fixed_article, loaded  # noqa: F401 - fixed_article is a fixture
from textual.binding import Binding

from checks import FlagKind
from checks.review.decisions import decisions_for
from tui import ReviewScreen, make_app
from tui.keys import help_sections, key_table

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_key_table(text: str) -> list[tuple[str, str]]:
    """(keys, description) of each row of the README's "| Key | What it does |" table."""
    lines = text.splitlines()
    start = lines.index("| Key | What it does |")
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        keys, description = (cell.strip() for cell in line.strip().strip("|").split("|"))
        rows.append((" / ".join(k.strip().strip("`") for k in keys.split(" / ")), description))
    return rows


def bound_rows(screen_bindings=None) -> list[tuple[str, str]]:
    app = make_app(["article.txt"], reviewer="tester")  # never run: its bindings and key display are read
    sections = help_sections(ReviewScreen.BINDINGS if screen_bindings is None else screen_bindings, app)
    return [row for _, rows in sections for row in rows]


def test_the_readme_key_table_is_the_bindings() -> None:
    app = make_app(["article.txt"], reviewer="tester")
    expected = "\n".join(key_table(help_sections(ReviewScreen.BINDINGS, app)))
    assert readme_key_table(README.read_text(encoding="utf-8")) == bound_rows(), (
        "README.md's key table differs from the bindings; the table they give is:\n" + expected
    )


def test_the_table_check_fails_when_either_side_drifts() -> None:
    text = README.read_text(encoding="utf-8")
    rows = bound_rows()
    assert readme_key_table(text.replace("| Sign off |", "| Sign off now |")) != rows
    assert readme_key_table(text.replace("| `S` |", "| `s` |")) != rows
    renamed = [
        Binding(b.key, b.action, b.description, show=b.show, tooltip="Accept it", id=b.id)
        if b.id == "review.accept" else b
        for b in ReviewScreen.BINDINGS
    ]
    assert readme_key_table(text) != bound_rows(renamed)
    assert readme_key_table(text) != bound_rows([b for b in ReviewScreen.BINDINGS if b.id != "review.redo"])


def test_every_action_has_one_long_description() -> None:
    """Footer labels may be short; help needs the long one on the first binding of an action."""
    bindings = list(Binding.make_bindings(ReviewScreen.BINDINGS))
    first: dict[str, Binding] = {}
    for binding in bindings:
        first.setdefault(binding.action, binding)
    later = [b for b in bindings if first[b.action] is not b and b.tooltip]
    assert later == [], "a tooltip on a later binding of an action is never shown"
    assert all((b.tooltip or b.description) for b in first.values())


async def test_the_flag_panel_hint_lists_the_keys_of_the_decisions_the_flag_takes(fixed_article: Path) -> None:
    app = fixed_app(fixed_article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        hints = {}
        for index, flag in enumerate(screen.session.flags):
            screen.current = index
            await pilot.pause()
            summary = str(screen.query_one("#flag-summary").render())
            hints[flag.kind] = summary[summary.index("none yet") + len("none yet"):].split("\n")[0].strip()
            assert len(screen.decision_keys(flag.kind)) == len(decisions_for(flag.kind))
    assert hints[FlagKind.DUPLICATE] == "a accept · x dismiss · s needs work · 1 keep first · 2 keep second · b keep both"
    assert hints[FlagKind.OPINION] == hints[FlagKind.ANONYMOUS] == "a accept · x dismiss · s needs work"

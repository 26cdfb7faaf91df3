"""The newsroom config in the app: a switched-off kind is never shown, a level set there is the
flags' priority. Driven with Pilot on the seed through the real engine."""

from __future__ import annotations

from pathlib import Path

from test_app_review import SIZE, loaded, seed_copy  # noqa: F401 - seed_copy is a fixture, used by name

from checks.config import Config, KindSetting
from checks.kinds import FlagKind, Priority
from tui import FilterDialog, make_app
from tui.legend import Legend

OFF = Config({FlagKind.ANONYMOUS: KindSetting(enabled=False), FlagKind.VAGUE: KindSetting(level=Priority.LOW)})


async def test_a_switched_off_kind_disappears_from_the_app(seed_copy: Path) -> None:
    plain = make_app([seed_copy], reviewer="tester")
    async with plain.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        kinds_before = {f.kind for f in screen.session.flags}
        count_before = len(screen.session.flags)
        assert "anonymous" in str(screen.query_one(Legend).render())
    assert FlagKind.ANONYMOUS in kinds_before and FlagKind.VAGUE in kinds_before

    app = make_app([seed_copy], reviewer="tester", config=OFF)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        flags = screen.session.flags
        assert flags and FlagKind.ANONYMOUS not in {f.kind for f in flags}
        assert len(flags) == count_before - sum(1 for f in plain.sessions[0].flags if f.kind is FlagKind.ANONYMOUS)
        assert {f.priority for f in flags if f.kind is FlagKind.VAGUE} == {Priority.LOW}
        # stepping through every flag never lands on one
        for _ in range(len(flags)):
            await pilot.press("n")
            assert screen.current_flag is not None and screen.current_flag.kind is not FlagKind.ANONYMOUS
        # nor does the filter offer it
        await pilot.press("f")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FilterDialog)
        offered = {str(option.value) for option in dialog.query_one("#filter-kinds").options}
        assert "anonymous" not in offered and "vague" in offered
        await pilot.press("escape")
        legend = str(screen.query_one(Legend).render())
        assert "anonymous" not in legend and "vague" in legend and "duplicate" in legend


def test_the_app_colours_and_legend_come_from_the_registry() -> None:
    from checks.kinds import registry
    from tui.palette import KIND_STYLES, LEGEND_GROUPS

    assert list(KIND_STYLES) == list(registry())
    assert all(str(KIND_STYLES[k].bgcolor.name) == d.colour for k, d in registry().items())
    grouped = [k for _, kinds in LEGEND_GROUPS for k in kinds]
    assert grouped == list(registry())  # every kind in exactly one row, in declared order
    assert [label for label, _ in LEGEND_GROUPS] == list(dict.fromkeys(d.legend for d in registry().values()))

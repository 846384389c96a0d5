"""The statistics and the text helpers, on numbers small enough to check in one's head."""

import pytest

from hirebook.reports import stats
from hirebook.reports.display import pad, percent, text_table, width
from hirebook.reports.period import Period
from hirebook.reports.view import Amount, Rate, Table


def test_median_of_odd_and_even_counts():
    assert stats.median([7, 1, 4]) == 4  # sorted 1, 4, 7: the middle one
    assert stats.median([7, 1, 4, 10]) == 5.5  # sorted 1, 4, 7, 10: (4 + 7) / 2


def test_p90_interpolates_between_closest_ranks():
    # n = 5: rank 0.9 * 4 = 3.6 → 4th value + 0.6 * (5th − 4th) = 8 + 0.6 * 2 = 9.2.
    assert stats.p90([2, 4, 6, 8, 10]) == pytest.approx(9.2)
    # n = 2: rank 0.9 → 10 + 0.9 * (20 − 10) = 19.
    assert stats.p90([20, 10]) == pytest.approx(19)
    assert stats.p90([3]) == 3


def test_empty_inputs_give_none_never_zero():
    assert stats.median([]) is None
    assert stats.mean([]) is None
    assert stats.p90([]) is None
    assert stats.rate(0, 0) is None
    assert stats.rate(0, 3) == 0
    assert stats.summary([]) == {"count": 0, "median": None, "mean": None, "p90": None}


def test_period_includes_both_ends():
    from datetime import date

    period = Period(date(2026, 1, 1), date(2026, 6, 30))
    assert period.contains(date(2026, 1, 1)) and period.contains(date(2026, 6, 30))
    assert not period.contains(date(2025, 12, 31)) and not period.contains(date(2026, 7, 1))
    with pytest.raises(ValueError):
        Period(date(2026, 2, 1), date(2026, 1, 1))


def test_percent_has_one_decimal_and_null_is_not_available():
    assert percent(0.8571428571428571) == "85.7%"
    assert percent(None) == "n/a"


def test_cjk_characters_take_two_columns():
    assert width("環球科技") == 8
    assert pad("環球", 6) == "環球  "
    assert pad("7", 3, right=True) == "  7"


def test_text_tables_align_by_display_width():
    table = Table(
        "t",
        ("client", "name", "count", "rate"),
        [("globex", "環球科技", 12, Rate(0.5)), ("acme", "ACME", 3, Rate(None))],
    )
    lines = text_table(table)
    # Numbers are right-aligned, so every line ends at the same display column…
    assert len({width(line) for line in lines}) == 1
    # …which counting characters would get wrong: the CJK line is 4 characters shorter.
    assert len(lines[1]) == len(lines[2]) - 4
    # name 8 wide ("ACME" + 4 spaces), "count" 5 wide, "50.0%" 5 wide, two spaces between.
    assert lines[1].endswith("環球科技" + "  " + "   12" + "  " + "50.0%")
    assert lines[2].endswith("ACME    " + "  " + "    3" + "  " + "  n/a")
    assert text_table(Table("t", ("a",), [(Amount(2.25),)]))[1] == "  2.2"  # round half even


def test_long_names_are_clipped_by_display_width():
    from hirebook.reports.display import clip

    assert clip("Globex Ltd.", 40) == "Globex Ltd."
    # 10 columns: 7 for the text and 3 for the dots; a CJK character takes two.
    assert clip("Crystal Lake Biotech", 10) == "Crystal..."
    assert clip("晶湖生物科技有限公司", 10) == "晶湖生..."
    assert width(clip("a晶湖生物科技", 10)) == 10  # "a晶湖生..." is exactly 10 wide

"""What a person types for an event, read as a record keeps it (hirebook.events.typed)."""

import pytest

from hirebook.events import typed


@pytest.mark.parametrize(
    ("given", "read"),
    [("55000", 55000), ("0", 0), ("8500.50", 8500.5), ("999999999999.999", 999999999999.999)],
)
def test_an_amount_is_an_int_when_whole(given, read):
    value = typed.amount(given)
    assert value == read and type(value) is type(read)


@pytest.mark.parametrize(
    "given", ["", "1e5", "-1", "+1", "1,000", "1 000", "1.", ".5", "1.2345", "1" * 13, "٣", "NaN"]
)
def test_what_is_not_an_amount_says_so(given):
    with pytest.raises(ValueError, match="is not an amount"):
        typed.amount(given)


@pytest.mark.parametrize("given", ["cny", "CN", "CNYY", "C1Y", "ＣＮＹ", ""])
def test_a_currency_is_three_capitals(given):
    with pytest.raises(ValueError, match="is not a currency code"):
        typed.currency(given)
    assert typed.currency("CNY") == "CNY"


@pytest.mark.parametrize(
    "given", ["a\nb\tc", "中文", "\u202eabc", "::error::x", "😀", "\u200b", "a\u00a0b"]
)
def test_text_a_record_keeps_is_returned_as_given(given):
    assert typed.text(given) == given

"""The search plugin's Chinese segmentation, remembered per run: the same words, fewer calls."""

from types import SimpleNamespace

import jieba
import pytest
from material.plugins.search import plugin as search

from hirebook.handbook.search_segmentation import MemoJieba, install, spare_ascii

TEXT = "竹林生物科技（北京）有限公司 本週篩選簡歷 12 份，推薦 3 人 — 有限公司"


@pytest.fixture
def restored():
    original = search.jieba
    yield
    search.jieba = original


def test_memo_gives_the_words_jieba_gives():
    memo = MemoJieba(jieba)
    for text in ("有限公司", "本週篩選簡歷", "安排面試".encode(), "Bamboo 竹林"):
        assert list(memo.cut(text)) == list(jieba.cut(text))
        assert list(memo.cut(text)) == list(jieba.cut(text))  # from the memo the second time


def test_each_run_is_segmented_once():
    calls = []

    def cut(text, *args, **kwargs):
        calls.append(text)
        return iter(["有限", "公司"])

    memo = MemoJieba(SimpleNamespace(cut=cut, set_dictionary=lambda path: path))
    assert [list(memo.cut("有限公司")) for _ in range(3)] == [["有限", "公司"]] * 3
    assert calls == ["有限公司"]
    assert list(memo.cut("有限公司", cut_all=True)) == ["有限", "公司"]  # other modes: passed on
    assert len(calls) == 2
    assert memo.set_dictionary("dict.txt") == "dict.txt"  # the rest of jieba, unchanged


def test_install_wraps_the_search_plugins_jieba_once(restored):
    assert install()
    assert isinstance(search.jieba, MemoJieba)
    assert install()  # a second build: a fresh memo around the module, not around the memo
    assert search.jieba.jieba is jieba


def test_the_index_text_is_unchanged(restored):
    search.jieba = jieba
    plain = search.SearchIndex._segment_chinese(None, TEXT)
    install()
    assert search.SearchIndex._segment_chinese(None, TEXT) == plain
    assert search.SearchIndex._segment_chinese(None, TEXT) == plain
    assert "\u200b有限\u200b公司\u200b" in plain or "\u200b有限公司\u200b" in plain


def test_no_jieba_no_memo(restored):
    search.jieba = None
    assert not install()
    assert search.jieba is None


def test_ascii_text_is_handed_back_as_the_plugin_would():
    index = search.SearchIndex(lang=["en"], separator=r"[\s\-]+", pipeline=[], fields={})
    texts = [
        "Plans <p>req-2026-0001 Offer accepted</p>",
        "",
        "  spaced  ",
        TEXT,
        "Acme — 竹林",
        "Zürich office",
    ]
    expected = [index._segment_chinese(text) for text in texts]
    asked = []
    original = index._segment_chinese
    index._segment_chinese = lambda text: asked.append(text) or original(text)
    spare_ascii(index)
    assert [index._segment_chinese(text) for text in texts] == expected
    assert asked == [TEXT, "Acme — 竹林", "Zürich office"]  # only text that is not ASCII
    assert "\u200b" in expected[3]  # the Chinese text was segmented

"""Chinese word segmentation for the search index, each distinct run segmented once.

Material's search plugin segments every run of Han characters in every section of every page
with jieba (``jieba.cut``). A handbook repeats the same runs page after page — 有限公司, a
client's name, the labels of a Chinese site — so a 1,000-client build asked jieba 39,000 times
for 1,200 distinct runs, three seconds of a thirty-second build.

:func:`install` puts a memo in front of the jieba module the search plugin holds (and only
there: other users of jieba are untouched). The memo hands back the words jieba gave for the
same run, so the index is unchanged. It is installed afresh for every build (``on_config``),
after which the search plugin may still load its dictionaries through it (``jieba_dict``).

:func:`spare_ascii` spares text without a Han character the plugin's search for Han runs (it
compiles its expression on every call: two thirds of the 39,000 calls were plain ASCII).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from types import ModuleType


class MemoJieba:
    """The jieba module, with ``cut(text)`` remembered per distinct ``text``."""

    def __init__(self, jieba: ModuleType) -> None:
        self.jieba = jieba
        self._words = functools.lru_cache(maxsize=None)(self._segment)

    def _segment(self, text: str | bytes) -> tuple[str, ...]:
        return tuple(self.jieba.cut(text))

    def cut(self, text: str | bytes, *args: object, **kwargs: object) -> Iterator[str]:
        if args or kwargs:  # other modes (cut_all, HMM off): not what the search plugin asks
            return self.jieba.cut(text, *args, **kwargs)
        return iter(self._words(text))

    def __getattr__(self, name: str) -> object:
        return getattr(self.jieba, name)


def install() -> bool:
    """Give Material's search plugin a fresh memo; False when it segments nothing (no jieba)."""
    try:
        from material.plugins.search import plugin as search
    except ImportError:
        return False
    current = getattr(search, "jieba", None)
    if current is None:
        return False
    search.jieba = MemoJieba(current.jieba if isinstance(current, MemoJieba) else current)
    return True


def spare_ascii(index) -> None:
    """Make ``index`` (the search plugin's ``SearchIndex``) hand ASCII text back unsegmented.

    Exactly what it did with such text: there is no Han run to segment, and the zero-width
    spaces it strips from the ends are not ASCII.
    """
    segment = index._segment_chinese

    def segment_chinese(data: str) -> str:
        return data if data.isascii() else segment(data)

    index._segment_chinese = segment_chinese

"""Search across Chinese scripts: a page found by a word typed in the other script.

An agency's staff write Traditional and Simplified Chinese alike — a client in Hong Kong is
鳳凰醫療, the recruiter in Shanghai types 凤凰医疗 — and the search box matches characters as
typed. So on the Chinese sites (:func:`wanted`) the words a deferred block gives the search
index (:meth:`hirebook.handbook.deferred.Deferred.for_search`) are followed by each Chinese
word's form in the other script, where it differs: converted by OpenCC's ``t2s`` and ``s2t``
tables (words and phrases, not one character at a time, so 後/后 and 發/发 come out right).
Readers never see them: they are in the hidden paragraph the search plugin reads, which the
page's table replaces. The search plugin segments every Chinese word it is given (jieba), so
the forms cost build time; the English site, searched in English, goes without them
(``tooling/benchmarks/README.md`` has the figure).

Only the words of the generated pages' blocks: the hand-written pages are in their site's own
script, and ``hirebook handbook --out`` (and the Zensical build made from it) has no deferred
blocks, so there search matches the script as written (the README lists what differs).
"""

from __future__ import annotations

import functools
import re

_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""A Han character (the unified ideographs, extension A, the compatibility ones)."""

CONVERSIONS = ("t2s.json", "s2t.json")
"""OpenCC's tables: Traditional to Simplified, Simplified to Traditional."""


def wanted(language: str) -> bool:
    """Whether the site in ``language`` gives search both scripts' forms: a Chinese one."""
    return language.startswith("zh")


@functools.cache
def _converters() -> tuple:
    import opencc  # only a site with Chinese words needs it

    return tuple(opencc.OpenCC(table) for table in CONVERSIONS)


def other_forms(words: str) -> str:
    """The Chinese words of ``words`` (separated by spaces) as the other script writes them,
    each once, without the ones written the same in both: the Simplified forms first, then
    the Traditional; separated by spaces."""
    chinese = [word for word in words.split() if _CHINESE.search(word)]
    if not chinese:
        return ""
    text = " ".join(chinese)
    known = set(chinese)
    forms = []
    for converter in _converters():
        for word in converter.convert(text).split():
            if word not in known:
                known.add(word)
                forms.append(word)
    return " ".join(forms)

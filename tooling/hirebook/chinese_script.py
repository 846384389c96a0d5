"""Traditional and Simplified Chinese: a word, a name, in the other script.

An agency's staff write both scripts — a client in Hong Kong is 鳳凰醫療, the recruiter in
Shanghai types 凤凰医疗 — so hirebook converts with OpenCC's tables in two places:

- **Search, on the Chinese sites** (:func:`search_in_both_scripts`): the words a deferred
  block gives the search index (:meth:`hirebook.handbook.deferred.Deferred.for_search`) are
  followed by each Chinese word's form in the other script, where it differs
  (:func:`other_forms`: OpenCC's ``t2s`` and ``s2t``, words and phrases, so 之后 is 之後).
  Only the records' words: the site's own labels are in its script, and were most of the
  words converted. Readers never see the forms: they are in the hidden paragraph the search
  plugin reads, which the page's table replaces. The search plugin segments every Chinese
  word it is given (jieba), so the forms cost build time; the English site, searched in
  English, goes without them.
- **A candidate's name** (:func:`one_spelling`, for
  :class:`hirebook.privacy.candidates.Candidates`): 龚丽 written 龔麗 in a note is still the
  candidate's name — and the search index above would give it as recorded. Every spelling of
  the name, character by character in either script, is found: the name and the text are
  compared in one spelling, each Han character as ``t2s`` writes it (发 for 發 and 髮), so a
  name of many ambiguous characters costs no more than another. It is made from ``t2s`` alone, one
  character at a time, because ``s2t``'s phrase tables take several times longer to load, and
  ``lint`` would load them in every process.

Only the words of the generated pages' blocks are given both forms: the hand-written pages are
in their site's own script, and ``hirebook handbook --out`` (and the Zensical build made from
it) has no deferred blocks, so there search matches the script as typed.
"""

from __future__ import annotations

import functools
import re

_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""A Han character (the unified ideographs, extension A, the compatibility ones)."""
_CHINESE_RUN = re.compile(f"{_CHINESE.pattern}+")
_SURROGATE = re.compile("[\ud800-\udfff]")
"""Half a surrogate pair: Python's stand-in for a byte of a file name that is not UTF-8."""

_UNIFIED = ((0x3400, 0x4DC0), (0x4E00, 0xA000))
"""The Han characters a name is spelled in once normalised (NFKC makes the compatibility
ideographs unified ones)."""

CONVERSIONS = ("t2s.json", "s2t.json")
"""OpenCC's tables: Traditional to Simplified, Simplified to Traditional."""


def search_in_both_scripts(language: str) -> bool:
    """Whether the site in ``language`` gives search both scripts' forms: a Chinese one."""
    return language.startswith("zh")


@functools.cache
def _converter(table: str):
    import opencc  # only where there is Chinese to convert

    return opencc.OpenCC(table)


def chinese_runs(texts) -> frozenset[str]:
    """The runs of Chinese characters in ``texts`` (``資料截至：{day}`` has one, 資料截至)."""
    return frozenset(run for text in texts for run in _CHINESE_RUN.findall(text))


def other_forms(words: str, own: frozenset[str] = frozenset()) -> str:
    """The Chinese words of ``words`` (separated by spaces) as the other script writes them,
    each once, without the ones written the same in both: the Simplified forms first, then
    the Traditional; separated by spaces. A word whose Chinese is all among ``own`` (the
    site's own labels, :func:`chinese_runs`, in its own script) is nobody's search: left out."""
    chinese = [
        word
        for word in words.split()
        if any(run not in own for run in _CHINESE_RUN.findall(word))
        and not _SURROGATE.search(word)  # OpenCC takes UTF-8, which has no lone surrogate
    ]
    if not chinese:
        return ""
    text = " ".join(chinese)
    known = set(chinese)
    forms = []
    for table in CONVERSIONS:
        for word in _converter(table).convert(text).split():
            if word not in known:
                known.add(word)
                forms.append(word)
    return " ".join(forms)


@functools.cache
def _simplified() -> dict[str, str]:
    """Each Han character ``t2s`` writes as another, one character, with that character."""
    characters = [chr(code) for first, end in _UNIFIED for code in range(first, end)]
    # One character a line: t2s's phrase tables never join two.
    converted = _converter("t2s.json").convert("\n".join(characters)).split("\n")
    return {
        character: simple
        for character, simple in zip(characters, converted, strict=True)
        if simple != character and len(simple) == 1
    }


@functools.cache
def _one_spelling() -> dict[int, str]:
    """Each Han character ``t2s`` writes as another, with the character at the end of that
    writing: its Simplified form, or the form of that form where ``t2s`` writes it as another
    again (薴 is 苧, which is 苎: all three are 苎)."""
    simplified = _simplified()
    table = {}
    for character, simple in simplified.items():
        seen = {character}
        while simple in simplified and simple not in seen:
            seen.add(simple)
            simple = simplified[simple]
        table[ord(character)] = simple
    return table


def one_spelling(text: str) -> str:
    """``text`` with each Han character in the one form all its spellings share (龔麗, 龚麗 and
    龚丽 are 龚丽; 發 and 髮 are 发), every other character as it is: the same length, each
    character where it was. Two names are each other's spelling in either script when their
    one spelling is the same, found by comparing one string however many spellings a name
    has."""
    return text.translate(_one_spelling())


@functools.cache
def _alike() -> dict[str, frozenset[str]]:
    """Each one spelling (:func:`one_spelling`) with every character spelled so."""
    alike: dict[str, set[str]] = {}
    for code, simple in _one_spelling().items():
        alike.setdefault(simple, {simple}).add(chr(code))
    return {simple: frozenset(characters) for simple, characters in alike.items()}


def alike(character: str) -> frozenset[str]:
    """Every character whose one spelling is ``character``'s (发: 发, 發, 髮)."""
    return _alike().get(one_spelling(character), frozenset(character))

"""Search across Chinese scripts (hirebook.chinese_script): on a Chinese site a page is
found by its Chinese words typed in the other script. The demo's clients have Simplified names
(常青医疗集团, 铜叶食品有限公司); a recruiter in Hong Kong reading the Traditional site types 醫療
or 銅葉. The expected forms are the characters' Traditional and Simplified forms, read from a
dictionary by hand."""

from __future__ import annotations

import json

from chinese_spellings import spellings
from hirebook.chinese_script import chinese_runs, other_forms, search_in_both_scripts
from hirebook.handbook import deferred

from .test_browser import browse, search


def test_the_other_scripts_form_of_each_chinese_word():
    assert other_forms("鳳凰醫療 王麗") == "凤凰医疗 王丽"
    assert other_forms("常青医疗集团 engineer 2026") == "常青醫療集團"
    # Phrases, not one character at a time: 后 is 後 ("after") in 之后, 发 is 發 in 发展.
    assert other_forms("之后 发展") == "之後 發展"


def test_words_written_alike_in_both_scripts_add_nothing():
    assert other_forms("北京 有限公司 Senior engineer") == ""
    assert other_forms("") == ""
    assert other_forms("王麗 王麗 王丽") == ""  # each form once, and both are there


def test_entities_and_latin_letters_inside_a_word_are_kept():
    """Record text reaches the search text with ASCII punctuation as entities."""
    assert other_forms("竹林&#40;蘇州&#41;第2") == "竹林&#40;苏州&#41;第2"


def test_only_the_chinese_sites_give_search_both_scripts():
    languages = ("en", "zh-Hant", "zh-Hans")
    assert [search_in_both_scripts(language) for language in languages] == [False, True, True]


def test_a_blocks_hidden_search_text_holds_both_scripts():
    collector = deferred.Deferred(cross_script=True)
    table = collector.keep("<table><tr><td>常青医疗集团</td><td>張剛</td></tr></table>")
    below_title = collector.keep("<p>Owner</p>")
    content = f'{collector.marker(table)}\n<h1 {deferred.AFTER}="{below_title}">鳳凰醫療</h1>\n'
    text = collector.for_search(content)
    assert f'data-block="{table}">常青医疗集团 張剛 张刚 常青醫療集團</p>' in text
    # The heading's words too: a page's title is its first heading.
    assert f'data-block="{below_title}">Owner 凤凰医疗</p>' in text
    # Without it (the English site), the words as written.
    english = deferred.Deferred()
    english.tables[:] = collector.tables
    assert f'data-block="{table}">常青医疗集团 張剛</p>' in english.for_search(content)


def client_search_texts(site, client: str) -> list[str]:
    index = json.loads(site.text("search/search_index.json"))
    return [
        entry["text"].replace("\u200b", "")  # jieba's word breaks
        for entry in index["docs"]
        if entry["location"].startswith(f"clients/{client}/")
    ]


def test_the_traditional_site_gives_search_the_traditional_names(demo_in):
    """Before, the index held the demo's client names only as written (Simplified)."""
    texts = client_search_texts(demo_in("zh-Hant"), "evergreen-health")
    assert any("常青醫療集團" in text for text in texts), texts
    assert any("常青医疗集团" in text for text in texts)
    english = client_search_texts(demo_in("en"), "evergreen-health")
    assert not any("常青醫療集團" in text for text in english)


def test_typing_the_traditional_form_finds_a_simplified_name(chromium, demo_in):
    site = demo_in("zh-Hant")
    with browse(chromium, site.site) as (page, base, foreign, _):
        page.goto(base, wait_until="load")
        assert search(page, "銅葉") > 0  # 铜叶 in 铜叶食品有限公司
        links = page.locator(".md-search-result__item a").evaluate_all(
            "links => links.map(link => link.getAttribute('href'))"
        )
        assert any("clients/copperleaf-foods/" in link for link in links), links
    assert foreign == []


def test_every_spelling_of_a_name_in_either_script():
    """One character at a time: 龚/龔, 丽/麗; 发 is 發 (to issue) or 髮 (hair), so a name with
    发 has both."""
    assert spellings("龚丽") == ["龚丽", *sorted(["龔丽", "龔麗", "龚麗"])]
    assert spellings("龔麗") == ["龔麗", *sorted(["龚丽", "龔丽", "龚麗"])]
    assert set(spellings("李发")) == {"李发", "李發", "李髮"}
    assert spellings("北京") == ["北京"]  # alike in both
    assert spellings("Grace") == ["Grace"]


def test_a_name_of_too_many_spellings_is_looked_for_as_written_and_simplified():
    name = "發臺乾麗龔發"  # 3 × 4 × 4 × 2 × 2 × 3 = 576 spellings
    assert spellings(name) == [name, "发台干丽龚发"]


def test_what_search_is_given_of_a_name_is_one_of_its_spellings():
    """The search index of a Chinese site holds a word's other_forms: for a name, each must be
    a spelling the personal-data rules look for."""
    for name in ("龚丽", "劉洋", "張剛", "李发", "王麗", "陳曉明", "欧阳明"):
        for form in other_forms(name).split():
            assert form in spellings(name), (name, form)


def test_the_sites_own_labels_are_not_converted():
    """A Traditional site's labels are Traditional, and nobody searches for them: at 1,000
    clients they were three quarters of the words converted (and segmented by jieba again)."""
    own = chinese_runs(["資料截至：{day}", "客戶經理："])
    words = "資料截至：2026-11-20 客戶經理： 王麗 常青医疗集团"
    assert other_forms(words, own) == "王丽 常青醫療集團"
    assert other_forms(words) == "资料截至：2026-11-20 客户经理： 王丽 常青醫療集團"

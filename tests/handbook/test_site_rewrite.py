"""A site rebuilt in place is the site a clean build leaves: the old files the build did not
write are gone, the ones it wrote were written over, and nothing outside the site is touched."""

import multiprocessing
import os

import mkdocs.utils
import pytest

from hirebook import parallel
from hirebook.handbook.site_rewrite import SiteRewrite, write_over

from .handbook_site import PROJECT, build_site
from .test_page_sharing import assert_same_site


def write(path, text="new"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path):
    """An old site: pages in folders, a stylesheet, and a hidden file of the user's."""
    site = tmp_path / "site"
    for rel in ("index.html", "clients/acme/index.html", "clients/gone/index.html", "a.css"):
        write(site / rel, "old")
    write(site / ".keep/notes.txt", "mine")
    return site


def files_below(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_old_files_the_build_did_not_write_are_deleted_and_written_ones_kept(site):
    inode = (site / "index.html").stat().st_ino
    rewrite = SiteRewrite(str(site))
    rewrite.take_stock()
    write(site / "index.html")  # written over: the same inode
    write(site / "clients/acme/index.html", "old")  # the same bytes, but written
    write(site / "clients/new/index.html")
    rewrite.finish()
    assert files_below(site) == [
        ".keep/notes.txt",
        "clients/acme/index.html",
        "clients/new/index.html",
        "index.html",
    ]
    assert (site / "index.html").stat().st_ino == inode
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert not (site / "clients/gone").exists()  # its folder too, once empty


def test_what_would_be_written_through_is_deleted_before_the_build(site, tmp_path):
    outside = tmp_path / "outside.txt"
    write(outside, "the user's")
    os.symlink(outside, site / "linked.html")
    os.link(outside, site / "second-name.html")
    rewrite = SiteRewrite(str(site))
    rewrite.take_stock()
    assert not os.path.lexists(site / "linked.html")
    assert not (site / "second-name.html").exists()
    write(site / "linked.html")
    write(site / "second-name.html")
    rewrite.finish()
    assert outside.read_text(encoding="utf-8") == "the user's"
    assert (site / "linked.html").read_text(encoding="utf-8") == "new"


def test_old_entries_in_the_way_of_the_build_are_removed(site):
    write(site / "reports", "an old file where a folder goes")
    rewrite = SiteRewrite(str(site))
    rewrite.take_stock()
    rewrite.make_way(["index.html", "reports/index.html", "clients"])
    assert not (site / "reports").exists()
    assert not (site / "clients").exists()  # an old folder where a file goes
    write(site / "index.html")
    write(site / "reports/index.html")
    write(site / "clients")
    rewrite.finish()
    assert files_below(site) == [".keep/notes.txt", "clients", "index.html", "reports/index.html"]


def test_it_stands_in_for_one_clean_up_of_the_site_folder_only(site, tmp_path):
    original = mkdocs.utils.clean_directory
    other = tmp_path / "other"
    write(other / "x.html")
    rewrite = SiteRewrite.install(str(site))
    try:
        mkdocs.utils.clean_directory(str(other))  # not the site: cleaned as MkDocs cleans
        assert mkdocs.utils.clean_directory is original
        assert not (other / "x.html").exists()
        mkdocs.utils.clean_directory = rewrite._instead_of_cleaning
        mkdocs.utils.clean_directory(str(site))
        assert mkdocs.utils.clean_directory is original
        assert (site / "a.css").exists()  # kept until the end of the build
    finally:
        mkdocs.utils.clean_directory = original
    rewrite.finish()
    assert files_below(site) == [".keep/notes.txt"]


def test_finish_puts_mkdocs_clean_up_and_writing_back_if_cleaning_was_never_called(site):
    clean, write_file = mkdocs.utils.clean_directory, mkdocs.utils.write_file
    rewrite = SiteRewrite.install(str(site))
    assert mkdocs.utils.write_file is write_over
    rewrite.finish()  # the build failed before MkDocs cleaned: nothing noted, nothing deleted
    assert mkdocs.utils.clean_directory is clean
    assert mkdocs.utils.write_file is write_file
    assert (site / "a.css").exists()


def test_a_file_written_over_holds_exactly_the_new_bytes(tmp_path):
    page = tmp_path / "page/index.html"
    write(page, "a long old page, longer than the new one")
    inode = page.stat().st_ino
    write_over(b"short", str(page))
    assert page.read_bytes() == b"short"
    write_over(b"longer than before, and then some", str(page))
    assert page.read_bytes() == b"longer than before, and then some"
    assert page.stat().st_ino == inode
    write_over(b"new", str(tmp_path / "new/folder/index.html"))  # missing: made as MkDocs does
    assert (tmp_path / "new/folder/index.html").read_bytes() == b"new"


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="large builds fork"
)
def test_the_demo_rebuilt_over_an_old_site_is_the_clean_build(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "fork_context", lambda: multiprocessing.get_context("fork"))
    options = {"jobs": 2}  # a large agency's build: the site is written in place
    old = tmp_path / "old"
    old.mkdir()
    first = build_site(old, PROJECT / "records", "zh-Hant", plugin_options=options)
    assert first.ok, first.log
    inodes = {page: page.stat().st_ino for page in first.site.rglob("*.html")}
    del inodes[first.site / "404.html"]  # replaced by a link below
    write(first.site / "clients/gone/index.html", "a client since removed")
    write(first.site / "stale.txt", "old")
    write(first.site / ".hidden/mine.txt", "the user's")
    (first.site / "404.html").unlink()  # now a link out of the site, which must not be written
    os.symlink(tmp_path / "outside.html", first.site / "404.html")
    write(tmp_path / "outside.html", "outside")

    again = build_site(old, PROJECT / "records", "zh-Hant", plugin_options=options)
    assert again.ok, again.log
    fresh_folder = tmp_path / "fresh"
    fresh_folder.mkdir()
    fresh = build_site(fresh_folder, PROJECT / "records", "zh-Hant", plugin_options=options)
    assert fresh.ok, fresh.log

    # Every page written over, not anew: those of the build's process and of its helper.
    kept = [page for page, inode in inodes.items() if page.stat().st_ino == inode]
    assert len(kept) == len(inodes) > 60
    assert (again.site / ".hidden/mine.txt").read_text(encoding="utf-8") == "the user's"
    assert (tmp_path / "outside.html").read_text(encoding="utf-8") == "outside"
    (again.site / ".hidden/mine.txt").unlink()
    (again.site / ".hidden").rmdir()
    assert_same_site(fresh, again)

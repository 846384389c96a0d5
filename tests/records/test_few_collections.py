"""The garbage collector is held off while records are read, and given back afterwards."""

import gc

from hirebook.records.repository import few_collections


def test_no_collection_runs_inside_and_the_collector_is_back_after():
    assert gc.isenabled()
    with few_collections():
        assert not gc.isenabled()
        with few_collections():  # nested: changes nothing
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.unfreeze()


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    try:
        with few_collections():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_what_was_loaded_is_frozen_and_a_new_load_unfreezes_it():
    gc.unfreeze()
    with few_collections():
        kept = [{"id": n} for n in range(1000)]
    assert gc.get_freeze_count() >= 1000
    with few_collections(unfreeze=True):
        assert gc.get_freeze_count() == 0
    assert kept
    gc.unfreeze()

"""The memo a long-running process keeps between builds (site_builder.memo)."""
from site_builder.memo import Memo, NoMemo


def test_a_value_is_made_once_per_key_and_kept_one_build_after_its_last_use():
    memo, made = Memo(), []

    def make(x):
        return lambda: made.append(x) or x * 2

    assert memo.get(("double", 2), make(2)) == 4
    assert memo.get(("double", 2), make(2)) == 4
    memo.next_build()
    assert memo.get(("double", 2), make(2)) == 4  # handed to the next build
    assert made == [2]
    memo.next_build()
    memo.next_build()  # a build that did not ask for it: forgotten
    assert memo.get(("double", 2), make(2)) == 4 and made == [2, 2]


def test_get_for_finds_the_same_object_not_an_equal_one():
    memo = Memo()
    first, equal = ["a", "b"], ["a", "b"]
    assert memo.get_for((first,), "len", lambda: len(first)) == 2
    first.append("c")  # identity, not value: the memo answers for this object
    assert memo.get_for((first,), "len", lambda: len(first)) == 2
    assert memo.get_for((equal,), "len", lambda: -1) == -1
    memo.next_build()
    assert memo.get_for((first,), "len", lambda: 0) == 2
    assert memo.get_for((first,), "other key", lambda: 0) == 0


def test_no_memo_keeps_nothing():
    memo, calls = NoMemo(), []
    for _ in range(2):
        memo.get("k", lambda: calls.append(1))
        memo.get_for((calls,), "k", lambda: calls.append(1))
    assert len(calls) == 4 and len(memo) == 0

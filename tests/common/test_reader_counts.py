"""A count in the header: 0 for a visitor, counted once per request."""

from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser

from kakehashi.common.reader_counts import count_for_reader

READER = SimpleNamespace(is_authenticated=True)


def counter(calls):
    def count(user):
        calls.append(user)
        return 3

    return count


def test_a_visitor_counts_nothing():
    calls = []
    request = SimpleNamespace(user=AnonymousUser())

    assert count_for_reader({"request": request}, "unread", counter(calls)) == 0
    assert calls == []


def test_the_count_is_taken_once_per_request():
    calls = []
    request = SimpleNamespace(user=READER)

    first = count_for_reader({"request": request}, "unread", counter(calls))
    second = count_for_reader({"request": request, "user": READER}, "unread", counter(calls))

    assert (first, second) == (3, 3)
    assert calls == [READER]


def test_without_a_request_the_user_is_counted_each_time():
    calls = []

    assert count_for_reader({"user": READER}, "unread", counter(calls)) == 3
    assert count_for_reader({"user": READER}, "unread", counter(calls)) == 3
    assert calls == [READER, READER]

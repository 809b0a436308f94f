"""Who may use the news desk (django-rules predicates). Accepting or rejecting one suggestion
is checked against the localities it concerns, in services (news/decisions.py)."""

import rules

from kakehashi.news.queries import may_use_desk


@rules.predicate
def uses_desk(user):
    return may_use_desk(user)


rules.add_perm("news.use_desk", uses_desk)

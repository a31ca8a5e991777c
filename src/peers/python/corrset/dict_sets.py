"""k-corrset with Python's own containers: a set of users per question, a dict of scores, a dict of grand totals.

Per set: intersect the k user sets, then for each counted user sum the k scores from the dict; np.corrcoef on the
two short lists. No DataFrame in the loop: the article's "sets of users" and "score dict" ideas.
"""

import numpy as np


def prepare(scores, k):
    users_of = [set() for _ in scores.questions]
    score_of = {}
    names = scores.users
    for user_index, question, score in zip(scores.user.tolist(), scores.question.tolist(), scores.score.tolist()):
        user = names[user_index]
        users_of[question].add(user)
        score_of[(user, question)] = score
    grand_total = dict(zip(scores.users, scores.grand_totals.tolist()))
    return users_of, score_of, grand_total


def compute(state, combos):
    users_of, score_of, grand_total = state
    r = np.empty(len(combos))
    n = np.empty(len(combos), dtype=np.int64)
    for i, combo in enumerate(combos.tolist()):
        counted = set.intersection(*(users_of[q] for q in combo))
        x = [sum(score_of[(user, q)] for q in combo) for user in counted]
        y = [grand_total[user] for user in counted]
        n[i] = len(counted)
        r[i] = np.corrcoef(x, y)[0, 1] if n[i] >= 2 else np.nan
    return r, n


def threads():
    return 1

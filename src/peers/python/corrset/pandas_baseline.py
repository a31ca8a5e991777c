"""k-corrset, the Python article's starting point: a pandas DataFrame of string ids, filtered per combination.

Per set: keep the rows of its questions, count each user's rows to find those who answered all k, sum those users'
scores on the set (x), look up their grand totals (y, one group-by done in prepare), np.corrcoef(x, y).
"""

import numpy as np
import pandas as pd


def prepare(scores, k):
    frame = pd.DataFrame({
        "user": np.asarray(scores.users, dtype=object)[scores.user],
        "question": np.asarray(scores.questions, dtype=object)[scores.question],
        "score": scores.score,
    })
    return {"frame": frame, "questions": scores.questions, "k": k,
            "grand_totals": frame.groupby("user")["score"].sum()}


def compute(state, combos):
    frame, grand_totals, k = state["frame"], state["grand_totals"], state["k"]
    r = np.empty(len(combos))
    n = np.empty(len(combos), dtype=np.int64)
    for i, combo in enumerate(combos):
        asked = [state["questions"][q] for q in combo]
        rows = frame[frame["question"].isin(asked)]
        answers = rows.groupby("user")["question"].count()
        counted = answers.index[answers == k]
        totals = rows[rows["user"].isin(counted)].groupby("user")["score"].sum()
        n[i] = len(totals)
        r[i] = np.corrcoef(totals.to_numpy(), grand_totals.loc[totals.index].to_numpy())[0, 1] if n[i] >= 2 \
            else np.nan
    return r, n


def threads():
    return 1

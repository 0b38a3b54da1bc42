class VoteError(Exception):
    pass


votes: dict[str, str] = {}
tally: dict[str, int] = {}
CANDIDATES = ["ada", "bob", "cyd"]


def vote(voter: str, choice: str) -> None:
    if choice not in CANDIDATES:
        raise VoteError(f"unknown candidate {choice!r}")
    if voter in votes:
        raise VoteError(f"{voter} already voted for {votes[voter]}")
    votes[voter] = choice
    tally[choice] = tally.get(choice, 0) + 1


for voter, choice in [("v1", "ada"), ("v2", "bob"), ("v1", "bob"), ("v3", "zed"), ("v4", "ada"), ("v5", "cyd")]:
    try:
        vote(voter, choice)
    except VoteError as e:
        print("rejected:", e)
total = sum(tally.values())
for c in CANDIDATES:
    n = tally.get(c, 0)
    print(f"{c}: {n} ({n / total:.1%})")
winner = sorted(CANDIDATES, key=lambda c: -tally.get(c, 0))[0]
print("winner", winner)

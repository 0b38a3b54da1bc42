from typing import Optional
import math


class Poll:
    next_id = 1

    def __init__(self, question: str, options: list[str]):
        if len(options) < 2:
            raise ValueError("a poll needs at least two options")
        self.id = Poll.next_id
        Poll.next_id += 1
        self.question = question
        self.votes = {o: 0 for o in options}
        self.voters = set()

    def vote(self, voter: str, option: str) -> bool:
        if voter in self.voters:
            return False
        if option not in self.votes:
            raise KeyError(option)
        self.votes[option] += 1
        self.voters.add(voter)
        return True

    @property
    def total(self) -> int:
        return sum(self.votes.values())

    def winner(self) -> Optional[str]:
        if self.total == 0:
            return None
        best = max(self.votes.values())
        leaders = [o for o, v in self.votes.items() if v == best]
        return leaders[0] if len(leaders) == 1 else None

    def __str__(self):
        lines = [f"#{self.id} {self.question}"]
        for i, (o, v) in enumerate(sorted(self.votes.items(), key=lambda kv: -kv[1]), start=1):
            pct = 100 * v / self.total if self.total else 0.0
            bar = "#" * math.ceil(pct / 10)
            lines.append(f"  {i}. {o:<8} {v:>3} {pct:5.1f}% {bar}")
        return "\n".join(lines)


polls: dict[int, Poll] = {}


def create(question: str, *options: str) -> int:
    p = Poll(question, list(options))
    polls[p.id] = p
    return p.id


pid = create("Best language?", "python", "rust", "motoko")
p = polls[pid]
for voter, choice in [("a", "python"), ("b", "rust"), ("c", "python"), ("a", "rust")]:
    print(voter, p.vote(voter, choice))
try:
    p.vote("d", "cobol")
except KeyError as e:
    print("no such option:", e)
try:
    create("Empty?", "yes")
except ValueError as e:
    print(e)
print(p)
print(p.winner(), p.total, len(p.voters))
q = polls[create("Tie?", "x", "y")]
q.vote("a", "x")
q.vote("b", "y")
print(q.winner() or "tie", Poll.next_id)
print(q)

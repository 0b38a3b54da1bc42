scores: dict[str, list[int]] = {}


def record(player: str, points: int) -> None:
    scores.setdefault(player, []).append(points)


def best(player: str) -> int:
    return max(scores.get(player, []), default=0)


def average(player: str) -> float:
    pts = scores.get(player, [])
    return sum(pts) / len(pts) if pts else 0.0


for p, s in [("ann", 50), ("bo", 70), ("ann", 90), ("cy", 70), ("bo", 20), ("ann", 10)]:
    record(p, s)
ranking = sorted(sorted([p for p in scores]), key=lambda p: -best(p))
for i, p in enumerate(ranking):
    print(f"{i + 1}. {p:<4} best={best(p):>3} avg={average(p):6.2f} games={len(scores[p])}")
print(best("zed"), average("zed"))
print(any(best(p) > 80 for p in scores), all(len(v) > 1 for v in scores.values()))

from kybra import Record


class Player(Record):
    name: str
    score: int
    level: int


players: list[Player] = [
    {"name": "zed", "score": 50, "level": 2},
    {"name": "amy", "score": 75, "level": 1},
    {"name": "bo", "score": 50, "level": 3},
    {"name": "cat", "score": 90, "level": 2},
]
by_score = sorted(players, key=lambda p: p["score"], reverse=True)
print([p["name"] for p in by_score])
by_name = sorted(players, key=lambda p: p["name"])
print([p["name"] for p in by_name])
top = max([p["score"] for p in players])
print(top, [p["name"] for p in players if p["score"] == top])
total = sum([p["level"] for p in players])
print(total, players[0])

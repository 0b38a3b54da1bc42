WINDOW = 10
LIMIT = 3
requests: dict[str, list[int]] = {}


def allow(user: str, now: int) -> bool:
    recent = [t for t in requests.get(user, []) if now - t < WINDOW]
    if len(recent) >= LIMIT:
        requests[user] = recent
        return False
    recent.append(now)
    requests[user] = recent
    return True


events = [("a", 0), ("a", 1), ("b", 1), ("a", 2), ("a", 3), ("a", 11), ("b", 12), ("a", 12), ("a", 13)]
for user, t in events:
    print(t, user, "allowed" if allow(user, t) else "denied")
print({u: len(ts) for u, ts in requests.items()})

followers = {}


def follow(who: str, whom: str) -> None:
    followers.setdefault(whom, []).append(who)


follow("a", "b")
follow("c", "b")
follow("a", "c")
def report() -> None:
    print(followers)
    print({k: len(v) for k, v in followers.items()})


report()

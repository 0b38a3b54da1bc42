# expect: error: cannot compare `int` with `None`
def best_of(scores: list[int]) -> None:
    best = None
    for score in scores:
        if best is None or score > best:
            best = score
    print(best)


best_of([3, 9, 2])

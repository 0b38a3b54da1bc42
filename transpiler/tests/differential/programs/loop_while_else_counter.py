def attempts_needed(target: int, limit: int) -> str:
    guess = 1
    tries = 0
    while tries < limit:
        tries += 1
        if guess == target:
            break
        guess *= 2
    else:
        return f"gave up after {tries}"
    return f"found {target} in {tries}"


for t in [1, 8, 5, 64]:
    print(attempts_needed(t, 6))

counter = 0
history: list[int] = []


def bump(by: int) -> int:
    global counter
    counter += by
    history.append(counter)
    return counter


def reset() -> None:
    global counter
    counter = 0


for i in range(1, 5):
    bump(i)
print(counter, history)
reset()
print(counter, bump(100), history[-1], len(history))

def is_even(n: int) -> bool:
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n: int) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)


def hanoi(n: int, src: str, dst: str, via: str, moves: list[str]) -> int:
    if n == 0:
        return 0
    a = hanoi(n - 1, src, via, dst, moves)
    moves.append(f"{src}->{dst}")
    b = hanoi(n - 1, via, dst, src, moves)
    return a + b + 1


print([is_even(i) for i in range(6)], is_odd(7))
moves: list[str] = []
print(hanoi(4, "A", "C", "B", moves), len(moves))
print(moves[:5])

def fib_memo(n: int) -> int:
    memo: dict[int, int] = {}

    def fib(k: int) -> int:
        if k < 2:
            return k
        if k in memo:
            return memo[k]
        v = fib(k - 1) + fib(k - 2)
        memo[k] = v
        return v

    return fib(n)


def flatten_depth(depth: int) -> list[int]:
    out: list[int] = []

    def walk(d: int, label: int) -> None:
        if d == 0:
            out.append(label)
            return
        walk(d - 1, label * 2)
        walk(d - 1, label * 2 + 1)

    walk(depth, 1)
    return out


print(fib_memo(50))
print(flatten_depth(3))

keys = ["a", "b", "c"]
vals = [1, 2, 3]
d = dict(zip(keys, vals))
print(d, list(map(str, vals)), ",".join(map(str, vals)))
print(sorted(set("mississippi")), list(enumerate(keys, 1)))
memo: dict[int, int] = {}


def fib(n: int) -> int:
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r


print(fib(80), f"{fib(50):,}", "{:,}".format(1234567), "{name} is {age}".format(name="Ann", age=3))
print("{0}-{1}-{0}".format("x", "y"), "{:>8.3f}|".format(3.14159), "%.1f%%" % 99.5)
counter = 0


def bump(by: int = 1) -> int:
    global counter
    counter += by
    return counter


bump()
bump(5)
print(counter, round(2.675, 2), round(7.5), divmod(-7, 2), pow(2, 100, 7))
words = "the quick brown fox".split()
print(max(words, key=len), min(words), [w[::-1] for w in words if len(w) > 3])
print(isinstance(counter, int), type(words).__name__, any(w.startswith("q") for w in words))
matrix = [[1, 2], [3, 4]]
print([list(r) for r in zip(matrix[0], matrix[1])], sum(sum(r) for r in matrix))
print(sorted(d.items(), key=lambda kv: kv[1], reverse=True)[0])
print(dict(sorted(d.items())), {v: k for k, v in d.items()})
print(list(reversed(vals)), vals[-1], vals[::2], "abc".upper().center(9, "*"))

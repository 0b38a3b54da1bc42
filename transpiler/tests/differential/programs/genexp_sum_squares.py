xs = [3, -1, 4, 1, -5, 9]
print(sum(x * x for x in xs))
print(sum(x for x in xs if x > 0))
print(sum(abs(x) for x in xs))
print(sum((x / 2 for x in xs), 0.0))
print(sum(1 for x in xs if x % 2))
empty: list[int] = []
print(sum(x for x in empty))

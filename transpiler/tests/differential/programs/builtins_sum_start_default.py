xs = [1, 2, 3]
print(sum(xs, 10), sum([0.1, 0.2], 1.0), sum([-5, 5], -1))
nothing: list[int] = []
print(min(xs, default=0), max(nothing, default=-1), min(nothing, default=99), sum(nothing, 7))
print(max(["pear", "fig"], default="none"), min(["b", "a"]))
empty: list[str] = []
print(max(empty, default="n/a"))
try:
    print(min(empty))
except ValueError as e:
    print("ValueError:", e)
print(max(nothing))

xs = [3, 0, -2, 5, 0, -1]
print(sorted(xs, key=lambda x: x == 0))
print(sorted(xs, key=lambda x: x > 0, reverse=True))
print(sorted(xs, key=lambda x: x / 2))
print(sorted(xs, key=lambda x: (x < 0, abs(x))))
print(max(xs, key=lambda x: x % 3), min(xs, key=lambda x: x * x))
fs = [0.1, -2.5, 3.75, -0.0, 0.0]
print(sorted(fs), sorted(fs, reverse=True), sorted(fs, key=abs))
print(min(fs), max(fs), min(fs, key=abs), max(fs, key=lambda f: -f))
print(sorted([True, False, True, False]))

print("start")
x: float = 0
y: float = 2
print(x, y, x + y)
for i in range(3):
    x += i
print(x)
x += 0.25
print(x, str(x), f"{x:.1f}")

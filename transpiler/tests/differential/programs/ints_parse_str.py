texts = ["0", "42", "-17", "+8", "  12  ", "007", "123456789012345678901234567890", "-0"]
for t in texts:
    n = int(t)
    print(f"{t!r}", n, n + 1, n * 2)
total = 0
for t in "1 2 3 4 5 6 7 8 9 10".split():
    total += int(t)
print("sum", total)
print(int(3.99), int(-3.99), int(True), int(False))
print(str(12345)[::-1], int(str(12345)[::-1]) + 1)
print(int("12abc"))

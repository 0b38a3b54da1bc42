nums = [0, 1, -1, 255, -256, 10 ** 18, -(10 ** 25), 2 ** 63 - 1]
for n in nums:
    s = str(n)
    back = int(s)
    print(s, len(s), back == n, f"{n}", f"{n:>25}|")
digits = 0
text = str(2 ** 100)
for i in range(len(text)):
    digits += int(text[i])
print("digit sum", digits)
print(str(-0), str(+5), str(1_000_000))

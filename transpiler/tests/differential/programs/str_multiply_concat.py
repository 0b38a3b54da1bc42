print("ab" * 3, 3 * "ab", "x" * -1, "" * 100)
line = "=" * 20
print(line)
title = "Report"
pad = (20 - len(title)) // 2
print(" " * pad + title)
print(line)
s = ""
for i in range(1, 6):
    s = s + str(i) * i + " "
print(s.strip())
print("con" + "cat" + "en" + "ation", len("a" + "b" * 10))

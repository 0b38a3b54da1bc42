s = "Hello, world!"
print(s[0], s[-1], s[7], s[-6])
print(s[:5], s[7:], s[-6:], s[:-1])
print(s[::2], s[1::2], s[::-1], s[::-2])
print(s[3:8], s[8:3], s[8:3:-1], s[100:], s[-100:3])
print(s[2:-2:3])
word = "racecar"
print(word == word[::-1], "python"[::-1])
for i in range(0, len(s), 4):
    print(i, s[i:i + 4])
b = b"bytes!"
print(b[1:4], b[::-1], b[0])
xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
print(xs[2:5], xs[::3], xs[::-3], xs[-3:], xs[5:2], xs[1:-1:2])
print(s[20])

s = "abcdefghij"
print(s[::-1], s[::-3], s[8:2:-2], s[-1:-5:-1], s[2:8:-1], s[-20:20:3])
print(s[5:], s[:5], s[-5:], s[:-5], s[:0], s[10:], s[:100])
xs = list(range(10))
print(xs[::-2], xs[7:1:-3], xs[-2::-4], xs[:-7:-1])
word = "level"
print(word[::-1] == word, word[1:-1], word[-2:0:-1])

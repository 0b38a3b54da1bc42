s = "abc"
for i in range(-3, 3):
    print(i, s[i])
t = s + "de"
print(t, len(t), t[4], t[-5])
print(t[len(t)])

s = {1, 2, 3}
alias = s
s |= {4, 12, 20}
print(s, alias == s, alias)
s &= {1, 4, 20, 99}
print(s, alias)
s -= {4}
print(s, alias)
s ^= {20, 7, 15}
print(s, alias)
t = {i * 8 for i in range(10)}
t -= {0, 8, 16, 24, 32, 40, 48}
print(t)
t.update([1, 2, 3])
t.intersection_update({1, 2, 72, 64})
t.difference_update([2])
print(t)

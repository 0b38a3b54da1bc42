total = 0
for i in range(3037000495, 3037000505):
    sq = i * i
    total += sq
    print(i, sq, sq > 9223372036854775807)
print(total)
acc = 1
for k in range(1, 70):
    acc = acc * 2 + k
print(acc)
m = 9223372036854775807
print(m + 1, m * 2, -m - 2, m // -1, (-m - 1) // -1, abs(-m - 1))
for j in range(-3, 3):
    print(j, 9223372036854775807 // (j if j != 0 else 1), (-9223372036854775807 - 1) % (j if j != 0 else 7))

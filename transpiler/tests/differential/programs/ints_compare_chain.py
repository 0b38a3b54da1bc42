values = [-5, 0, 3, 3, 10, 2 ** 80]
for a in values:
    for b in values:
        if a < b <= 10:
            print(a, "<", b, "<= 10")
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1 != 2, 0 <= 0 < 1)
x = 7
print(0 < x < 10, 10 < x < 20, x == 7 == x)
print(True + True, True * 10, False - 1, 3 + True)
big = 10 ** 20
print(big > 10 ** 19, big == 10 ** 20, -big < 0, big != big + 1)
print(max(3, 9, -1), min(3, 9, -1), max([4, 8, 2]), min([4, 8, 2]))

xs = [1, 2, 3, 4, 5, 6, 8, 10]
for x in xs:
    if x % 2 == 0:
        xs.remove(x)
print(xs)
ys = [1, 2, 3]
seen: list[int] = []
for y in ys:
    seen.append(y)
    if y == 1:
        ys.pop(0)
print(seen, ys)
zs = [5, 6, 7]
count = 0
for z in zs:
    count += 1
    if count < 4:
        zs.insert(0, z * 10)
print(zs, count)

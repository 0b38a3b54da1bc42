queue = [1]
for item in queue:
    if item < 20:
        queue.append(item * 2)
        queue.append(item * 3)
    if len(queue) > 12:
        break
print(queue)
seen = [0]
count = 0
for x in seen:
    count += 1
    if x < 5:
        seen.append(x + 1)
print(count, seen)

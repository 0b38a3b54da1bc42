log = [(1, 10), (2, 10), (1, 11), (3, 12), (2, 12), (1, 12)]
visitors = set()
by_day = {}
for user, day in log:
    visitors.add(user)
    if day not in by_day:
        by_day[day] = set()
    by_day[day].add(user)
print(visitors)
for day in sorted(by_day):
    print(day, by_day[day], len(by_day[day]))
returning = by_day[10] & by_day[12]
print(returning, by_day[12] - by_day[10])
everyone = set()
for d in by_day.values():
    everyone |= d
print(everyone == visitors)

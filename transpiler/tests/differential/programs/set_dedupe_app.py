def report(log: list[tuple[int, int]]) -> None:
    visitors = set()
    by_day: dict[int, set[int]] = {}
    for user, day in log:
        visitors.add(user)
        if day not in by_day:
            by_day[day] = set()
        by_day[day].add(user)
    print(visitors)
    for k in sorted(by_day.keys()):
        print(k, by_day[k], len(by_day[k]))
    returning = by_day[10] & by_day[12]
    print(returning, by_day[12] - by_day[10])
    everyone = set()
    for d in by_day.values():
        everyone |= d
    print(everyone == visitors, everyone)


report([(1, 10), (2, 10), (1, 11), (3, 12), (2, 12), (1, 12)])
report([(40, 1), (8, 1), (16, 2)])

print((1, 2) == (1, 2), (1, 2) != (2, 1), ("a", 1) == ("a", 1))
scores = [("ann", 90, 3.5), ("bob", 85, 3.9), ("cy", 90, 3.1)]
by_gpa = sorted(scores, key=lambda s: s[2])
ranked = sorted(by_gpa, key=lambda s: s[1], reverse=True)
for name, pts, gpa in ranked:
    print(f"{name:<4}{pts:>4}{gpa:>5}")
best = max([s[1] for s in scores])
print(best, [s[0] for s in scores if s[1] == best])

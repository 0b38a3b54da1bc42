def grade(score: int) -> str:
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    else:
        return "F"


scores = [95, 83, 70, 69, 12, 100, 60, 59]
print([grade(s) for s in scores])
counts = {"A": 0, "B": 0, "C": 0, "D": 0, "F": 0}
for s in scores:
    counts[grade(s)] += 1
print(counts)
x = 7
kind = "small" if x < 5 else "medium" if x < 10 else "large"
print(kind)

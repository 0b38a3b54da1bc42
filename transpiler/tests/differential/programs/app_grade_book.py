def letter(avg: float) -> str:
    grade = "?"
    for cutoff, grade in [(90, "A"), (80, "B"), (70, "C")]:
        if avg >= cutoff:
            break
    else:
        return "F"
    return grade


def main() -> None:
    marks = {"ann": [95, 88, 92], "bob": [72, 65], "cy": [], "dee": [81, 79, 85, 90]}
    report = {}
    for name, ms in marks.items():
        if not ms:
            report[name] = "n/a"
            continue
        avg = sum(ms) / len(ms)
        report[name] = f"{avg:.1f} {letter(avg)}"
    for who in marks:
        print(f"{who:<4}{report[who]:>8}")
    graded = [n for n in marks if marks[n]]
    print(len(graded), "graded;", "best:", sorted(graded, key=lambda n: -sum(marks[n]) / len(marks[n]))[0])


main()

def percent(part: int, whole: int) -> float:
    assert whole > 0, "whole must be positive"
    assert 0 <= part <= whole, f"part {part} out of range 0..{whole}"
    return 100 * part / whole


for p, w in [(1, 4), (5, 4), (0, 0), (3, 3)]:
    try:
        print(percent(p, w))
    except AssertionError as e:
        print("AssertionError:", e)
percent(-1, 10)

rate: float = 0
total: float = 2.5
count: float = -3

def bump(by: float) -> None:
    global rate
    rate += by

def show() -> str:
    return f"{rate} {total} {count} {rate * 2} {str(rate)} {rate:.2f}"

print(show())
bump(1)
print(show())
bump(0.5)
print(show())
rate = 7
print(rate, rate / 2)

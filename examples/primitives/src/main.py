from kybra import (
    blob,
    float32,
    float64,
    ic,
    int8,
    int16,
    int32,
    int64,
    nat,
    nat8,
    nat16,
    nat32,
    nat64,
    null,
    Principal,
    query,
    update,
    void,
)

# Every primitive Candid type, as a parameter and as a result.


@query
def echo_text(x: str) -> str:
    return x


@query
def echo_bool(x: bool) -> bool:
    return x


@query
def echo_nat(x: nat) -> nat:
    return x


@query
def echo_int(x: int) -> int:
    return x


@query
def echo_nat8(x: nat8) -> nat8:
    return x


@query
def echo_nat16(x: nat16) -> nat16:
    return x


@query
def echo_nat32(x: nat32) -> nat32:
    return x


@query
def echo_nat64(x: nat64) -> nat64:
    return x


@query
def echo_int8(x: int8) -> int8:
    return x


@query
def echo_int16(x: int16) -> int16:
    return x


@query
def echo_int32(x: int32) -> int32:
    return x


@query
def echo_int64(x: int64) -> int64:
    return x


@query
def echo_float32(x: float32) -> float32:
    return x


@query
def echo_float64(x: float64) -> float64:
    return x


@query
def echo_blob(x: blob) -> blob:
    return x


@query
def echo_null(x: null) -> null:
    return x


@query
def echo_principal(x: Principal) -> Principal:
    return x


@update
def do_nothing() -> void:
    pass


# Python arithmetic on the same values.


@query
def int_ops(a: int, b: int) -> str:
    return f"{a + b} {a - b} {a * b} {a // b} {a % b} {a / b} {a ** 2}"


@query
def nat_minus(a: nat, b: nat) -> nat:
    return a - b  # traps when negative: a nat cannot hold it


@query
def add_nat8(a: nat8, b: nat8) -> nat8:
    return a + b  # traps on overflow


@query
def floor_div_int16(a: int16, b: int16) -> int16:
    return a // b


@query
def float_ops(a: float64, b: float64) -> str:
    return f"{a + b} {a * b} {a / b} {a // b} {a % b}"


@query
def float32_half(x: float32) -> float32:
    return x / 2


@query
def blob_info(b: blob) -> str:
    doubled = b + b
    return f"{len(b)} {len(doubled)}"


@query
def text_info(s: str) -> str:
    if len(s) == 0:
        return "empty"
    shout = s + "!" * 3
    return f"{len(s)} {shout} {'x' in s}"


@query
def classify(n: int64) -> str:
    if n < 0:
        kind = "negative"
    elif n == 0:
        kind = "zero"
    elif n < 10:
        kind = "small"
    else:
        kind = "large"
    return kind


@query
def sum_to(n: nat32) -> nat64:
    total: nat64 = 0
    for i in range(n + 1):
        total += i
    return total


@query
def collatz_steps(n: nat64) -> nat32:
    steps: nat32 = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@query
def whoami() -> Principal:
    return ic.caller()


@query
def whoami_text() -> str:
    return str(ic.caller())


@query
def now() -> nat64:
    return ic.time()


@update
def fail(message: str) -> void:
    ic.trap("failed: " + message)


# Methods can call each other, including across nat/int boundaries.


@query
def sum_to_twice(n: nat32) -> nat64:
    return sum_to(n) * 2


@query
def nat_roundtrip(x: nat) -> nat:
    return echo_nat(x + 1) - 1


def square(x: int) -> int:
    return x * x


@query
def sum_of_squares(n: nat8) -> int:
    total = 0
    for i in range(n):
        total += square(i)
    return total


@query
def about_me() -> str:
    return f"{ic.id()} {ic.canister_balance() > 0} {ic.canister_balance128() > 0}"


@query
def my_id() -> Principal:
    return ic.id()

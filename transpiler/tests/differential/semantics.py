import math
from dataclasses import dataclass, field

from kybra import blob, float64, int8, int16, int64, match, nat, nat8, nat32, null, Opt, query, Record, Tuple, Variant, Vec

# Each method returns text, so CPython and the canister can be compared
# character for character.


@query
def int_arith(a: int, b: int) -> str:
    return f"{a + b}|{a - b}|{a * b}|{a // b}|{a % b}|{a / b}|{-a}|{a & b}|{a | b}|{a ^ b}|{~a}"


@query
def int_cmp(a: int, b: int) -> str:
    return f"{a < b}|{a <= b}|{a == b}|{a != b}|{a > b}|{a >= b}|{a < b < 100}|{not a}|{a and b}|{a or b}"


@query
def int_pow(a: int, e: nat8) -> str:
    return str(a**e)


@query
def shifts(a: int, n: nat8) -> str:
    return f"{a << n}|{a >> n}"


@query
def float_arith(x: float64, y: float64) -> str:
    return f"{x + y}|{x - y}|{x * y}|{x / y}|{x // y}|{x % y}|{-x}|{x < y}|{x == y}|{x}"


@query
def float_pow(x: float64, y: float64) -> str:
    return str(x**y)


@query
def mixed(a: int, x: float64) -> str:
    return f"{a + x}|{a * x}|{a / 2}|{x / 2}|{a < x}|{a == x}"


@query
def fixed16(a: int16, b: int16) -> str:
    return f"{a + b}|{a - b}|{a // b}|{a % b}|{a < b}"


@query
def fixed64(a: int64, b: int64) -> str:
    return f"{a // b}|{a % b}|{a / b}|{-a}"


@query
def strings(s: str, t: str) -> str:
    return f"{s + t}|{len(s)}|{s * 2}|{s in t}|{s == t}|{s < t}|{s!r}|{t or 'empty'}|{str(len(t))}"


@query
def formats(a: int, x: float64) -> str:
    return f"{a:>8}|{a:+,}|{a:x}|{x:.3f}|{x:e}|{x:10.2%}|{a:08d}|{x:g}|{a:_}|{x:+.1f}"


@query
def bools(p: bool, q: bool) -> str:
    return f"{p and q}|{p or q}|{not p}|{p == q}|{p + q}|{p * 3}"


@query
def control(n: int64) -> str:
    out = ""
    total = 0
    i = 0
    while True:
        i += 1
        if i > 50:
            break
        if i % 3 == 0:
            continue
        total += i * n
    for j in range(10, 0, -3):
        out += f"{j},"
    for k in range(0, n % 7):
        total -= k
    kind = "neg" if total < 0 else ("zero" if total == 0 else "pos")
    return f"{total}|{out}|{kind}"


@query
def texts(s: str) -> str:
    count = 0
    for _ in range(len(s)):
        count += 1
    if count > 3 and "a" in s or s == "":
        return f"long-or-empty {count}"
    return f"{count} {s!r} {str(count * 2.5)}"


@query
def dead_stores(a: int64) -> str:
    # Stores nobody reads: removed, but their exceptions are kept.
    x = 0
    x = a * 2
    unused = a + 1
    y = 10 // a
    y = 5
    count: int64 = 0
    for i in range(3):
        count += i
        last = i
    if a > 0:
        label = "pos"
    else:
        label = "other"
    label = "fixed"
    return f"{x} {y} {label}"


total: int = 10
TOTAL: int = 32


@query
def globals_by_case(a: int) -> str:
    # Two globals whose names differ only in case stay two variables.
    return f"{total + a} {TOTAL - a}"


# Regression programs of the front-end foundations issue.


@query
def temp_names(__lhs: int, b: int) -> str:
    # A parameter named like a compiler temporary.
    return str(b and __lhs)


@query
def pow_minus_one(n: nat32) -> str:
    # The literal 2 is an int: no nat32 overflow.
    return str(2**n - 1)


@query
def fixed_products(a: nat8, b: nat8) -> str:
    # nat8 values are Python ints: a * b never overflows.
    return str(a * b - 300)


@query
def internal(x: nat) -> int:
    return x * 2


@query
def calls_internal(x: nat) -> str:
    # A Python call: no Candid boundary, so x - 5 may be negative.
    return str(internal(x - 5))


@query
def int8_limits(x: int8) -> str:
    return f"{x <= 127}|{x >= -128}|{x < 127}|{x == 127}|{x > -129}"


@query
def nat8_limits(x: nat8) -> str:
    return f"{x >= 0}|{x <= 255}|{x > 0}|{x % 256 == x}"


π: float64 = 3.25


@query
def uses_pi(r: float64) -> str:
    return str(π * r * r)


@query
def rebinding(n: int) -> str:
    x = n
    x = f"<{x}>"
    return x


@query
def neg_pow(a: int) -> str:
    # int ** negative int is a float.
    return f"{a ** -1}|{2 ** -2}|{a ** -3}"


# Kybra's match on Variants, and optional values narrowed by `is None`.


class Shape(Variant, total=False):
    Circle: float64
    Square: int64
    Empty: null


def make_shape(k: int64) -> Shape:
    if k % 3 == 0:
        return {"Circle": k / 2}
    if k % 3 == 1:
        return {"Square": k}
    return {"Empty": None}


def maybe(k: int64) -> Opt[int64]:
    if k % 2 == 0:
        return None
    return k


@query
def variant_match(k: int64) -> str:
    s = make_shape(k)
    area = match(
        s,
        {
            "Circle": lambda r: r * r * 3.0,
            "Square": lambda w: w * w * 1.0,
            "Empty": lambda _: 0.0,
        },
    )
    kind = match(s, {"Square": lambda w: f"square {w}", "_": lambda x: f"other {x}"})
    return f"{area}|{kind}"


@query
def variant_match_partial(k: int64) -> str:
    # Raises Exception("No matching case found") unless k % 3 == 1.
    return match(make_shape(k), {"Square": lambda w: str(w + 1)})


@query
def opt_narrowing(k: int64) -> str:
    x = maybe(k)
    y: Opt[int64] = maybe(k + 1)
    a = x + 1 if x is not None else -1
    b = x is not None and x > 3
    c = x is None or x < 0
    total = 0
    if x is not None:
        total += x
    if y is None:
        y = 100
    n = 0
    z: Opt[int64] = maybe(k * 3)
    while n < 3:
        n += 1
        if z is None:
            continue
        total += z
    if x is None:
        return f"none {a}|{b}|{c}|{total}|{y}"
    return f"{x * 2}|{a}|{b}|{c}|{total}|{y}"


@query
def opt_truthy(k: int64) -> str:
    # `maybe(k) - 1`: None for even k, 0 for k == 1 (present but falsy).
    x: Opt[int64] = None
    if k % 2 != 0:
        x = k - 1
    s: Opt[str] = None
    if k > 2:
        s = "s" * (k % 3)
    out = "t" if x else "f"
    if x:
        out = out + "x" + str(x)
    if not s:
        return out + "|no s"
    return out + "|" + s


@query
def opt_reassign(k: int64) -> str:
    # Stores into a narrowed name keep Python's meaning after the branch.
    x: Opt[int64] = maybe(k)
    if x is not None:
        x = x * 10
    if x is None:
        x = -1
    else:
        x = x + 1
    z: Opt[int64] = maybe(k + 1)
    if z is not None:
        z = None
    w: Opt[int64] = maybe(k)
    i = 0
    while i < 3:
        i += 1
        if w is None:
            w = i
        else:
            w = w * 2
    zs = "none" if z is None else str(z)
    ws = "none" if w is None else str(w)
    return f"{x}|{zs}|{ws}"


@query
def opt_while(k: int64) -> str:
    x: Opt[int64] = maybe(k * 7)
    steps = 0
    while x is not None:
        steps += 1
        if x <= 0:
            x = None
        else:
            x = x // 2
    return str(steps)


# Deliberate deviations from CPython (Kybra's range checks), tested apart:
# a store into a fixed-width variable and a Candid result are range-checked.


@query
def store_checked(a: nat8, b: nat8) -> str:
    c: nat8 = a * b
    return str(c)


@query
def store_mixed(a: nat8, b: int16) -> str:
    d: nat8 = a - b
    return str(d)


@query
def result_checked(a: nat8, b: nat8) -> nat8:
    return a * b


@query
def nat_result(x: int) -> nat:
    return x


# Lists, dicts and Records are objects: aliases see each other's changes.


@query
def list_aliasing(n: int) -> str:
    a = [1, 2, 3]
    b = a
    b.append(n)
    c = list(a)
    c.append(99)
    total = 0
    for x in a:
        total += x
    return f"{len(a)}|{len(b)}|{len(c)}|{total}|{a[-1]}|{c[4]}|{n in a}|{99 in a}|{c.pop()}|{len(c)}"


@query
def list_index(i: int) -> str:
    xs = [10, 20, 30]
    xs[0] = i
    return f"{xs[i]}|{xs[0]}"


@query
def list_grows_while_iterating(n: int) -> str:
    xs = [1]
    count = 0
    for x in xs:
        count += x
        if len(xs) < n:
            xs.append(x + 1)
    return f"{count}|{len(xs)}"


@query
def dict_ops(k: str) -> str:
    d: dict[str, int] = {}
    d["a"] = 1
    d["b"] = 2
    alias = d
    alias[k] = 7
    alias[k] += 1
    n = len(d)
    got = d.get(k, -1)
    miss = d.get("zz", -1)
    keys = ""
    for key in d:
        keys += key
    total = 0
    for key, value in d.items():
        total += value
    popped = d.pop("a")
    return f"{n}|{got}|{miss}|{keys}|{total}|{popped}|{len(d)}|{'a' in d}|{k in d}|{d.get(k) is None}"


@query
def dict_missing(k: str) -> str:
    d = {"x": 1, "y": 2}
    return str(d[k])


@query
def dict_changes_while_iterating(n: int) -> str:
    d = {"a": 1}
    for k in d:
        if n > 0:
            d[k + "x"] = 2
    return str(len(d))


class Account(Record):
    name: str
    balance: nat
    history: Vec[int]


@query
def record_aliasing(amount: int) -> str:
    acct: Account = {"name": "a", "balance": 10, "history": []}
    other = acct
    other["balance"] += amount
    other["history"].append(amount)
    other["history"].append(amount * 2)
    copy: Account = {"name": acct["name"], "balance": acct["balance"], "history": list(acct["history"])}
    copy["history"].append(0)
    return f"{acct['balance']}|{len(acct['history'])}|{len(copy['history'])}|{other['name']}"


# Printing compound values: Records and Variants are dicts, Vecs lists.


class Color(Variant, total=False):
    Red: null
    Rgb: Tuple[nat8, nat8, nat8]


class Pet(Record):
    name: str
    age: nat
    tags: Vec[str]
    color: Color
    owner: Opt[str]
    scores: Vec[Vec[nat8]]
    raw: blob


@query
def printing(n: int) -> str:
    pet: Pet = {
        "name": "rex",
        "age": 3,
        "tags": ["a", "b'c"],
        "color": {"Rgb": (1, 2, n % 256)},
        "owner": None,
        "scores": [[1, 2], []],
        "raw": b"\x00a",
    }
    red: Color = {"Red": None}
    d = {"k": [n, 2], "j": []}
    t = (n, "x", [1.5])
    o: Opt[int] = n
    return f"{pet}|{pet['color']}|{red}|{d}|{t}|{[t]}|{o}|{str(pet['tags'])}|{pet!r}|{str(red)}|{o!r}"


@query
def raises(n: int) -> str:
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise KeyError("k")
    if n == 2:
        raise Exception(n)
    if n == 3:
        raise RuntimeError
    return "none"


@query
def types_of(n: int) -> str:
    o: Opt[int] = None
    if n > 0:
        o = n
    x = 1.5
    return f"{type(n)}|{type(x)}|{type('s')}|{type(o)}|{type([n])}|{type(n) == type(2)}|{type(None)}"


@query
def comprehensions(n: int) -> str:
    xs = [1, 2, 3, n]
    squares = [x * x for x in xs]
    evens = [x for x in xs if x % 2 == 0 if x > 1]
    d = {"a": 1, "b": n}
    pairs = [f"{k}={v}" for k, v in d.items()]
    keys = [k + k for k in d]
    doubled = list(map(lambda x: x * 2, xs))
    spliced = [0, *xs, *squares, n]
    return f"{squares}|{evens}|{pairs}|{keys}|{doubled}|{spliced}|{len([x for x in xs if x > 100])}"


@query
def record_spread(n: int) -> str:
    acct: Account = {"name": "a", "balance": 10, "history": [n]}
    renamed: Account = {**acct, "name": "b"}
    more: Account = {"name": "z", **acct}
    return f"{renamed['name']}|{renamed['balance']}|{renamed['history']}|{more['name']}"


@query
def ranges(n: int) -> str:
    return f"{[i * i for i in range(n)]}|{list(range(3, n, 2))}|{len(range(n, 0, -1))}|{[i for i in range(n, -3, -2) if i != 0]}"


@query
def math_constants(x: float64) -> str:
    return f"{math.pi}|{math.e}|{math.tau}|{math.inf}|{-math.inf}|{math.nan}|{x * math.pi}|{x < math.inf}"


@query
def math_exact(x: float64, n: int) -> str:
    # The math functions whose results are exact (or CPython's own
    # arithmetic), so the canister's must be CPython's to the bit; hypot
    # and dist, computed differently, are compared to 12 significant digits.
    parts: list[str] = []
    try:
        parts.append(str(math.sqrt(x)))
    except ValueError as e:
        parts.append(f"ValueError {e}")
    try:
        parts.append(f"{math.floor(x)} {math.ceil(x * 1e300)} {math.trunc(x)}")
    except OverflowError as e:
        parts.append(f"OverflowError {e}")
    parts.append(f"{math.fabs(x)} {math.copysign(2, x)} {math.hypot(x, n):.12g} {math.hypot(x, 3, n):.12g}")
    parts.append(f"{math.fsum([x, 0.1, n, -x, 1e100, -1e100])} {math.frexp(x)} {math.modf(x)} {math.ulp(x)}")
    parts.append(f"{math.ldexp(x, n)} {math.nextafter(x, n)} {math.isclose(x, n)} {math.dist((x, 1), (n, 2.5)):.12g}")
    parts.append(f"{math.degrees(n)} {math.radians(n)} {math.isnan(x)} {math.isinf(x * 1e300)}")
    try:
        parts.append(f"{math.fmod(x, n)} {math.remainder(x, n)}")
    except ValueError as e:
        parts.append(f"ValueError {e}")
    try:
        parts.append(f"{math.factorial(n)} {math.comb(n + 5, n)} {math.perm(n)} {math.isqrt(n * 10**20)}")
    except ValueError as e:
        parts.append(f"ValueError {e}")
    parts.append(f"{math.gcd(n, 12, 18)} {math.lcm(n, 4)} {math.prod([n, x, 2])} {math.prod([n, 3])}")
    return "|".join(parts)


@query
def str_methods(s: str) -> str:
    parts = s.split()
    commas = s.split(",")
    return "|".join([
        s.upper(), s.lower(), s.strip(), s.lstrip(" a"), s.rstrip(), s.strip("ab"),
        str(parts), str(commas), "-".join(parts), str(s.startswith("a")), str(s.endswith("c ")),
        s.replace("a", "xy"), str(s.find("b")), str(s.find("")), str(s.count("a")), str(s.count("")),
    ])


@query
def str_split_empty(s: str) -> str:
    return str(s.split(""))


@query
def list_methods(n: int) -> str:
    xs = [3, 1, 2]
    xs.extend([n, 5])
    xs.insert(1, 9)
    xs.insert(-1, 7)
    xs.insert(100, 8)
    xs.remove(3)
    i = xs.index(5)
    c = xs.count(n)
    xs.sort()
    ys = list(xs)
    ys.reverse()
    words = ["b", "a", "c"]
    words.sort()
    zs = [1]
    zs.clear()
    return f"{xs}|{ys}|{i}|{c}|{words}|{zs}"


@query
def list_missing(n: int) -> str:
    xs = [1, 2]
    if n > 0:
        xs.remove(n)
    return str(xs.index(n))


@query
def builtins_on_lists(n: int) -> str:
    xs = [3, -1, n, 2]
    fs = [1.5, -2.25, 0.1]
    words = ["pear", "apple", "fig"]
    pairs = ""
    for i, w in enumerate(words):
        pairs += f"{i}:{w},"
    zipped = [f"{a}{b}" for a, b in zip(words, xs)]
    return f"{abs(n)}|{abs(-1.5)}|{sum(xs)}|{sum(fs)}|{min(xs)}|{max(xs)}|{min(n, 2)}|{max(words)}|{sorted(xs)}|{sorted(words)}|{any(xs)}|{all(xs)}|{pairs}|{zipped}|{list(enumerate(words))}"


@query
def conversions(s: str) -> str:
    return f"{int(s)}|{int(2.9)}|{int(-2.9)}|{float(7)}|{int(True)}"


@query
def empty_min(n: int) -> str:
    xs = [n]
    xs.pop()
    return str(min(xs))


@query
def unpacking(n: int) -> str:
    a, b = n, "x"
    a, c = a + 1, a
    p = (1.5, [n])
    x, ys = p
    ys.append(2)
    d = {"k": 1, "j": 2}
    del d["k"]
    zs = [1, 2, 3]
    del zs[n % 3]
    del zs[-1]
    return f"{a}|{b}|{c}|{x}|{ys}|{p}|{d}|{zs}"


@query
def del_missing(k: str) -> str:
    d = {"a": 1}
    del d[k]
    return str(d)


@query
def slicing(s: str) -> str:
    b = s.encode("utf-8")
    xs = [1, 2, 3, 4, 5]
    ys = xs[1:]
    ys.append(6)
    return f"{s[1:]}|{s[:2]}|{s[::-1]}|{s[1:-1:2]}|{b[1:3]}|{xs[::2]}|{xs[-2:]}|{ys}|{xs}|{s[-1:]}"


@query
def str_index(s: str, i: int) -> str:
    return f"{s[i]}|{s.encode('utf-8')[i]}"


@query
def str_format(n: int, s: str) -> str:
    a = "{} and {}".format(n, s)
    b = "{1}-{0}-{1}".format(n, s)
    c = "{:>6}|{!r}|{{x}}|{:.2f}".format(n, s, 2.5)
    return a + "|" + b + "|" + c


LETTERS: Vec[str] = ["a", "bb", "ccc"]


@query
def global_items(i: int) -> str:
    return f"{len(LETTERS)}|{LETTERS[i]}|{LETTERS[-1]}"


@query
def list_concat(n: int) -> str:
    xs = [1, n]
    ys = xs + [3]
    alias = xs
    xs += [4]
    xs += xs
    zs = ys + ys
    d = {"a": 1}
    e = dict(d)
    d.update({"b": 2, "a": n})
    f = d.copy()
    f["c"] = 3
    return f"{xs}|{alias}|{ys}|{zs}|{d}|{e}|{f}"


def greet(name: str, greeting: str = "hello", times: int = 1, end: str = "!") -> str:
    return f"{greeting} {name}{end}" * times


@query
def keyword_calls(n: int) -> str:
    a = greet("x")
    b = greet("y", "hi")
    c = greet("z", times=n % 3, end="?")
    d = greet(end=".", name="w")
    return f"{a}|{b}|{c}|{d}"


@query
def sort_reverse(n: int) -> str:
    xs = [3, n, 1, n, 2]
    ys = sorted(xs, reverse=True)
    zs = sorted(xs, reverse=n > 0)
    xs.sort(reverse=True)
    fs = [1.5, -0.0, 0.0, 2.5]
    return f"{ys}|{zs}|{xs}|{sorted(fs, reverse=True)}|{sorted(fs)}"


def score_of(p: Account) -> int:
    return p["balance"] - len(p["name"])


@query
def sort_keys(n: int) -> str:
    words = ["pear", "Fig", "apple", "kiwi", "b"]
    by_len = sorted(words, key=lambda w: len(w))
    by_len_rev = sorted(words, key=lambda w: len(w), reverse=True)
    nums = [3, -1, n, -4, 2]
    nums.sort(key=lambda x: abs(x))
    same = sorted(nums, key=lambda _: 0)
    accts: list[Account] = [
        {"name": "ab", "balance": 5, "history": []},
        {"name": "c", "balance": 1, "history": []},
        {"name": "de", "balance": n % 7, "history": []},
    ]
    ranked = [a["name"] for a in sorted(accts, key=score_of, reverse=True)]
    return f"{by_len}|{by_len_rev}|{nums}|{same}|{ranked}"


# --- Exceptions: try/except/else/finally, user classes, re-raising ---


class ShopError(Exception):
    """Base of this module's errors."""


class OutOfStock(ShopError):
    pass


class NoSuchItem(KeyError):
    pass


stock: dict[str, int] = {"apple": 3, "pear": 0}


def take(item: str, n: int) -> int:
    if item not in stock:
        raise NoSuchItem(item)
    have = stock[item]
    if have < n:
        raise OutOfStock(f"only {have} {item}")
    return have - n


def take_twice(item: str, n: int) -> int:
    return take(item, n) + take(item, n)


def classify(n: int) -> str:
    try:
        if n == 0:
            return str(10 // n)
        if n == 1:
            return str([1, 2][n * 5])
        if n == 2:
            return str({"a": 1}["b"])
        if n == 3:
            return str(int("x3"))
        if n == 4:
            raise OutOfStock("none left")
        if n == 5:
            raise RuntimeError("boom")
        return "ok " + str(n)
    except ZeroDivisionError as e:
        return "zero: " + str(e)
    except (IndexError, KeyError) as e:
        return "lookup: " + repr(e)
    except ValueError as e:
        return f"value: {e}"
    except ShopError as e:
        return f"shop: {e!r}"


@query
def try_classify(n: int) -> str:
    return classify(n)


@query
def try_order(n: int) -> str:
    log: list[str] = []
    for i in range(4):
        try:
            log.append(f"t{i}")
            if i == n:
                continue
            if i == n + 1:
                break
            log.append(str(12 // (i - 2)))
        except ZeroDivisionError:
            log.append("z")
        else:
            log.append("e")
        finally:
            log.append("f")
    return "|".join(log)


def finally_return(n: int, log: list[str]) -> int:
    try:
        log.append("body")
        if n > 2:
            return n
        return 100 // n
    except ZeroDivisionError:
        log.append("handler")
        return -1
    finally:
        log.append("finally")


@query
def try_finally_return(n: int) -> str:
    log: list[str] = []
    r = finally_return(n, log)
    return f"{r}|{log}"


@query
def try_helpers(item: str, n: int) -> str:
    try:
        left = take(item, n)
    except NoSuchItem as e:
        return "no such item " + str(e)
    except LookupError:
        return "unreachable"
    except ShopError as e:
        return "shop error: " + str(e)
    try:
        both = take_twice(item, n)
    except Exception as e:
        return f"{left} then {e!r}"
    return f"{left}|{both}"


@query
def uncaught_helper(item: str, n: int) -> str:
    # Called outside any `try`: an exception of `take` ends the call.
    return str(take(item, n))


@query
def try_reraise(n: int) -> str:
    log: list[str] = []
    try:
        try:
            if n > 0:
                raise ValueError(f"v{n}")
            log.append("no error")
        except ValueError:
            log.append("inner")
            if n > 1:
                raise
            log.append("handled")
        finally:
            log.append("inner finally")
    except ValueError as e:
        log.append(f"outer {e}")
    return ",".join(log)


@query
def try_raise_from(s: str) -> str:
    try:
        try:
            values = [int(p) for p in s.split(",")]
        except ValueError as e:
            raise ShopError("bad input: " + str(e)) from e
        return str(sum(values))
    except ShopError as e:
        return repr(e)


@query
def try_in_handler(n: int) -> str:
    try:
        try:
            x = 10 // n
        except ZeroDivisionError:
            x = [1, 2, 3][n - 10]
        return f"x={x}"
    except IndexError as e:
        return f"index: {e}"


@query
def try_uncaught_class(n: int) -> str:
    try:
        if n == 0:
            raise KeyError(n)
        return "fine"
    except ValueError:
        return "value"


@query
def try_bare_except(n: int) -> str:
    try:
        return str(1 // n)
    except:  # noqa: E722
        return "caught"


@query
def try_assign_in_body(s: str) -> str:
    try:
        n = int(s)
        doubled = n * 2
    except ValueError:
        n = -1
        doubled = 0
    return f"{n} {doubled}"


@query
def try_while(n: int) -> str:
    count = 0
    attempts = 0
    while attempts < 5:
        attempts += 1
        try:
            if attempts <= n:
                raise RuntimeError("retry")
            count += 10
            break
        except RuntimeError:
            count += 1
    return f"{count}/{attempts}"


@query
def try_no_active(n: int) -> str:
    if n > 0:
        raise
    return "none"


# --- Empty containers typed by their uses ---

registry = {}
order = []


@query
def infer_globals(names: str, score: int) -> str:
    # A query's changes are discarded; CPython keeps them: start afresh.
    registry.clear()
    order.clear()
    for name in names.split(","):
        if name not in registry:
            order.append(name)
        registry[name] = registry.get(name, 0) + score
        score -= 1
    return f"{registry}|{order}|{len(registry)}"


@query
def infer_locals(text: str) -> str:
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    by_len = {}
    for w in counts:
        by_len.setdefault(len(w), []).append(w)
    firsts = []
    for w in sorted(counts.keys()):
        firsts.append(w[0])
    nothing = []
    empty = {}
    return f"{counts}|{by_len}|{firsts}|{nothing}|{empty}|{len(nothing)}"


def evens_upto(n: int) -> list[int]:
    out = []
    i = 0
    while i < n:
        out.append(i)
        i += 2
    return out


@query
def infer_returned(n: int) -> str:
    return str(evens_upto(n))


# --- Loops with `else`, `assert` ---


@query
def loop_else(n: int) -> str:
    found = -1
    for i in range(10):
        if i * i == n:
            found = i
            break
    else:
        found = -2
    names = ["a", "bb", "ccc"]
    hit = "none"
    for s in names:
        for t in names:
            if len(s) + len(t) == n:
                hit = s + t
                break
        else:
            continue
        break
    else:
        hit = "no pair"
    k = 0
    while k < n:
        k += 3
        if k == 6:
            break
    else:
        k = -k
    return f"{found}|{hit}|{k}"


@query
def asserts(n: int) -> str:
    assert n != 1
    assert n != 2, f"n is {n}"
    assert n >= -5, n
    return "fine"


# --- Numbers whose type is decided at run time ---


@query
def num_ifexp(total: int, n: int) -> str:
    avg = total / n if n else 0
    half = n // 2 if n > 3 else n / 2
    neg = -(1.5 if n < 0 else n)
    both = avg + half
    big = (2**70 if n == 7 else 0.5) * 2
    cmp = f"{avg < half}|{avg == 0}|{half >= 1}|{both != 1}"
    flag = "yes" if avg else "no"
    return f"{avg}|{half}|{neg}|{both}|{big}|{cmp}|{flag}|{avg:>6}|{half // 1}|{half % 2}|{half ** 2}"


@query
def num_names(n: int) -> str:
    total = 0
    for i in range(n):
        total += 0.5 * i
    best = 0
    if n > 2:
        best = n / 4
    score: float64 = 0
    if n > 4:
        score += 1.25
    count = 0
    while count < n:
        count += 1
        if count == 3:
            count = count / 2
            break
    return f"{total}|{best}|{score}|{count}|{total + best}|{-best}|{(score - 2) if n else 0}"
# --- Built-in functions and str methods (check/library.rs) ---


@query
def str_methods_more(s: str) -> str:
    out = [s.title(), s.capitalize(), s.swapcase(), s.casefold(), s.zfill(6), s.ljust(7, "*"), s.rjust(5), s.center(8, "-")]
    out.append(f"{s.isdigit()}{s.isalpha()}{s.isalnum()}{s.isspace()}{s.isupper()}{s.islower()}{s.isdecimal()}{s.isnumeric()}{s.istitle()}")
    out.append(f"{s.rfind('a')}|{s.find('a', 1)}|{s.find('b', -3, -1)}|{s.count('a', 1)}|{s.startswith('a', 1)}|{s.endswith('b', 0, 2)}")
    out.append(str(s.partition("b")) + str(s.rpartition("a")))
    out.append(str(s.split(None, 1)) + str(s.rsplit(maxsplit=1)) + str(s.split(",", 1)) + str(s.rsplit("a", 1)))
    out.append(str(s.splitlines()) + str(s.splitlines(True)) + s.removeprefix("a") + s.removesuffix("b"))
    out.append(s.expandtabs(4) + s.expandtabs() + "".join(reversed(s)))
    return "|".join(out)


@query
def str_index_errors(s: str) -> str:
    try:
        return str(s.index("b")) + str(s.rindex("a", 0, 3))
    except ValueError as e:
        return f"ValueError: {e}"


@query
def number_builtins(n: int) -> str:
    x = n / 4
    return f"{hex(n)}|{oct(n)}|{bin(n)}|{round(x)}|{round(x, 1)}|{round(n, -1)}|{divmod(n, 7)}|{divmod(x, 2)}|{pow(n, 2)}|{pow(n, 3, 11)}|{bool(n)}|{abs(x)}|{hash(n)}"


@query
def char_builtins(n: int, s: str) -> str:
    try:
        a = chr(n)
    except ValueError as e:
        a = f"ValueError: {e}"
    except OverflowError as e:
        a = f"OverflowError: {e}"
    try:
        b = str(ord(s))
    except TypeError as e:
        b = f"TypeError: {e}"
    try:
        c = str(pow(n, -1, 7))
    except ValueError as e:
        c = f"ValueError: {e}"
    return f"{a}|{b}|{c}"


def positive(x: int) -> bool:
    return x > 0


@query
def list_builtins(n: int) -> str:
    xs = [n, -1, 3, 0, n * 2]
    ys: list[int] = []
    opt: Opt[int] = None if n < 0 else n
    checks = f"{isinstance(n, int)}{isinstance(n, (str, float))}{isinstance(opt, int)}{isinstance(True, int)}"
    return f"{list(filter(lambda x: x > n, xs))}|{list(filter(positive, xs))}|{list(filter(None, xs))}|{list(reversed(xs))}|{sum(xs, 10)}|{sum([0.5, 0.25], 1.0)}|{min(ys, default=-5)}|{max(xs, default=0)}|{checks}"


@query
def bytes_hex(s: str) -> str:
    try:
        b = bytes.fromhex(s)
        return b.hex() + "|" + str(b)
    except ValueError as e:
        return f"ValueError: {e}"


# --- Generator expressions ---


@query
def generators(n: int) -> str:
    xs = [3, -1, n, 4, 0]
    total = sum(x * x for x in xs)
    pos = any(x > 3 for x in xs)
    every = all(x != 0 for x in xs if x > -5)
    lo = min(x for x in xs if x != 0)
    hi = max(abs(x) for x in xs)
    words = ", ".join(str(x) for x in xs if x % 2 == 0)
    ranked = sorted((x % 3 for x in xs), reverse=True)
    as_list = list(x + 1 for x in xs)
    # any() stops at the first true item: 10 // x is never reached for 0.
    safe = any(x == 3 or 10 // x > 0 for x in [3, 0])
    count = 0
    for y in (x for x in xs if x > 0):
        count += y
    return f"{total}|{pos}|{every}|{lo}|{hi}|{words}|{ranked}|{as_list}|{safe}|{count}"


@query
def widened_names(n: int) -> str:
    if n == 0:
        result = None
    else:
        result = 100 // n
    label = None
    for i in range(n):
        if i == 2:
            label = f"two of {n}"
    found = None if n < 0 else n * 2
    return f"{result}|{label}|{found}|{result is None}"


@query
def dict_comprehensions(n: int) -> str:
    squares = {i: i * i for i in range(n)}
    words = ["a", "bb", "a", "ccc"]
    lengths = {w: len(w) for w in words if w != "ccc"}
    flipped = {v: k for k, v in lengths.items()}
    last = {len(w): w for w in words}
    return f"{squares}|{lengths}|{flipped}|{last}"


@query
def try_dead_stores(s: str) -> str:
    result = 0
    try:
        result = int(s)
    except ValueError:
        result = -1
    note = "start"
    try:
        note = "parsed"
        value = 10 // int(s)
        note = "divided"
    except (ValueError, ZeroDivisionError):
        value = 0
    finally:
        note = note + "!"
    return f"{result}|{note}|{value}"
# Plain classes: shared objects, methods, properties, class attributes,
# special methods, dataclasses.


class Wallet:
    bank = "kybra"

    def __init__(self, owner: str, balance: int = 0):
        self.owner = owner
        self.balance = balance
        self.history: list[int] = []

    def deposit(self, amount: int) -> int:
        self.balance += amount
        self.history.append(amount)
        return self.balance

    @property
    def summary(self) -> str:
        return f"{self.owner}:{self.balance}"

    @staticmethod
    def fee(amount: int) -> int:
        return amount // 10

    @classmethod
    def named(cls, owner: str) -> "Wallet":
        return cls(owner, 100)

    def __repr__(self) -> str:
        return f"Wallet({self.owner!r}, {self.balance})"

    def __eq__(self, other: "Wallet") -> bool:
        return self.owner == other.owner

    def __lt__(self, other: "Wallet") -> bool:
        return self.balance < other.balance


def drain(w: Wallet) -> int:
    taken = w.balance
    w.balance = 0
    return taken


def richest(ws: list[Wallet]) -> Wallet:
    best = ws[0]
    for w in ws:
        if best < w:
            best = w
    return best


@query
def class_basics(n: int) -> str:
    w = Wallet("ann", n)
    w.deposit(5)
    alias = w
    alias.deposit(1)
    named = Wallet.named("bo")
    after = named.deposit(Wallet.fee(n))
    return f"{w.balance}|{w.summary}|{alias.history}|{after}|{w!r}|{str(named)}|{w.bank}|{Wallet.bank}|{drain(w)}|{alias.balance}"


@query
def class_compare(n: int) -> str:
    a = Wallet("a", n)
    b = Wallet("a", 0)
    c = Wallet("c", 3)
    ws = [c, a, b]
    return f"{a == b}|{a != c}|{a < c}|{a > c}|{sorted(ws)}|{a in [b]}|{c in [a, b]}|{ws}|{richest(ws).owner}|{ws.index(b)}"


class Tally:
    step = 1
    label = "tally"
    made = 0

    def __init__(self, start: int):
        self.value = start
        self.label = "own"
        Tally.made += 1

    def bump(self) -> int:
        self.value += self.step
        return self.value


@query
def class_attributes(n: int) -> str:
    Tally.step = 1
    Tally.made = 0
    t = Tally(n)
    first = t.bump()
    Tally.step = n
    second = t.bump()
    u = Tally(0)
    return f"{first}|{second}|{t.label}|{Tally.label}|{u.step}|{Tally.made}|{u.value}"


@dataclass
class Item:
    name: str
    qty: int = 1
    tags: list[str] = field(default_factory=list)


@query
def dataclasses(n: int) -> str:
    a = Item("x")
    b = Item("x", n)
    c = Item(name="y", qty=2)
    a.tags.append("t")
    d = Item("x")
    d.tags.append("t")
    return f"{a}|{b!r}|{str(c)}|{a == b}|{a == d}|{b.tags}|{[a, c]}|{a != d}|{Item('z', qty=n).qty}"


class Bag:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, s: str) -> None:
        self.items.append(s)

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, s: str) -> bool:
        return s in self.items

    def __getitem__(self, i: int) -> str:
        return self.items[i]

    def __str__(self) -> str:
        return "Bag(" + ",".join(self.items) + ")"


@query
def special_methods(n: int) -> str:
    b = Bag()
    empty = "empty" if b else "full"
    for i in range(n % 4):
        b.add(str(i))
    full = "yes" if b else "no"
    return f"{empty}|{full}|{len(b)}|{'1' in b}|{'9' not in b}|{b}|{str(b)}|{b[n % 3]}"


class Temp:
    def __init__(self, c: int):
        if c < 0:
            self.kind = "cold"
            self.c = -c
            return
        self.kind = "warm"
        self.c = c


class Node:
    def __init__(self, value: int, next: Opt["Node"]):
        self.value = value
        self.next = next


def chain_sum(node: Opt[Node]) -> int:
    if node is None:
        return 0
    return node.value + chain_sum(node.next)


wallets: dict[str, Wallet] = {}
ledger: list[Wallet] = []


@query
def objects_in_state(n: int) -> str:
    wallets.clear()
    ledger.clear()
    wallets["a"] = Wallet("a", n)
    ledger.append(wallets["a"])
    w = wallets["a"]
    w.deposit(3)
    ledger[0].deposit(2)
    t = Temp(n)
    head = Node(1, Node(2, None))
    total = chain_sum(head)
    return f"{wallets['a'].balance}|{ledger}|{ledger[0] == w}|{t.kind}|{t.c}|{total}"


class Figure:
    kind = "shape"

    def __init__(self, name: str):
        self.name = name
        self.moves = 0

    def area(self) -> float:
        return 0.0

    def describe(self) -> str:
        return f"{self.name} with area {self.area()}"

    def move(self) -> None:
        self.moves += 1

    def __repr__(self) -> str:
        return f"Figure({self.name!r})"

    def __lt__(self, other: "Figure") -> bool:
        return self.area() < other.area()


class Disc(Figure):
    kind = "circle"

    def __init__(self, name: str, r: float):
        super().__init__(name)
        self.r = r

    def area(self) -> float:
        return 3.0 * self.r * self.r

    def __repr__(self) -> str:
        return f"Disc({self.name!r}, {self.r})"


class Tile(Figure):
    def __init__(self, side: float):
        super().__init__("tile")
        self.side = side

    def area(self) -> float:
        return self.side * self.side

    def describe(self) -> str:
        return "a square: " + super().describe()


class UnitTile(Tile):
    pass


class Blot(Figure):
    pass


def total_area(shapes: list[Figure]) -> float:
    t = 0.0
    for s in shapes:
        t += s.area()
    return t


@query
def inheritance(n: int) -> str:
    c = Disc("c", 2.0)
    sq = Tile(float(n))
    u = UnitTile(1.0)
    b = Blot("b")
    items: list[Figure] = [c, sq, u, b]
    s: Figure = c
    s.move()
    s.move()
    first = items[0]
    return f"{total_area(items)}|{[x.describe() for x in items]}|{sorted(items)}|{c.moves}|{first.name}|{isinstance(first, Disc)}|{isinstance(u, Tile)}|{isinstance(b, Disc)}|{s.kind}|{Disc.kind}|{b.kind}|{u.describe()}"


class Animal:
    def __init__(self, name: str):
        self.name = name

    def sound(self) -> str:
        return "..."

    def speak(self) -> str:
        return f"{self.name} says {self.sound()}"

    def __eq__(self, other: "Animal") -> bool:
        return self.name == other.name


class Dog(Animal):
    def __init__(self, name: str, tricks: int):
        super().__init__(name)
        self.tricks = tricks

    def sound(self) -> str:
        return "woof"

    def __eq__(self, other: "Animal") -> bool:
        return isinstance(other, Dog) and self.name == other.name


class Puppy(Dog):
    def sound(self) -> str:
        return "yip"

    def speak(self) -> str:
        return super().speak() + "!"


zoo: list[Animal] = []


def adopt(a: Animal) -> int:
    zoo.append(a)
    return len(zoo)


@query
def dispatch(n: int) -> str:
    zoo.clear()
    adopt(Animal("cat"))
    adopt(Dog("rex", n))
    adopt(Puppy("bit", 1))
    pet = zoo[n % 3]
    pet.name = pet.name.upper()
    d = Dog("rex", 0)
    return f"{[a.speak() for a in zoo]}|{pet.name}|{zoo[n % 3].name}|{Animal('rex') == d}|{d == Animal('REX')}|{d in zoo}|{Dog('bit', 0) in zoo}|{isinstance(pet, Dog)}|{isinstance(pet, Puppy)}"


@query
def reflected(n: int) -> str:
    a: Animal = Animal("rex")
    b: Animal = Animal("rex")
    if n > 0:
        b = Dog("rex", n)
    if n > 3:
        a = Puppy("rex", 1)
    w = Wallet("w")
    return f"{a == b}|{b == a}|{a != b}|{b != a}|{[b] == [a]}|{a in [b]}|{[b].count(a)}|{type(a)}|{type(b)}|{type(w)}"


@query
def sorting_objects(n: int) -> str:
    ws = [Wallet("b", n), Wallet("a", 2), Wallet("c", -n)]
    ws.sort()
    by_owner = sorted(ws, key=lambda w: w.owner, reverse=True)
    figures: list[Figure] = [Tile(float(n)), Disc("d", 1.0), Figure("f")]
    figures.sort()
    return f"{ws}|{[w.owner for w in by_owner]}|{[f.area() for f in figures]}|{sorted(ws, reverse=True)}"


class Ledger:
    opened = 0

    def __init__(self, owner: str, deposit: int):
        self.owner = owner
        self.balance = 0
        self.log: list[str] = []
        self.add(deposit)
        enroll(self)
        self.balance += 1
        if deposit > 100:
            self.add(-1)
            return
        self.log.append("done")

    def add(self, amount: int) -> None:
        self.balance += amount
        self.log.append(f"add {amount}")


ledgers: list[Ledger] = []


def enroll(a: Ledger) -> None:
    Ledger.opened += 1
    ledgers.append(a)


@query
def init_calls(n: int) -> str:
    ledgers.clear()
    Ledger.opened = 0
    a = Ledger("ann", n)
    return f"{a.balance}|{a.log}|{ledgers[0].balance}|{Ledger.opened}"


class Shown:
    def __init__(self, v: int):
        self.v = v

    def __str__(self) -> str:
        return f"shown {self.v}"


class Plain:
    def __init__(self, v: int):
        self.v = v

    def describe(self) -> str:
        return "plain"


class Loud(Plain):
    def __str__(self) -> str:
        return f"LOUD {self.v}"

    def __repr__(self) -> str:
        return f"Loud({self.v})"


@query
def str_and_repr(n: int) -> str:
    s = Shown(n)
    p: Plain = Plain(n)
    if n > 0:
        p = Loud(n)
    return f"{s}|{str(s)}|{[s][0].v}|{str([s]).startswith('[<')}|{str(p) if n > 0 else 'x'}|{repr(p) if n > 0 else 'y'}|{str([p]) if n > 0 else 'z'}"


class Flag:
    def __init__(self, on: bool):
        self.on = on

    def __bool__(self) -> bool:
        return self.on


@query
def object_truth(n: int) -> str:
    p = Plain(n)
    q: Opt[Plain] = None
    if n > 0:
        q = p
    f = Flag(n > 2)
    g: Opt[Flag] = f if n > 1 else None
    return f"{'yes' if p else 'no'}|{'some' if q else 'none'}|{not p}|{'on' if f else 'off'}|{'g' if g else 'no g'}|{not f}"


@query
def identity(n: int) -> str:
    a = Wallet("a", n)
    b = a
    c = Wallet("a", n)
    figs: list[Figure] = [Disc("d", 1.0), Figure("f")]
    d: Figure = figs[n % 2]
    e = Disc("e", 2.0)
    return f"{a is b}|{a is c}|{a is not c}|{a == c}|{d is figs[0]}|{d is not figs[1]}|{e is d}|{a is d}"


def scale_f(v: float) -> float:
    return v * 2


def average_f(xs: list[int]) -> float:
    n = len(xs)
    return sum(xs) / n if n else 0


@query
def float_slots(n: int) -> str:
    x: float = 0
    x += n
    return f"{scale_f(n)}|{scale_f(1.5)}|{average_f([])}|{average_f([n, 2])}|{x}|{round(x, 1)}"

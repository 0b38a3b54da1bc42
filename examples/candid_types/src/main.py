from kybra import (
    blob,
    float64,
    int16,
    match,
    nat8,
    nat32,
    nat64,
    null,
    Opt,
    Principal,
    query,
    Record,
    Tuple,
    update,
    Variant,
    Vec,
)
from typing import TypedDict

# Candid's compound types as parameters and results: Records, Variants
# (recursive ones too), Opt, Vec, Tuple and aliases.


class Color(Variant, total=False):
    Red: null
    Green: null
    Custom: "Rgb"


Rgb = Tuple[nat8, nat8, nat8]


class Profile(Record):
    handle: str
    age: nat8
    score: float64
    avatar: blob
    owner: Principal
    favorite: Color
    tags: Vec[str]
    nickname: Opt[str]


class Comment(Record):
    author: str
    text: str
    replies: Vec["Comment"]


class Expr(Variant):
    num: int16
    neg: "Expr"
    add: Tuple["Expr", "Expr"]


class Budget(TypedDict):
    limit: nat64
    spent: nat64


Scores = Vec[nat32]

# A recursive alias of a tuple: a linked list of words.
Chain = Tuple[str, Opt["Chain"]]


@query
def echo_profile(p: Profile) -> Profile:
    return p


@query
def echo_color(c: Color) -> Color:
    return c


@query
def echo_comment(c: Comment) -> Comment:
    return c


@query
def echo_expr(e: Expr) -> Expr:
    return e


@query
def echo_nested_opt(x: Opt[Opt[str]]) -> Opt[Opt[str]]:
    return x


@query
def echo_scores(s: Scores) -> Scores:
    return s


@query
def echo_pair(p: Tuple[str, Principal]) -> Tuple[str, Principal]:
    return p


@query
def handle_and_age(p: Profile) -> str:
    return f"{p['handle']} is {p['age']}"


@query
def nickname(p: Profile) -> Opt[str]:
    return p["nickname"]


@query
def has_tags(p: Profile) -> bool:
    return True if p["tags"] else False


@query
def remaining(b: Budget) -> int:
    return b["limit"] - b["spent"]


@query
def maybe_double(n: nat32) -> Opt[nat64]:
    if n % 2 == 0:
        return None
    return n * 2


last_color: Opt[Color] = None


@update
def remember(c: Color) -> Opt[Color]:
    global last_color
    previous = last_color
    last_color = c
    return previous


# Values built in Python: dict literals are Records and Variants, list and
# tuple literals Vecs and Tuples; an omitted Opt field is None.


@query
def default_profile(owner: Principal) -> Profile:
    return {
        "handle": "anon",
        "age": 0,
        "score": 0.5,
        "avatar": b"",
        "owner": owner,
        "favorite": {"Custom": (1, 2, 3)},
        "tags": ["new", "user"],
    }


@query
def leaf_sum(depth: nat8) -> Expr:
    if depth == 0:
        return {"num": 1}
    return {"add": (leaf_sum(depth - 1), {"neg": {"num": depth}})}


@query
def thread_of(author: str) -> Comment:
    reply: Comment = {"author": "bot", "text": "welcome", "replies": []}
    return {"author": author, "text": "hello", "replies": [reply, reply]}


@query
def color_of(name: str) -> Color:
    if name == "red":
        return {"Red": None}
    if name == "green":
        return {"Green": None}
    return {"Custom": (0, 0, 0)}


# Reading Variants and optional values.


@query
def describe(c: Color) -> str:
    if "Red" in c:
        return "red"
    if "Custom" not in c:
        return "green"
    return "custom"


@query
def custom_of(c: Color) -> Rgb:
    return c["Custom"]


@query
def has_nickname(p: Profile) -> str:
    if p["nickname"] is None:
        return "no"
    if p["nickname"] is not None and p["age"] > 17:
        return "yes, adult"
    return "yes"


@query
def rgb_sum(c: Rgb) -> nat32:
    return c[0] + c[1] + c[-1]


@query
def count_tags(p: Profile) -> nat64:
    return len(p["tags"])


# Kybra's match: the first handler for the value's tag gets its payload.


@query
def color_name(c: Color) -> str:
    return match(
        c,
        {
            "Red": lambda _: "red",
            "Green": lambda _: "green",
            "Custom": lambda rgb: f"rgb({rgb[0]}, {rgb[1]}, {rgb[2]})",
        },
    )


@query
def brightness(c: Color) -> nat32:
    return match(c, {"Custom": lambda rgb: rgb[0] + rgb[1] + rgb[2], "_": lambda _: 255})


@query
def only_custom(c: Color) -> Rgb:
    # No handler for Red or Green: Kybra raises "No matching case found".
    return match(c, {"Custom": lambda rgb: rgb})


def evaluate(e: Expr) -> int:
    return match(
        e,
        {
            "num": lambda n: n,
            "neg": lambda inner: -evaluate(inner),
            "add": lambda pair: evaluate(pair[0]) + evaluate(pair[1]),
        },
    )


@query
def eval_expr(e: Expr) -> int:
    return evaluate(e)


# Optional values: `is None` / `is not None` narrow them to their value.


@query
def greeting(p: Profile) -> str:
    nick = p["nickname"]
    if nick is None:
        return "hello " + p["handle"]
    return "hi " + nick


@query
def add_opt(a: Opt[nat64], b: Opt[nat64]) -> Opt[nat64]:
    if a is not None and b is not None:
        return a + b
    if a is None:
        return b
    return a


@query
def nickname_length(p: Profile) -> nat64:
    nick = p["nickname"]
    return len(nick) if nick is not None else 0


@query
def first_present(a: Opt[str], b: Opt[str]) -> str:
    result: Opt[str] = a
    if result is None:
        result = b
    if result is None:
        result = "nobody"
    return result


@query
def echo_chain(c: Chain) -> Chain:
    return c


@query
def chain_of(words: Vec[str]) -> Opt[Chain]:
    chain: Opt[Chain] = None
    for w in reversed(words):
        chain = (w, chain)
    return chain


@query
def chain_words(c: Opt[Chain]) -> str:
    text = ""
    n = 0
    while c is not None:
        word, c = c
        text += word if n == 0 else " -> " + word
        n += 1
    return f"{text} ({n})"

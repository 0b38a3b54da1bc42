from kybra import (
    blob,
    float32,
    float64,
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
    Opt,
    Principal,
    query,
    Record,
    Tuple,
    Variant,
    Vec,
)

# Every Candid type at its limits: each method sends back what it got, so
# the scenario can check that nothing is lost between the wire and Python.


class Ledger(Record):
    owner: Principal
    balance: nat
    delta: int
    history: Vec[nat]
    limits: Tuple[nat, int]
    memo: Opt[nat]


class Shape(Variant, total=False):
    Empty: null
    Count: nat
    Offset: int
    Small: nat8
    Signed: int64
    Ratio: float64
    Label: str
    Bytes: blob
    Flag: bool
    Points: Vec[Tuple[int32, int32]]
    Nested: "Shape"


class Tree(Record):
    value: nat
    children: Vec["Tree"]


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
def echo_bool(x: bool) -> bool:
    return x


@query
def echo_text(x: str) -> str:
    return x


@query
def echo_blob(x: blob) -> blob:
    return x


@query
def echo_null(x: null) -> null:
    return x


@query
def echo_nats(x: Vec[nat]) -> Vec[nat]:
    return x


@query
def echo_ints(x: Vec[int]) -> Vec[int]:
    return x


@query
def echo_blobs(x: Vec[blob]) -> Vec[blob]:
    return x


@query
def echo_matrix(x: Vec[Vec[nat8]]) -> Vec[Vec[nat8]]:
    return x


@query
def echo_opt_nat(x: Opt[nat]) -> Opt[nat]:
    return x


@query
def echo_opt_opt(x: Opt[Opt[nat]]) -> Opt[Opt[nat]]:
    return x


@query
def echo_triple(x: Tuple[nat, int, str]) -> Tuple[nat, int, str]:
    return x


@query
def echo_ledger(x: Ledger) -> Ledger:
    return x


@query
def echo_shape(x: Shape) -> Shape:
    return x


@query
def echo_tree(x: Tree) -> Tree:
    return x


# Python code reading and building these values: a `nat` inside a
# container is an ordinary Python int, checked non-negative when stored.


@query
def net(x: Ledger) -> int:
    return x["balance"] + x["delta"] + x["limits"][0] - x["limits"][1]


@query
def settle(x: Ledger, amount: int) -> Ledger:
    return {
        "owner": x["owner"],
        "balance": x["balance"] - amount,
        "delta": -amount,
        "history": [x["balance"], amount, 2**128 - 1],
        "limits": (0, -(2**127)),
        "memo": amount,
    }


@query
def chain(depth: nat16) -> Tree:
    if depth == 0:
        return {"value": 0, "children": []}
    return {"value": depth, "children": [chain(depth - 1)]}

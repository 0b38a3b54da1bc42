"""Principals, Func and Service references, reserved and empty."""

from kybra import (
    Func,
    Opt,
    Oneway,
    Principal,
    Query,
    Record,
    Service,
    Tuple,
    Update,
    Variant,
    Vec,
    blob,
    empty,
    ic,
    nat,
    nat64,
    null,
    query,
    reserved,
    service_query,
    service_update,
    update,
    void,
)


class Ledger(Service):
    @service_query
    def balance(self, owner: Principal) -> nat64: ...

    @service_update
    def transfer(self, to: Principal, amount: nat) -> "TransferResult": ...

    @service_update
    def forget(self) -> void: ...


class TransferResult(Variant, total=False):
    Ok: nat64
    Err: str


Callback = Func(Query[[str], nat64])
Notify = Func(Update[[TransferResult, Vec[Principal]], void])
Ping = Func(Oneway[[], void])


class Subscription(Record):
    owner: Principal
    callback: Callback
    ledger: Ledger
    extra: reserved


class Event(Variant, total=False):
    Called: Callback
    Nothing: null
    Impossible: empty


# Principals

LEDGER = Ledger(Principal.from_str("ryjl3-tyaaa-aaaaa-aaaba-cai"))


@query
def from_text(text: str) -> Principal:
    return Principal.from_str(text)


@query
def to_text(p: Principal) -> str:
    return p.to_str()


@query
def from_hex(hex: str) -> Principal:
    return Principal.from_hex(hex)


@query
def to_hex(p: Principal) -> str:
    return p.hex


@query
def from_bytes(b: blob) -> Principal:
    return Principal(b)


@query
def to_bytes(p: Principal) -> blob:
    return p.bytes


@query
def anonymous() -> Principal:
    return Principal.anonymous()


@query
def management() -> Principal:
    return Principal.management_canister()


@query
def self_authenticating(public_key: blob) -> Principal:
    return Principal.self_authenticating(public_key)


@query
def is_anonymous(p: Principal) -> bool:
    return p == Principal.anonymous()


@query
def same(a: Principal, b: Principal) -> bool:
    return a == b


@query
def describe(p: Principal) -> str:
    return f"{p} ({len(p.bytes)} bytes, {str(p) == p.to_str()})"


@query
def hex_round_trip(text: str) -> bool:
    p = Principal.from_str(text)
    return Principal.from_hex(p.hex) == p and Principal(p.bytes) == p


# Func references


@query
def make_callback(p: Principal, method: str) -> Callback:
    return (p, method)


@query
def callback_parts(f: Callback) -> Tuple[Principal, str]:
    return (f[0], f[1])


@query
def callback_method(f: Callback) -> str:
    return f[-1]


@query
def echo_notify(f: Notify) -> Notify:
    return f


@query
def echo_ping(f: Ping) -> Ping:
    return f


@query
def same_callback(a: Callback, b: Callback) -> bool:
    return a == b


# Service references


@query
def ledger_at(text: str) -> Ledger:
    return Ledger(Principal.from_str(text))


@query
def default_ledger() -> Ledger:
    return LEDGER


@query
def ledger_id(l: Ledger) -> Principal:
    return l.canister_id


@query
def echo_ledger(l: Ledger) -> Ledger:
    return l


# Compound values


@query
def subscribe(owner: Principal, callback: Callback) -> Subscription:
    return {
        "owner": owner,
        "callback": callback,
        "ledger": Ledger(Principal.management_canister()),
        "extra": "dropped",
    }


@query
def echo_subscription(s: Subscription) -> Subscription:
    return s


@query
def subscription_callback(s: Subscription) -> str:
    return s["callback"][1]


@query
def echo_event(e: Event) -> Event:
    return e


@query
def callbacks(f: Callback) -> Vec[Opt[Callback]]:
    return [None, f, (f[0], "other")]


# reserved and empty


@query
def get_reserved() -> reserved:
    return "anything"


@query
def echo_reserved(r: reserved) -> reserved:
    return r


@query
def reserved_is_none(r: reserved) -> bool:
    return r is None


@query
def get_empty() -> empty:
    ic.trap("no value has the type empty")


@query
def take_empty(e: empty) -> bool:
    return True


@update
def empty_list(xs: Vec[empty]) -> nat64:
    return len(xs)

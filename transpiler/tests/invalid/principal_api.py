from kybra import Principal, blob, query

bad_text = Principal.from_str("aaaaa-ab")
bad_hex = Principal.from_hex("0g")
too_long = Principal.from_hex("00" * 30)


@query
def read_globals() -> str:
    return f"{bad_text} {bad_hex} {too_long}"


@query
def unknown_static(b: blob) -> Principal:
    return Principal.to_account_id(b)


@query
def from_str_without_argument() -> Principal:
    return Principal.from_str()


@query
def anonymous_with_argument() -> Principal:
    return Principal.anonymous("x")


@query
def from_str_of_bytes(b: blob) -> Principal:
    return Principal.from_str(b)


@query
def to_str_with_argument(p: Principal) -> str:
    return p.to_str(16)


@query
def unknown_attribute(p: Principal) -> str:
    return p.text


@query
def ordered(a: Principal, b: Principal) -> bool:
    return a < b


@query
def keyword(s: str) -> Principal:
    return Principal.from_str(s=s)

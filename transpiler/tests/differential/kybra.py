"""A stand-in for the `kybra` module so CPython can run a canister's source
directly: the reference side of the differential tests."""

from typing import Optional, TypedDict

def query(f):
    return f


def update(f):
    return f


int8 = int16 = int32 = int64 = int
nat = nat8 = nat16 = nat32 = nat64 = int
float32 = float64 = float
text = str
blob = bytes
null = None
void = None


class Principal:
    def __init__(self, text):
        self.text = text

    def __str__(self):
        return self.text


class _Ic:
    @staticmethod
    def print(value):
        pass

    @staticmethod
    def trap(message):
        raise RuntimeError(message)

    @staticmethod
    def caller():
        return Principal("2vxsx-fae")

    @staticmethod
    def time():
        return 0


ic = _Ic()


# Candid's compound types as Kybra spells them.
Opt = Optional
Record = TypedDict
Variant = TypedDict
Vec = list
Tuple = tuple


class _AliasMeta(type):
    def __getitem__(cls, param):
        return param


class Alias(metaclass=_AliasMeta):
    """`Alias[T]` is `T`."""


def match(variant, handlers):
    """Kybra's `match` on a Variant (a one-key dict): the handlers are tried
    in order; the first whose key the value has, or `"_"`, is called with
    the payload (`None` for `"_"`)."""
    for tag, handler in handlers.items():
        if tag in variant:
            return handler(variant[tag])
        if tag == "_":
            return handler(None)
    raise Exception("No matching case found")

"""A stand-in for the `kybra` module so CPython can run a canister's source
directly: the reference side of the differential tests."""

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
from typing import Optional as Opt, Tuple, TypedDict as Record, TypedDict as Variant  # noqa: E402

Vec = list

class ShopError(Exception):
    def __init__(self, item: str):
        super().__init__(item)
        self.item = item

    def advice(self) -> str:
        return "try again later"

    def label(self) -> str:
        return f"{type(self).__name__}({self.item})"


class OutOfStock(ShopError):
    def advice(self) -> str:
        return "wait for a restock of " + self.item


class Discontinued(OutOfStock):
    def advice(self) -> str:
        return self.item + " is gone for good"


class PaymentFailed(ShopError):
    pass


stock = {"apple": 0, "pear": 2, "fig": 0}


def buy(item: str, card_ok: bool) -> str:
    if item not in stock:
        raise Discontinued(item)
    if stock[item] == 0:
        raise OutOfStock(item)
    if not card_ok:
        raise PaymentFailed(item)
    stock[item] -= 1
    return "bought " + item


def main() -> None:
    for item, ok in [("pear", True), ("apple", True), ("kiwi", True), ("pear", False)]:
        try:
            print(buy(item, ok))
        except OutOfStock as e:
            print("stock:", e.advice(), "|", e.label(), "|", repr(e))
        except ShopError as e:
            print("shop:", e.advice(), "|", e.label(), "|", e)


main()

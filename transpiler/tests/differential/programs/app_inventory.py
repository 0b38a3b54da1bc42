class OutOfStock(Exception):
    pass


stock: dict[str, int] = {"widget": 10, "gadget": 0, "doohickey": 3}
prices: dict[str, float] = {"widget": 2.5, "gadget": 10.0, "doohickey": 0.75}


def order(item: str, qty: int) -> float:
    if item not in stock:
        raise KeyError(item)
    if stock[item] < qty:
        raise OutOfStock(f"{item}: have {stock[item]}, want {qty}")
    stock[item] -= qty
    return prices[item] * qty


def main() -> None:
    revenue = 0
    failed = []
    for item, qty in [("widget", 4), ("gadget", 1), ("sprocket", 2), ("doohickey", 3), ("widget", 7)]:
        try:
            cost = order(item, qty)
        except OutOfStock as e:
            failed.append(str(e))
        except KeyError as e:
            failed.append(f"unknown {e}")
        else:
            revenue += cost
            print(f"sold {qty} {item} for {cost:.2f}")
    print("revenue", revenue)
    print("failed", failed)
    low = sorted([k for k, v in stock.items() if v < 5])
    print("low stock:", low)
    print({k: v for k, v in stock.items() if v > 0})


main()

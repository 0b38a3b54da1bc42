CATALOG = {"apple": 0.5, "bread": 2.25, "milk": 1.1, "cheese": 7.0}


def checkout(cart: dict[str, int], coupon: str) -> float:
    subtotal = 0
    for item, qty in cart.items():
        if qty <= 0:
            raise ValueError(f"bad quantity for {item}: {qty}")
        subtotal += CATALOG[item] * qty
    if coupon == "HALF":
        subtotal = subtotal / 2
    elif coupon:
        raise KeyError(f"coupon {coupon}")
    return subtotal


carts = [({"apple": 4, "milk": 2}, ""), ({"bread": 1}, "HALF"), ({"cheese": 1}, "FREE"), ({"apple": 0}, ""), ({"caviar": 1}, "")]
for cart, coupon in carts:
    try:
        print(checkout(cart, coupon))
    except (KeyError, ValueError) as e:
        print("failed:", repr(e))

from kybra import query


class Point:
    def __init__(self, x: int, y: int):
        self.x = x
        self.y = y

    def norm(self) -> int:
        return self.x * self.x + self.y * self.y

    @property
    def total(self) -> int:
        return self.x + self.y


class Early:
    def __init__(self) -> None:
        self.x = 1
        self.describe()
        self.y = 2

    def describe(self) -> str:
        return "early"


@query
def missing_attribute() -> int:
    p = Point(1, 2)
    return p.z


@query
def new_attribute_outside_init() -> int:
    p = Point(1, 2)
    p.z = 3
    return p.x


@query
def property_store() -> int:
    p = Point(1, 2)
    p.total = 3
    return p.x


@query
def unordered() -> bool:
    return Point(1, 2) < Point(2, 3)


@query
def no_len() -> int:
    return len(Point(1, 2))


@query
def wrong_argument() -> int:
    return Point("a", 2).x


@query
def method_as_value() -> int:
    p = Point(1, 2)
    f = p.norm
    return 0


@query
def formatted_object() -> str:
    return f"{Point(1, 2):>10}"


@query
def at_boundary(p: Point) -> int:
    return p.x


class Animal:
    def __init__(self, name: str):
        self.name = name

    def __eq__(self, other: "Animal") -> bool:
        return self.name == other.name


class Dog(Animal):
    def __eq__(self, other: "Animal") -> bool:
        return False

    def __lt__(self, other: "Animal") -> bool:
        return True


def make(name: str) -> Animal:
    return Dog(name)


@query
def computed_comparison() -> bool:
    return make("a") == make("b")


@query
def only_subclass_orders() -> bool:
    a: Animal = Dog("a")
    return a < Animal("b")


@query
def objects_as_keys() -> int:
    seen: dict[Animal, int] = {}
    return len(seen)


@query
def type_of_call() -> str:
    return str(type(make("a")))

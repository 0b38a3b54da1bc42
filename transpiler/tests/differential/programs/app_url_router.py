ROUTES = {"/": "home", "/users": "list_users", "/users/<id>": "get_user", "/about": "about"}


class NotFoundError(LookupError):
    pass


def route(path: str) -> str:
    path = path.rstrip("/") or "/"
    if path in ROUTES:
        return ROUTES[path]
    head, sep, tail = path.rpartition("/")
    if sep != "" and tail.isdigit() and head + "/<id>" in ROUTES:
        return ROUTES[head + "/<id>"] + f"({int(tail)})"
    raise NotFoundError(path)


for p in ["/", "/users/", "/users/042", "/users/abc", "/about", "", "/missing/1"]:
    try:
        print(repr(p), "->", route(p))
    except LookupError as e:
        print(repr(p), "-> 404", e)

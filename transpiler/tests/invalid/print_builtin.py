from kybra import update, void


@update
def log(message: str) -> void:
    print(message, file=None)


@update
def log_sep(message: str, sep: str) -> void:
    print(message, message, sep=sep)


@update
def log_star(words: list[str]) -> void:
    print(*words)

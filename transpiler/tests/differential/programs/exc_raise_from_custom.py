class ConfigError(Exception):
    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


def parse_port(config: dict[str, str]) -> int:
    try:
        return int(config["port"])
    except KeyError as e:
        raise ConfigError("port", f"missing {e}") from e
    except ValueError as e:
        raise ConfigError("port", f"not a number: {config['port']!r}") from e


def load(config: dict[str, str]) -> int:
    try:
        return parse_port(config)
    except ConfigError as e:
        print("config error at", e.key, "-", e)
        return -1


def main() -> None:
    print(load({"port": "8080"}))
    print(load({}))
    print(load({"port": "eighty"}))
    try:
        try:
            int("zz")
        except Exception as e:
            raise ConfigError("x", "wrapped") from None
    except ConfigError as e:
        print(e.key, e, repr(e))


main()

CONFIG = """
# server settings
host = example.org
port = 8080
debug=true
timeout = 2.5
bad line
name = My App  
"""


class ConfigError(ValueError):
    pass


def parse(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for n, line in enumerate(text.splitlines()):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ConfigError(f"line {n + 1}: missing '=' in {line!r}")
        out[key.strip()] = value.strip()
    return out


try:
    parse(CONFIG)
except ConfigError as e:
    print("error:", e)
cfg = parse(CONFIG.replace("bad line", ""))
print(cfg)
port = int(cfg["port"])
print(port + 1, cfg["debug"] == "true", cfg.get("missing", "default"))
print(int(cfg["timeout"]))

from kybra import nat64
from src.models import Library

# The one copy of the state: every module that imports `library` reads and
# changes this dict.
library: Library = {"books": {}, "members": {}, "next_id": 0, "lends": 0}

LIMIT: nat64 = 2

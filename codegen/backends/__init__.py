"""One backend per target. Each module has `render(catalog) -> {repo-relative path: text}`."""

from . import cli, docs, kotlin, python, swift, typescript

BACKENDS = (python, typescript, swift, kotlin, cli, docs)

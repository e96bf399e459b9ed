#!/usr/bin/env python3
"""Validates YAML files against the JSON Schema their first line names.

Each file must begin with `# yaml-language-server: $schema=PATH` (PATH relative to the file).
Usage: scripts/validate-schema.py FILE...   Exit 0 when all are valid, 1 otherwise, 2 when
python3-jsonschema or python3-yaml is missing.
"""
import json
import os
import re
import sys

try:
    import jsonschema
    import yaml
except ImportError as missing:
    print(f"validate-schema: {missing}; install python3-jsonschema and python3-yaml", file=sys.stderr)
    sys.exit(2)

PREFIX = "# yaml-language-server: $schema="


def load_yaml(path):
    """Loads as the campaign language reads YAML (1.2 core): dates stay strings, and only
    true/false are booleans (`on:` is a key, not True)."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    booleans = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool", booleans, list("tTfF"))
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def main(paths):
    failed = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            first = f.readline().strip()
        if not first.startswith(PREFIX):
            print(f"{path}: first line must be '{PREFIX}...'")
            failed += 1
            continue
        schema_path = os.path.join(os.path.dirname(path), first[len(PREFIX):])
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        validator = jsonschema.Draft202012Validator(schema)
        errors = sorted(validator.iter_errors(load_yaml(path)), key=lambda e: list(e.absolute_path))
        for error in errors:
            error = jsonschema.exceptions.best_match([error])
            while error.context:
                error = jsonschema.exceptions.best_match(error.context)
            where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
            print(f"{path}: {where}: {error.message}")
        failed += bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

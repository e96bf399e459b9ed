#!/usr/bin/env python3
"""Validates YAML files against a JSON Schema (draft 2020-12).

Each file names its schema in its first line, `# yaml-language-server: $schema=PATH` (PATH
relative to the file), unless `--schema PATH` names one schema for all of them.
Usage: scripts/validate-schema.py [--schema PATH] [--invalid] FILE...
Exit 0 when every file is valid (with --invalid: when every file is invalid), 1 otherwise, 2
when python3-jsonschema or python3-yaml is missing. A file that is not YAML is invalid.
"""
import argparse
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


def schema_path(path, given):
    """The schema for `path`: the one given, or the one its first line names (None if none)."""
    if given:
        return given
    with open(path, encoding="utf-8") as f:
        first = f.readline().strip()
    if not first.startswith(PREFIX):
        return None
    return os.path.join(os.path.dirname(path), first[len(PREFIX):])


def problems(path, schema_file):
    """What makes `path` invalid against `schema_file`, one line each (empty when valid)."""
    try:
        document = load_yaml(path)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        return [f"{path}: not YAML: {str(error).splitlines()[0]}"]
    with open(schema_file, encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    out = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
        error = jsonschema.exceptions.best_match([error])
        while error.context:
            error = jsonschema.exceptions.best_match(error.context)
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        out.append(f"{path}: {where}: {error.message}")
    return out


def main(argv):
    parser = argparse.ArgumentParser(description="Validate YAML files against a JSON Schema.")
    parser.add_argument("--schema", help="validate every file against this schema instead of the one its first line names")
    parser.add_argument("--invalid", action="store_true", help="expect every file to be invalid")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args(argv)
    failed = 0
    for path in args.files:
        schema_file = schema_path(path, args.schema)
        if schema_file is None:
            print(f"{path}: first line must be '{PREFIX}...' (or give --schema)")
            failed += 1
            continue
        found = problems(path, schema_file)
        if args.invalid:
            if not found:
                print(f"{path}: valid, but expected to be invalid")
                failed += 1
        else:
            for line in found:
                print(line)
            failed += bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

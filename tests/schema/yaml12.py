"""YAML read as yaml-language-server reads it (YAML 1.2 core schema), with
PyYAML: only true/false are booleans, only plain numbers are numbers, and a
date (2019-09-16), a time (10:00) or a yes stays text. PyYAML's own YAML 1.1
reading would turn those into dates, sexagesimal numbers and booleans, and
the schemas would be tested against values no editor ever sees."""
import re

import yaml


class Yaml12Loader(yaml.SafeLoader):
    pass


Yaml12Loader.yaml_implicit_resolvers = {}
_RESOLVERS = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
     list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
]
for tag, pattern, first in _RESOLVERS:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), first)


def _int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    return int(text, 0) if text.startswith("0x") else int(text, 10)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int)


def load(text):
    return yaml.load(text, Loader=Yaml12Loader)


def front_matter(text):
    """The YAML between the opening '---' line and the next '---' line."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip(" \t") != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip(" \t\r") == "---":
            return "\n".join(lines[1:i])
    return None

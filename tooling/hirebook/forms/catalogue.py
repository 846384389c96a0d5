"""Which form runs which command: each form's fields, the option each one fills and what its
value must be.

The wording a person sees — the form's name, each field's label, the choices of a dropdown —
is read from the form's template in ``.github/ISSUE_TEMPLATE/`` (GitHub writes each field of a
submitted form under its label); this module knows the templates' element ids only, so an
agency may reword or translate its forms. A form is recognised by its first field's label,
which no other form may share.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

# What a field's value must be (see hirebook.forms.values).
LINE, TEXT, CHOICE, ROUND, WHEN, NEW_ID = "line", "text", "choice", "round", "when", "new-id"
ID_OF = "id-of:"  # followed by a record kind: an existing record of that kind


@dataclass(frozen=True)
class Field:
    """One field of a form: the template's element id, the command's option it fills (None:
    the command's argument) and what its value must be."""

    element: str
    option: str | None
    value: str
    required: bool = True


@dataclass(frozen=True)
class Form:
    """A form whose submission becomes one hirebook command."""

    template: str
    """The template's file name without ``.yml``."""
    command: tuple[str, ...]
    fields: tuple[Field, ...]
    subject: str
    """The element naming the record the form is about, for titles and branch names."""


def _id_of(kind: str) -> str:
    return ID_OF + kind


FORMS = (
    Form(
        "client-feedback",
        ("log", "feedback"),
        (
            Field("application", None, _id_of("application")),
            Field("decision", "--decision", CHOICE),
            Field("note", "--note", TEXT, required=False),
            Field("at", "--at", WHEN, required=False),
        ),
        subject="application",
    ),
    Form(
        "interview-result",
        ("log", "result"),
        (
            Field("application", None, _id_of("application")),
            Field("round", "--round", ROUND),
            Field("result", "--result", CHOICE),
            Field("note", "--note", TEXT, required=False),
            Field("at", "--at", WHEN, required=False),
        ),
        subject="application",
    ),
    Form(
        "candidate-notified",
        ("log", "notified"),
        (
            Field("application", None, _id_of("application")),
            Field("round", "--round", ROUND),
            Field("at", "--at", WHEN, required=False),
        ),
        subject="application",
    ),
    Form(
        "new-requirement",
        ("new", "requirement"),
        (
            Field("client", "--client", _id_of("client")),
            Field("title", "--title", LINE),
            Field("hiring-manager", "--hiring-manager", LINE, required=False),
            Field("received", "--received-at", WHEN, required=False),
        ),
        subject="client",
    ),
    Form(
        "new-client",
        ("new", "client"),
        (
            Field("id", "--id", NEW_ID),
            Field("name", "--name", LINE),
            Field("tier", "--tier", CHOICE),
            Field("manager", "--manager", _id_of("person")),
        ),
        subject="id",
    ),
    Form(
        "touchpoint",
        ("new", "touchpoint"),
        (
            Field("client", "--client", _id_of("client")),
            Field("type", "--type", CHOICE),
            Field("by", "--by", _id_of("person")),
            Field("plan", "--plan", _id_of("plan"), required=False),
            Field("summary", "--summary", TEXT),
        ),
        subject="client",
    ),
)


class TemplateError(Exception):
    """A form's template is missing or does not match its definition (the agency's setup,
    not the person who filled it in)."""


@dataclass(frozen=True)
class Element:
    """What the template says of one field: its label and, for a dropdown, its choices."""

    label: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    """A form with the wording of its template."""

    form: Form
    name: str
    elements: dict[str, Element]

    @property
    def labels(self) -> list[str]:
        return [self.elements[field.element].label for field in self.form.fields]


def load(folder: Path) -> list[Template]:
    """The template of every form ``folder`` (``.github/ISSUE_TEMPLATE``) offers, checked
    against its definition: the same elements in the same order, first labels told apart. An
    agency that removes a form's template no longer offers that form."""
    templates = [
        _template(folder, form) for form in FORMS if (folder / f"{form.template}.yml").exists()
    ]
    firsts: dict[str, str] = {}
    for template in templates:
        first = template.labels[0]
        if first in firsts:
            raise TemplateError(
                f"{template.form.template}.yml and {firsts[first]}.yml begin with the same "
                f"label {first!r}: give one of them another, so that a submitted form is known"
            )
        firsts[first] = template.form.template
    return templates


def _template(folder: Path, form: Form) -> Template:
    path = folder / f"{form.template}.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise TemplateError(f"cannot read the form {path}: {err}") from None
    try:
        name = str(data["name"])
        elements = {
            str(item["id"]): Element(
                str(item["attributes"]["label"]),
                tuple(str(option) for option in item["attributes"].get("options", ())),
            )
            for item in data["body"]
            if item.get("type") != "markdown"
        }
    except (TypeError, KeyError, AttributeError):
        raise TemplateError(
            f"{path} is not an issue form (name, body with ids and labels)"
        ) from None
    wanted = [field.element for field in form.fields]
    if list(elements) != wanted:
        raise TemplateError(
            f"{path} has the fields {list(elements)}; hirebook reads {wanted}, in that order"
        )
    labels = [element.label for element in elements.values()]
    twice = sorted({label for label in labels if labels.count(label) > 1})
    if twice:  # GitHub heads each field with its label: two alike cannot be told apart
        raise TemplateError(f"{path} gives two fields the label {twice[0]!r}: reword one")
    return Template(form, name, elements)

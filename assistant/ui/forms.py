"""The order-facts form: field definitions, parsing the widget values, and filling the form back in."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError

from assistant.errors import InputError
from assistant.models import OrderFacts

# (field, label, widget): `text`, `date`, `fulfilment`, `claim`; the page builds widgets from this list.
ORDER_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("product", "Product", "text"),
    ("price", "Price", "text"),
    ("currency", "Currency (e.g. USD)", "text"),
    ("order_id", "Order id", "text"),
    ("marketplace", "Marketplace (e.g. amazon.com)", "text"),
    ("fulfilment", "Fulfilment", "fulfilment"),
    ("ship_date", "Ship date", "date"),
    ("delivery_date", "Delivery date", "date"),
    ("tracking_number", "Tracking number", "text"),
    ("carrier", "Carrier", "text"),
    ("claim_open", "A-to-z claim open?", "claim"),
)
FULFILMENT_CHOICES = ("", "FBA", "FBM")
CLAIM_CHOICES = ("unknown", "yes", "no")
FIELD_PREFIX = "order_"


def widget_key(field: str) -> str:
    """The session-state key of a form field's widget."""
    return FIELD_PREFIX + field


def empty_fields() -> dict[str, Any]:
    """Widget values of an empty form."""
    values: dict[str, Any] = {}
    for name, _, kind in ORDER_FIELDS:
        values[name] = None if kind == "date" else "unknown" if kind == "claim" else ""
    return values


def order_from_fields(values: dict[str, Any]) -> OrderFacts | None:
    """Build order facts from the form's widget values; None when every field is empty.

    Args:
        values: Field name to widget value (strings, dates or None, as the widgets return them).

    Returns:
        The validated facts, or None when nothing was filled in.

    Raises:
        InputError: A value is invalid; the message names the field by its label and says what to enter.
    """
    labels = {name: label for name, label, _ in ORDER_FIELDS}
    data: dict[str, Any] = {}
    for name, _, kind in ORDER_FIELDS:
        value = values.get(name)
        if isinstance(value, str):
            value = value.strip()
        if value in (None, "", "unknown"):
            continue
        if kind == "claim":
            value = value == "yes"
        elif name == "price":
            try:
                value = float(str(value).replace(",", "."))
            except ValueError:
                raise InputError(f"Order facts - {labels[name]}: enter a number such as 24.99 "
                                 f"(got {value!r})", field=name) from None
        data[name] = value
    if not data:
        return None
    try:
        return OrderFacts(**data)
    except ValidationError as exc:
        item = exc.errors()[0]
        name = str(item["loc"][0]) if item["loc"] else "order"
        label = labels.get(name, name)
        raise InputError(f"Order facts - {label}: {item['msg']} (got {item.get('input')!r})",
                         field=name) from None


def fields_from_order(order: OrderFacts | None) -> dict[str, Any]:
    """Widget values that show `order` in the form (used when a case is restored)."""
    values = empty_fields()
    if order is None:
        return values
    for name, _, kind in ORDER_FIELDS:
        value = getattr(order, name)
        if value is None:
            continue
        if kind == "claim":
            values[name] = "yes" if value else "no"
        elif kind == "date":
            values[name] = value if isinstance(value, dt.date) else None
        elif name == "price":
            values[name] = f"{value:g}"
        else:
            values[name] = str(value)
    return values

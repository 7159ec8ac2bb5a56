"""The pydantic v2 models of the `httpx + pydantic` contender: what a generated SDK (OpenAPI generators,
Fern, Speakeasy...) decodes a PhoneNumber into. Fields follow core/src/models/phone_number.rs.

Two choices keep this contender at its fastest, so that "the SDK beats pydantic" is a fair claim:
timestamps stay strings (the SDK keeps them as strings too; parsing datetimes would cost pydantic more),
and the body is validated straight from bytes with `model_validate_json` (pydantic-core's own JSON
parser) rather than `response.json()` followed by `model_validate`.

No `from __future__ import annotations`: pydantic reads these annotations at run time, and `Optional`
works on every Python the SDK supports (3.9+)."""

from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel


class _Wire(BaseModel):
    # camelCase on the wire, snake_case attributes; unknown fields kept, as the SDK's models keep them.
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="allow")


class PhoneNumber(_Wire):
    id: str
    number: Optional[str] = None
    label: Optional[str] = None
    # An open enum (TWILIO, SIP, ... and values newer than the client): a string.
    number_type: Optional[str] = Field(default=None, alias="type")
    user_id: Optional[str] = None
    sip_inbound_configs: Optional[Any] = None
    sip_outbound_configs: Optional[Any] = None
    voice_agent_id: Optional[str] = None
    voice_agent: Optional[Any] = None
    number_sid: Optional[str] = None
    is_active: Optional[bool] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None


class PhoneNumberEnvelope(_Wire):
    """`{"success": true, "message": "...", "data": <PhoneNumber>}`."""

    success: bool
    message: Optional[str] = None
    data: PhoneNumber


class PhoneNumberListEnvelope(_Wire):
    """The list: the API answers a bare array in `data`."""

    success: bool
    message: Optional[str] = None
    data: list[PhoneNumber]

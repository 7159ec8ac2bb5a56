"""The Hamsa SDK for Python: voice agents that place and answer phone calls, jobs, phone numbers and
webhooks, on a Rust core shared with the other languages.

    from hamsa import Hamsa
    client = Hamsa()  # HAMSA_API_KEY from the environment
    job = client.calls.create_twilio(to_number="+966500000001", twilio_phone_number="+1234567890",
                                     voice_agent_id="...")
    done = client.jobs.wait(job_id=job.id)
"""

from . import webhooks
from ._client import AsyncHamsa, Hamsa
from ._errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    Attempt,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    DecodeError,
    HamsaError,
    InsufficientBalanceError,
    InternalError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RateLimitError,
    RequestCancelledError,
    WebhookVerificationError,
)
from ._generated.models import (
    CallParams,
    CallStarted,
    Conversation,
    ConversationPage,
    ConversationSummary,
    Job,
    JobStatus,
    JobType,
    PhoneNumber,
    PhoneNumberPage,
    PhoneNumberType,
    WebhookAuth,
    WebhookEvent,
    WebhookEventType,
)
from ._generated.tables import SDK_VERSION
from ._model import Model
from ._pager import AsyncPager, Page, SyncPager

__version__ = SDK_VERSION

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncHamsa",
    "AsyncPager",
    "Attempt",
    "AuthenticationError",
    "BadRequestError",
    "CallParams",
    "CallStarted",
    "ConfigurationError",
    "ConflictError",
    "Conversation",
    "ConversationPage",
    "ConversationSummary",
    "DecodeError",
    "Hamsa",
    "HamsaError",
    "InsufficientBalanceError",
    "InternalError",
    "InternalServerError",
    "InvalidArgumentError",
    "Job",
    "JobStatus",
    "JobType",
    "Model",
    "NotFoundError",
    "OutcomeUnknownError",
    "Page",
    "PermissionDeniedError",
    "PhoneNumber",
    "PhoneNumberPage",
    "PhoneNumberType",
    "RateLimitError",
    "RequestCancelledError",
    "SyncPager",
    "WebhookAuth",
    "WebhookEvent",
    "WebhookEventType",
    "WebhookVerificationError",
    "__version__",
    "webhooks",
]

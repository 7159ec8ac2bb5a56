"""The Hamsa SDK for Python: voice agents that place and answer phone calls, jobs, phone numbers and
webhooks, on a Rust core shared with the other languages.

    from hamsa import Hamsa
    client = Hamsa()  # HAMSA_API_KEY from the environment
    job = client.calls.create_twilio(to_number="+966500000001", twilio_phone_number="+1234567890",
                                     voice_agent_id="...")
    done = client.jobs.wait(job.id)
"""

# The names generated from the catalog (models, open enums, one exception class per error code, and the
# modules of the operations that need no client, such as `webhooks`) come from `_generated/exports.py`;
# the hand-written ones are imported here.
from ._client import AsyncHamsa, Hamsa
from ._errors import Attempt, HamsaError
from ._generated import exports as _exports
from ._generated.exports import *  # noqa: F403
from ._generated.tables import SDK_VERSION
from ._model import Model
from ._pager import AsyncPager, Page, SyncPager

__version__ = SDK_VERSION

__all__ = [
    "AsyncHamsa",
    "AsyncPager",
    "Attempt",
    "Hamsa",
    "HamsaError",
    "Model",
    "Page",
    "SyncPager",
    "__version__",
]
__all__ += _exports.__all__

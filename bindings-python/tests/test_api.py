"""Models, arguments, errors, pickling and redaction: the Python surface itself."""

from __future__ import annotations

import copy
import inspect
import json
import pickle
import subprocess
import sys

import hamsa
import pytest
from conformance import Mock
from hamsa._generated.errors import CLASSES
from hamsa._generated.tables import OPERATIONS
from scripted import JOB_ID, Served, get_job_exchange

CLIENT = {"api_key": "sk-live-very-secret", "base_url": "http://127.0.0.1:9", "max_retries": 0}


def test_models_wrap_the_wire_json() -> None:
    wire = {"id": "j1", "status": "BRAND_NEW_STATUS", "callParams": {"userNumber": "+9665"}, "futureField": [1]}
    job = hamsa.Job(wire)
    assert job.id == "j1" and job.status == "BRAND_NEW_STATUS"  # open enums keep unknown values
    assert isinstance(job.call_params, hamsa.CallParams) and job.call_params.user_number == "+9665"
    assert job.title is None and job["futureField"] == [1] and "futureField" in job
    assert job.to_dict() == wire and job.to_dict() is not wire
    assert job == hamsa.Job(copy.deepcopy(wire)) and job != hamsa.Job({"id": "j2"})
    assert job != hamsa.Conversation(wire)
    assert pickle.loads(pickle.dumps(job)) == job and copy.deepcopy(job) == job


def test_model_repr_redacts_secrets() -> None:
    auth = hamsa.WebhookAuth(auth_key="Token", auth_secret="whk-secret-1")
    assert auth.to_dict() == {"authKey": "Token", "authSecret": "whk-secret-1"}
    assert "whk-secret-1" not in repr(auth) and "auth_key='Token'" in repr(auth)
    job = hamsa.Job({"id": "j", "twilioAuthToken": "tok-123", "nested": {"apiKey": "k-456"}})
    assert "tok-123" not in repr(job) and "k-456" not in repr(job)


def test_client_repr_and_errors_never_show_the_key() -> None:
    client = hamsa.Hamsa(**CLIENT)
    assert "sk-live-very-secret" not in repr(client) and "127.0.0.1" in repr(client)
    with pytest.raises(hamsa.APIConnectionError) as caught:
        client.jobs.get(job_id="x")
    assert "sk-live-very-secret" not in repr(caught.value) + str(caught.value)


def test_clients_cannot_be_pickled_with_a_clear_error() -> None:
    client = hamsa.Hamsa(**CLIENT)
    with pytest.raises(hamsa.HamsaError, match="cannot be pickled"):
        pickle.dumps(client)
    with pytest.raises(hamsa.HamsaError, match="cannot be pickled"):
        copy.copy(hamsa.AsyncHamsa(**CLIENT))


def test_every_error_code_has_its_exported_class() -> None:
    assert "internal" in CLASSES and len(set(CLASSES.values())) == len(CLASSES)
    for code, cls in CLASSES.items():
        assert issubclass(cls, hamsa.HamsaError) and getattr(hamsa, cls.__name__) is cls, code
        assert cls.__name__ in hamsa.__all__, code
    assert issubclass(hamsa.InvalidArgumentError, ValueError)
    assert issubclass(hamsa.NotFoundError, hamsa.APIStatusError)
    assert issubclass(hamsa.APITimeoutError, hamsa.APIConnectionError)


def test_errors_pickle_with_their_facts() -> None:
    client = hamsa.Hamsa(**CLIENT)
    with pytest.raises(hamsa.HamsaError) as caught:
        client.jobs.get(job_id="x")
    error = pickle.loads(pickle.dumps(caught.value))
    assert type(error) is type(caught.value) and error.code == "connection" and len(error.attempts) == 1
    assert str(error) == str(caught.value)


def test_attempts_are_read_only_values() -> None:
    attempt = hamsa.Attempt(outcome="503", delay=0.25)
    assert attempt == hamsa.Attempt("503", 0.25) and attempt != hamsa.Attempt("503", 0.5)
    assert hash(attempt) == hash(hamsa.Attempt("503", 0.25)) and repr(attempt) == "Attempt(outcome='503', delay=0.25)"
    assert pickle.loads(pickle.dumps(attempt)) == attempt and copy.deepcopy(attempt) == attempt
    with pytest.raises(AttributeError):
        attempt.outcome = "timeout"  # type: ignore[misc]


def test_importing_hamsa_leaves_asyncio_out() -> None:
    # asyncio takes tens of milliseconds to import; only async calls need it, and they find it loaded.
    code = "import sys, hamsa; print('asyncio' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False", "`import hamsa` imports asyncio (see hamsa/_bridge.py)"


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.calls.create_twilio(to_number="+966500000001"),  # missing twilio_phone_number
        lambda c: c.jobs.get(job_id=42),
        lambda c: c.jobs.get(job_id="x", timeout="soon"),
        lambda c: c.jobs.get(job_id="x", max_retries=-1),
        lambda c: c.jobs.get(job_id="x", extra_headers={"x": 1}),
        lambda c: c.calls.create(to_number="+966500000001", from_number="+1", params={"when": object()}),
        lambda c: c.calls.create_twilio(to_number="+9665", twilio_phone_number="+1", webhook_auth="Token x"),
    ],
)
def test_argument_mistakes_are_invalid_argument_errors(call: object) -> None:
    client = hamsa.Hamsa(**CLIENT)
    with pytest.raises(hamsa.InvalidArgumentError) as caught:
        call(client)  # type: ignore[operator]
    assert isinstance(caught.value, ValueError) and caught.value.code == "invalid_argument"
    assert caught.value.attempts == ()


def test_an_unknown_keyword_is_a_type_error_naming_it() -> None:
    client = hamsa.Hamsa(**CLIENT)
    with pytest.raises(TypeError, match="voice_agent_idd"):
        client.calls.create_twilio(to_number="+9665", twilio_phone_number="+1", voice_agent_idd="x")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="auth_secrets"):
        hamsa.webhooks.verify("Token s", auth_key="Token", auth_secrets="s")  # type: ignore[call-arg]


def test_the_positional_argument_may_be_passed_either_way(mock: Mock) -> None:
    served = Served(mock, [get_job_exchange(), get_job_exchange()])
    client = hamsa.Hamsa(**served.options)
    assert client.jobs.get(JOB_ID) == client.jobs.get(job_id=JOB_ID)
    assert served.report() == {"requests": 2, "failures": []}
    assert list(inspect.signature(client.jobs.wait).parameters)[:3] == ["job_id", "poll_interval", "wait_timeout"]
    assert inspect.signature(client.jobs.wait).parameters["poll_interval"].kind is inspect.Parameter.KEYWORD_ONLY
    with pytest.raises(TypeError):
        client.jobs.wait(JOB_ID, 1.0)  # type: ignore[misc]


def test_bad_client_options_are_hamsa_errors() -> None:
    with pytest.raises(hamsa.ConfigurationError):
        hamsa.Hamsa(api_key="k", base_url="http://example.com")  # plain http off loopback
    with pytest.raises(hamsa.ConfigurationError):
        hamsa.Hamsa(api_key="k", region="mars")
    with pytest.raises(hamsa.InvalidArgumentError):
        hamsa.Hamsa(api_key="k", timeout=-1)


def test_api_key_comes_from_the_environment_when_the_client_is_made(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HAMSA_API_KEY", raising=False)
    with pytest.raises(hamsa.ConfigurationError, match="HAMSA_API_KEY"):
        hamsa.Hamsa()
    monkeypatch.setenv("HAMSA_API_KEY", "from-env")
    assert hamsa.Hamsa().base_url == "https://api.tryhamsa.com/"
    assert hamsa.Hamsa(region="uae").base_url == "https://api.uae.tryhamsa.com/"


def test_nested_inputs_as_snake_dicts_or_models_send_the_wire_body(mock: Mock) -> None:
    body = {
        "toNumber": "+966500000001",
        "twilioPhoneNumber": "+1234567890",
        "voiceAgentId": "agent-1",
        "params": {"name": "Sara", "snake_key_kept": 1},
        "webhookUrl": "https://example.com/hook",
        "webhookAuth": {"authKey": "Token", "authSecret": "whk"},
    }
    exchange = {
        "request": {"method": "POST", "path": "/v1/voice-agents/twilio/call", "body": body},
        "response": {"status": 200, "body": {"success": True, "data": {"id": JOB_ID, "status": "PENDING"}}},
    }
    served = Served(mock, [exchange, exchange])
    client = hamsa.Hamsa(**served.options)
    for auth in ({"auth_key": "Token", "auth_secret": "whk"}, hamsa.WebhookAuth(auth_key="Token", auth_secret="whk")):
        job = client.calls.create_twilio(
            to_number="+966500000001",
            twilio_phone_number="+1234567890",
            voice_agent_id="agent-1",
            params={"name": "Sara", "snake_key_kept": 1},
            webhook_url="https://example.com/hook",
            webhook_auth=auth,
        )
        assert job.id == JOB_ID
    assert served.report() == {"requests": 2, "failures": []}


def test_an_inline_agent_is_typed_snake_case_in_camel_case_on_the_wire(mock: Mock) -> None:
    body = {
        "toNumber": "+966500000001",
        "twilioPhoneNumber": "+1234567890",
        "agentDetails": {
            "agentName": "Sara",
            "greetingMessage": "Hello {{customer_name}}",
            "llmConfig": {"modelName": "GPT-4.1", "apiKey": "sk-inline-1"},
            "params": {"customer_name": "Omar"},
            "tools": {"smart_call_end": True},
        },
    }
    answer = {
        "id": JOB_ID,
        "status": "PENDING",
        "agentDetails": {"agentName": "Sara", "llmConfig": {"modelName": "GPT-4.1"}, "futureKey": 1},
    }
    exchange = {
        "request": {"method": "POST", "path": "/v1/voice-agents/twilio/call", "body": body},
        "response": {"status": 200, "body": {"success": True, "data": answer}},
    }
    served = Served(mock, [exchange, exchange])
    client = hamsa.Hamsa(**served.options)
    as_dict = {
        "agent_name": "Sara",
        "greeting_message": "Hello {{customer_name}}",
        "llm_config": {"model_name": "GPT-4.1", "api_key": "sk-inline-1"},
        "params": {"customer_name": "Omar"},
        "tools": {"smart_call_end": True},
    }
    as_model = hamsa.AgentDetails(
        agent_name="Sara",
        greeting_message="Hello {{customer_name}}",
        llm_config=hamsa.LlmConfigV1(model_name="GPT-4.1", api_key="sk-inline-1"),
        params={"customer_name": "Omar"},
        tools={"smart_call_end": True},
    )
    assert "sk-inline-1" not in repr(as_model)
    for agent in (as_dict, as_model):
        job = client.calls.create_twilio(
            to_number="+966500000001", twilio_phone_number="+1234567890", agent_details=agent
        )
        assert isinstance(job.agent_details, hamsa.AgentDetails)
        assert job.agent_details.agent_name == "Sara" and job.agent_details["futureKey"] == 1
        assert job.agent_details.llm_config is not None and job.agent_details.llm_config.model_name == "GPT-4.1"
    assert served.report() == {"requests": 2, "failures": []}


def test_webhooks_verify_and_parse() -> None:
    assert hamsa.webhooks.verify("Token s3", auth_key="Token", auth_secret="s3")
    assert hamsa.webhooks.verify(b"Token s3", auth_key="Token", auth_secret="s3")
    with pytest.raises(hamsa.WebhookVerificationError) as caught:
        hamsa.webhooks.verify(None, auth_key="Token", auth_secret="s3")
    assert caught.value.code == "webhook_verification"
    with pytest.raises(hamsa.InvalidArgumentError) as invalid:
        hamsa.webhooks.parse(42)  # type: ignore[arg-type]
    assert invalid.value.field == "body"
    event = hamsa.webhooks.parse(json.dumps({"eventType": "call.ended", "callId": "c1", "data": {"x": 1}}).encode())
    assert event.event_type == "call.ended" and event.call_id == "c1" and event.data == {"x": 1}
    with pytest.raises(hamsa.HamsaError):
        hamsa.webhooks.parse(b"{not json")


def test_every_operation_is_a_method_of_both_clients_or_a_function() -> None:
    sync, asynchronous = hamsa.Hamsa(**CLIENT), hamsa.AsyncHamsa(**CLIENT)
    for operation, spec in OPERATIONS.items():
        resource, method = operation.split(".")
        if spec["kind"] == "offline":  # needs no client: a function of the module `hamsa.<resource>`
            assert callable(getattr(getattr(hamsa, resource), method)), operation
            assert not hasattr(sync, resource), operation
            continue
        assert callable(getattr(getattr(sync, resource), method)), operation
        assert callable(getattr(getattr(asynchronous, resource), method)), operation


def test_a_list_of_models_result_is_a_list_of_models(mock: Mock) -> None:
    stream = 'event: attempt\ndata: {"message": "Starting API test..."}\n\ndata: plain text\n\n'
    exchange = {
        "request": {
            "method": "POST",
            "path": "/v1/voice-agents/web-tool/test-api-tool",
            "body": {"serverUrl": "https://tools.example.com", "method": "GET", "projectId": "p1"},
        },
        "response": {"status": 200, "headers": {"content-type": "text/event-stream"}, "bodyText": stream},
    }
    served = Served(mock, [exchange])
    client = hamsa.Hamsa(**served.options)
    events = client.web_tools.test(server_url="https://tools.example.com", method="GET", project_id="p1")
    assert [type(e) for e in events] == [hamsa.WebToolTestEvent, hamsa.WebToolTestEvent]
    assert events[0].event == "attempt" and events[0].data == {"message": "Starting API test..."}
    assert events[1].event is None and events[1].data == "plain text"
    assert served.report()["requests"] == 1
